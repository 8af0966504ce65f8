// robust-predicates (mourner) ships JavaScript only; these are the signatures used here.
declare module 'robust-predicates' {
	/** Negative when a, b, c turn counter-clockwise (x east, y north), positive clockwise, exactly 0 when collinear. */
	export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number;
}
