import { describe, expect, it } from 'vitest';
import { applyStabilityStates, STABILITY_FIRM_PAINT } from './stability-styles';

describe('applyStabilityStates', () => {
	it('sets every firm of a first run, then only the firms whose stability changed, and −1 for firms no longer in a run', () => {
		const calls: [number, number][] = [];
		const map = { setFeatureState: (f: { id: number }, s: { stability: number }) => void calls.push([f.id, s.stability]) };
		const layer = { source: 'firms', sourceLayer: 'firms' };
		expect(applyStabilityStates(map, layer, null, Float32Array.of(1, NaN, 0.5))).toBe(2);
		expect(calls).toEqual([
			[0, 1],
			[2, 0.5]
		]);
		calls.length = 0;
		expect(applyStabilityStates(map, layer, Float32Array.of(1, NaN, 0.5), Float32Array.of(1, 0, NaN))).toBe(2);
		expect(calls).toEqual([
			[1, 0],
			[2, -1]
		]);
		calls.length = 0;
		applyStabilityStates(map, layer, Float32Array.of(1, 0), null);
		expect(calls).toEqual([
			[0, -1],
			[1, -1]
		]);
	});

	it('greys firms without a stability and ramps the rest', () => {
		expect(JSON.stringify(STABILITY_FIRM_PAINT['circle-color'])).toContain('"feature-state","stability"');
	});
});
