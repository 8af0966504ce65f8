import type { Polygon } from 'geojson';
import { cellId, cellPolygon, LISA_CLASSES, type CellLattice, type HotSpotResult } from '../lib/core/stats/hotspots';

/** The output columns, in order (the command-line contract). */
export const HOTSPOT_COLUMNS = [
	'cell_id',
	'firms',
	'gi_star_z',
	'gi_star_p_perm',
	'gi_star_q',
	'local_moran_i',
	'local_moran_z',
	'local_moran_p_perm',
	'local_moran_q',
	'lisa_class'
] as const;

/** Cells per chunk handed to the writer. */
const CHUNK = 5_000;

/**
 * The statistics as CSV text, a few thousand cells per chunk: UTF-8 with a byte order mark and
 * CRLF as the classified CSV; numbers to 12 significant digits; empty where a value is undefined
 * (no permutations, a constant field, a cell without neighbours).
 *
 * @example
 * for (const text of hotspotCsv(lattice, result)) output.write(text);
 */
export function* hotspotCsv(lattice: CellLattice, result: HotSpotResult): Generator<string> {
	let text = `\ufeff${HOTSPOT_COLUMNS.join(',')}\r\n`;
	const n = lattice.counts.length;
	for (let c = 0; c < n; c++) {
		text += `${row(lattice, result, c).map((v) => (v === null ? '' : String(v))).join(',')}\r\n`;
		if ((c + 1) % CHUNK === 0) {
			yield text;
			text = '';
		}
	}
	yield text;
}

/**
 * The statistics as a GeoJSON FeatureCollection of cell polygons (mesh cells from their codes,
 * hexagons from the grid's projection), id the cell id, properties the CSV columns as JSON values
 * (null where undefined); coordinates to 7 decimals (about 1 cm).
 *
 * @example
 * for (const text of hotspotGeoJson(lattice, result)) output.write(text);
 */
export function* hotspotGeoJson(lattice: CellLattice, result: HotSpotResult): Generator<string> {
	let text = '{"type":"FeatureCollection","features":[\n';
	const n = lattice.counts.length;
	for (let c = 0; c < n; c++) {
		const values = row(lattice, result, c);
		const properties = Object.fromEntries(HOTSPOT_COLUMNS.map((name, k) => [name, values[k]]));
		const feature = { type: 'Feature', id: values[0], properties, geometry: rounded(cellPolygon(lattice, c)) };
		text += `${JSON.stringify(feature)}${c + 1 < n ? ',' : ''}\n`;
		if ((c + 1) % CHUNK === 0) {
			yield text;
			text = '';
		}
	}
	yield `${text}]}\n`;
}

function row(lattice: CellLattice, r: HotSpotResult, c: number): (string | number | null)[] {
	const ran = r.permutations > 0;
	return [
		cellId(lattice, c),
		lattice.counts[c],
		num(r.giStarZ[c]),
		num(r.giStarP[c]),
		num(r.giStarQ[c]),
		num(r.localMoranI[c]),
		num(r.localMoranZ[c]),
		num(r.localMoranP[c]),
		num(r.localMoranQ[c]),
		ran ? LISA_CLASSES[r.lisa[c]] : null
	];
}

/** Twelve significant digits: float noise trimmed (0.30000000000000004 → 0.3), NaN → null. */
const num = (v: number): number | null => (Number.isFinite(v) ? Number(v.toPrecision(12)) : null);

function rounded(p: Polygon): Polygon {
	return { type: 'Polygon', coordinates: p.coordinates.map((ring) => ring.map(([x, y]) => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7])) };
}
