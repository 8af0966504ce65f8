/** Remembers ids as rows go by; tells when one comes back. */
export interface DuplicateIds {
	/** Line of the first row with this id, or null the first time it is seen. Empty ids are ignored. */
	see(id: string, line: number): number | null;
	/** Rows seen again so far. */
	readonly repeats: number;
}

/**
 * A tracker of ids across batches, for warning about rows that share an id (results keyed by id
 * could not tell them apart). Ids are compared as written, after trimming spaces.
 *
 * @example
 * const ids = duplicateIds();
 * ids.see('F1', 2); // null
 * ids.see('F1', 9); // 2
 */
export function duplicateIds(): DuplicateIds {
	const first = new Map<string, number>();
	let repeats = 0;
	return {
		see(id, line) {
			const key = id.trim();
			if (key === '') return null;
			const earlier = first.get(key);
			if (earlier !== undefined) {
				repeats++;
				return earlier;
			}
			first.set(key, line);
			return null;
		},
		get repeats() {
			return repeats;
		}
	};
}
