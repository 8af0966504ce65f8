import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeContrasts, parseColumn, compareOutcome, linkageTable, distanceBands, buildDesign, logitRobust } from '$lib/core/stats/compare';
import { translate } from '$lib/i18n';
import type { ContrastResult } from '$lib/worker/compare-protocol';
import { escapeHtml, linkageCsv, outcomesCsv, regressionCsv, reportHtml, tableHtml } from './export';
import { outcomeTable, type Labels } from './tables';

// A small real comparison from the engine: 12 firms, the first 6 inside.
const inside = Uint8Array.from({ length: 12 }, (_, i) => (i < 6 ? 1 : 0));
const [contrast] = makeContrasts({ inside, offsets: new Uint32Array(13), zoneIds: [], zoneIndices: new Uint32Array(0) }, { kind: 'inside-outside' });
const products = parseColumn(['yes', 'yes', 'no', 'yes', 'yes', '', 'no', 'no', 'yes', 'no', 'no', 'no'], { column: '=new_products' });
const row = compareOutcome(products, contrast, { permutations: 99, seed: 5 });
const result: ContrastResult = { id: contrast.id, zoneId: 'z1', versus: 'rest', outcomes: [row] };
const labels: Labels = { lang: 'en', t: (key, params) => translate('en', key, params), zoneName: () => '<b>Ota, "south"</b>' };

describe('outcomesCsv', () => {
	it('writes UTF-8 with BOM, one row per outcome, full-precision numbers and guarded text', () => {
		const csv = outcomesCsv([result], labels);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const [record] = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
		expect(record.group_a).toBe('<b>Ota, "south"</b>');
		expect(record.group_b).toBe('Rest');
		expect(record.outcome).toBe("'=new_products"); // a spreadsheet must not run it
		expect(Number(record.n_a)).toBe(row.inside.n);
		expect(Number(record.missing_a)).toBe(1);
		expect(Number(record.share_a)).toBe(row.inside.share);
		expect(Number(record.difference)).toBe(row.effect!.riskDifference!.estimate);
		expect(Number(record.fisher_p)).toBe(row.fisher!.p);
		expect(Number(record.permutation_p)).toBe(row.permutation!.p);
		expect(record.mann_whitney_u).toBe(String(row.mannWhitney!.u));
	});

	it('writes linkage cells and regression terms, and a failed model with its reason', () => {
		const km = Float64Array.from({ length: 12 }, (_, i) => i * 2);
		const table = linkageTable(products, distanceBands(km, { breaks: [5, 10] }), contrast.group);
		const linkage = Papa.parse<string[]>(linkageCsv([table]).slice(1), { skipEmptyLines: true }).data;
		expect(linkage[0]).toEqual(['outcome', 'variable', 'level', 'group', 'n', 'missing', 'mean', 'low', 'high']);
		expect(linkage).toHaveLength(1 + table.cells.length);
		const fit = logitRobust(buildDesign({ y: products.values, inside }));
		const failed = { ok: false as const, reason: 'separation' as const, variable: 'inside', message: 'inside separates the outcome' };
		const regression = Papa.parse<string[]>(regressionCsv([{ outcome: 'p', result: fit }, { outcome: 'q', result: failed }]).slice(1), { skipEmptyLines: true }).data;
		expect(regression.slice(1).map((r) => r[0])).toEqual([...(fit.ok ? fit.coefficients.map(() => 'p') : ['p']), 'q']);
		expect(regression.at(-1)!.at(-1)).toBe('inside separates the outcome');
	});
});

describe('the HTML report', () => {
	it('escapes every text from the data and accepts only a PNG data URL as the map', () => {
		const html = reportHtml({
			lang: 'en',
			title: 'Report <1>',
			subtitle: 'from "firms.csv"',
			parametersHeading: 'Parameters',
			parameters: [['Zones', '<script>alert(1)</script>']],
			mapPng: 'javascript:alert(1)',
			mapHeading: 'Map',
			sections: [{ heading: 'Outcomes', tables: [outcomeTable(result, labels)], charts: [{ title: 'x', svg: '<svg><script>alert(1)</script></svg>' }, { title: 'ok', svg: '<svg><rect/></svg>' }] }]
		});
		expect(html).not.toMatch(/<script|<b>|javascript:/);
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(html).toContain('&#60;b&#62;Ota, &#34;south&#34;&#60;/b&#62;');
		expect(html).toContain('<svg><rect/></svg>');
		expect(html).not.toContain('<img');
		const withMap = reportHtml({ lang: 'ja', title: '', subtitle: '', parametersHeading: '', parameters: [], mapPng: 'data:image/png;base64,iVBORw0KGgo=', mapHeading: '地図', sections: [] });
		expect(withMap).toContain('<img class="map" alt="地図" src="data:image/png;base64,iVBORw0KGgo=">');
	});

	it('writes a table cell for cell, headers as headers', () => {
		const html = tableHtml({ caption: 'A & B', head: ['x', 'y'], rows: [['r<1>', '2']] });
		expect(html).toBe('<table><caption>A &#38; B</caption><thead><tr><th scope="col">x</th><th scope="col">y</th></tr></thead><tbody>\n<tr><th scope="row">r&#60;1&#62;</th><td>2</td></tr>\n</tbody></table>');
		expect(escapeHtml(`'"&<>`)).toBe('&#39;&#34;&#38;&#60;&#62;');
	});
});

describe('outcomeTable', () => {
	it('shows both groups side by side and the permutation p only when it is there', () => {
		const table = outcomeTable(result, labels);
		expect(table.caption).toBe('<b>Ota, "south"</b> vs Rest — paired cells: <b>Ota, "south"</b> / Rest');
		expect(table.rows[0][0]).toBe('=new_products');
		expect(table.rows[0][1]).toBe(`${row.inside.n} / ${row.outside.n}`);
		expect(table.rows[0][10]).not.toBe('…');
		expect(outcomeTable(result, labels, { permutationsPending: true }).rows[0][10]).toBe('…');
	});
});
