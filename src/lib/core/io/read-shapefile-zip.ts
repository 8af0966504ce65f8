import { iter } from 'but-unzip';
import type { FeatureCollection } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { detectEncoding } from './encoding/detect-encoding';
import { InputError } from './input-error';
import { prjCrs } from './prj-crs';

/** A Shapefile read from a zip, and what its .prj said. */
export interface ShapefileRead {
	collection: FeatureCollection;
	/** The layer's name (the .shp file name without extension). */
	layer: string;
	/** The .prj's coordinate system name, or null when the zip has no .prj (WGS84 assumed). */
	crs: string | null;
}

/**
 * Reads a zipped Shapefile (.shp, .dbf, and optionally .prj and .cpg) with shpjs into GeoJSON.
 * Coordinates must be longitude/latitude on WGS84, JGD2000 or JGD2011 (the .prj is read to
 * check); a projected system, such as a plane rectangular system in metres, gets a message naming
 * it, since the app does not reproject. Attribute text is decoded with the .cpg's encoding, or
 * detected (Shift_JIS is common for Japanese data) when there is none.
 *
 * @param bytes the zip file's content
 * @throws InputError when the file is not a zip, lacks .shp or .dbf, or is not in degrees on a compatible datum
 * @example
 * const { collection } = await readShapefileZip(new Uint8Array(await file.arrayBuffer()), { file: file.name });
 */
export async function readShapefileZip(bytes: Uint8Array, options: { file: string }): Promise<ShapefileRead> {
	const { file } = options;
	const entries = new Map<string, Uint8Array>();
	try {
		if (!hasZipDirectory(bytes)) throw new Error('no zip directory');
		for (const entry of iter(bytes)) {
			if (entry.filename.includes('__MACOSX') || entry.filename.endsWith('/')) continue;
			if (/\.(shp|dbf|prj|cpg)$/i.test(entry.filename)) entries.set(entry.filename, await entry.read());
		}
	} catch {
		throw new InputError(file, 'is not a readable zip archive', { code: 'zip-unreadable', hint: 'A Shapefile must be given as one .zip holding its .shp, .dbf and .prj files.' });
	}
	const names = [...entries.keys()];
	const shpName = names.find((n) => /\.shp$/i.test(n));
	if (shpName === undefined) {
		throw new InputError(file, `holds no .shp file${names.length > 0 ? ` (it holds ${names.join(', ')})` : ''}`, {
			code: 'shapefile-no-shp',
			params: { names: names.join(', ') },
			hint: 'Zip the .shp, .shx, .dbf and .prj files of the layer together.'
		});
	}
	const base = shpName.slice(0, -4);
	const layer = base.split('/').pop() ?? base;
	const part = (ext: string) => names.find((n) => n.slice(0, -4) === base && n.slice(-4).toLowerCase() === ext);
	const dbfName = part('.dbf');
	if (dbfName === undefined) {
		throw new InputError(file, `has ${shpName} but no ${layer}.dbf (the attribute table)`, { code: 'shapefile-no-dbf', params: { shp: shpName, layer }, hint: 'Zip the .dbf file of the same name with the .shp.' });
	}
	const prjName = part('.prj');
	const prjText = prjName === undefined ? null : new TextDecoder().decode(entries.get(prjName));
	const crs = prjText === null ? null : prjCrs(prjText);
	if (prjText !== null && crs === null) {
		throw new InputError(file, `has a ${layer}.prj that does not describe a coordinate system`, { code: 'prj-unreadable', params: { layer }, hint: 'Export the layer again in WGS84 or JGD2011 longitude/latitude (EPSG:4326 or EPSG:6668).' });
	}
	if (crs !== null && !crs.wgs84Compatible) {
		const why = crs.geographic ? 'on a datum other than WGS84, JGD2000 or JGD2011' : 'projected (coordinates in metres, not degrees)';
		throw new InputError(file, `is in the coordinate system "${crs.name}", which is ${why}`, {
			code: crs.geographic ? 'crs-other-datum' : 'crs-projected',
			params: { crs: crs.name },
			hint: 'Reproject it to JGD2011 or WGS84 longitude/latitude (EPSG:6668 or EPSG:4326), e.g. in QGIS with "Export → Save Features As…", and import it again.'
		});
	}
	const cpgName = part('.cpg');
	const dbf = entries.get(dbfName)!;
	const encoding = cpgName !== undefined ? encodingLabel(new TextDecoder().decode(entries.get(cpgName))) : (detectEncoding(dbfText(dbf)) ?? 'utf-8');
	let collection: FeatureCollection;
	try {
		const geometries = parseShp(entries.get(shpName)!);
		const records = parseDbf(dbf, encoding);
		collection = { type: 'FeatureCollection', features: geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: records[i] ?? {} })) };
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		throw new InputError(file, `has a damaged Shapefile (${detail})`, { code: 'shapefile-damaged', params: { detail }, hint: 'Export the layer again.' });
	}
	if (crs === null && !inDegrees(collection)) {
		throw new InputError(file, `has no ${layer}.prj and its coordinates are not longitude/latitude degrees`, { code: 'shapefile-not-degrees', params: { layer }, hint: 'Export it again with its .prj, in WGS84 or JGD2011 longitude/latitude.' });
	}
	return { collection, layer, crs: crs?.name ?? null };
}

/**
 * Whether the bytes end with a zip's end-of-central-directory record pointing inside the file.
 * but-unzip trusts it and loops forever on a damaged or truncated file, so it is checked first.
 */
function hasZipDirectory(b: Uint8Array): boolean {
	for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 65535); at--) {
		if (b[at] !== 0x50 || b[at + 1] !== 0x4b || b[at + 2] !== 0x05 || b[at + 3] !== 0x06) continue;
		const view = new DataView(b.buffer, b.byteOffset + at, 22);
		const size = view.getUint32(12, true);
		const offset = view.getUint32(16, true);
		return offset + size <= at;
	}
	return false;
}

/** A .cpg's label as a WHATWG encoding name (CP932 and friends are Shift_JIS). */
function encodingLabel(cpg: string): string {
	const label = cpg.trim();
	if (/932|sjis|shift/i.test(label)) return 'shift_jis';
	if (/euc/i.test(label)) return 'euc-jp';
	if (/^(65001|utf-?8)$/i.test(label)) return 'utf-8';
	return label;
}

/** The records part of a .dbf (after its header), where the text is, for encoding detection. */
function dbfText(dbf: Uint8Array): Uint8Array {
	const headerLength = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
	return dbf.subarray(Math.min(headerLength, dbf.length), Math.min(dbf.length, headerLength + 65536));
}

/** The first vertices look like degrees (a file without .prj: projected metres are far larger). */
function inDegrees(collection: FeatureCollection): boolean {
	for (const feature of collection.features.slice(0, 50)) {
		const first = JSON.stringify(feature.geometry)?.match(/-?\d+(\.\d+)?(e-?\d+)?/gi);
		if (!first) continue;
		if (first.some((n) => Math.abs(Number(n)) > 180)) return false;
	}
	return true;
}
