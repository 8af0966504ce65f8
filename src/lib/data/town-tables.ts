/**
 * The offline geocoder in the browser: the town index (182 KB) is loaded when a file is first
 * located by address, and each prefecture's towns (30 KB – 1.1 MB) only when an address of that
 * prefecture comes up — the app never loads all 8 MB. The files are the committed geodata/towns,
 * bundled by Vite as separate chunks; nothing is fetched from another host.
 */
import { Geocoder } from '$lib/core/geocode/geocoder';
import type { TownIndex, TownPrefectureFile } from '$lib/core/geocode/town-data';

const prefectureFiles = import.meta.glob<TownPrefectureFile>('../../../geodata/towns/[0-9][0-9].json', { import: 'default' });

/** Credit the town data requires wherever geocoded firms are shown. */
export const TOWNS_CREDIT = '「Geolonia 住所データ」(CC BY 4.0), based on 国土交通省 位置参照情報';

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
				const file = prefectureFiles[`../../../geodata/towns/${code}.json`];
				done = file ? file().then((towns) => geocoder.addPrefecture(towns)) : Promise.resolve();
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
