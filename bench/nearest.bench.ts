/**
 * Nearest institution for 1,000,000 firms: the engine's cell tree (geokdbush seeds each top-level
 * cell, firms then read a short candidate list) against geokdbush's `around(index, lon, lat, 1)`
 * per firm (the textbook use of the library) and a plain @turf/distance loop over every
 * institution. The per-firm methods run on a subsample and are scaled per firm.
 *
 *   npx tsx bench/run.ts nearest        (BENCH_QUICK=1 for a smoke run)
 */
import { distance } from '@turf/distance';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { haversineKm } from '../src/lib/core/geo/haversine';
import { buildInstitutionIndex, nearestInstitutions } from '../src/lib/core/proximity';
import { generateFirms, generateInstitutions } from './lib/data';
import { machine, measure, ms, QUICK, spread } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'engine: nearest institution';

const FIRMS = QUICK ? 50_000 : 1_000_000;
const COUNTS = QUICK ? [100, 1000] : [1000, 10_000];
const AROUND_SAMPLE = QUICK ? 5_000 : 100_000;
const TURF_SAMPLE = QUICK ? 200 : 1000;

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const { lons, lats } = generateFirms(FIRMS, 2);
	const rows: (string | number)[][] = [];
	for (const count of COUNTS) {
		const institutions = generateInstitutions(count, 3);
		const engine = measure(() => nearestInstitutions(buildInstitutionIndex(institutions), lons, lats), { runs: QUICK ? 2 : 5 });
		const result = nearestInstitutions(buildInstitutionIndex(institutions), lons, lats);

		const tree = new KDBush(count);
		for (const i of institutions) tree.add(i.lon, i.lat);
		tree.finish();
		const step = Math.floor(FIRMS / AROUND_SAMPLE);
		let disagree = 0;
		const geokdbush = measure(
			() => {
				disagree = 0;
				for (let k = 0; k < AROUND_SAMPLE; k++) {
					const f = k * step;
					const [i] = around(tree, lons[f], lats[f], 1);
					const km = haversineKm(lons[f], lats[f], institutions[i].lon, institutions[i].lat);
					if (km !== result.km[f]) disagree++;
				}
			},
			{ runs: 3 }
		);
		if (disagree > 0) throw new Error(`geokdbush and the engine disagree on ${disagree} firms`);

		const turfStep = Math.floor(FIRMS / TURF_SAMPLE);
		const points = institutions.map((i) => [i.lon, i.lat]);
		const turf = measure(
			() => {
				for (let k = 0; k < TURF_SAMPLE; k++) {
					const p = [lons[k * turfStep], lats[k * turfStep]];
					let best = Infinity;
					for (const q of points) best = Math.min(best, distance(p, q));
					if (best !== result.km[k * turfStep]) throw new Error('Turf and the engine disagree');
				}
			},
			{ runs: 3 }
		);
		const perFirm = (t: number, n: number) => `${((t / n) * 1000).toFixed(2)} µs`;
		const label = `${count.toLocaleString('en')} institutions`;
		rows.push([label, 'engine: nearestInstitutions (fresh index)', ms(engine.median), spread(engine), ms(engine.cpuMedian), perFirm(engine.median, FIRMS), '1×']);
		const scaledAround = (geokdbush.median / AROUND_SAMPLE) * FIRMS;
		rows.push([label, `geokdbush around(…, 1) per firm + haversineKm (${AROUND_SAMPLE.toLocaleString('en')} firms, scaled)`, ms(scaledAround), '', ms((geokdbush.cpuMedian / AROUND_SAMPLE) * FIRMS), perFirm(geokdbush.median, AROUND_SAMPLE), `${(scaledAround / engine.median).toFixed(1)}× slower`]);
		const scaledTurf = (turf.median / TURF_SAMPLE) * FIRMS;
		rows.push([label, `@turf/distance to every institution (${TURF_SAMPLE.toLocaleString('en')} firms, scaled)`, ms(scaledTurf), '', ms((turf.cpuMedian / TURF_SAMPLE) * FIRMS), perFirm(turf.median, TURF_SAMPLE), `${Math.round(scaledTurf / engine.median)}× slower`]);
	}
	report({
		title: `${name}: ${FIRMS.toLocaleString('en')} firms`,
		columns: ['institutions', 'method', 'time for all firms (median)', 'spread (min – max)', 'CPU time (median)', 'per firm', 'relative'],
		rows,
		notes: [
			'All three methods return the same institution and the same kilometres (checked while measuring).',
			'geokdbush allocates a priority queue and node objects per query; the engine computes each cell’s candidate list once and reuses it for every firm in the cell.',
			`Machine: ${machine()}.`
		]
	});
}
