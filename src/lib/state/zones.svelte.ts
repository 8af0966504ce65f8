/**
 * The zones of the working session, with an undo/redo history of every change. Drawn shapes,
 * renames and deletions all go through here; the map's drawing layer and the classifier follow.
 */
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Zone } from '$lib/core/model';

/** Zone colours in the order new zones take them (distinct from the firm and district colours). */
export const ZONE_COLOURS = ['#d9480f', '#7048e8', '#0c8599', '#c2255c', '#5c940d', '#e67700', '#1864ab', '#862e9c'] as const;

/** Most changes remembered for undo; older ones are forgotten first. */
const HISTORY_LIMIT = 100;

/**
 * Area of a zone's geometry in km², on Turf's sphere.
 *
 * @example
 * zoneAreaKm2({ type: 'Polygon', coordinates: [[[139.7, 35.5], [139.8, 35.5], [139.8, 35.6], [139.7, 35.5]]] });
 */
export function zoneAreaKm2(geometry: Polygon | MultiPolygon): number {
	return area(geometry) / 1e6;
}

/**
 * Bounding box [west, south, east, north] of a zone's geometry, for fitting the map to it.
 *
 * @example
 * zoneBbox(zone.geometry); // [139.7, 35.5, 139.8, 35.6]
 */
export function zoneBbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
	const [w, s, e, n] = bbox(geometry);
	return [w, s, e, n];
}

export class Zones {
	/** Current zones, in the order they were made. Replaced, never mutated, on every change. */
	list = $state.raw<Zone[]>([]);
	/** Id of the zone picked in the list, if any. */
	selectedId = $state<string | null>(null);
	/**
	 * Bumped when zones change other than by drawing on the map (undo, redo, delete, clear), so
	 * the drawing layer knows to reload them.
	 */
	revision = $state(0);

	#past = $state.raw<Zone[][]>([]);
	#future = $state.raw<Zone[][]>([]);
	#made = 0;

	canUndo = $derived(this.#past.length > 0);
	canRedo = $derived(this.#future.length > 0);

	/** The zone with this id, if any. */
	get(id: string): Zone | undefined {
		return this.list.find((zone) => zone.id === id);
	}

	/**
	 * Adds a zone drawn on the map, or replaces the geometry of an existing one (an edit), keeping
	 * its name and colour. A new zone is named "{prefix} N" and takes the next colour.
	 */
	putDrawn(id: string, geometry: Polygon | MultiPolygon, parameters: Record<string, unknown>, namePrefix: string): void {
		const existing = this.get(id);
		if (existing) {
			this.#commit(this.list.map((zone) => (zone.id === id ? { ...zone, geometry, parameters } : zone)), false);
			return;
		}
		this.#made++;
		const zone: Zone = {
			id,
			name: `${namePrefix} ${this.#made}`,
			geometry,
			source: 'drawn',
			parameters,
			colour: ZONE_COLOURS[(this.#made - 1) % ZONE_COLOURS.length]
		};
		this.#commit([...this.list, zone], false);
	}

	/**
	 * Adds a zone made another way than drawing (a district, a buffer…), taking the next colour
	 * unless it has one. Its id must be new.
	 */
	add(zone: Zone): void {
		if (this.get(zone.id)) throw new Error(`A zone with the id "${zone.id}" exists already; give the new zone its own id.`);
		this.#made++;
		this.#commit([...this.list, { ...zone, colour: zone.colour ?? ZONE_COLOURS[(this.#made - 1) % ZONE_COLOURS.length] }], true);
	}

	/**
	 * Replaces every zone with `list` and forgets the undo history: a restored or opened session
	 * starts fresh, so undo does not take its zones away one by one.
	 */
	load(list: readonly Zone[]): void {
		const ids = new Set(list.map((zone) => zone.id));
		if (ids.size !== list.length) throw new Error('Zones to load have repeated ids; give each zone its own id.');
		this.#made = list.length;
		this.list = list.map((zone, k) => ({ ...zone, colour: zone.colour ?? ZONE_COLOURS[k % ZONE_COLOURS.length] }));
		this.#past = [];
		this.#future = [];
		this.selectedId = null;
		this.revision++;
	}

	rename(id: string, name: string): void {
		const zone = this.get(id);
		if (!zone || zone.name === name) return;
		this.#commit(this.list.map((z) => (z.id === id ? { ...z, name } : z)), false);
	}

	/** Removes zones; `fromMap` when the drawing layer already removed them itself. */
	remove(ids: readonly string[], options: { fromMap?: boolean } = {}): void {
		const kept = this.list.filter((zone) => !ids.includes(zone.id));
		if (kept.length === this.list.length) return;
		if (this.selectedId !== null && ids.includes(this.selectedId)) this.selectedId = null;
		this.#commit(kept, !options.fromMap);
	}

	undo(): boolean {
		const previous = this.#past.at(-1);
		if (!previous) return false;
		this.#past = this.#past.slice(0, -1);
		this.#future = [...this.#future, this.list];
		this.#replace(previous);
		return true;
	}

	redo(): boolean {
		const next = this.#future.at(-1);
		if (!next) return false;
		this.#future = this.#future.slice(0, -1);
		this.#past = [...this.#past, this.list];
		this.#replace(next);
		return true;
	}

	#commit(next: Zone[], external: boolean): void {
		this.#past = [...this.#past, this.list].slice(-HISTORY_LIMIT);
		this.#future = [];
		this.list = next;
		if (external) this.revision++;
	}

	#replace(next: Zone[]): void {
		this.list = next;
		if (this.selectedId !== null && !next.some((zone) => zone.id === this.selectedId)) this.selectedId = null;
		this.revision++;
	}
}
