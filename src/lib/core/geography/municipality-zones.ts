/**
 * Municipalities and prefectures as zones, from the committed N03 boundaries (2021-01-01, 1 %
 * simplified): `municipality:13111`, `prefecture:27` on the command line, the app's municipality layer
 * and its "Municipal boundary by code" form. A designated city's own code (浜松市 22130, 大阪市 27100)
 * resolves to the union of its wards, which are what N03 has.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseMunicipalityCode } from '../codes/municipality-code';
import type { MunicipalityIndex, MunicipalityProperties, PrefectureFeature } from '../geodata-types';
import { InputError } from '../io/input-error';
import { unionOfMunicipalities, type MunicipalTopology } from './topology';

/** The bundled boundaries: the index and a prefecture's topology once loaded (undefined before). */
export interface MunicipalLookup {
	index: MunicipalityIndex;
	topology(prefCode: string): MunicipalTopology | undefined;
}

/** A code that names a bundled boundary. */
export interface ResolvedMunicipality {
	code: string;
	code6: string;
	name: string;
	pref_code: string;
	/** The N03 codes whose union is the boundary: the code itself, or a designated city's wards. */
	codes: string[];
}

/** Why a code does not name a bundled boundary; `message` is an English sentence for the CLI. */
export type MunicipalityProblem =
	| { reason: 'format' | 'prefecture' | 'prefecture-only'; text: string; message: string }
	| { reason: 'check-digit'; text: string; expected: string; message: string }
	| { reason: 'unknown'; text: string; code: string; date: string; message: string };

/** What the code's prefecture file must be loaded for (null for a code that cannot be valid). */
export function prefectureOfCode(text: string): string | null {
	const parsed = parseMunicipalityCode(text);
	return parsed.ok ? parsed.code5.slice(0, 2) : null;
}

/**
 * Reads a municipality code (5 digits, or 6 with a check digit, which is checked) and finds its
 * boundary; the code's prefecture file must be loaded (see {@link prefectureOfCode}).
 *
 * @example
 * resolveMunicipality('22130', lookup); // { code: '22130', name: '浜松市', codes: ['22131', …, '22137'], … }
 * resolveMunicipality('22138', lookup); // { reason: 'unknown', message: 'no municipality 22138 in the bundled boundaries of 2021-01-01 …' }
 */
export function resolveMunicipality(text: string, lookup: MunicipalLookup): ResolvedMunicipality | MunicipalityProblem {
	const parsed = parseMunicipalityCode(text);
	if (!parsed.ok) {
		if (parsed.reason === 'check-digit') {
			return { ...parsed, message: `"${text}" has a wrong check digit: the 6-digit code is ${parsed.expected} (or give the 5 digits ${parsed.expected.slice(0, 5)})` };
		}
		const why = { format: 'is not a municipality code: give 5 digits (13111) or 6 with the check digit (131113)', prefecture: 'does not start with a prefecture code 01–47', 'prefecture-only': 'is a prefecture, not a municipality: use prefecture:' + parsed.text.slice(0, 2) }[parsed.reason];
		return { reason: parsed.reason, text, message: `"${text}" ${why}` };
	}
	const { code5, code6 } = parsed;
	const pref = code5.slice(0, 2);
	const city = lookup.index.designated_cities.find((c) => c.code === code5);
	const geometries = lookup.topology(pref)?.objects.municipalities.geometries ?? [];
	if (city) return { code: code5, code6, name: city.name, pref_code: pref, codes: city.wards };
	const own = geometries.find((g) => (g.properties as MunicipalityProperties | undefined)?.code === code5)?.properties as MunicipalityProperties | undefined;
	if (own) return { code: code5, code6, name: own.name, pref_code: pref, codes: [code5] };
	const date = lookup.index.date;
	const hamamatsu2024 = /^2213[89]|^22140/.test(code5) ? ': Hamamatsu\'s wards were reorganised in 2024; use 22130 for the whole city or its 2021 wards 22131–22137' : '';
	return {
		reason: 'unknown',
		text,
		code: code5,
		date,
		message: `no municipality ${code5} in the bundled boundaries of ${date} (N03, simplified to ${lookup.index.simplification} of the vertices)${hamamatsu2024 || '; a code created or changed after that date is not in them'}`
	};
}

/**
 * Municipalities as zone features (id = 5-digit code, name = the municipality's name) for
 * `validateZones` with `source: 'municipality'`.
 *
 * @param texts the codes as typed
 * @param options.file how the user named them, for messages (e.g. `municipality:13111`)
 * @throws InputError naming the code and what to do
 * @example
 * municipalityZones(['13111', '13112'], lookup, { file: 'municipality:13111,13112' });
 */
export function municipalityZones(texts: readonly string[], lookup: MunicipalLookup, options: { file: string }): Feature<Polygon | MultiPolygon>[] {
	return texts.map((text) => {
		const found = resolveMunicipality(text.trim(), lookup);
		if ('reason' in found) throw new InputError(options.file, found.message, { hint: 'Municipality codes are 全国地方公共団体コード, 5 digits or 6 with the check digit.' });
		const geometry = unionOfMunicipalities(lookup.topology(found.pref_code)!, found.codes);
		if (!geometry) throw new InputError(options.file, `the boundary of ${found.code} lacks a ward (${found.codes.join(', ')})`);
		return municipalityZoneFeature(found, geometry, lookup.index);
	});
}

/** The zone feature of a resolved municipality, saying which boundaries it is. */
export function municipalityZoneFeature(m: ResolvedMunicipality, geometry: Polygon | MultiPolygon, index: MunicipalityIndex): Feature<Polygon | MultiPolygon> {
	return {
		type: 'Feature',
		id: m.code,
		properties: { id: m.code, name: m.name, code6: m.code6, pref_code: m.pref_code, boundary: `N03 ${index.date}, ${index.simplification} simplified` },
		geometry
	};
}

/**
 * Prefectures as zone features (id = two-digit code) from `1`, `01`, `27`, `JP-27`, `Osaka`, `大阪府`
 * or `大阪`.
 *
 * @throws InputError naming the text and the accepted forms
 * @example
 * prefectureZones(['27'], prefectures, { file: 'prefecture:27' })[0].properties.name; // 'Osaka'
 */
export function prefectureZones(texts: readonly string[], prefectures: readonly PrefectureFeature[], options: { file: string }): Feature<Polygon | MultiPolygon>[] {
	return texts.map((text) => {
		const p = findPrefecture(text, prefectures);
		if (!p) throw new InputError(options.file, `names no prefecture "${text.trim()}"`, { hint: 'Use a JIS code 01–47 (prefecture:27), or a name: Osaka, 大阪府.' });
		const { code, name_en, name_ja } = p.properties;
		return { type: 'Feature', id: code, properties: { id: code, name: name_en, name_ja }, geometry: p.geometry };
	});
}

function findPrefecture(text: string, prefectures: readonly PrefectureFeature[]): PrefectureFeature | undefined {
	const t = text.normalize('NFKC').trim().replace(/^jp-/i, '');
	if (/^\d{1,2}$/.test(t)) return prefectures.find((f) => f.properties.code === t.padStart(2, '0'));
	const plain = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');
	return prefectures.find((f) => {
		const { name_en, name_ja } = f.properties;
		return plain(name_en) === plain(t) || name_ja === t || (name_ja !== '北海道' && name_ja.slice(0, -1) === t);
	});
}
