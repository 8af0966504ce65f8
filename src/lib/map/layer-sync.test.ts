import { describe, expect, it } from 'vitest';
import { changedKeys, sameValue } from './layer-sync';

describe('changedKeys', () => {
	it('returns only changed and removed keys', () => {
		const before = { 'circle-radius': 3, 'circle-color': ['get', 'c'], 'circle-opacity': 0.5 };
		const after = { 'circle-radius': 3, 'circle-color': ['get', 'd'], 'circle-blur': 1 };
		expect(changedKeys(before, after)).toEqual([
			['circle-color', ['get', 'd']],
			['circle-blur', 1],
			['circle-opacity', undefined]
		]);
	});

	it('sends nothing when a new object has the same content', () => {
		expect(changedKeys({ a: [1, 2], b: 'x' }, { a: [1, 2], b: 'x' })).toEqual([]);
		expect(changedKeys(undefined, undefined)).toEqual([]);
		expect(changedKeys(undefined, { visibility: 'none' })).toEqual([['visibility', 'none']]);
	});
});

describe('sameValue', () => {
	it('compares structurally', () => {
		expect(sameValue(['==', 1, 1], ['==', 1, 1])).toBe(true);
		expect(sameValue(['==', 1, 1], ['==', 1, 2])).toBe(false);
	});
});
