/** The parts of shpjs used here (the package ships no types). */
declare module 'shpjs' {
	import type { Geometry } from 'geojson';
	/** Geometries of a .shp file; with a proj4 projection they are reprojected to WGS84. */
	export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string): Geometry[];
	/** Records of a .dbf file; `cpg` is the text encoding label (a .cpg file's content). */
	export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string): Record<string, unknown>[];
}
