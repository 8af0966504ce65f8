/**
 * The imported R&D institutions and the reference layers in a session file, checked on the way
 * in: a session file may have been edited by hand or come from someone else, so every field is
 * validated and a wrong one named, as for zones.
 */
import type { Position } from 'geojson';
import { InputError } from '$lib/core/io/input-error';
import { INSTITUTION_TYPES, type InstitutionType } from '$lib/core/model';
import type { InstitutionPoint } from '$lib/core/io';
import type { ImportedInstitutions } from '$lib/data/import-institutions';
import type { ReferenceFeature, ReferenceLayer } from '$lib/data/reference-layers';

/**
 * The `institutions` field: null (the bundled ones) or the imported file's institutions.
 *
 * @throws InputError naming the file and the entry that is wrong
 * @example
 * readSessionInstitutions({ file: 'labs.csv', mode: 'add', institutions: [{ id: 'L1', lon: 139.7, lat: 35.6 }] }, 's.json');
 */
export function readSessionInstitutions(value: unknown, file: string): ImportedInstitutions | null {
	if (value === null) return null;
	if (!isObject(value) || typeof value.file !== 'string' || (value.mode !== 'add' && value.mode !== 'replace') || !Array.isArray(value.institutions)) {
		throw new InputError(file, '"institutions" is not { file, mode ("add" or "replace"), institutions: [...] }');
	}
	const institutions = value.institutions.map((entry, k) => readInstitution(entry, file, k));
	return { file: value.file, mode: value.mode, institutions };
}

function readInstitution(entry: unknown, file: string, k: number): InstitutionPoint {
	const where = `"institutions.institutions[${k}]"`;
	if (!isObject(entry) || typeof entry.id !== 'string' || !isLongitude(entry.lon) || !isLatitude(entry.lat)) {
		throw new InputError(file, `${where} is not { id (text), lon, lat (WGS84 degrees) }`);
	}
	const point: InstitutionPoint = { id: entry.id, lon: entry.lon as number, lat: entry.lat as number };
	if (entry.name !== undefined) {
		if (typeof entry.name !== 'string') throw new InputError(file, `${where}.name is not text`);
		point.name = entry.name;
	}
	if (entry.type !== undefined) {
		if (!INSTITUTION_TYPES.includes(entry.type as InstitutionType)) throw new InputError(file, `${where}.type is not one of ${INSTITUTION_TYPES.join(', ')}`);
		point.type = entry.type as InstitutionType;
	}
	if (entry.typeText !== undefined) {
		if (typeof entry.typeText !== 'string') throw new InputError(file, `${where}.typeText is not text`);
		point.typeText = entry.typeText;
	}
	return point;
}

/**
 * The `references` field: the reference layers, each with its labelled polygons.
 *
 * @throws InputError naming the file and the layer or polygon that is wrong
 * @example
 * readSessionReferences([{ id: 'ref-1', name: 'wards.zip', source: 'file', features: [...] }], 's.json');
 */
export function readSessionReferences(value: unknown, file: string): ReferenceLayer[] {
	if (!Array.isArray(value)) throw new InputError(file, '"references" is not a list of reference layers');
	return value.map((layer, k) => {
		const where = `"references[${k}]"`;
		if (!isObject(layer) || typeof layer.id !== 'string' || typeof layer.name !== 'string' || (layer.source !== 'file' && layer.source !== 'municipality') || !Array.isArray(layer.features)) {
			throw new InputError(file, `${where} is not { id, name, source ("file" or "municipality"), features: [...] }`);
		}
		if (layer.code5 !== undefined && (typeof layer.code5 !== 'string' || !/^\d{5}$/.test(layer.code5))) {
			throw new InputError(file, `${where}.code5 is not a 5-digit municipality code`);
		}
		const id = layer.id;
		const features = layer.features.map((feature, f) => readReferenceFeature(feature, id, file, `${where}.features[${f}]`));
		const read: ReferenceLayer = { id, name: layer.name, source: layer.source, features };
		if (layer.code5 !== undefined) read.code5 = layer.code5 as string;
		return read;
	});
}

function readReferenceFeature(value: unknown, layer: string, file: string, where: string): ReferenceFeature {
	const geometry = isObject(value) ? value.geometry : undefined;
	const label = isObject(value) && isObject(value.properties) ? value.properties.label : undefined;
	const polygon = isObject(geometry) && geometry.type === 'Polygon' && isPolygon(geometry.coordinates);
	const multi = isObject(geometry) && geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates) && geometry.coordinates.every(isPolygon);
	if (typeof label !== 'string' || !(polygon || multi)) {
		throw new InputError(file, `${where} is not a Polygon or MultiPolygon feature with a "label" property`);
	}
	return { type: 'Feature', properties: { layer, label }, geometry: geometry as unknown as ReferenceFeature['geometry'] };
}

function isPolygon(rings: unknown): rings is Position[][] {
	return Array.isArray(rings) && rings.length > 0 && rings.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));
}

function isPosition(p: unknown): boolean {
	return Array.isArray(p) && p.length >= 2 && isLongitude(p[0]) && isLatitude(p[1]);
}

const isLongitude = (v: unknown) => typeof v === 'number' && v >= -180 && v <= 180;
const isLatitude = (v: unknown) => typeof v === 'number' && v >= -90 && v <= 90;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
