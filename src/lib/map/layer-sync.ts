/**
 * Applies the difference between two paint or layout objects to a map layer, so a component
 * re-render sends only the keys that changed (MapLibre re-evaluates a layer on every set call).
 */

/** Keys of `next` whose value differs from `previous`, plus keys removed from it (set to undefined). */
export function changedKeys(
	previous: Record<string, unknown> | undefined,
	next: Record<string, unknown> | undefined
): [key: string, value: unknown][] {
	const before = previous ?? {};
	const after = next ?? {};
	const changes: [string, unknown][] = [];
	for (const [key, value] of Object.entries(after)) {
		if (!sameValue(before[key], value)) changes.push([key, value]);
	}
	for (const key of Object.keys(before)) {
		if (!(key in after)) changes.push([key, undefined]);
	}
	return changes;
}

/** Structural equality for style values (numbers, strings, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
	return a === b || JSON.stringify(a) === JSON.stringify(b);
}
