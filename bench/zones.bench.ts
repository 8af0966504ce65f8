/**
 * Zone preparation on dense star rings (100,000, 200,000 and 1,000,000 vertices, seeded jitter):
 * the crossing check alone (`findCrossing`, a Shamos–Hoey sweep), the whole of `validateZones`,
 * and `buildZoneIndex`. Baseline: the crossing check as it was, a Flatbush of edge boxes with
 * every overlapping pair tested, which is quadratic on a star; it runs in the same process on
 * smaller stars only (answers checked equal) and is scaled by the square of the vertices. A row of
 * 2,000 ordinary zones shows small zones lose nothing.
 *
 *   npx tsx bench/run.ts zones          (BENCH_QUICK=1 for a smoke run)
 */
import type { Feature, Position } from 'geojson';
import { buildZoneIndex } from '../src/lib/core/classify';
import { findCrossing, validateZones } from '../src/lib/core/geo';
import { findCrossingByBoxes } from './lib/crossing-by-boxes';
import { generateZones } from './lib/data';
import { machine, measure, ms, QUICK, spread, type Timing } from './lib/measure';
import type { BenchResult } from './lib/report';
import { starRing } from './lib/star';

export const name = 'engine: zone preparation';

const SIZES = QUICK ? [10_000, 20_000] : [100_000, 200_000, 1_000_000];
/** The baseline runs on these sizes only: a star of 100,000 vertices would take about a minute. */
const BASELINE_SIZES = QUICK ? [5_000] : [20_000, 50_000];

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const rows: (string | number)[][] = [];
	const fmt = (t: Timing) => [ms(t.median), spread(t), ms(t.cpuMedian)];

	// Baseline first, on small stars; its time per vertex² carries over to the larger ones.
	let perSquare = 0;
	const baselineRows: (string | number)[][] = [];
	for (const n of BASELINE_SIZES) {
		const ring = starRing(n, n);
		if (findCrossing([ring]) !== null || findCrossingByBoxes([ring]) !== null) throw new Error('a star must not cross itself');
		const sweep = measure(() => findCrossing([ring]), { runs: 3 });
		const boxes = measure(() => findCrossingByBoxes([ring]), { warmup: 0, runs: 1 });
		perSquare = boxes.cpuMedian / (n * n);
		baselineRows.push([n.toLocaleString('en'), 'crossing check', ...fmt(sweep), `${ms(boxes.cpuMedian)} (measured)`, `${(boxes.cpuMedian / sweep.cpuMedian).toFixed(0)}×`]);
	}
	rows.push(...baselineRows);

	for (const n of SIZES) {
		const ring = starRing(n, n);
		const feature: Feature = { type: 'Feature', id: 'star', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
		const runs = QUICK ? 2 : n >= 1_000_000 ? 3 : 5;
		const size = n.toLocaleString('en');
		const scaled = perSquare * n * n;

		const sweep = measure(() => findCrossing([ring]), { runs });
		rows.push([size, 'crossing check', ...fmt(sweep), `≈ ${ms(scaled)} (scaled)`, `${(scaled / sweep.cpuMedian).toFixed(0)}×`]);

		let zones = validateZones([feature]).zones;
		const validate = measure(() => (zones = validateZones([feature]).zones), { runs });
		if (zones.length !== 1) throw new Error('the star must be kept');
		rows.push([size, '`validateZones` (clean, orient, check)', ...fmt(validate), `≈ ${ms(scaled)} (crossing check alone, scaled)`, `${(scaled / validate.cpuMedian).toFixed(0)}×`]);

		const index = measure(() => buildZoneIndex(zones), { runs });
		rows.push([size, '`buildZoneIndex`', ...fmt(index), '—', '—']);
	}

	const ordinary = generateZones(QUICK ? 200 : 2000, 1);
	const parts: Position[][][] = ordinary.flatMap((z) => (z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates));
	const sweepAll = measure(() => parts.map((part) => findCrossing(part)), { runs: 5 });
	const boxesAll = measure(() => parts.map((part) => findCrossingByBoxes(part)), { runs: 5 });
	const same = parts.every((part) => (findCrossing(part) === null) === (findCrossingByBoxes(part) === null));
	if (!same) throw new Error('the sweep and the box search disagree on an ordinary zone');
	rows.push([`${ordinary.length.toLocaleString('en')} ordinary zones (5–60 vertices)`, 'crossing check', ...fmt(sweepAll), `${ms(boxesAll.cpuMedian)} (measured)`, `${(boxesAll.cpuMedian / sweepAll.cpuMedian).toFixed(1)}×`]);

	report({
		title: `Zone preparation: star rings (${machine()})`,
		columns: ['vertices', 'step', 'this engine (median)', 'min – max', 'CPU (median)', 'box-pair search (the check before), CPU', 'speed-up (CPU)'],
		rows,
		notes: [
			'Star ring: vertex i at angle 2πi/n round 139.7E 35.6N, radius alternating 0.1° and 0.05°, each ±5 % (seeded); it never crosses itself.',
			`The baseline is measured once per size on ${BASELINE_SIZES.map((n) => n.toLocaleString('en')).join(' and ')} vertices; larger sizes are scaled from the last by (n / ${BASELINE_SIZES.at(-1)!.toLocaleString('en')})².`,
			'Speed-ups compare CPU time, which other work on the machine disturbs less than wall time.',
			'`validateZones` also cleans the ring, checks it has an area and orients it; the crossing check is nearly all of its time.'
		]
	});
}
