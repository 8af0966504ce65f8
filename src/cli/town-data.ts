import { readFileSync } from 'node:fs';
import { Geocoder } from '../lib/core/geocode/geocoder';
import type { TownIndex, TownPrefectureFile } from '../lib/core/geocode/town-data';
import { join } from 'node:path';
import { packageRoot } from './package-root';

/**
 * The matcher on the bundled town points (geodata/towns/). Only the index is read up front; a
 * prefecture's file (30 KB – 1.1 MB) is read and compiled the first time an address needs it, so a
 * list from one region loads one or two files.
 *
 * @example
 * const geocoder = bundledGeocoder();
 * geocoder.geocode('大田区池上1-2-3').match; // '東京都大田区池上一丁目'
 */
export function bundledGeocoder(): Geocoder {
	// The path built here, not taken from bundled-data: geocoding worker threads then load no boundary code.
	const dir = join(packageRoot(), 'geodata/towns') + '/';
	const index = JSON.parse(readFileSync(dir + 'index.json', 'utf8')) as TownIndex;
	return new Geocoder(index, (code) => JSON.parse(readFileSync(`${dir}${code}.json`, 'utf8')) as TownPrefectureFile);
}

/** The credit the town data requires (CC BY 4.0), as in geodata/README.md. */
export const TOWNS_CREDIT = 'Town points: 「Geolonia 住所データ」(CC BY 4.0), based on 国土交通省 位置参照情報';
