import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifiedCsvWriter, readFirmsCsv, unpackRows, type FirmBatch, type FirmResults } from '$lib/core/io';
import { chunked, toCsv } from '$lib/core/io/test/csv-arbitraries';
import { jsicMediumCode } from '$lib/i18n/jsic';
import { codeAt, codeColumn, codeCounts } from '$lib/core/firm-table';
import { importFirms } from './import-firms';
import { previewImport } from './import-preview';
import { bytesSource, type ImportSource } from './import-source';

// Random tables with Japanese text, quotes, delimiters and line breaks in their cells go through
// the app's import (preview with the guessed columns, then the import), are written out with the
// CSV writer the exports use, and imported again: the cells must come back exactly as generated.

const UTF8_UNITS = ['a', 'Z', '0', '.', ' ', '大', '田', '区', '株', '①', '～', 'ｱ', '"', ',', ';', '\t', '\r', '\n', '=', '-', "'", '😀'];
/** Shift_JIS (CP932) has no emoji; half-width kana alone are left out because they are also valid EUC-JP. */
const SJIS_UNITS = UTF8_UNITS.filter((u) => u !== '😀' && u !== 'ｱ');

const sjis = (text: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));

function firmTable(units: string[]) {
	const text = fc.string({ unit: fc.constantFrom(...units), maxLength: 10 });
	const lat = fc.integer({ min: 3500000, max: 3600000 }).map((n) => String(n / 100000));
	const lon = fc.integer({ min: 13800000, max: 14000000 }).map((n) => String(n / 100000));
	return fc.integer({ min: 1, max: 4 }).chain((extra) =>
		fc.record({
			header: fc.array(text, { minLength: extra, maxLength: extra }).map((names) => ['会社名', '緯度', '経度', ...names.map((n, i) => `c${i}${n}`)]),
			rows: fc.array(fc.tuple(text, lat, lon, fc.array(text, { minLength: extra, maxLength: extra })).map(([name, y, x, rest]) => [name, y, x, ...rest]), { minLength: 1, maxLength: 20 }),
			newline: fc.constantFrom('\n' as const, '\r\n' as const),
			cuts: fc.array(fc.nat(), { maxLength: 6 })
		})
	);
}

function chunkedSource(name: string, bytes: Uint8Array, cuts: number[]): ImportSource {
	return { ...bytesSource(name, bytes), chunks: () => chunked(bytes, cuts) };
}

async function imported(source: ImportSource): Promise<string[][]> {
	const { preview } = await previewImport(source);
	const { table: sample, problems } = await importFirms(source, { mapping: preview.guess });
	expect(problems).toEqual([]);
	return unpackRows(sample.rows);
}

/** The file written back out as the exports write it (no formula guard, so cells are unchanged). */
async function exported(bytes: Uint8Array, encoding: 'utf-8' | 'shift_jis'): Promise<Uint8Array> {
	const writer = createClassifiedCsvWriter({ zoneIds: [], encoding, guard: false });
	const parts: Uint8Array[] = [];
	for await (const batch of readFirmsCsv([bytes], { file: 'f.csv' })) {
		if (parts.length === 0) parts.push(writer.header(batch.columns).slice());
		parts.push(writer.rows(batch, noZones(batch)).slice());
	}
	return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function noZones(batch: FirmBatch): FirmResults {
	return { offsets: new Uint32Array(batch.count + 1), zoneIndices: new Uint32Array(0), inside: new Uint8Array(batch.count) };
}

describe.each([
	{ encoding: 'utf-8' as const, units: UTF8_UNITS, encode: (t: string) => new TextEncoder().encode(t) },
	{ encoding: 'shift_jis' as const, units: SJIS_UNITS, encode: sjis }
])('import round trip, $encoding', ({ encoding, units, encode }) => {
	it('import gives the cells written; import → export → import gives them again (property)', async () => {
		await fc.assert(
			fc.asyncProperty(firmTable(units), async ({ header, rows, newline, cuts }) => {
				const bytes = encode(toCsv([header, ...rows], newline));
				const first = await imported(chunkedSource('firms.csv', bytes, cuts));
				expect(first).toEqual(rows);
				const again = await imported(chunkedSource('firms.csv', await exported(bytes, encoding), cuts));
				expect(again.map((row) => row.slice(0, header.length))).toEqual(rows);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('industry codes of imported firms', () => {
	it('are each row’s JSIC medium code, as the sample reader reads it (property)', async () => {
		const cell = fc.oneof(fc.constantFrom('', 'E24', '製造 26', '5', 'abc', '09', '１２'), fc.integer({ min: 0, max: 120 }).map(String));
		await fc.assert(
			fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 30 }), async (cells) => {
				const csv = ['id,lat,lon,jsic_medium', ...cells.map((c, i) => `F${i},35.5,139.7,${c}`)].join('\n');
				const source = bytesSource('f.csv', new TextEncoder().encode(csv));
				const { preview } = await previewImport(source);
				const { table: sample } = await importFirms(source, { mapping: preview.guess });
				expect(cells.map((_, i) => codeAt(sample.industry, i))).toEqual(cells.map((c) => jsicMediumCode(c) ?? ''));
				expect(sample.industryCounts).toEqual(codeCounts(codeColumn(cells.map((c) => jsicMediumCode(c) ?? ''))));
			}),
			{ numRuns: 100 }
		);
	});
});
