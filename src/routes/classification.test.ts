import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyFirms } from '$lib/core/classify';
import type { Zone } from '$lib/core/model';
import { FIRM_PAINT } from '$lib/map/styles';
import { CLASSIFIED_FIRM_PAINT, OUTSIDE_COLOUR, applyFirmStates, firmPaint, share, zonesOfFirmNamed } from './classification';

const FIRMS = { source: 'firms', sourceLayer: 'firms' };

describe('applyFirmStates', () => {
	it('leaves the map with exactly the new states, touching only the firms that changed', () => {
		const zonesOf = fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 50 });
		const states = (first: number[], n: number) => {
			const firstZone = Int32Array.from({ length: n }, (_, i) => first[i] ?? -1);
			return { firstZone, inside: Uint8Array.from(firstZone, (z) => (z >= 0 ? 1 : 0)) };
		};
		fc.assert(
			fc.property(zonesOf, zonesOf, (a, b) => {
				const n = Math.max(a.length, b.length);
				const [first, second] = [states(a, n), states(b, n)];
				const shown = new Map<number, { inside: boolean; zone: number }>();
				const map = { setFeatureState: (f: { id: number }, s: { inside: boolean; zone: number }) => void shown.set(f.id, s) };
				applyFirmStates(map, FIRMS, null, first);
				const set = applyFirmStates(map, FIRMS, first, second);
				for (let i = 0; i < n; i++) expect(shown.get(i) ?? { inside: false, zone: -1 }).toEqual({ inside: second.inside[i] === 1, zone: second.firstZone[i] });
				expect(set).toBe(Array.from(second.firstZone).filter((z, i) => z !== first.firstZone[i]).length);
			})
		);
	});
});

describe('firmPaint', () => {
	it('colours by the first zone’s colour, grey outside, and falls back to inside/outside without zones', () => {
		const paint = firmPaint('zone', ['#111111', '#222222']);
		expect(paint['circle-color']).toEqual(['match', ['coalesce', ['feature-state', 'zone'], -1], 0, '#111111', 1, '#222222', OUTSIDE_COLOUR]);
		expect(firmPaint('zone', [])).toBe(CLASSIFIED_FIRM_PAINT);
		expect(firmPaint('inside', ['#111111'])).toBe(CLASSIFIED_FIRM_PAINT);
		expect(firmPaint('industry', ['#111111'])).toBe(FIRM_PAINT);
	});
});

describe('share', () => {
	it('is a percentage with one decimal and 0 of nothing', () => {
		expect(share(1, 3)).toBe(33.3);
		expect(share(2, 2)).toBe(100);
		expect(share(0, 0)).toBe(0);
	});
});

describe('zonesOfFirmNamed', () => {
	const zone = (id: string, ring: number[][]): Zone => ({ id, name: `name ${id}`, source: 'drawn', geometry: { type: 'Polygon', coordinates: [ring] } });
	const square = zone('sq', [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
	// A bow tie crossing itself at (1, 1): inside only its two triangles once repaired.
	const bowtie = zone('bow', [[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]);
	const flat = zone('flat', [[0, 0], [1, 0], [2, 0], [0, 0]]);
	const at = (zones: Zone[], lon: number, lat: number) => zonesOfFirmNamed(classifyFirms(zones, Float64Array.of(lon), Float64Array.of(lat)), zones, 0);

	it('lists every zone holding the firm, boundary included, in zone order', () => {
		expect(at([square, bowtie, flat], 0.2, 1)).toEqual(['name sq', 'name bow']);
		expect(at([square, bowtie, flat], 1, 0.2)).toEqual(['name sq']);
		expect(at([square, bowtie], 2, 1)).toEqual(['name sq', 'name bow']);
		expect(at([square], 3, 1)).toEqual([]);
		expect(at([], 1, 1)).toEqual([]);
	});

	it('names a zone as it is called now, after a rename that did not classify again', () => {
		const classification = classifyFirms([square], Float64Array.of(1), Float64Array.of(1));
		expect(zonesOfFirmNamed(classification, [{ ...square, name: 'Ota' }], 0)).toEqual(['Ota']);
	});
});
