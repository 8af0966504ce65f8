/**
 * The comparison's settings as the form edits them, and their translation into worker parameters.
 */
import type { InstitutionField, InstitutionType } from '$lib/core/model';
import type { ColumnInfo } from '$lib/worker/compare-columns';
import { guessVariables } from '$lib/worker/compare-columns';
import { parseBands } from '$lib/worker/compare-prepare';
import type { CompareParams } from '$lib/worker/compare-protocol';

export interface FormState {
	grouping: 'inside-outside' | 'zone-vs-rest' | 'each-zone' | 'stability';
	zoneId: string;
	outcomes: string[];
	/** '' leaves distance out. */
	distance: InstitutionType | 'any' | '';
	/** Measure to the nearest institution with this field (of the chosen type); '' for any field. */
	distanceField: InstitutionField | '';
	communication: string;
	subcontractor: string;
	size: string;
	industry: string;
	bands: string;
	permutations: number;
	seed: number;
}

/**
 * Settings for a table: its guessed outcome, linkage and control columns, the study's distance
 * bands, 10,000 permutations and seed 1.
 *
 * @example
 * defaultForm(columns).outcomes; // ['new_products', 'new_processes', 'patents_3y']
 */
export function defaultForm(columns: readonly ColumnInfo[]): FormState {
	const guess = guessVariables(columns);
	return {
		grouping: 'inside-outside',
		zoneId: '',
		outcomes: guess.outcomes,
		distance: 'any',
		distanceField: '',
		communication: guess.communication ?? '',
		subcontractor: guess.subcontractor ?? '',
		size: guess.size ?? '',
		industry: guess.industry ?? '',
		bands: '2, 5, 10, 20',
		permutations: 10_000,
		seed: 1
	};
}

/**
 * Worker parameters from the form, or the reason they cannot be used yet.
 *
 * @example
 * toParams(form, ['zone-1']); // { params: { grouping: { kind: 'inside-outside' }, … } }
 */
export function toParams(form: FormState, zoneIds: readonly string[]): { params: CompareParams } | { problem: 'outcome' | 'bands' | 'zone' } {
	if (form.outcomes.length === 0) return { problem: 'outcome' };
	const bands = parseBands(form.bands);
	if (!bands) return { problem: 'bands' };
	let grouping: CompareParams['grouping'];
	if (form.grouping === 'zone-vs-rest') {
		const zoneId = zoneIds.includes(form.zoneId) ? form.zoneId : zoneIds[0];
		if (!zoneId) return { problem: 'zone' };
		grouping = { kind: 'zone-vs-rest', zoneId };
	} else grouping = { kind: form.grouping };
	const column = (name: string) => (name === '' ? null : name);
	return {
		params: {
			grouping,
			outcomes: [...form.outcomes],
			distance: form.distance === '' ? null : form.distance,
			communication: column(form.communication),
			subcontractor: column(form.subcontractor),
			size: column(form.size),
			industry: column(form.industry),
			bands,
			permutations: Math.max(0, Math.min(1_000_000, Math.round(form.permutations) || 0)),
			seed: Math.round(form.seed) || 0
		}
	};
}
