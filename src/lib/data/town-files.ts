/**
 * The committed town files (geodata/towns/<PP>.json, 30 KB – 1.1 MB each), loaded one prefecture at
 * a time: the one loader behind both the offline geocoder (in the import worker) and the town names
 * on the map, so both read the same files. Vite bundles each file as its own chunk; nothing is
 * fetched from another host.
 */
import type { TownPrefectureFile } from '$lib/core/geocode/town-data';

const prefectureFiles = import.meta.glob<TownPrefectureFile>('../../../geodata/towns/[0-9][0-9].json', { import: 'default' });

/** Credit the town data requires wherever it is shown (geocoded firms, town names). */
export const TOWNS_CREDIT = '「Geolonia 住所データ」(CC BY 4.0), based on 国土交通省 位置参照情報';

/**
 * A prefecture's towns by its two-digit code, or undefined when there is no file for the code.
 *
 * @example
 * (await loadTownFile('13'))?.municipalities.find((m) => m.code === '13111')?.towns[0]; // '池上一丁目'
 */
export async function loadTownFile(code: string): Promise<TownPrefectureFile | undefined> {
	const file = prefectureFiles[`../../../geodata/towns/${code}.json`];
	return file ? file() : undefined;
}
