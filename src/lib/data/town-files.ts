/**
 * The committed town files (geodata/towns/<PP>.json, 30 KB – 1.1 MB each), fetched one prefecture
 * at a time: the one loader behind both the offline geocoder (in the import worker) and the town
 * names on the map. They are plain JSON assets rather than modules, so a file is freed once decoded
 * and the test can see which prefectures were fetched (Vite gives the worker its own copy of the
 * assets: the same bytes under workers/assets/). Nothing is fetched from another host.
 */
import type { TownPrefectureFile } from '$lib/core/geocode/town-data';
import { fetchJson } from './geodata';

/** URL of each prefecture's file by its two-digit code (the URLs only: no town is in the bundle). */
const TOWN_URLS: Record<string, string> = Object.fromEntries(
	Object.entries(import.meta.glob<string>('$geodata/towns/[0-9][0-9].json', { query: '?url', import: 'default', eager: true })).map(([path, url]) => [
		/(\d\d)\.json$/.exec(path)![1],
		url
	])
);

/** Credit the town data requires wherever it is shown (geocoded firms, town names). */
export const TOWNS_CREDIT = '「Geolonia 住所データ」(CC BY 4.0), based on 国土交通省 位置参照情報';

const isTownFile = (v: unknown) => typeof v === 'object' && v !== null && Array.isArray((v as { municipalities?: unknown }).municipalities);

/**
 * A prefecture's towns by its two-digit code, or undefined when there is no file for the code;
 * rejects naming the file when it cannot be read.
 *
 * @example
 * (await loadTownFile('13'))?.municipalities.find((m) => m.code === '13111')?.towns[0]; // '池上一丁目'
 */
export async function loadTownFile(code: string, fetcher: typeof fetch = (...args) => fetch(...args)): Promise<TownPrefectureFile | undefined> {
	const url = TOWN_URLS[code];
	if (!url) return undefined;
	return fetchJson<TownPrefectureFile>(fetcher, { file: `towns/${code}.json`, url }, isTownFile, 'a town file');
}
