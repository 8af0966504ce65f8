/**
 * The bundled field-study districts a user names (`--zones district:ota`, a district id or name in
 * any spelling) as zone features, read like a zones file.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { District, DistrictPolygonCollection } from '../geodata-types';
import { InputError } from './input-error';

/** Lower case, no accents, spaces, hyphens or dots: `Higashi-Osaka` and `higashi osaka` → `higashiosaka`. */
function plain(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\s\-_.・･]/g, '');
}

/**
 * The district a user means: its id, English name or Japanese name in any spelling that differs only
 * in case, accents, spaces or hyphens (`higashi-osaka`, `HigashiOsaka`, `Ōta`), or with a trailing
 * 市, 区, 地区 or `district` (`東大阪市`, `大田区`). Returns undefined when none matches.
 *
 * @example
 * findDistrict('東大阪', districts)?.id; // 'higashiosaka'
 */
export function findDistrict(text: string, districts: readonly District[]): District | undefined {
	const t = plain(text).replace(/(地区|district)$/, '');
	const bare = t.replace(/[市区町]$/, '');
	return districts.find((d) => [d.id, plain(d.name_en), plain(d.name_ja)].some((name) => name === t || name === bare));
}

/**
 * The bundled field-study districts as zone features: one per district, its polygon the union of its
 * member municipalities' N03 boundaries (2021-01-01, 1 % simplified; `geodata/districts.geo.json`).
 * Feed the result to `validateZones` with `source: 'district'`.
 *
 * @param districts `geodata/districts.json`
 * @param polygons `geodata/districts.geo.json`
 * @param options.ids district ids or names (see {@link findDistrict}), or 'all' for every district in file order
 * @param options.file how the user named them, for messages (e.g. `district:ota`)
 * @throws InputError for an unknown district, listing the valid ids
 * @example
 * const features = districtZones(districts, polygons, { ids: ['ota', 'kiryu'] });
 */
export function districtZones(
	districts: readonly District[],
	polygons: DistrictPolygonCollection,
	options: { ids: readonly string[] | 'all'; file?: string }
): Feature<Polygon | MultiPolygon>[] {
	const known = districts.map((d) => d.id).join(', ');
	const chosen =
		options.ids === 'all'
			? districts
			: options.ids.map((id) => {
					const district = findDistrict(id, districts);
					if (district) return district;
					throw new InputError(options.file ?? `district:${id}`, `names no bundled district "${id.trim()}"`, {
						code: 'unknown-district',
						params: { id: id.trim(), known },
						hint: `Use one of: ${known}, or all.`
					});
				});
	return chosen.map((district) => {
		const polygon = polygons.features.find((f) => f.id === district.id);
		// A broken installation, not the user's input: reported as an unexpected failure.
		if (!polygon) throw new Error(`geodata/districts.geo.json has no polygon for district "${district.id}"; run npm run geodata`);
		return {
			type: 'Feature',
			id: district.id,
			properties: {
				id: district.id,
				name: district.name_en,
				name_ja: district.name_ja,
				municipalities: district.municipalities.map((m) => m.code5),
				boundary: 'N03 2021-01-01, 1% simplified'
			},
			geometry: polygon.geometry
		};
	});
}
