import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyFirms } from '$lib/core/classify';
import { institutionsFromGeoJson, parseGeoJson } from '$lib/core/io';
import type { Zone } from '$lib/core/model';
import { buildInstitutionIndex, nearestInstitutions } from '$lib/core/proximity';
import { createRandom } from '$lib/core/sample';
import { firmTableFromCsvText } from '$lib/data/read-firm-table';
import type { FirmTable } from '$lib/core/firm-table';
import { importFirms } from '$lib/data/import-firms';
import { previewImport } from '$lib/data/import-preview';
import { bytesSource } from '$lib/data/import-source';
import { zonesFromGeoJson } from '../../routes/session/zones-geojson';
import { exportFirms, INSIDE_STABILITY_COLUMN, ZONE_NAMES_COLUMN, type FirmExportFormat } from './export-firms';

// The app's export against the real `cluster-map classify` on the same firms, zones and
// institutions: the export must be the CLI's output plus the zone_names column.

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/cluster-map.js');
const CLI_IN = join(ROOT, 'src/cli/test/in');
const OUT = mkdtempSync(join(tmpdir(), 'cluster-map-export-'));
const BUFFER_KM = 2;

/** Cell texts that writers get wrong: formulas, quotes, delimiters, line breaks, Japanese. */
const TRICKY = ['=SUM(A1:A2)', '+81-3-1234-5678', '-12.5', '@user', '"', 'a,b', 'line\nbreak', '東京都大田区', '髙橋製作所', '', ' spaced ', '1e3'];

function firmsCsv(count: number): string {
	const rng = createRandom(4242);
	const lines = ['id,lat,lon,name,memo,jsic_medium'];
	for (let i = 0; i < count; i++) {
		const lat = (35.49 + rng.next() * 0.13).toFixed(6);
		const lon = (139.63 + rng.next() * 0.17).toFixed(6);
		const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
		lines.push([`F${i}`, lat, lon, cell(TRICKY[rng.int(0, TRICKY.length - 1)]), cell(TRICKY[rng.int(0, TRICKY.length - 1)]), '26'].join(','));
	}
	return lines.join('\n') + '\n';
}

function cli(...args: string[]): Promise<void> {
	return new Promise((resolve, reject) => execFile(process.execPath, [BIN, ...args], (error, _out, stderr) => (error ? reject(new Error(stderr)) : resolve())));
}

const text = firmsCsv(700);
const sample: FirmTable = await firmTableFromCsvText(text, { file: 'firms.csv' });
/** A five-pointed star drawn in one stroke: its middle is gone round twice (inside once repaired, as the CLI does). */
function star(lon: number, lat: number, r: number): number[][] {
	const points = [0, 2, 4, 1, 3].map((k) => [lon + r * Math.sin((2 * Math.PI * k) / 5), lat + r * Math.cos((2 * Math.PI * k) / 5)]);
	return [...points, points[0]];
}
const fixture = JSON.parse(readFileSync(join(CLI_IN, 'zones.geojson'), 'utf8'));
fixture.features.push({ type: 'Feature', id: 'star', properties: { name: '星' }, geometry: { type: 'Polygon', coordinates: [star(139.7, 35.56, 0.05)] } });
const zonesText = JSON.stringify(fixture);
const ZONES_FILE = join(OUT, 'zones.geojson');
// As the page holds them: read unrepaired (the bow tie crosses itself), so the export must repair them as the CLI does.
const zones = zonesFromGeoJson(JSON.parse(zonesText), { file: 'zones.geojson' });
const nameOf = new Map(zones.map((z) => [z.id, z.name]));
const institutions = institutionsFromGeoJson(parseGeoJson(readFileSync(join(CLI_IN, 'institutions.geojson'), 'utf8'), { file: 'i' }), { file: 'i' }).institutions;
/** The export's input as the page gives it: the firms classified by the engine, with their nearest institutions. */
function asPage<T extends { lon: Float64Array; lat: Float64Array }>(firms: T, zoneList: Zone[]) {
	const nearest = nearestInstitutions(buildInstitutionIndex(institutions), firms.lon, firms.lat);
	return {
		...firms,
		zones: zoneList,
		institutionIds: institutions.map((institution) => institution.id),
		bufferKm: BUFFER_KM,
		classification: classifyFirms(zoneList, firms.lon, firms.lat),
		nearest: { index: nearest.nearest, km: nearest.km }
	};
}
const input = asPage(sample, zones);

let cliCsv: string[][];
let cliGeoJson: { features: { geometry: unknown; properties: Record<string, unknown> }[] };

beforeAll(async () => {
	writeFileSync(join(OUT, 'firms.csv'), text);
	writeFileSync(ZONES_FILE, zonesText);
	const common = ['classify', '--firms', join(OUT, 'firms.csv'), '--zones', ZONES_FILE, '--institutions', join(CLI_IN, 'institutions.geojson'), '--buffer-km', String(BUFFER_KM)];
	await cli(...common, '--out', join(OUT, 'out.csv'));
	await cli(...common, '--out', join(OUT, 'out.geojson'));
	cliCsv = parse(readFileSync(join(OUT, 'out.csv'), 'utf8'));
	cliGeoJson = JSON.parse(readFileSync(join(OUT, 'out.geojson'), 'utf8'));
}, 60_000);

function parse(csv: string): string[][] {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

/** Decodes keeping the byte order mark, to check that it is there. */
const utf8 = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

function bytes(format: FirmExportFormat, filter: 'all' | 'inside' | 'outside' = 'all', batchSize?: number): Uint8Array {
	const { parts } = exportFirms(input, { format, filter, batchSize });
	return Buffer.concat(parts);
}

/** Drops the zone_names column, checking that it names the zone_ids' zones. */
function withoutZoneNames(rows: string[][]): string[][] {
	const at = rows[0].indexOf(ZONE_NAMES_COLUMN);
	expect(at).toBe(sample.columns.length);
	const idsAt = rows[0].indexOf('zone_ids');
	for (const row of rows.slice(1)) {
		const expected = row[idsAt] === '' ? '' : row[idsAt].split(';').map((id) => nameOf.get(id.replace(/^'/, ''))).join(';');
		expect(row[at].replace(/^'/, '')).toBe(expected);
	}
	return rows.map((row) => row.filter((_, j) => j !== at));
}

describe('exportFirms', () => {
	it('writes the CLI output plus zone_names, every original cell unchanged (UTF-8 with BOM)', () => {
		const csv = utf8(bytes('csv'));
		expect(withoutZoneNames(parse(csv))).toEqual(cliCsv);
		// Formula-like text is guarded as the CLI contract says, so the raw cells are the originals.
		expect(cliCsv.length).toBe(sample.rows.count + 1);
		expect(cliCsv.some((row) => row.includes("'=SUM(A1:A2)"))).toBe(true);
		// Firms in the star's middle: inside the repaired zone only.
		expect(cliCsv.filter((row) => row.includes('star')).length).toBeGreaterThan(3);
	});

	it('gives the same file whatever the batch size', () => {
		expect(Buffer.from(bytes('csv', 'all', 37)).equals(Buffer.from(bytes('csv')))).toBe(true);
	});

	it('keeps only the firms inside, or outside, as the CLI classifies them', () => {
		const inside = withoutZoneNames(parse(utf8(bytes('csv', 'inside', 50))));
		const outside = withoutZoneNames(parse(utf8(bytes('csv', 'outside', 50))));
		const flag = cliCsv[0].indexOf('inside_cluster');
		expect(inside).toEqual([cliCsv[0], ...cliCsv.slice(1).filter((row) => row[flag] === 'true')]);
		expect(outside).toEqual([cliCsv[0], ...cliCsv.slice(1).filter((row) => row[flag] === 'false')]);
		expect(inside.length).toBeGreaterThan(10);
		expect(outside.length).toBeGreaterThan(10);
	});

	it('writes Shift_JIS without a BOM that decodes to the same table', () => {
		const sjis = bytes('csv-sjis');
		expect([...sjis.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
		expect(Encoding.detect(sjis)).toBe('SJIS');
		const decoded = new TextDecoder('shift_jis').decode(sjis);
		expect(withoutZoneNames(Papa.parse<string[]>(decoded, { skipEmptyLines: true }).data)).toEqual(cliCsv);
	});

	it('adds inside_stability after zone_names when a stability run exists, empty for firms not in it, the rest unchanged', () => {
		const stability = Float64Array.from({ length: sample.rows.count }, (_, i) => (i % 4 === 3 ? NaN : (i % 26) / 25));
		const csv = parse(utf8(Buffer.concat(exportFirms({ ...input, insideStability: true, stability }, { format: 'csv', batchSize: 29 }).parts)));
		const at = csv[0].indexOf(INSIDE_STABILITY_COLUMN);
		expect(at).toBe(sample.columns.length + 1);
		csv.slice(1).forEach((row, i) => expect(row[at]).toBe(Number.isNaN(stability[i]) ? '' : String(stability[i])));
		expect(withoutZoneNames(csv.map((row) => row.filter((_, j) => j !== at)))).toEqual(cliCsv);
		const geojson = JSON.parse(utf8(Buffer.concat(exportFirms({ ...input, insideStability: true, stability }, { format: 'geojson' }).parts)));
		expect(geojson.features[1].properties[INSIDE_STABILITY_COLUMN]).toBe(String(stability[1]));
		// Without a run, no such column.
		expect(parse(utf8(bytes('csv')))[0]).not.toContain(INSIDE_STABILITY_COLUMN);
	});

	it('writes GeoJSON with the CLI features plus zone_names', () => {
		const geojson = JSON.parse(utf8(bytes('geojson')));
		expect(geojson.features.length).toBe(cliGeoJson.features.length);
		geojson.features.forEach((feature: { properties: Record<string, unknown> }, i: number) => {
			const { [ZONE_NAMES_COLUMN]: names, ...rest } = feature.properties;
			expect(typeof names).toBe('string');
			expect({ ...feature, properties: rest }).toEqual(cliGeoJson.features[i]);
		});
	});

	it('exports every firm as outside when there are no zones', () => {
		const rows = parse(utf8(Buffer.concat(exportFirms(asPage(sample, []), { format: 'csv' }).parts)));
		const at = (name: string) => rows[0].indexOf(name);
		expect(rows.length).toBe(sample.rows.count + 1);
		expect(rows.slice(1).every((row) => row[at('inside_cluster')] === 'false' && row[at('zone_ids')] === '' && row[at(ZONE_NAMES_COLUMN)] === '')).toBe(true);
		expect(exportFirms(asPage(sample, []), { format: 'csv', filter: 'inside' }).count).toBe(0);
	});

	it('reports progress up to the total', () => {
		const seen: number[] = [];
		exportFirms(input, { format: 'csv', batchSize: 200, onprogress: (done, total) => (expect(total).toBe(700), seen.push(done)) });
		expect(seen).toEqual([200, 400, 600, 700]);
	});
});

describe('exportFirms with rows that have no position', () => {
	// Three rows the import cannot place, among good ones: the export keeps them, after the placed
	// rows, with the cells and problem the CLI writes for them in place.
	const lines = text.trimEnd().split('\n');
	const withBad = [...lines.slice(0, 4), 'BAD1,,139.7,空欄,,26', ...lines.slice(4, 9), 'BAD2,35.6,abc,文字,,26', 'BAD3,95,139.7,範囲外,,26', ...lines.slice(9)].join('\n') + '\n';

	it('writes every row of the file: the placed ones as before, then the unplaced with their problem, as the CLI', async () => {
		const source = bytesSource('bad.csv', new TextEncoder().encode(withBad));
		const { preview } = await previewImport(source);
		const { table: imported } = await importFirms(source, { mapping: preview.guess });
		expect(imported.unplaced?.map((row) => row.cells[0])).toEqual(['BAD1', 'BAD2', 'BAD3']);
		writeFileSync(join(OUT, 'bad.csv'), withBad);
		await cli('classify', '--firms', join(OUT, 'bad.csv'), '--zones', ZONES_FILE, '--institutions', join(CLI_IN, 'institutions.geojson'), '--buffer-km', String(BUFFER_KM), '--out', join(OUT, 'bad-out.csv'));
		const fromCli = parse(readFileSync(join(OUT, 'bad-out.csv'), 'utf8'));
		const problemAt = fromCli[0].indexOf('problem');
		const [header, ...body] = fromCli;
		const expected = [header, ...body.filter((row) => row[problemAt] === ''), ...body.filter((row) => row[problemAt] !== '')];
		expect(body.filter((row) => row[problemAt] !== '').length).toBe(3);

		const { parts, count } = exportFirms(asPage(imported, zones), { format: 'csv', filter: 'all', batchSize: 100 });
		expect(count).toBe(body.length);
		const exported = parse(utf8(Buffer.concat(parts)));
		const at = exported[0].indexOf(ZONE_NAMES_COLUMN);
		expect(exported.map((row) => row.filter((_, j) => j !== at))).toEqual(expected);
		// Only the whole list holds them: they are neither inside nor outside a zone.
		const outside = parse(utf8(Buffer.concat(exportFirms(asPage(imported, zones), { format: 'csv', filter: 'outside' }).parts)));
		expect(outside.some((row) => row[0].startsWith('BAD'))).toBe(false);
	}, 60_000);
});
