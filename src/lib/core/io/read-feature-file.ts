import type { FeatureCollection } from 'geojson';
import { decodeText } from './encoding/decode-text';
import { parseGeoJson } from './parse-geojson';

/**
 * A file of features — GeoJSON or a zipped Shapefile, told apart by content (a zip starts with
 * "PK") — as a FeatureCollection. For zones, pass the result to `readZones`; for points, to
 * `readFirmsGeoJson` or `institutionsFromGeoJson`.
 *
 * @throws InputError with what is wrong (not GeoJSON, not a FeatureCollection, no .dbf, projected…)
 * @example
 * const collection = await readFeatureFile(bytes, { file: 'wards.zip' });
 */
export async function readFeatureFile(bytes: Uint8Array, options: { file: string }): Promise<FeatureCollection> {
	if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
		// Loaded for a zip only: the Shapefile reader and proj4 are a third of the command's code.
		const { readShapefileZip } = await import('./read-shapefile-zip');
		return (await readShapefileZip(bytes, options)).collection;
	}
	return parseGeoJson(decodeText(bytes, options), options);
}
