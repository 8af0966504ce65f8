/**
 * What the comparison needs besides the statistics and the classification: distances to the
 * nearest institution of a type, binned distances, band edges typed by the user.
 */
import type { InstitutionType } from '$lib/core/model';
import { buildInstitutionIndex, nearestInstitutions } from '$lib/core/proximity';

/**
 * km from each firm to the nearest institution of `type` ('any': of every type); NaN when none.
 *
 * @example
 * nearestKm(institutions, 'national-university', lons, lats);
 */
export function nearestKm(
	institutions: readonly { id: string; type: InstitutionType; lon: number; lat: number }[],
	type: InstitutionType | 'any',
	lons: Float64Array,
	lats: Float64Array
): Float64Array {
	const chosen = type === 'any' ? institutions : institutions.filter((inst) => inst.type === type);
	if (chosen.length === 0) return new Float64Array(lons.length).fill(NaN);
	return nearestInstitutions(buildInstitutionIndex(chosen), lons, lats).km;
}

/**
 * Counts of distances per 1 km bin from 0 for firms with group 1 and group 0; distances beyond
 * the last bin go into it, so no firm is lost from the picture.
 *
 * @param maxKm upper edge of the last bin (rounded up to whole km)
 * @example
 * distanceBins(Float64Array.of(0.5, 1.5, 40), Int8Array.of(1, 0, 0), 30); // inside [1, 0, …], outside [0, 1, …, 1]
 */
export function distanceBins(km: Float64Array, group: ArrayLike<number>, maxKm: number): { edges: number[]; inside: number[]; outside: number[] } {
	const bins = Math.max(1, Math.ceil(maxKm));
	const edges = Array.from({ length: bins + 1 }, (_, k) => k);
	const inside = new Array<number>(bins).fill(0);
	const outside = new Array<number>(bins).fill(0);
	for (let i = 0; i < km.length; i++) {
		const d = km[i];
		if (!(d >= 0) || (group[i] !== 1 && group[i] !== 0)) continue;
		const k = Math.min(bins - 1, Math.floor(d));
		(group[i] === 1 ? inside : outside)[k]++;
	}
	return { edges, inside, outside };
}

/** Counts per value up to this many distinct whole numbers; beyond, equal-width bins. */
const MAX_WHOLE_VALUES = 15;
const BINS = 12;

/**
 * Counts of an outcome's values for group 1 and group 0 (NaN and group -1 left out), for a
 * distribution plot: one bin per value for small whole numbers (patents: 0, 1, 2…), else 12
 * equal-width bins from the smallest to the largest value.
 *
 * @example
 * valueDistribution(Float64Array.of(0, 1, 1, 3), Int8Array.of(1, 1, 0, 0));
 * // { labels: ['0', '1', '2', '3'], inside: [1, 1, 0, 0], outside: [0, 1, 0, 1] }
 */
export function valueDistribution(values: Float64Array, group: ArrayLike<number>): { labels: string[]; inside: number[]; outside: number[] } {
	let min = Infinity;
	let max = -Infinity;
	let whole = true;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (Number.isNaN(v) || (group[i] !== 1 && group[i] !== 0)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
		if (!Number.isInteger(v)) whole = false;
	}
	if (min > max) return { labels: [], inside: [], outside: [] };
	const byValue = whole && max - min < MAX_WHOLE_VALUES;
	const count = byValue ? max - min + 1 : min === max ? 1 : BINS;
	const width = byValue ? 1 : (max - min) / count || 1;
	const round = (x: number) => String(Number(x.toPrecision(3)));
	const labels = Array.from({ length: count }, (_, k) => (byValue ? String(min + k) : `${round(min + k * width)}–${round(min + (k + 1) * width)}`));
	const inside = new Array<number>(count).fill(0);
	const outside = new Array<number>(count).fill(0);
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (Number.isNaN(v) || (group[i] !== 1 && group[i] !== 0)) continue;
		const k = Math.min(count - 1, Math.floor((v - min) / width));
		(group[i] === 1 ? inside : outside)[k]++;
	}
	return { labels, inside, outside };
}

/**
 * Band edges from user text: positive numbers, ascending, without repeats; null when not.
 *
 * @example
 * parseBands('2, 5, 10, 20'); // [2, 5, 10, 20]
 * parseBands('5, x'); // null
 */
export function parseBands(text: string): number[] | null {
	const edges = text
		.split(/[,、\s]+/)
		.filter((part) => part !== '')
		.map(Number);
	if (edges.length === 0 || edges.some((edge) => !Number.isFinite(edge) || edge <= 0)) return null;
	for (let k = 1; k < edges.length; k++) if (edges[k] <= edges[k - 1]) return null;
	return edges;
}
