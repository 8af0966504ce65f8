import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-writer';
import type { FirmResults } from './classified-columns';
import { createClassifiedCsvWriter, degrees } from './classified-csv-writer';
import { csvCell, needsFormulaGuard } from './csv-cell';
import type { FirmBatch } from './firm-batch';
import { readFirmsCsv } from './read-firms-csv';
import { cellText, chunked, toCsv } from './test/csv-arbitraries';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Reads firms, gives each a zone by a simple rule, and writes them back out as one CSV text. */
async function roundTrip(text: string, options: { guard?: boolean; cuts?: number[]; batchBytes?: number; zoneIds?: string[] } = {}) {
	const zoneIds = options.zoneIds ?? ['z0', '=z1'];
	const writer = createClassifiedCsvWriter({ zoneIds, institutionIds: ['i0'], bufferKm: 1, guard: options.guard });
	let out = '';
	const batches: FirmBatch[] = [];
	for await (const batch of readFirmsCsv(chunked(encode(text), options.cuts ?? []), { file: 'f.csv', delimiter: ',', batchBytes: options.batchBytes })) {
		if (out === '') out = decode(writer.header(batch.columns));
		out += decode(writer.rows(batch, fakeResults(batch)));
		batches.push(batch);
	}
	return { out, batches };
}

/** Row i is in zone i % 3 (none for 2), zones 0 and 1 for i % 5 === 4; institution 0 at i km. */
function fakeResults(batch: FirmBatch): FirmResults {
	const offsets = new Uint32Array(batch.count + 1);
	const zones: number[] = [];
	for (let i = 0; i < batch.count; i++) {
		if (i % 5 === 4) zones.push(0, 1);
		else if (i % 3 !== 2) zones.push(i % 3);
		offsets[i + 1] = zones.length;
	}
	const km = Float64Array.from({ length: batch.count }, (_, i) => i * 0.4567);
	return {
		offsets,
		zoneIndices: Uint32Array.from(zones),
		inside: Uint8Array.from({ length: batch.count }, (_, i) => (offsets[i + 1] > offsets[i] ? 1 : 0)),
		nearest: new Int32Array(batch.count),
		km,
		withinBuffer: Uint8Array.from(km, (d) => (d <= 1 ? 1 : 0))
	};
}

const coordinate = fc.oneof(
	fc.double({ min: -90, max: 90, noNaN: true }).map(String),
	fc.constantFrom('', 'abc', '35,5', '-0', '95', '１３９．７')
);

/** A table whose first two columns are lat and lon (so rows are mostly classified). */
const firmTable = fc.integer({ min: 0, max: 4 }).chain((extra) =>
	fc.record({
		header: fc.array(cellText, { minLength: extra, maxLength: extra }).map((names) => ['lat', 'lon', ...names]),
		rows: fc.array(fc.tuple(coordinate, coordinate, fc.array(cellText, { minLength: extra, maxLength: extra })).map(([lat, lon, rest]) => [lat, lon, ...rest]), { minLength: 1, maxLength: 30 })
	})
);

describe('createClassifiedCsvWriter', () => {
	it('writes every original cell unchanged, in order, before the appended columns, without the guard (property)', async () => {
		await fc.assert(
			fc.asyncProperty(firmTable, fc.array(fc.nat(3000), { maxLength: 6 }), fc.integer({ min: 1, max: 200 }), async ({ header, rows }, cuts, batchBytes) => {
				const { out } = await roundTrip(toCsv([header, ...rows]), { guard: false, cuts, batchBytes });
				const parsed = Papa.parse<string[]>(out.replace(/^\ufeff/, ''), { delimiter: ',', newline: '\r\n' }).data.slice(0, -1);
				expect(parsed.map((row) => row.slice(0, header.length))).toEqual([header, ...rows]);
				expect(parsed.every((row) => row.length === header.length + 6)).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});

	it('changes a cell only by a leading apostrophe, and only when it could run as a formula (property)', async () => {
		await fc.assert(
			fc.asyncProperty(firmTable, async ({ header, rows }) => {
				const { out } = await roundTrip(toCsv([header, ...rows]));
				const parsed = Papa.parse<string[]>(out.replace(/^\ufeff/, ''), { delimiter: ',', newline: '\r\n' }).data.slice(0, -1);
				const guarded = (cell: string) => (needsFormulaGuard(cell) ? `'${cell}` : cell);
				expect(parsed.map((row) => row.slice(0, header.length))).toEqual([header, ...rows].map((row) => row.map(guarded)));
			}),
			{ numRuns: 200 }
		);
	});

	it('appends zone ids, flags, institution, km and problem; problem rows keep their cells and leave the rest empty', async () => {
		const text = 'lat,lon,memo\n35.5,139.7,a\n35.6,139.8,"b,c"\n,139.7,=x\n95,139.7,d\n35.7,139.9,e\n';
		const { out } = await roundTrip(text);
		expect(out.split('\r\n')).toEqual([
			'\ufefflat,lon,memo,zone_ids,inside_cluster,nearest_institution_id,nearest_institution_km,within_buffer,problem',
			'35.5,139.7,a,z0,true,i0,0,true,',
			'35.6,139.8,"b,c",\'=z1,true,i0,0.457,true,',
			',139.7,\'=x,,,,,,"latitude (column ""lat"") is empty"',
			'95,139.7,d,,,,,,"latitude (column ""lat"") 95 is outside -90..90"',
			'35.7,139.9,e,z0;=z1,true,i0,1.827,false,',
			''
		]);
	});

	it('joins several zone ids with ";", quoting or guarding the joined text when needed', async () => {
		const text = 'lat,lon\n1,1\n2,2\n3,3\n4,4\n5,5\n';
		const lastRow = async (zoneIds: string[]) => (await roundTrip(text, { zoneIds })).out.split('\r\n')[5];
		expect(await lastRow(['z0', 'z1'])).toBe('5,5,z0;z1,true,i0,1.827,false,');
		expect(await lastRow(['-1', '2'])).toBe("5,5,'-1;2,true,i0,1.827,false,");
		expect(await lastRow(['a,b', 'c'])).toBe('5,5,"a,b;c",true,i0,1.827,false,');
		expect(await lastRow(['a;b', 'c'])).toBe('5,5,a;b;c,true,i0,1.827,false,');
	});

	it('pads a short row and moves a long row\'s extra cells into its problem, so columns line up', async () => {
		const { out } = await roundTrip('lat,lon,memo\n35.5,139.7\n35.5,139.7,a,x,y\n');
		const rows = Papa.parse<string[]>(out.replace(/^\ufeff/, ''), { newline: '\r\n' }).data.slice(1, -1);
		expect(rows.map((r) => r.length)).toEqual([9, 9]);
		expect(rows[0].slice(0, 3)).toEqual(['35.5', '139.7', '']);
		expect(rows[1].slice(0, 3)).toEqual(['35.5', '139.7', 'a']);
		expect(rows[1][8]).toBe('row has 5 cells but the header has 3 (a delimiter inside an unquoted cell, or a missing cell?); the extra cells were "x", "y"');
	});

	it('writes Shift_JIS without a byte order mark on request', async () => {
		const writer = createClassifiedCsvWriter({ zoneIds: [], encoding: 'shift_jis' });
		expect(Array.from(writer.header(['緯度']))).toEqual([0x88, 0xdc, 0x93, 0x78, 0x2c, ...encode('zone_ids,inside_cluster,problem\r\n')]);
	});
});

describe('csvCell and needsFormulaGuard', () => {
	it.each([
		['=SUM(A1)', true],
		['+81-3-1234-5678', true],
		['-', true],
		['@user', true],
		['-12.5', false],
		['+7', false],
		['-1e5', false],
		['.5', false],
		['＝全角', false],
		['\tcmd', true],
		['\r=x', true],
		['\u200B=1+2', true],
		['\uFEFF\u2060@x', true],
		['\u200B-12', true],
		['a\t=b', false],
		["'=x", false],
		['', false]
	])('%j needs the guard: %s', (text, guard) => {
		expect(needsFormulaGuard(text)).toBe(guard);
		expect(csvCell(text, { guard: true }) === csvCell(`'${text}`, { guard: false })).toBe(guard);
	});

	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['cr\r', '"cr\r"'],
		['=1+2', "'=1+2"],
		['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"']
	])('csvCell(%j) is %j', (text, cell) => {
		expect(csvCell(text)).toBe(cell);
	});
});

describe('ByteWriter.thousandths', () => {
	it('writes what String(Math.round(x * 1000) / 1000) writes (property)', () => {
		fc.assert(
			fc.property(fc.oneof(fc.double({ min: 0, max: 25000, noNaN: true }), fc.integer({ min: 0, max: 20000 }).map((m) => m / 1000 + 0.0005)), (km) => {
				const writer = new ByteWriter(8);
				writer.thousandths(km);
				expect(decode(writer.result())).toBe(String(Math.round(km * 1000) / 1000));
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('degrees', () => {
	it('writes what String writes for micro-degree values', () => {
		for (const v of [139.707141, 35.578435, 135.5, 140, -0.000001, -12.34, 0, 35.000001, 139.1, 43.06]) {
			expect(degrees(v)).toBe(String(Math.round(v * 1e6) / 1e6));
		}
	});
});
