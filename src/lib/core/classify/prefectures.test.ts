import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateZones } from '../geo/validate-zones';
import { buildZoneIndex, classifyPoints } from './index';

// Real boundaries: the 47 prefectures (multipart coasts and islands) as zones, random points
// over Japan, against the brute-force Turf loop.
const prefectures = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../geodata/prefectures.geo.json'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;

describe('classification over the committed prefecture boundaries', () => {
	it('validates every prefecture as a zone, and agrees with booleanPointInPolygon', () => {
		const { zones, problems } = validateZones(prefectures.features as Feature[]);
		expect(problems.filter((p) => p.severity === 'invalid')).toEqual([]);
		expect(zones).toHaveLength(47);

		let seed = 12345;
		const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
		const n = 1500;
		// Points over Honshu–Kyushu, plus each prefecture's first vertex (on a boundary, often shared).
		const points = [...Array.from({ length: n }, () => [129.5 + random() * 12, 31 + random() * 10]), ...zones.map((z) => (z.geometry.type === 'Polygon' ? z.geometry.coordinates[0][0] : z.geometry.coordinates[0][0][0]))];
		const result = classifyPoints(buildZoneIndex(zones), Float64Array.from(points, (p) => p[0]), Float64Array.from(points, (p) => p[1]));
		const actual = points.map((_, i) => [...result.zoneIndices.subarray(result.offsets[i], result.offsets[i + 1])]);
		const expected = points.map((p) => zones.flatMap((z, k) => (booleanPointInPolygon(p, z.geometry) ? [k] : [])));
		expect(actual).toEqual(expected);
		// Most points on land fall in exactly one prefecture; boundary vertices in two or more.
		expect(actual.filter((zs) => zs.length === 1).length).toBeGreaterThan(n / 4);
	});
});
