/**
 * The import benchmark's firms CSV (≈ 78 MB for a million firms): the synthetic sample's columns,
 * Japanese names, 1 % quoted names with a comma, 0.1 % rows with an unusable latitude ("不明").
 * Written once to bench/output/import/ (gitignored) and reused; shared by the Node benchmark and
 * the browser's import benchmark, so both read the same file.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFirms } from './data';
import { seeded } from './random';

const DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'bench/output/import');
const KANJI = [...'大東西南北新光丸三富協栄明昭平高中日共精信太金松竹梅岡山川田野本和正友福吉永長城島橋宮森'];
const TRADE = ['製作所', '工業', '精機', '金型', '電機', '技研', '鍍金'];

export function firmsCsv(count: number): string {
	const path = join(DIR, `firms-${count}.csv`);
	if (existsSync(path)) return path;
	mkdirSync(DIR, { recursive: true });
	const random = seeded(11);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
	const { lons, lats } = generateFirms(count, 12);
	const lines = ['id,name,lat,lon,pref_code,muni_code,district,jsic_major,jsic_medium,employees,founded,subcontractor,parent_firm,rd_communication,new_products,new_processes,patents_3y'];
	for (let i = 0; i < count; i++) {
		let firmName = pick(KANJI) + pick(KANJI) + pick(TRADE);
		if (random() < 0.01) firmName = `"${firmName}, 第${1 + Math.floor(random() * 9)}工場"`;
		const lat = random() < 0.001 ? '不明' : lats[i].toFixed(5);
		const pref = String(1 + Math.floor(random() * 47)).padStart(2, '0');
		const parent = random() < 0.25 ? `F${1 + Math.floor(random() * count)}` : '';
		lines.push(
			`F${i + 1},${firmName},${lat},${lons[i].toFixed(5)},${pref},${pref}${100 + Math.floor(random() * 300)},${random() < 0.3 ? 'ota' : ''},E,${24 + Math.floor(random() * 9)},${1 + Math.floor(random() * 300)},${1946 + Math.floor(random() * 75)},${random() < 0.4 ? 1 : 0},${parent},${Math.floor(random() * 5)},${random() < 0.3 ? 1 : 0},${random() < 0.2 ? 1 : 0},${Math.floor(random() * 3)}`
		);
	}
	writeFileSync(`${path}.partial`, lines.join('\n') + '\n');
	renameSync(`${path}.partial`, path);
	return path;
}
