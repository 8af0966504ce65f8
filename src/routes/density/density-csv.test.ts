import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CellsReply, LqReply } from '$lib/worker/density-protocol';
import { cellsCsv, lqCsv } from './density-csv';

const parse = (text: string) => {
	expect(text.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

describe('density CSV', () => {
	it('writes one row per cell with its mesh code kept as text', () => {
		const reply: CellsReply = {
			type: 'mesh',
			id: 1,
			breaks: [],
			count: 7,
			tooMany: 0,
			cells: {
				type: 'FeatureCollection',
				features: [
					{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { code: '513575113', count: 7, areaKm2: 0.2883, density: 24.28 } }
				]
			}
		};
		expect(parse(cellsCsv(reply))).toEqual([
			['mesh_code', 'firms', 'area_km2', 'firms_per_km2'],
			['513575113', '7', '0.288300', '24.2800']
		]);
	});

	it('leaves the quotient empty for a region without firms and guards names', () => {
		const reply: LqReply = { type: 'lq', id: 2, industry: '24', ids: ['27', '13'], lq: Float64Array.of(1.5, NaN), industryCount: Float64Array.of(3, 0), total: Float64Array.of(10, 0), share: 0.2 };
		const rows = parse(lqCsv(reply, (id) => (id === '27' ? '=Osaka' : 'Tokyo, 東京')));
		expect(rows).toEqual([
			['region_id', 'name', 'industry', 'industry_firms', 'all_firms', 'area_km2', 'firms_per_km2', 'lq'],
			['27', "'=Osaka", '24', '3', '10', '', '', '1.5000'],
			['13', 'Tokyo, 東京', '24', '0', '0', '', '', '']
		]);
	});

	it('keys municipalities by their 5-digit code, with area and firms per km²', () => {
		const reply: LqReply = { type: 'lq', id: 3, industry: '24', ids: ['13111', '27227'], lq: Float64Array.of(2, 0.5), industryCount: Float64Array.of(40, 5), total: Float64Array.of(100, 50), share: 0.2 };
		const rows = parse(lqCsv(reply, (id) => (id === '13111' ? '大田区' : '東大阪市'), (id) => (id === '13111' ? 61.5 : 0)));
		expect(rows.slice(1)).toEqual([
			['13111', '大田区', '24', '40', '100', '61.5000', '1.6260', '2.0000'],
			['27227', '東大阪市', '24', '5', '50', '0.0000', '', '0.5000']
		]);
	});
});
