/**
 * The status of a sweep line: segment ids ordered by a caller's comparison, with insert, remove
 * and neighbour lookups in O(log n) expected time. A treap (a binary search tree balanced by
 * random priorities) in typed arrays: no node objects, and the priorities come from a fixed
 * seed so every run builds the same tree. The order is the caller's business; the comparison is
 * only ever asked about ids that are in the set, or the one being inserted.
 *
 * @example
 * const status = new SweepStatus(3, (a, b) => y[a] - y[b]);
 * status.insert(0);
 * status.insert(2);
 * status.below; // 0: the one just below 2
 */
export class SweepStatus {
	private readonly left: Int32Array;
	private readonly right: Int32Array;
	private readonly priority: Uint32Array;
	private root = -1;
	/** After an insert or remove: the id next above and next below the one inserted or removed, or -1. */
	above = -1;
	below = -1;

	constructor(
		capacity: number,
		private readonly compare: (a: number, b: number) => number
	) {
		this.left = new Int32Array(capacity);
		this.right = new Int32Array(capacity);
		this.priority = new Uint32Array(capacity);
		let state = 0x9e3779b9;
		for (let i = 0; i < capacity; i++) {
			// xorshift32: cheap, seeded, and random enough to keep the tree's depth logarithmic.
			state ^= state << 13;
			state ^= state >>> 17;
			state ^= state << 5;
			this.priority[i] = state >>> 0;
		}
	}

	/** Adds `id`; then {@link above} and {@link below} are its neighbours. */
	insert(id: number): void {
		this.left[id] = -1;
		this.right[id] = -1;
		this.above = -1;
		this.below = -1;
		this.root = this.insertAt(this.root, id);
	}

	/** Removes `id`, which must be in the set; then {@link above} and {@link below} were its neighbours. */
	remove(id: number): void {
		this.above = -1;
		this.below = -1;
		this.root = this.removeAt(this.root, id);
	}

	// Recursion depth is the tree's depth, O(log n) expected: about 60 for a million segments.
	private insertAt(t: number, id: number): number {
		if (t < 0) return id;
		const { left, right, priority } = this;
		// The last node passed on the left is the next above, on the right the next below.
		if (this.compare(id, t) < 0) {
			this.above = t;
			const l = this.insertAt(left[t], id);
			left[t] = l;
			if (priority[l] > priority[t]) {
				left[t] = right[l];
				right[l] = t;
				return l;
			}
		} else {
			this.below = t;
			const r = this.insertAt(right[t], id);
			right[t] = r;
			if (priority[r] > priority[t]) {
				right[t] = left[r];
				left[r] = t;
				return r;
			}
		}
		return t;
	}

	private removeAt(t: number, id: number): number {
		if (t < 0) return -1;
		const { left, right } = this;
		if (t === id) {
			let n = left[t];
			if (n >= 0) {
				while (right[n] >= 0) n = right[n];
				this.below = n;
			}
			n = right[t];
			if (n >= 0) {
				while (left[n] >= 0) n = left[n];
				this.above = n;
			}
			return this.merge(left[t], right[t]);
		}
		if (this.compare(id, t) < 0) {
			this.above = t;
			left[t] = this.removeAt(left[t], id);
		} else {
			this.below = t;
			right[t] = this.removeAt(right[t], id);
		}
		return t;
	}

	/** Joins two subtrees, every id of `a` ordered before every id of `b`. */
	private merge(a: number, b: number): number {
		if (a < 0) return b;
		if (b < 0) return a;
		if (this.priority[a] > this.priority[b]) {
			this.right[a] = this.merge(this.right[a], b);
			return a;
		}
		this.left[b] = this.merge(a, this.left[b]);
		return b;
	}
}
