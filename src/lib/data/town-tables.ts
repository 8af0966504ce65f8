/**
 * The offline geocoder in the browser: the town index (182 KB) is loaded when a file is first
 * located by address, and each prefecture's towns (30 KB – 1.1 MB) only when an address of that
 * prefecture comes up — the app never loads all 8 MB. The files are the committed geodata/towns,
 * served as JSON assets of the app (see town-files.ts); nothing is fetched from another host.
 */
import { Geocoder } from '$lib/core/geocode/geocoder';
import type { TownIndex } from '$lib/core/geocode/town-data';
import { loadTownFile } from './town-files';

/** A geocoder with the prefectures' towns loaded on demand. */
export interface TownGeocoder {
	geocoder: Geocoder;
	/** Loads the towns of every prefecture these addresses name (each file once). */
	prepare(addresses: Iterable<string>): Promise<void>;
}

let shared: Promise<TownGeocoder> | null = null;

/** The worker's geocoder, made once. */
export function townGeocoder(): Promise<TownGeocoder> {
	shared ??= (async () => {
		const index = (await import('../../../geodata/towns/index.json')).default as TownIndex;
		const geocoder = new Geocoder(index);
		const loading = new Map<string, Promise<void>>();
		const load = (code: string) => {
			let done = loading.get(code);
			if (!done) {
				done = loadTownFile(code).then((towns) => {
					if (towns) geocoder.addPrefecture(towns);
				});
				loading.set(code, done);
			}
			return done;
		};
		return {
			geocoder,
			async prepare(addresses) {
				const codes = new Set<string>();
				for (const address of addresses) for (const code of geocoder.prefecturesFor(address)) codes.add(code);
				await Promise.all([...codes].map(load));
			}
		};
	})();
	return shared;
}
