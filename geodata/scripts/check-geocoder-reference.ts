/**
 * The matcher against @geolonia/normalize-japanese-addresses 2.10.1 on the same seeded addresses, both
 * reading the same Geolonia data (the library from ../shared/data/japanese-addresses/api, the matcher from
 * the committed geodata/towns built from it). Not part of `npm test`: it needs that shared data, and the
 * library takes about 10 ms an address.
 *
 *   npx tsx geodata/scripts/check-geocoder-reference.ts [count=1000] [seed=5]
 *
 * Reports how often both reach the same town, and lists every address where they differ.
 */
import { config, normalize } from '@geolonia/normalize-japanese-addresses';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Geocoder } from '../../src/lib/core/geocode/geocoder';
import { stripPostcode } from '../../src/lib/core/geocode/normalize';
import { testAddresses } from '../../src/lib/core/geocode/test-addresses';
import type { TownIndex, TownPrefectureFile } from '../../src/lib/core/geocode/town-data';
import { TOWNS_SOURCE, townSourceAvailable } from './build-towns';
import { GEODATA_DIR } from './lib/paths';

if (!townSourceAvailable()) {
	console.error(`needs ${TOWNS_SOURCE} (set CLUSTER_MAP_SHARED_DATA)`);
	process.exit(2);
}
config.japaneseAddressesApi = pathToFileURL(join(TOWNS_SOURCE, 'ja')).href;

const dir = join(GEODATA_DIR, 'towns');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TownIndex;
const files = index.prefectures.map((p) => JSON.parse(readFileSync(join(dir, `${p.code}.json`), 'utf8')) as TownPrefectureFile);
const geocoder = new Geocoder(index);
for (const f of files) geocoder.addPrefecture(f);
const [count, seed] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 5)];
const set = testAddresses(index, files, count, seed);

// Town names compared without 大字/字 and after the matcher's folding of spellings (ヶ/ケ, numerals).
const key = (pref: string, city: string, town: string) => (pref + city + town).replace(/大字|字/g, '').normalize('NFKC');
const tally = { same: 0, libraryOnly: 0, matcherOnly: 0, neither: 0, differ: 0 };
let libraryMs = 0;
let matcherMs = 0;
for (const t of set) {
	let started = performance.now();
	// The library fails on a leading 〒 postcode: stripped first, as a caller would.
	const lib = await normalize(stripPostcode(t.address.normalize('NFKC').trim()));
	libraryMs += performance.now() - started;
	started = performance.now();
	const ours = geocoder.geocode(t.address);
	matcherMs += performance.now() - started;
	const libTown = lib.level >= 3 ? key(lib.pref, lib.city, lib.town) : null;
	const ourTown = ours.level === 'town' || ours.level === 'koaza' ? ours.match.replace(/大字|字/g, '').normalize('NFKC') : null;
	if (libTown && ourTown) {
		// The matcher may go further (小字); the library stops at the town.
		if (ourTown.startsWith(libTown)) tally.same++;
		else {
			tally.differ++;
			console.log(`differ: ${t.address} → library ${libTown}, matcher ${ourTown}`);
		}
	} else if (libTown) {
		tally.libraryOnly++;
		console.log(`library only: ${t.address} → ${libTown}; matcher: ${ours.problem}`);
	} else if (ourTown) {
		tally.matcherOnly++;
		console.log(`matcher only: ${t.address} → ${ourTown}; library level ${lib.level}`);
	} else tally.neither++;
}
console.log(
	`${count} addresses, seed ${seed}: same town ${tally.same}, differ ${tally.differ}, library only ${tally.libraryOnly}, matcher only ${tally.matcherOnly}, neither ${tally.neither}; ` +
		`library ${(count / (libraryMs / 1000)).toFixed(0)} addresses/s, matcher ${(count / (matcherMs / 1000)).toFixed(0)} addresses/s (municipality tables compiled on first use, included)`
);
