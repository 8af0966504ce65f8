import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { truncate } from '@turf/truncate';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateZones } from './validate-zones';

// Turf-style golden fixtures: test/in/NAME.geojson → test/out/NAME.geojson holding the zones
// kept (as features) and the problems reported. REGEN=1 rewrites the goldens; review the diff.
const dir = join(import.meta.dirname, 'test');
const names = readdirSync(join(dir, 'in')).filter((name) => name.endsWith('.geojson'));

function run(input: FeatureCollection) {
	const { zones, problems } = validateZones(input.features);
	const features: Feature[] = zones.map((zone) => ({ type: 'Feature', id: zone.id, properties: { name: zone.name, source: zone.source }, geometry: zone.geometry }));
	return { ...truncate({ type: 'FeatureCollection', features } as FeatureCollection, { precision: 6, mutate: false }), problems };
}

describe('validateZones fixtures', () => {
	it('has fixtures', () => expect(names.length).toBeGreaterThan(10));

	it.each(names)('%s', (name) => {
		const actual = run(JSON.parse(readFileSync(join(dir, 'in', name), 'utf8')));
		const golden = join(dir, 'out', name);
		if (process.env.REGEN === '1' || !existsSync(golden)) writeFileSync(golden, JSON.stringify(actual, null, '\t') + '\n');
		expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
	});
});

describe('validateZones', () => {
	it('never drops a zone silently: every input feature is a zone or has an invalid problem', () => {
		for (const name of names) {
			const input = JSON.parse(readFileSync(join(dir, 'in', name), 'utf8')) as FeatureCollection;
			const { zones, problems } = validateZones(input.features);
			const invalid = new Set(problems.filter((p) => p.severity === 'invalid').map((p) => p.index));
			expect(zones.length + invalid.size, name).toBe(input.features.length);
		}
	});

	it('keeps ids unique and records the source', () => {
		const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
		const { zones } = validateZones(
			[
				{ type: 'Feature', id: 'x', properties: {}, geometry: square },
				{ type: 'Feature', id: 'x', properties: {}, geometry: square },
				{ type: 'Feature', properties: { id: 'x (2)' }, geometry: square }
			],
			{ source: 'drawn' }
		);
		expect(zones.map((z) => z.id)).toEqual(['x', 'x (2)', 'x (2) (2)']);
		expect(zones.every((z) => z.source === 'drawn')).toBe(true);
	});

	it('reports progress in vertices, never going back, during a large zone and to the end', () => {
		const n = 200_000;
		const star = Array.from({ length: n }, (_, i) => [139.7 + (i % 2 ? 0.05 : 0.1) * Math.cos((2 * Math.PI * i) / n), 35.6 + (i % 2 ? 0.05 : 0.1) * Math.sin((2 * Math.PI * i) / n)]);
		star.push(star[0]);
		const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
		const features: Feature[] = [
			{ type: 'Feature', id: 'a', properties: {}, geometry: { type: 'Polygon', coordinates: [square] } },
			{ type: 'Feature', id: 'star', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[star], [square]] } },
			{ type: 'Feature', id: 'point', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }
		];
		const calls: [number, number][] = [];
		const { zones } = validateZones(features, { onProgress: (done, total) => calls.push([done, total]) });
		expect(zones.map((z) => z.id)).toEqual(['a', 'star']);
		const total = 5 + n + 1 + 5;
		expect(calls.every(([, t]) => t === total)).toBe(true);
		expect(calls.at(-1)).toEqual([total, total]);
		for (let k = 1; k < calls.length; k++) expect(calls[k][0]).toBeGreaterThanOrEqual(calls[k - 1][0]);
		// Reports inside the star's crossing check, not only between zones.
		expect(calls.filter(([done]) => done > 5 && done < 5 + n).length).toBeGreaterThanOrEqual(4);
	});
});
