import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { District } from '$lib/core/geodata-types';
import { boundaryUrl } from '$lib/data/boundaries';
import { RealBoundaries } from './boundaries.svelte';

const districts: District[] = JSON.parse(readFileSync('geodata/districts.json', 'utf8'));
const suwa = districts.find((d) => d.id === 'suwa')!;

const polygon = JSON.stringify({
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			properties: {},
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[138, 36],
						[138.1, 36],
						[138.1, 36.1],
						[138, 36]
					]
				]
			}
		}
	]
});

describe('RealBoundaries', () => {
	it('loads what answers, lists what fails, and does not download a loaded municipality again', async () => {
		const [okaya, ...others] = suwa.municipalities.filter((m) => m.code5 !== '20206');
		const served = new Set([boundaryUrl('20206'), boundaryUrl(okaya.code5)]);
		const requests: string[] = [];
		const fetcher = (async (input: string | URL | Request) => {
			requests.push(String(input));
			if (!served.has(String(input))) throw new TypeError('Failed to fetch');
			return new Response(polygon);
		}) as typeof fetch;
		const boundaries = new RealBoundaries({ fetch: fetcher, caches: null });

		await boundaries.load([suwa]);
		expect([...boundaries.features.keys()].sort()).toEqual(['20206', okaya.code5].sort());
		expect(boundaries.failed.map((m) => m.code5).sort()).toEqual(others.map((m) => m.code5).sort());
		expect(boundaries.loading).toBe(false);

		requests.length = 0;
		await boundaries.load([suwa]);
		expect(requests.sort()).toEqual(others.map((m) => boundaryUrl(m.code5)).sort());
	});
});
