import { describe, expect, it } from 'vitest';
import { packRows } from '$lib/core/io';
import { describeColumns, guessVariables } from './compare-columns';

const columns = ['id', 'lat', 'new_products', 'patents_3y', 'rd_communication', 'subcontractor', 'employees', 'jsic_major', 'name'];
const rows = packRows(
	Array.from({ length: 40 }, (_, i) => [
	`F${i}`,
	String(35 + i / 100),
	i === 7 ? 'maybe' : i % 3 ? 'yes' : 'no',
	String(i % 4 === 0 ? 2 : i % 2),
	['weekly', 'none', 'monthly', 'yearly'][i % 4],
	i % 2 ? 'はい' : 'いいえ',
	String(3 + i),
	i % 2 ? 'E' : 'G',
		`株式会社${i}`
	])
);

describe('describeColumns', () => {
	it('tells numbers, yes/no answers, ordered categories and text apart', () => {
		const info = Object.fromEntries(describeColumns(columns, rows).map((c) => [c.name, c]));
		expect(info.id.kind).toBe('text');
		expect(info.lat.kind).toBe('text'); // a coordinate is never an outcome
		expect(info.new_products.kind).toBe('binary'); // one unreadable "maybe" in 40 does not change it
		expect(info.patents_3y.kind).toBe('numeric'); // mostly 0 and 1, but a 2 makes it a count
		expect(info.rd_communication).toEqual({ name: 'rd_communication', kind: 'categorical', levels: ['none', 'yearly', 'monthly', 'weekly'] });
		expect(info.subcontractor.kind).toBe('binary');
		expect(info.employees.kind).toBe('numeric');
		expect(info.name.kind).toBe('text');
	});

	it('calls a column with many unreadable answers neither numeric nor yes/no', () => {
		const mixed = Array.from({ length: 20 }, (_, i) => [i % 4 === 0 ? 'n/k' : String(i)]);
		expect(describeColumns(['score'], packRows(mixed))[0].kind).not.toBe('numeric');
		expect(describeColumns(['empty'], packRows([[''], ['無回答']]))[0].kind).toBe('text');
	});
});

describe('guessVariables', () => {
	it('picks the innovation outcomes, the linkage columns and the controls of the study', () => {
		expect(guessVariables(describeColumns(columns, rows))).toEqual({
			outcomes: ['new_products', 'patents_3y'],
			communication: 'rd_communication',
			subcontractor: 'subcontractor',
			size: 'employees',
			industry: 'jsic_major'
		});
	});
});
