/**
 * The bundled municipal boundaries (N03, 2021-01-01, 1 % simplified) in the browser: one TopoJSON
 * file per prefecture (geodata/municipalities/PP.topo.json, 5–220 KB), fetched the first time a
 * prefecture is needed — in view at district zoom, or named by a code — and kept for the session.
 */
import indexUrl from '$geodata/municipalities/index.json?url';
import { resolveMunicipality, unionOfMunicipalities, type MunicipalLookup, type MunicipalTopology } from '$lib/core/geography';
import type { CodeBoundary } from './boundaries';
import type { MunicipalityIndex } from '$lib/core/geodata-types';
import { fetchJson, isTopology } from './geodata';

/** URL of each prefecture's file by its two-digit code (the URLs only: no boundary is in the bundle). */
const PREFECTURE_URLS: Record<string, string> = Object.fromEntries(
	Object.entries(import.meta.glob<string>('$geodata/municipalities/*.topo.json', { query: '?url', import: 'default', eager: true })).map(([path, url]) => [
		/(\d\d)\.topo\.json$/.exec(path)![1],
		url
	])
);

/**
 * Loads and keeps prefecture files; every request for the same prefecture shares one fetch.
 *
 * @example
 * const boundaries = new MunicipalBoundaries();
 * const lookup = await boundaries.lookup(['13']); // resolveMunicipality('13111', lookup) …
 */
export class MunicipalBoundaries {
	#fetch: typeof fetch;
	#index: Promise<MunicipalityIndex> | null = null;
	#pending = new Map<string, Promise<MunicipalTopology>>();
	#loaded = new Map<string, MunicipalTopology>();

	constructor(fetcher: typeof fetch = (...args) => fetch(...args)) {
		this.#fetch = fetcher;
	}

	/** Date, simplification, credit and designated cities of the bundled boundaries. */
	index(): Promise<MunicipalityIndex> {
		this.#index ??= fetchJson<MunicipalityIndex>(this.#fetch, { file: 'municipalities/index.json', url: indexUrl }, (v) => typeof v === 'object' && v !== null && 'prefectures' in v, 'the municipal boundaries index');
		return this.#index;
	}

	/** A prefecture's topology, fetched once; rejects naming the file when it cannot be read. */
	load(pref: string): Promise<MunicipalTopology> {
		const url = PREFECTURE_URLS[pref];
		if (!url) return Promise.reject(new Error(`no municipal boundaries for prefecture "${pref}"`));
		let pending = this.#pending.get(pref);
		if (!pending) {
			pending = fetchJson<MunicipalTopology>(this.#fetch, { file: `municipalities/${pref}.topo.json`, url }, isTopology, 'a TopoJSON topology').then((t) => {
				this.#loaded.set(pref, t);
				return t;
			});
			// A failed fetch is forgotten so that the next request tries again.
			pending.catch(() => this.#pending.delete(pref));
			this.#pending.set(pref, pending);
		}
		return pending;
	}

	/** The prefecture's topology if it has arrived. */
	loaded(pref: string): MunicipalTopology | undefined {
		return this.#loaded.get(pref);
	}

	/** A lookup for the core's municipality functions, once the given prefectures have arrived. */
	async lookup(prefs: readonly string[]): Promise<MunicipalLookup> {
		const [index] = await Promise.all([this.index(), ...prefs.map((p) => this.load(p))]);
		return { index, topology: (pref) => this.#loaded.get(pref) };
	}
}

/** Every prefecture code with a file. */
export const MUNICIPAL_PREFECTURES = Object.keys(PREFECTURE_URLS).sort();

/**
 * A municipality's bundled boundary by its 5-digit code (a designated city: the union of its wards),
 * in the shape of an online boundary; `unknown` (with the boundaries' date) when the code is not in
 * the bundled data.
 *
 * @example
 * await bundledBoundaryByCode(boundaries, '22130'); // { code5: '22130', name: '浜松市', geometry: …, bundled: { date: '2021-01-01', … } }
 */
export async function bundledBoundaryByCode(boundaries: MunicipalBoundaries, code5: string): Promise<CodeBoundary | { unknown: true; date: string }> {
	const lookup = await boundaries.lookup([code5.slice(0, 2)]);
	const found = resolveMunicipality(code5, lookup);
	const geometry = 'codes' in found ? unionOfMunicipalities(lookup.topology(found.pref_code)!, found.codes) : null;
	if (!('codes' in found) || !geometry) return { unknown: true, date: lookup.index.date };
	return {
		code5: found.code,
		name: found.name,
		geometry: geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [geometry.coordinates] } : geometry,
		bundled: { date: lookup.index.date, simplification: lookup.index.simplification }
	};
}
