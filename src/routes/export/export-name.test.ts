import { describe, expect, it } from 'vitest';
import { firmExportName } from './export-name';

describe('firm export file name', () => {
	it('names export files after the dataset', () => {
		expect(firmExportName('firms-sample.csv', { format: 'csv', filter: 'all' })).toBe('firms-sample-classified.csv');
		expect(firmExportName('firms.csv', { format: 'csv-sjis', filter: 'inside' })).toBe('firms-classified-inside.sjis.csv');
		expect(firmExportName('a.b.geojson', { format: 'geojson', filter: 'outside' })).toBe('a.b-classified-outside.geojson');
	});
});
