import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCsvRecords } from '../lib/core/io/scan-csv-records';
import { lastRecordEnd } from './record-chunks';

// The chunk cut must fall where the CSV reader itself ends a record, or the threads would read
// different records than one thread does: checked against the reader on random CSV text.

const encoder = new TextEncoder();
/** A cell: plain text (Japanese too), or quoted with commas, doubled quotes and line breaks inside. */
const cell = fc.oneof(
	fc.constantFrom('', 'a', '大田区', 'x y', '1.5', '田中製作所'),
	fc.array(fc.constantFrom('a', '"', ',', '\n', '\r\n', '株'), { maxLength: 6 }).map((parts) => `"${parts.join('').replaceAll('"', '""')}"`)
);
const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
const text = fc.tuple(fc.array(record, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([records, end, last]) => records.join(end) + (last && records.length > 0 ? end : ''));

describe('lastRecordEnd', () => {
	it("cuts where the reader's last complete record ends, at any length of the text", () => {
		fc.assert(
			fc.property(text, fc.nat(), (csv, at) => {
				const bytes = encoder.encode(csv);
				const head = bytes.subarray(0, bytes.length === 0 ? 0 : at % (bytes.length + 1));
				const { consumed } = scanCsvRecords(head, { final: false });
				expect(lastRecordEnd(head)).toBe(consumed === 0 ? -1 : consumed);
			}),
			{ numRuns: 2000 }
		);
	});

	it('never cuts inside a quoted line break', () => {
		expect(lastRecordEnd(encoder.encode('a,"x\ny"\nb,"c\n'))).toBe(8);
		expect(lastRecordEnd(encoder.encode('"x\n'))).toBe(-1);
	});
});
