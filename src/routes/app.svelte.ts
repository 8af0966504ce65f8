/**
 * The app's long-lived state, composed once by the page: the working session (the only owner of
 * the firms shown and of the zones), the bundled geodata, the one classification of the firms,
 * the density panel's state and the layers loaded as the view moves. Panels and map layers read
 * it; changes go through the session, the zones and the classification.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { untrack } from 'svelte';
import type { FirmTable } from '$lib/core/firm-table';
import { FirmMapData } from '$lib/state/firm-map-data.svelte';
import { areaPlaced } from '$lib/data/firm-tiles';
import { loadClusterPrograms, loadGeodata, type Geodata } from '$lib/data/geodata';
import { activeInstitutions, sharedInstitutionIds } from '$lib/data/import-institutions';
import { loadFirmSample } from '$lib/worker/load-firm-sample';
import { prefectureLabelPoints } from '$lib/data/features';
import { offlineStyle } from '$lib/map/styles';
import { ClassificationState } from '$lib/state/classification.svelte';
import { MunicipalLayer } from '$lib/state/municipalities.svelte';
import { Notices } from '$lib/state/notices.svelte';
import { WorkingSession } from '$lib/state/session.svelte';
import { settings } from '$lib/state/settings.svelte';
import { stabilityState } from '$lib/state/stability.svelte';
import { TownLabels } from '$lib/state/towns.svelte';
import { yieldToPage } from '$lib/state/yield-to-page';
import { Zones, zoneBbox } from '$lib/state/zones.svelte';
import type { CodeBoundary } from '$lib/data/boundaries';
import { newReferenceId, referenceZone, type ReferenceLayer } from '$lib/data/reference-layers';
import { download } from './compare/download';
import { DensityState } from './density/density-state.svelte';
import { InstitutionChoice } from './institutions/institution-choice.svelte';

export class App {
	readonly notices = new Notices();
	readonly zones = new Zones();
	readonly session = new WorkingSession({ zones: this.zones, notices: this.notices, settings, download: (name, text) => download(name, text, 'application/json') });
	readonly classification = new ClassificationState();
	readonly density = new DensityState();
	readonly municipal = new MunicipalLayer();
	readonly towns = new TownLabels();
	/** The firms' tiles, cut in a worker: a million firms as objects would stop the page and crash MapLibre's worker. */
	readonly firmMap = new FirmMapData();

	geodata = $state.raw<Geodata | null>(null);
	style = $state.raw<StyleSpecification | null>(null);
	/** The first firms (restored or bundled) have loaded or failed to. */
	firmsSettled = $state(false);

	/** Which types and fields of institution are in use (the institutions panel). */
	readonly institutionChoice = new InstitutionChoice();
	/** The bundled institutions, with the user's added or in their place. */
	readonly allInstitutions = $derived(this.geodata ? activeInstitutions(this.geodata.institutions, this.session.institutions) : null);
	/** The institutions in use: those of the chosen types and fields. */
	readonly institutions = $derived(this.allInstitutions ? this.institutionChoice.apply(this.allInstitutions) : null);
	/** Zones not drawn by hand (districts, buffers, imports…), drawn by the zone layers rather than the drawing control. */
	readonly otherZones = $derived(this.zones.list.filter((zone) => zone.source !== 'drawn'));
	/** Reference layers made from N03 boundaries loaded by code are shown: they carry N03's credit. */
	readonly n03References = $derived(this.session.references.some((layer) => layer.source === 'municipality'));
	/** Zones made from online N03 files are shown (the bundled ones are credited by the map's own attribution). */
	readonly n03Zones = $derived(this.otherZones.some((zone) => zone.parameters?.boundary === 'N03' && zone.parameters.simplification === undefined));
	/** Firms located by address carry the town data's credit while they are shown. */
	readonly geocodedShown = $derived(this.session.dataset?.columns.includes('geocode_level') ?? false);
	/** Firms located only to their municipality or prefecture (drawn as rings at its point). */
	readonly areaPlacedCount = $derived(this.session.dataset && this.geocodedShown ? (areaPlaced(this.session.dataset)?.reduce((n, a) => n + a, 0) ?? 0) : 0);
	/** The density panel also aggregates by the municipalities loaded so far. */
	readonly densityGeodata = $derived(this.geodata ? { ...this.geodata, municipalities: this.municipal.collection.features } : null);

	/** Must be made while a component initialises: its effects belong to that component. */
	constructor() {
		// The firms shown go to the classifier and to the map's tiles.
		$effect(() => {
			const firms = this.session.dataset;
			untrack(() => {
				if (firms) this.classification.loadFirms(firms);
				void this.firmMap.show(firms);
			});
		});
		// A stability run belongs to the firms it was made on: other firms shown end it.
		$effect(() => {
			if (stabilityState.run && stabilityState.run.dataset !== this.session.dataset) stabilityState.clear();
		});
		// Every change of the zones' shapes (or of the firms) is classified again; the newest wins.
		$effect(() => {
			const list = this.zones.list;
			if (this.session.dataset) untrack(() => this.classification.classify(list));
		});
		// Other institutions (imported, or the bundled ones back): every firm's nearest is found again.
		$effect(() => {
			const list = this.institutions?.features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
			if (list) untrack(() => this.classification.loadInstitutions(list));
		});
		// Added institutions that reuse a bundled id would be indistinguishable in exports: say so.
		$effect(() => {
			const shared = this.geodata ? sharedInstitutionIds(this.geodata.institutions, this.session.institutions) : [];
			untrack(() => {
				if (shared.length === 0) this.notices.dismiss('institution-ids');
				else this.notices.show({ id: 'institution-ids', key: 'import.institutions.sharedIds', params: { count: shared.length, ids: shared.slice(0, 3).join(', ') + (shared.length > 3 ? ', …' : '') }, tone: 'warning' });
			});
		});
		this.#noticeUnusableZones();
		// The programme regions are fetched the first time their layer is shown, not at start.
		$effect(() => {
			const geodata = this.geodata;
			if (!settings.layers.clusterPrograms || !geodata || geodata.clusterPrograms) return;
			loadClusterPrograms()
				.then((programs) => this.geodata && (this.geodata = { ...this.geodata, clusterPrograms: programs }))
				.catch((error: Error) => this.notices.show({ id: 'cluster-programs', key: 'app.loadFailed', params: { file: 'cluster-programs.geo.json', message: error.message }, tone: 'error' }));
		});
	}

	/** The firms shown: the working session's dataset. */
	get firms(): FirmTable | null {
		return this.session.dataset;
	}

	/** Loads the bundled geodata and brings the last session back (its zones, and its firms or the bundled sample). */
	start(): void {
		loadGeodata()
			.then((data) => {
				this.style = offlineStyle({ prefectures: data.prefectures, prefectureLabels: prefectureLabelPoints(data.prefectures), lang: settings.language });
				this.municipal.setDistricts(data.districts);
				this.geodata = data;
			})
			.catch((error: Error) => this.notices.show({ id: 'geodata', key: 'app.loadFailed', params: { file: 'geodata', message: error.message }, tone: 'error' }));
		this.session
			.restore(loadFirmSample)
			.then((firms) => this.#tellProblems(firms))
			.catch((error: Error) => this.notices.show({ id: 'firms', key: 'app.loadFailed', params: { file: 'firms-sample.csv', message: error.message }, tone: 'error' }))
			.finally(() => (this.firmsSettled = true));
	}

	/** A zone id not yet used, for zones made from districts, boundaries and reference layers. */
	readonly zoneTaken = (id: string): boolean => this.zones.get(id) !== undefined;

	/**
	 * A boundary loaded by its code becomes a reference layer or a zone; returns its bounding box
	 * for the map to go there.
	 */
	addCodeBoundary(boundary: CodeBoundary, as: 'reference' | 'zone'): [number, number, number, number] {
		const session = this.session;
		const layer = { id: newReferenceId(session.references), name: boundary.name, source: 'municipality' as const, code5: boundary.code5, features: [] as ReferenceLayer['features'] };
		layer.features.push({ type: 'Feature', properties: { layer: layer.id, label: boundary.name }, geometry: boundary.geometry });
		if (as === 'reference') session.references = [...session.references, layer];
		else {
			const zone = referenceZone(layer, layer.features[0], this.zoneTaken);
			// A bundled boundary says its date and simplification (for the legend and the exported zones).
			this.zones.add(boundary.bundled ? { ...zone, parameters: { ...zone.parameters, boundaryDate: boundary.bundled.date, simplification: boundary.bundled.simplification } } : zone);
		}
		return zoneBbox(boundary.geometry);
	}

	/** Firms from the import dialog replace those shown (the dialog has listed their problems). */
	async showImported(firms: FirmTable): Promise<void> {
		await yieldToPage(); // receiving a million rows was one task; showing them is the next
		this.session.show(firms);
		this.notices.dismiss('firm-problems');
	}

	destroy(): void {
		this.classification.destroy();
		this.firmMap.destroy();
		this.session.destroy();
	}

	#tellProblems(firms: FirmTable): void {
		if (firms.problems.length === 0) return;
		this.notices.show({ id: 'firm-problems', key: 'firms.problems', params: { count: firms.problems.length, file: firms.file, first: firms.problems[0].message }, tone: 'warning' });
	}

	/** Zones the classifier could not use are named, never silently ignored; fixed ones lose their notice. */
	#noticeUnusableZones(): void {
		let shownIds: string[] = [];
		$effect(() => {
			const shown: string[] = [];
			for (const note of this.classification.result?.notes ?? []) {
				if (note.severity !== 'invalid') continue;
				const id = `zone-${note.zoneId}`;
				const name = untrack(() => this.zones.get(note.zoneId)?.name) ?? note.zoneId;
				untrack(() => this.notices.show({ id, key: 'zones.note', params: { name, message: note.message }, tone: 'warning' }));
				shown.push(id);
			}
			for (const id of shownIds) if (!shown.includes(id)) untrack(() => this.notices.dismiss(id));
			shownIds = shown;
		});
	}
}
