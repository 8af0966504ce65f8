/**
 * Which institutions are in use: the types and fields ticked in the institution panel. Everything that measures
 * to institutions (the map layer, buffers, the worker's nearest institution, the comparison) takes `apply`'s subset.
 */
import type { InstitutionCollection } from '$lib/core/geodata-types';
import { selectInstitutions, type InstitutionFilter } from '$lib/core/institutions';
import { INSTITUTION_FIELDS, INSTITUTION_TYPES, type InstitutionField, type InstitutionType } from '$lib/core/model';

export class InstitutionChoice {
	types = $state<InstitutionType[]>([...INSTITUTION_TYPES]);
	fields = $state<InstitutionField[]>([...INSTITUTION_FIELDS]);

	/** Every type or every field ticked does not narrow (so institutions without fields stay in use). */
	get filter(): InstitutionFilter {
		return {
			types: this.types.length === INSTITUTION_TYPES.length ? undefined : this.types,
			fields: this.fields.length === INSTITUTION_FIELDS.length ? undefined : this.fields
		};
	}

	/** The institutions in use; the same object when nothing is filtered out. */
	apply(collection: InstitutionCollection): InstitutionCollection {
		const filter = this.filter;
		if (!filter.types && !filter.fields) return collection;
		return { type: 'FeatureCollection', features: selectInstitutions(collection.features, filter, (f) => f.properties) };
	}

	toggleType(type: InstitutionType, on: boolean) {
		this.types = INSTITUTION_TYPES.filter((t) => (t === type ? on : this.types.includes(t)));
	}

	toggleField(field: InstitutionField, on: boolean) {
		this.fields = INSTITUTION_FIELDS.filter((f) => (f === field ? on : this.fields.includes(f)));
	}
}
