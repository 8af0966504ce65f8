/**
 * Accuracy of the matcher on seeded addresses drawn from geodata/towns (the accuracy test's generator and
 * verdicts, at any size and seed), for the figures in the README:
 *
 *   npx tsx bench/geocode-accuracy.ts [count=20000] [seed=20261206]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Geocoder } from '../src/lib/core/geocode/geocoder';
import { judge, testAddresses } from '../src/lib/core/geocode/test-addresses';
import type { TownIndex, TownPrefectureFile } from '../src/lib/core/geocode/town-data';

const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'geodata/towns');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as TownIndex;
const files = index.prefectures.map((p) => JSON.parse(readFileSync(join(dir, `${p.code}.json`), 'utf8')) as TownPrefectureFile);
const geocoder = new Geocoder(index);
for (const f of files) geocoder.addPrefecture(f);
const [count, seed] = [Number(process.argv[2] ?? 20000), Number(process.argv[3] ?? 20261206)];
const tally = { right: 0, failed: 0, wrong: 0 };
for (const t of testAddresses(index, files, count, seed)) {
	const r = geocoder.geocode(t.address);
	const verdict = judge(r, t);
	tally[verdict]++;
	if (verdict !== 'right') console.log(`${verdict}: ${t.address} → ${r.level ?? 'none'} ${r.match} ${r.problem} (expected ${t.match})`);
}
const pct = (n: number) => `${((100 * n) / count).toFixed(2)} %`;
console.log(`${count} addresses, seed ${seed}: right town ${tally.right} (${pct(tally.right)}), failed with a reason ${tally.failed} (${pct(tally.failed)}), wrong ${tally.wrong}`);
