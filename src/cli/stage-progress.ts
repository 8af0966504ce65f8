/**
 * A one-line progress display on stderr for a command with stages (reading, then computing):
 * redrawn at most four times a second, only when stderr is a terminal, so logs and pipes get just
 * the summary.
 */
export class StageProgress {
	private last = -Infinity;
	private shown = false;

	/** @param stream where to draw (stderr) */
	constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

	/**
	 * Shows `text` (one short line) unless the last redraw was under 250 ms ago. A function is
	 * called only for a redraw: callers that report thousands of times skip formatting numbers.
	 */
	update(text: string | (() => string)): void {
		if (this.stream.isTTY !== true) return;
		const now = performance.now();
		if (now - this.last < 250) return;
		this.last = now;
		this.stream.write(`\r\x1b[K${typeof text === 'function' ? text() : text}`);
		this.shown = true;
	}

	/** Clears the line before the summary. */
	clear(): void {
		if (this.shown) this.stream.write('\r\x1b[K');
		this.shown = false;
	}
}
