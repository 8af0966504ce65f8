import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESH_LEVELS, meshBounds, meshCode, meshNumber, meshPolygon, type MeshLevel } from './jis-mesh';

const LEVELS = Object.keys(MESH_LEVELS) as MeshLevel[];

describe('meshCode: published examples', () => {
	it('Tokyo Station 35.681236 N 139.767125 E is 5339-46-11', () => {
		// Source: project facts (facts.json jis_x0410_mesh.check), "matches commonly cited 53394611".
		expect(meshCode(139.767125, 35.681236, 'third')).toBe('53394611');
	});

	// Source: github.com/miettal/jismesh tests/test_to_meshcode.py (Tokyo Tower and Kyoto Tower,
	// world geodetic system), levels 1, 2, 3, 4 (half) and 5 (quarter).
	it.each([
		['Tokyo Tower', 139.745433, 35.658581, ['5339', '533935', '53393599', '533935992', '5339359921']],
		['Kyoto Tower', 135.759363, 34.987574, ['5235', '523536', '52353680', '523536804', '5235368041']]
	] as const)('%s at every level', (_name, lon, lat, codes) => {
		expect(LEVELS.map((level) => meshCode(lon, lat, level))).toEqual(codes);
	});

	it('1st mesh 5339 has its south edge at 35°20′ and its west edge at 139°', () => {
		// Source: gikosha.co.jp/fig_blog/mesh.html ("南端緯度 35度20分 … 西端経度 139 → 5339").
		const [w, s, e, n] = meshBounds('5339');
		expect([w, s * 60, e, n * 60]).toEqual([139, 35 * 60 + 20, 140, 36 * 60]);
		expect(meshCode(139, 35 + 20 / 60, 'first')).toBe('5339');
		expect(meshCode(139, 35 + 20 / 60 - 1e-7, 'first')).toBe('5239');
	});

	it('2nd mesh 5339-23 is the 1:25,000 sheet 原町田 (Machida)', () => {
		// Source: sinfonica.or.jp/mesh/mimginfo.html ("5339-23 … 図葉名は「原町田」").
		// Machida Station, approx. 35.5423 N 139.4459 E (Wikipedia), lies on that sheet.
		expect(meshCode(139.4459, 35.5423, 'second')).toBe('533923');
		const [w, s, e, n] = meshBounds('533923');
		expect([w, s, e, n].map((v) => Math.round(v * 3600))).toEqual([139 * 3600 + 22 * 60 + 30, 35 * 3600 + 30 * 60, 139 * 3600 + 30 * 60, 35 * 3600 + 35 * 60]);
	});

	// Source: project facts (facts.json districts[].center, computed with exact fractions by the
	// fact-gathering script): municipal offices of the field-study districts, all five levels.
	// Musashi-Murayama's longitude 139.3875 = 139°23′15″ lies exactly on a 3rd-mesh edge.
	it.each([
		['hitachi', 36.59916667, 140.6516667, '5440751233'],
		['musashimurayama', 35.75472222, 139.3875, '5339530131'],
		['ota', 35.56138889, 139.7161111, '5339257714'],
		['higashiosaka', 34.67944444, 135.6008333, '5235041831'],
		['kiryu', 36.40527778, 139.3305556, '5439428632'],
		['taito', 35.71277778, 139.78, '5339465232'],
		['hamamatsu', 34.71083333, 137.7266667, '5237055813'],
		['suwa', 36.03916667, 138.1141667, '5438004931'],
		['fukui', 36.06416667, 136.2194444, '5436017741']
	] as const)('%s office', (_id, lat, lon, quarter) => {
		expect(LEVELS.map((level) => meshCode(lon, lat, level))).toEqual(LEVELS.map((level) => quarter.slice(0, MESH_LEVELS[level])));
	});
});

describe('meshCode: edges and range', () => {
	// A point on an edge belongs to the cell to its north / east (cells are [south, north) × [west, east)).
	it.each([
		// [lon, lat, level, expected, why]
		[139.0125, 35.5, 'third', '53392001', '45″ east of 139° is the first 3rd-mesh column edge'],
		[139.0125 - 1e-6, 35.5, 'third', '53392000', 'just west of that edge'],
		[139, 35.5 + 30 / 3600, 'third', '53392010', '30″ north of 35°30′ is a row edge'],
		[139.5, 36, 'second', '543904', 'a 1st-mesh corner (36° = 54 × 40′) starts a new 1st mesh'],
		[139.5, 36 - 1e-9, 'second', '533974', 'just south of it'],
		[100, 0, 'quarter', '0000000011', 'the origin of the system'],
		[139 + 22.5 / 3600, 34 + 40 / 60 + 15 / 3600, 'half', '523900004', 'both half-mesh edges of 5239-00-00: NE quadrant'],
		[139 + 11.25 / 3600, 34 + 40 / 60 + 7.5 / 3600, 'quarter', '5239000014', 'both quarter-mesh edges inside the SW half: NE quadrant']
	] as const)('(%f, %f) %s → %s: %s', (lon, lat, level, expected, _why) => {
		expect(meshCode(lon, lat, level)).toBe(expected);
	});

	it('is null outside 0–66°40′ N, 100–200° E and for NaN', () => {
		expect(meshCode(99.999, 35, 'first')).toBeNull();
		expect(meshCode(200, 35, 'first')).toBeNull();
		expect(meshCode(139, -0.001, 'first')).toBeNull();
		expect(meshCode(139, 66 + 40 / 60, 'first')).toBeNull();
		expect(meshCode(NaN, 35)).toBeNull();
		expect(meshNumber(139, NaN)).toBeNaN();
	});
});

/** Exact reference on decimal strings with BigInt: ⌊value × perDegree⌋ without any rounding. */
function exactIndex(decimal: string, offset: bigint, perDegree: bigint): bigint {
	const [whole, frac = ''] = decimal.split('.');
	const scale = 10n ** BigInt(frac.length);
	const units = BigInt(whole) * scale + BigInt(frac || '0') - offset * scale;
	return (units * perDegree) / scale; // non-negative here, so division is floor
}

function referenceCode(lonText: string, latText: string, level: MeshLevel): string {
	const row = Number(exactIndex(latText, 0n, 480n));
	const col = Number(exactIndex(lonText, 100n, 320n));
	const digits = [
		Math.floor(row / 320), Math.floor(col / 320),
		Math.floor(row / 40) % 8, Math.floor(col / 40) % 8,
		Math.floor(row / 4) % 10, Math.floor(col / 4) % 10,
		1 + (Math.floor(row / 2) % 2) * 2 + (Math.floor(col / 2) % 2),
		1 + (row % 2) * 2 + (col % 2)
	];
	const full = `${String(digits[0]).padStart(2, '0')}${String(digits[1]).padStart(2, '0')}${digits.slice(2).join('')}`;
	return full.slice(0, MESH_LEVELS[level]);
}

describe('meshCode: property tests', () => {
	// Decimal coordinates with up to 7 places over Japan, half of them exactly on an edge (every
	// 1/320° of longitude and every 3/480° of latitude is a finite decimal).
	const decimal = (min: number, max: number) => fc.integer({ min: min * 1e7, max: max * 1e7 }).map((n) => (n / 1e7).toFixed(7));
	const lonEdge = fc.integer({ min: 122 * 320, max: 154 * 320 }).map((k) => (k / 320).toFixed(7));
	const latEdge = fc.integer({ min: (20 * 480) / 3, max: (46 * 480) / 3 }).map((k) => ((3 * k) / 480).toFixed(7));
	const lonText = fc.oneof(decimal(122, 154), lonEdge);
	const latText = fc.oneof(decimal(20, 46), latEdge);

	it('equals an exact BigInt computation on the decimal input, edges included', () => {
		fc.assert(
			fc.property(lonText, latText, fc.constantFrom(...LEVELS), (lon, lat, level) => {
				expect(meshCode(Number(lon), Number(lat), level)).toBe(referenceCode(lon, lat, level));
			}),
			{ numRuns: 5000 }
		);
	});

	it('the cell of a point contains it, south/west edges inclusive, and codes nest by prefix', () => {
		fc.assert(
			fc.property(fc.double({ min: 122, max: 154, noNaN: true }), fc.double({ min: 20, max: 46, noNaN: true }), (lon, lat) => {
				const quarter = meshCode(lon, lat, 'quarter')!;
				for (const level of LEVELS) {
					const code = meshCode(lon, lat, level)!;
					expect(quarter.startsWith(code)).toBe(true);
					const [w, s, e, n] = meshBounds(code);
					// Bounds are rounded to doubles, so allow one ulp-scale slack on the edges.
					expect(lon).toBeGreaterThanOrEqual(w - 1e-12);
					expect(lon).toBeLessThan(e + 1e-12);
					expect(lat).toBeGreaterThanOrEqual(s - 1e-12);
					expect(lat).toBeLessThan(n + 1e-12);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('the centre of every cell maps back to its code', () => {
		fc.assert(
			fc.property(fc.double({ min: 122, max: 154, noNaN: true }), fc.double({ min: 20, max: 46, noNaN: true }), fc.constantFrom(...LEVELS), (lon, lat, level) => {
				const code = meshCode(lon, lat, level)!;
				const [w, s, e, n] = meshBounds(code);
				expect(meshCode((w + e) / 2, (s + n) / 2, level)).toBe(code);
			})
		);
	});
});

describe('meshBounds and meshPolygon', () => {
	it('gives the standard cell sizes: 40′×1°, 5′×7′30″, 30″×45″, 15″×22.5″, 7.5″×11.25″', () => {
		const sizes = ['5339', '533946', '53394611', '533946113', '5339461132'].map((code) => {
			const [w, s, e, n] = meshBounds(code);
			return [Math.round((n - s) * 3600 * 100) / 100, Math.round((e - w) * 3600 * 100) / 100];
		});
		expect(sizes).toEqual([[2400, 3600], [300, 450], [30, 45], [15, 22.5], [7.5, 11.25]]);
	});

	it('accepts numbers and rejects malformed codes with a message naming the code', () => {
		expect(meshBounds(53394611)).toEqual(meshBounds('53394611'));
		expect(() => meshBounds('53394')).toThrow(/"53394".*4 \(1st\), 6 \(2nd\)/);
		expect(() => meshBounds('533989')).toThrow(/2nd-order digits must be 0–7/);
		expect(() => meshBounds('533946115')).toThrow(/half and quarter digits must be 1–4/);
		expect(() => meshBounds('5339a611')).toThrow(/not all digits/);
	});

	it('is a closed counter-clockwise ring', () => {
		const ring = meshPolygon('533946113').coordinates[0];
		expect(ring).toHaveLength(5);
		expect(ring[0]).toEqual(ring[4]);
		let twiceArea = 0;
		for (let i = 0; i < 4; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
		expect(twiceArea).toBeGreaterThan(0);
	});
});
