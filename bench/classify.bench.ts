/**
 * The engine's spatial core on seeded data: 1,000,000 firms × 2,000 concave zones (5–60 vertices,
 * some with holes, some multipart, dense in the field-study districts) × 1,000 institutions,
 * against a plain Turf loop (booleanPointInPolygon over every zone, distance to every
 * institution) run in the same process on an evenly spaced subsample and scaled per firm.
 *
 *   npx tsx bench/run.ts classify       (BENCH_QUICK=1 for a smoke run, BENCH_NATIONAL=1 adds 5M)
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildZoneIndex, classifyPoints } from '../src/lib/core/classify';
import { buildInstitutionIndex, nearestInstitutions, withinKm } from '../src/lib/core/proximity';
import { generateFirms, generateInstitutions, generateZones } from './lib/data';
import { machine, measure, ms, NATIONAL, QUICK, spread } from './lib/measure';
import type { BenchResult } from './lib/report';

export const name = 'engine: zones and nearest institution';

const ZONES = QUICK ? 200 : 2000;
const INSTITUTIONS = QUICK ? 100 : 1000;
const SIZES = QUICK ? [50_000] : NATIONAL ? [1_000_000, 5_000_000] : [1_000_000];
const SUBSAMPLE = QUICK ? 100 : 1000;
const BUFFER_KM = 5;

export async function run(report: (result: BenchResult) => void): Promise<void> {
	const zones = generateZones(ZONES, 1);
	const institutions = generateInstitutions(INSTITUTIONS, 3);
	const features: Feature<Polygon | MultiPolygon>[] = zones.map((z) => ({ type: 'Feature', id: z.id, properties: {}, geometry: z.geometry }));
	const instPoints = institutions.map((i) => [i.lon, i.lat]);

	// The naive loop, on a subsample of the first size's firms.
	const base = generateFirms(SIZES[0], 2);
	const step = Math.floor(SIZES[0] / SUBSAMPLE);
	const sample = Array.from({ length: SUBSAMPLE }, (_, k) => [base.lons[k * step], base.lats[k * step]]);
	let turfZones: number[][] = [];
	let turfNearest: number[] = [];
	const turfZoneTime = measure(
		() => (turfZones = sample.map((p) => features.flatMap((f, z) => (booleanPointInPolygon(p, f) ? [z] : [])))),
		{ warmup: 1, runs: 3 }
	);
	const turfNearestTime = measure(
		() =>
			(turfNearest = sample.map((p) => {
				let best = -1;
				let bestKm = Infinity;
				instPoints.forEach((q, i) => {
					const km = distance(p, q);
					if (km < bestKm) [best, bestKm] = [i, km];
				});
				return best;
			})),
		{ warmup: 1, runs: 3 }
	);
	const turfZonePerFirm = turfZoneTime.median / SUBSAMPLE;
	const turfNearestPerFirm = turfNearestTime.median / SUBSAMPLE;

	// Same answers on the subsample, or the comparison means nothing.
	const subLons = Float64Array.from(sample, (p) => p[0]);
	const subLats = Float64Array.from(sample, (p) => p[1]);
	const check = classifyPoints(buildZoneIndex(zones), subLons, subLats);
	const checkNearest = nearestInstitutions(buildInstitutionIndex(institutions), subLons, subLats);
	const agree = sample.every((_, k) => String(check.zoneIndices.subarray(check.offsets[k], check.offsets[k + 1])) === String(turfZones[k]) && checkNearest.nearest[k] === turfNearest[k]);
	if (!agree) throw new Error('engine and Turf disagree on the subsample');

	const rows: (string | number)[][] = [];
	const perFirm: string[] = [];
	for (const count of SIZES) {
		const { lons, lats } = count === SIZES[0] ? base : generateFirms(count, 2);
		const runs = count > 1_000_000 ? 3 : QUICK ? 2 : 5;
		const label = `${count.toLocaleString('en')} firms`;
		const row = (step: string, t: ReturnType<typeof measure>, turfPerFirm: number) => {
			const turf = turfPerFirm * count;
			rows.push([step, label, ms(t.median), spread(t), ms(t.cpuMedian), `${((t.median / count) * 1000).toFixed(2)} µs`, `${(turfPerFirm * 1000).toFixed(0)} µs`, ms(turf), `${Math.round(turf / t.median).toLocaleString('en')}×`]);
		};
		// Each run builds fresh indexes: what one CLI run pays, cell refinement included.
		const zoneTime = measure(() => classifyPoints(buildZoneIndex(zones), lons, lats), { runs });
		row('zones: buildZoneIndex + classifyPoints', zoneTime, turfZonePerFirm);
		const warmIndex = buildZoneIndex(zones);
		row('zones: classifyPoints, index already refined', measure(() => classifyPoints(warmIndex, lons, lats), { runs }), turfZonePerFirm);
		const nearestTime = measure(() => nearestInstitutions(buildInstitutionIndex(institutions), lons, lats), { runs });
		row('nearest: buildInstitutionIndex + nearestInstitutions', nearestTime, turfNearestPerFirm);
		const all = measure(
			() => {
				const c = classifyPoints(buildZoneIndex(zones), lons, lats);
				const n = nearestInstitutions(buildInstitutionIndex(institutions), lons, lats);
				return [c, n, withinKm(n.km, BUFFER_KM)];
			},
			{ runs }
		);
		row('all: zones + nearest + withinKm', all, turfZonePerFirm + turfNearestPerFirm);
		perFirm.push(`${((all.median / count) * 1000).toFixed(2)} µs at ${label}`);
	}

	report({
		title: `${name}: ${ZONES.toLocaleString('en')} zones × ${INSTITUTIONS.toLocaleString('en')} institutions`,
		columns: ['step', 'input', 'engine (median)', 'spread (min – max)', 'CPU time (median)', 'per firm', 'plain Turf loop per firm', 'Turf loop, scaled to all firms', 'speed-up'],
		rows,
		notes: [
			`Plain Turf loop: booleanPointInPolygon over every zone and @turf/distance to every institution, timed on ${SUBSAMPLE.toLocaleString('en')} evenly spaced firms (median of 3 runs after a warm-up) and scaled per firm; on that subsample its answers equal the engine's.`,
			'Turf per-firm times come from the first size\'s subsample and are reused for larger sizes. Speed-ups use wall time; CPU time is this process only (user + system), less disturbed when other work shares the machine.',
			`Engine: median of ${SIZES[0] > 1_000_000 ? 3 : QUICK ? 2 : 5} runs (3 at 5,000,000) after a warm-up; each run builds its indexes afresh unless the row says otherwise.`,
			`Time per firm, zones + nearest: ${perFirm.join('; ')}. Per-firm time does not grow with the number of firms: growth is linear (a little better, as cell refinement is paid once).`,
			`Seeded data (bench/lib/data.ts): zones 80 % in the nine field-study districts, firms 60 % round them, the rest round 20 cities.`,
			`Machine: ${machine()}.`
		]
	});
}
