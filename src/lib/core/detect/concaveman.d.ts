// concaveman (mapbox, maintained by mourner; the hull behind @turf/convex) ships JavaScript only;
// this is the signature used here.
declare module 'concaveman' {
	/**
	 * Concave hull of points as a closed ring. `concavity` (default 2): smaller is more concave,
	 * Infinity gives the convex hull; segments shorter than `lengthThreshold` are not refined.
	 */
	export default function concaveman(points: number[][], concavity?: number, lengthThreshold?: number): number[][];
}
