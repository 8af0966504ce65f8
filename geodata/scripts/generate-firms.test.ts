import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT, parseArgs } from './generate-firms';

describe('generate-firms command line', () => {
	it('defaults to the path the app reads', () => {
		expect(parseArgs([])).toEqual({ seed: 20021001, scale: 1, out: 'static/generated/firms-sample.csv', bom: true });
		expect(DEFAULT_OUT).toBe('static/generated/firms-sample.csv');
	});

	it('reads every option', () => {
		expect(parseArgs(['--seed', '7', '--scale', '80', '--out', 'x.csv', '--no-bom'])).toEqual({
			seed: 7,
			scale: 80,
			out: 'x.csv',
			bom: false
		});
	});

	it('names the bad argument and shows the usage', () => {
		expect(() => parseArgs(['--scale', 'big'])).toThrow(/--scale must be a number, got "big"\nusage:/);
		expect(() => parseArgs(['--seed'])).toThrow(/--seed needs a value/);
		expect(() => parseArgs(['--sede', '1'])).toThrow(/unknown argument "--sede"/);
	});
});
