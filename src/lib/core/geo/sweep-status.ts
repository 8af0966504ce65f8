/**
 * The status of a sweep line: segment ids ordered by a caller's comparison, with insert, remove
 * and neighbour lookups in O(log n) expected time. A treap (a binary search tree balanced by
 * random priorities) in typed arrays: no node objects, and the priorities come from a fixed
 * seed so every run builds the same tree. The order is the caller's business; the comparison is
 * only ever asked about ids that are in the set, or the one being inserted.
 *
 * @example
 * const status = new SweepStatus(3, (a, b) => y[a] - y[b]);
 * status.insert(0); status.insert(2);
 * status.below(2); // 0
 */
export class SweepStatus {
	private readonly left: Int32Array;
	private readonly right: Int32Array;
	private readonly priority: Uint32Array;
	private root = -1;

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

	insert(id: number): void {
		this.left[id] = -1;
		this.right[id] = -1;
		this.root = this.insertAt(this.root, id);
	}

	remove(id: number): void {
		this.root = this.removeAt(this.root, id);
	}

	/** The id just above `id` (the next in order), or -1. `id` must be in the set. */
	above(id: number): number {
		let t = this.root;
		let candidate = -1;
		while (t !== id) {
			if (t < 0) return -1;
			if (this.compare(id, t) < 0) {
				candidate = t;
				t = this.left[t];
			} else t = this.right[t];
		}
		t = this.right[id];
		if (t < 0) return candidate;
		while (this.left[t] >= 0) t = this.left[t];
		return t;
	}

	/** The id just below `id` (the previous in order), or -1. `id` must be in the set. */
	below(id: number): number {
		let t = this.root;
		let candidate = -1;
		while (t !== id) {
			if (t < 0) return -1;
			if (this.compare(id, t) < 0) t = this.left[t];
			else {
				candidate = t;
				t = this.right[t];
			}
		}
		t = this.left[id];
		if (t < 0) return candidate;
		while (this.right[t] >= 0) t = this.right[t];
		return t;
	}

	// Recursion depth is the tree's depth, O(log n) expected: about 60 for a million segments.
	private insertAt(t: number, id: number): number {
		if (t < 0) return id;
		const { left, right, priority } = this;
		if (this.compare(id, t) < 0) {
			const l = this.insertAt(left[t], id);
			left[t] = l;
			if (priority[l] > priority[t]) {
				left[t] = right[l];
				right[l] = t;
				return l;
			}
		} else {
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
		if (t === id) return this.merge(this.left[t], this.right[t]);
		if (this.compare(id, t) < 0) this.left[t] = this.removeAt(this.left[t], id);
		else this.right[t] = this.removeAt(this.right[t], id);
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
