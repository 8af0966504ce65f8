/**
 * Lets the page paint and take input before going on: work on a million firms done in one task
 * freezes the page for its whole length, while the same work in a few tasks does not.
 * `scheduler.yield` (Chromium) resumes ahead of other queued work; elsewhere a timeout does.
 *
 * @example
 * await yieldToPage(); // the next lines run in a task of their own
 */
export function yieldToPage(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
