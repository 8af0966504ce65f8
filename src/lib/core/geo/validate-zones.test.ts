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
});
