/**
 * Writes the committed test fixtures (run again after changing this file):
 *
 *   npx tsx src/cli/test/make-fixtures.ts
 *
 * - src/lib/core/io/test/encodings/: one text in UTF-8, UTF-8 with BOM, Shift_JIS, EUC-JP and
 *   UTF-16LE, plus expected.csv — the encoded bytes come from encoding-japanese;
 * - src/cli/test/in/: firms (UTF-8 CSV with Japanese headers, the same in Shift_JIS with CRLF,
 *   a UTF-8-with-BOM TSV, GeoJSON), zones, institutions, seeded so that reruns give the same bytes;
 * - src/cli/test/bad/: files the CLI must refuse with one clear line.
 */
import Encoding from 'encoding-japanese';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../../lib/core/sample/random';

const HERE = dirname(fileURLToPath(import.meta.url));
const ENCODINGS_DIR = join(HERE, '../../lib/core/io/test/encodings');


/** Characters that survive Shift_JIS and EUC-JP both ways (checked below). */
const JAPANESE = '株式会社①㈱髙橋～－ｱｲｳ大田区蒲田製作所東京都';

function toSjis(text: string): Uint8Array {
	return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

function toEucJp(text: string): Uint8Array {
	return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'EUCJP', from: 'UNICODE' }));
}

function checkedRoundTrip(text: string, bytes: Uint8Array, encoding: string): Uint8Array {
	const back = new TextDecoder(encoding).decode(bytes);
	if (back !== text) throw new Error(`fixture text does not survive ${encoding}; change the characters`);
	return bytes;
}

function write(path: string, data: string | Uint8Array): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, data);
}

/** RFC 4180 cell for any delimiter (no formula guard: fixtures hold the raw text). */
function cell(text: string, delimiter: string): string {
	return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function table(rows: string[][], delimiter = ',', newline = '\n'): string {
	return rows.map((row) => row.map((c) => cell(c, delimiter)).join(delimiter)).join(newline) + newline;
}

// --- encodings -------------------------------------------------------------------------------
const encodingText = table([
	['id', '会社名', '緯度', '経度'],
	['1', `${JAPANESE}`, '35.561', '139.716'],
	['2', '"引用", カンマ', '35.571', '139.726']
]);
write(join(ENCODINGS_DIR, 'expected.csv'), encodingText);
write(join(ENCODINGS_DIR, 'utf-8.csv'), encodingText);
write(join(ENCODINGS_DIR, 'utf-8-bom.csv'), '\ufeff' + encodingText);
write(join(ENCODINGS_DIR, 'shift_jis.csv'), checkedRoundTrip(encodingText, toSjis(encodingText), 'shift_jis'));
write(join(ENCODINGS_DIR, 'euc-jp.csv'), checkedRoundTrip(encodingText, toEucJp(encodingText), 'euc-jp'));
write(join(ENCODINGS_DIR, 'utf-16le.csv'), Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(encodingText, (c) => c.charCodeAt(0)).buffer)]));

// --- firms ------------------------------------------------------------------------------------
/** Cell texts that break naive CSV code: quotes, delimiters, line breaks, formula starts. */
const AWKWARD = [
	'大田区, 蒲田',
	'社長曰く "品質第一"',
	'改行\nあり',
	'CRLF\r\n改行',
	'=SUM(A1:A2)',
	'+81-3-1234-5678',
	'-12.5',
	'+7',
	'@取引先',
	'-',
	'',
	'  前後に空白  ',
	'"',
	"'既に引用符",
	'＝全角は数式ではない',
	'タブ\tあり',
	'セミ;コロン',
	JAPANESE
];

// The sample generator's seeded source: the same fixtures on every run.
const random = createRandom(20240501).next;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const HEADER = ['id', '会社名', '所在地', '緯度', '経度', '従業者数', 'メモ', '利益'];
const firmRows: string[][] = [];
for (let i = 1; i <= 240; i++) {
	const lon = (139.64 + random() * 0.16).toFixed(6);
	const lat = (35.5 + random() * 0.12).toFixed(6);
	firmRows.push([`F${String(i).padStart(4, '0')}`, `${pick(['山田', '田中', '髙橋', '鈴木'])}${pick(['製作所', '工業', '精機'])}`, pick(AWKWARD), lat, lon, String(Math.floor(random() * 300)), pick(AWKWARD), pick(['-12.5', '+3', '0', '1e3', '-', '=1+2'])]);
}
// Points exactly on zone boundaries (see zones below): a vertex, an edge, a hole's edge.
firmRows.push(['B0001', '頂点', '', '35.54', '139.7', '1', '', '']);
firmRows.push(['B0002', '辺上', '', '35.55', '139.7', '1', '', '']);
firmRows.push(['B0003', '穴の辺', '', '35.55', '139.715', '1', '', '']);
firmRows.push(['B0004', '穴の中', '', '35.55', '139.72', '1', '', '']);
// Rows with unusable coordinates: kept, computed columns empty, problem said.
firmRows.push(['P0001', '緯度なし', '', '', '139.7', '1', '', '']);
firmRows.push(['P0002', '小数点カンマ', '', '35,6', '139.7', '1', '', '']);
firmRows.push(['P0003', '文字', '', 'abc', '139.7', '1', '', '']);
firmRows.push(['P0004', '範囲外', '', '95.2', '139.7', '1', '', '']);
firmRows.push(['P0005', '経度範囲外', '', '35.5', '-181', '1', '', '']);
firmRows.push(['P0006', '全角数字', '', '３５．５６', '１３９．７２', '1', '', '']);
// Shuffle the special rows in among the others, deterministically.
for (let i = firmRows.length - 1; i > 0; i--) {
	const j = Math.floor(random() * (i + 1));
	[firmRows[i], firmRows[j]] = [firmRows[j], firmRows[i]];
}
const firmsCsv = table([HEADER, ...firmRows]);
// A short row and a long one (written by hand: the table helper would quote them right).
const raggedCsv = firmsCsv + 'R0001,短い行,,35.55\nR0002,長い行,,35.55,139.7,1,,,余分1,余分2\n';
write(join(HERE, 'in/firms.csv'), raggedCsv);
write(join(HERE, 'in/firms-sjis.csv'), checkedRoundTrip(table([HEADER, ...firmRows], ',', '\r\n'), toSjis(table([HEADER, ...firmRows], ',', '\r\n')), 'shift_jis'));
write(join(HERE, 'in/firms-bom.tsv'), '\ufeff' + table([['id', 'Name', 'Latitude', 'Longitude', 'note'], ...firmRows.map((r) => [r[0], r[1], r[3], r[4], r[6]])], '\t'));
write(
	join(HERE, 'in/firms.geojson'),
	JSON.stringify(
		{
			type: 'FeatureCollection',
			features: firmRows.slice(0, 60).map((r, i) => ({
				type: 'Feature',
				id: r[0],
				properties: { 会社名: r[1], メモ: r[6], 従業者数: Number(r[5]), tags: i % 7 === 0 ? ['a', 'b'] : null },
				geometry: i === 5 ? null : { type: 'Point', coordinates: [Number(r[4]), Number(r[3])] }
			}))
		},
		null,
		1
	) + '\n'
);

// --- zones ------------------------------------------------------------------------------------
const square = (w: number, s: number, e: number, n: number) => [
	[w, s],
	[e, s],
	[e, n],
	[w, n],
	[w, s]
];
const zones = {
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', id: 'z-hole', properties: { name: '穴あき' }, geometry: { type: 'Polygon', coordinates: [square(139.7, 35.54, 139.74, 35.56), square(139.715, 35.545, 139.725, 35.555).reverse()] } },
		{
			type: 'Feature',
			properties: { id: 'z-multi', name: '飛び地' },
			geometry: {
				type: 'MultiPolygon',
				coordinates: [
					[[[139.65, 35.58], [139.68, 35.58], [139.665, 35.61], [139.65, 35.58]]],
					[[[139.75, 35.5], [139.79, 35.5], [139.77, 35.53], [139.75, 35.5]]]
				]
			}
		},
		{ type: 'Feature', properties: { name: 'z-overlap-a' }, geometry: { type: 'Polygon', coordinates: [square(139.66, 35.5, 139.7, 35.54)] } },
		{ type: 'Feature', id: 'z-overlap-b', properties: {}, geometry: { type: 'Polygon', coordinates: [square(139.68, 35.52, 139.72, 35.56)] } },
		{
			type: 'Feature',
			id: '=z-bowtie',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [[[139.74, 35.57], [139.78, 35.61], [139.78, 35.57], [139.74, 35.61], [139.74, 35.57]]] }
		}
	]
};
write(join(HERE, 'in/zones.geojson'), JSON.stringify(zones, null, 1) + '\n');

// --- institutions -----------------------------------------------------------------------------
const institutions = Array.from({ length: 12 }, (_, i) => ({
	id: `inst-${i + 1}`,
	name: `${pick(['東京', '大田', '蒲田'])}${pick(['大学', '技術センター', '研究所'])} ${i + 1}`,
	lat: (35.45 + random() * 0.25).toFixed(5),
	lon: (139.6 + random() * 0.25).toFixed(5)
}));
write(join(HERE, 'in/institutions.csv'), table([['id', 'name', 'lat', 'lon'], ...institutions.map((x) => [x.id, x.name, x.lat, x.lon])]));
write(
	join(HERE, 'in/institutions.geojson'),
	JSON.stringify({
		type: 'FeatureCollection',
		features: institutions.map((x) => ({ type: 'Feature', properties: { name: x.id, 名称: x.name }, geometry: { type: 'Point', coordinates: [Number(x.lon), Number(x.lat)] } }))
	}) + '\n'
);

// --- unusable files ---------------------------------------------------------------------------
write(join(HERE, 'bad/empty.csv'), '');
write(join(HERE, 'bad/header-only.csv'), '会社名,緯度,経度\r\n');
write(join(HERE, 'bad/no-coordinates.csv'), table([['会社名', '住所'], ['山田製作所', '東京都大田区']]));
// Neither coordinates nor an address: classify cannot place it (with an address it geocodes first).
write(join(HERE, 'bad/no-location.csv'), table([['会社名', '業種'], ['山田製作所', '金属製品']]));
write(join(HERE, 'bad/binary.csv'), Uint8Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff));
write(join(HERE, 'bad/unclosed-quote.csv'), 'id,lat,lon\n1,35.5,139.7\n2,"35.5,139.7\n3,35.6,139.8\n');
write(join(HERE, 'bad/not-json.geojson'), '{"type": "FeatureCollection", "features": [\n  {"type": "Feature",, }\n]}\n');
write(join(HERE, 'bad/single-feature.geojson'), JSON.stringify(zones.features[0]) + '\n');
write(join(HERE, 'bad/points-as-zones.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [139.7, 35.5] } }] }) + '\n');
write(join(HERE, 'bad/mixed-encoding.csv'), new Uint8Array([...new TextEncoder().encode('id,lat,lon\n' + '1,35.5,139.7\n'.repeat(6000)), ...toSjis('2,35.5,139.7,大田\n')]));

console.log('fixtures written');
