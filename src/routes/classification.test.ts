import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Zone } from '$lib/core/model';
import { applyInsideStates, share, zonesContaining } from './classification';

describe('applyInsideStates', () => {
	it('leaves the map with exactly the new flags, touching only the firms that changed', () => {
		const flags = fc.array(fc.constantFrom(0, 1), { maxLength: 50 });
		fc.assert(
			fc.property(flags, flags, (a, b) => {
				const n = Math.max(a.length, b.length);
				const first = Uint8Array.from({ length: n }, (_, i) => a[i] ?? 0);
				const second = Uint8Array.from({ length: n }, (_, i) => b[i] ?? 0);
				const state = new Map<number, boolean>();
				const map = { setFeatureState: (f: { id: number }, s: { inside: boolean }) => void state.set(f.id, s.inside) };
				applyInsideStates(map, 'firms', null, first);
				const set = applyInsideStates(map, 'firms', first, second);
				for (let i = 0; i < n; i++) expect(state.get(i) ?? false).toBe(second[i] === 1);
				expect(set).toBe(second.filter((v, i) => v !== first[i]).length);
			})
		);
	});
});

describe('share', () => {
	it('is a percentage with one decimal and 0 of nothing', () => {
		expect(share(1, 3)).toBe(33.3);
		expect(share(2, 2)).toBe(100);
		expect(share(0, 0)).toBe(0);
	});
});

describe('zonesContaining', () => {
	const zone = (id: string, ring: number[][]): Zone => ({ id, name: `name ${id}`, source: 'drawn', geometry: { type: 'Polygon', coordinates: [ring] } });
	const square = zone('sq', [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
	// A bow tie crossing itself at (1, 1): inside only its two triangles once repaired.
	const bowtie = zone('bow', [[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]);
	const flat = zone('flat', [[0, 0], [1, 0], [2, 0], [0, 0]]);

	it('lists every zone holding the point, boundary included, in zone order', () => {
		expect(zonesContaining([square, bowtie, flat], 0.2, 1).map((z) => z.id)).toEqual(['sq', 'bow']);
		expect(zonesContaining([square, bowtie, flat], 1, 0.2).map((z) => z.id)).toEqual(['sq']);
		expect(zonesContaining([square, bowtie], 2, 1).map((z) => z.id)).toEqual(['sq', 'bow']);
		expect(zonesContaining([square], 3, 1)).toEqual([]);
		expect(zonesContaining([], 1, 1)).toEqual([]);
	});
});
