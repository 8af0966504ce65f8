import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInsideStates, share } from './classification';

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
