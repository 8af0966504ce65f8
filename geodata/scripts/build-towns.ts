/**
 * geodata/towns/: every 町丁目 / 大字 / 小字 of Japan with its representative point, one compact file per
 * prefecture plus index.json (prefecture → municipalities with code and point), from Geolonia 住所データ
 * (CC BY 4.0) in ../shared/data/japanese-addresses/api, with local government codes from the N03 (2021)
 * boundary data in ../shared/data/municipalities. Run: `npm run geodata` or `npx tsx geodata/scripts/build-towns.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
	PointE6,
	TownIndex,
	TownIndexMunicipality,
	TownMunicipalityRows,
	TownPrefectureFile
} from '../../src/lib/core/geocode/town-data';
import { nearestToMean } from '../../src/lib/core/geocode/town-data';
import { readJson } from './lib/io';
import { GEODATA_DIR, SHARED_DATA_DIR } from './lib/paths';

export const TOWNS_SOURCE = join(SHARED_DATA_DIR, 'japanese-addresses', 'api');
const N03_DIR = join(SHARED_DATA_DIR, 'municipalities', 'topojson', 's0010');
export const TOWNS_CREDIT =
	'「Geolonia 住所データ」(CC BY 4.0, https://github.com/geolonia/japanese-addresses), based on 国土交通省 位置参照情報';

interface SourceRow {
	town: string;
	koaza: string;
	lat: number | null;
	lng: number | null;
}
interface N03Props {
	N03_001: string;
	N03_003: string | null;
	N03_004: string | null;
	N03_007: string | null;
}

/** True when the shared source data is on this machine (it is not in a fresh clone). */
export const townSourceAvailable = (): boolean => existsSync(join(TOWNS_SOURCE, 'ja.json'));

/**
 * The two sources spell a few names differently: ヶ / ケ (龍ヶ崎市, 外ヶ浜町, 鎌ヶ谷市, 袖ヶ浦市) and 檮 / 梼 (檮原町).
 */
const codeKey = (name: string): string => name.replace(/[ヶケ]/g, 'ケ').replace(/檮/g, '梼');

/** name ("札幌市中央区"", "西多摩郡瑞穂町", "大田区") → 5-digit code, per prefecture name, from N03 2021. */
function readCodes(): Map<string, { code: string; prefCode: string; county?: string; city?: string }> {
	const out = new Map<string, { code: string; prefCode: string; county?: string; city?: string }>();
	for (let p = 1; p <= 47; p++) {
		const pp = String(p).padStart(2, '0');
		const topo = readJson<{ objects: Record<string, { geometries: { properties: N03Props }[] }> }>(
			join(N03_DIR, `N03-21_${pp}_210101.json`)
		);
		for (const obj of Object.values(topo.objects)) {
			for (const { properties: q } of obj.geometries) {
				if (!q.N03_004 || !q.N03_007) continue; // 所属未定地 (undetermined land) has no municipality
				// Tokyo's island towns carry their 支庁 (branch office) in N03_003; the address data leaves it out.
				const part = q.N03_003 && !q.N03_003.endsWith('支庁') ? q.N03_003 : '';
				const key = codeKey(q.N03_001 + part + q.N03_004);
				const entry = { code: q.N03_007, prefCode: pp } as { code: string; prefCode: string; county?: string; city?: string };
				if (part.endsWith('郡')) entry.county = part;
				else if (part.endsWith('市')) entry.city = part;
				out.set(key, entry);
			}
		}
	}
	return out;
}

const e6 = (v: number): number => Math.round(v * 1e6);

function encodeRows(code: string, name: string, rows: SourceRow[]): TownMunicipalityRows {
	const towns: string[] = [];
	const koaza: string[] = [];
	const lon: (number | null)[] = [];
	const lat: (number | null)[] = [];
	let prevTown = '';
	let px = 0;
	let py = 0;
	for (const r of rows) {
		// A 小字 row repeating the previous row's town writes "" (a third of the rows are 小字).
		towns.push(r.koaza !== '' && r.town === prevTown ? '' : r.town);
		prevTown = r.town;
		koaza.push(r.koaza);
		if (Number.isFinite(r.lng) && Number.isFinite(r.lat)) {
			const x = e6(r.lng!);
			const y = e6(r.lat!);
			lon.push(x - px);
			lat.push(y - py);
			px = x;
			py = y;
		} else {
			lon.push(null);
			lat.push(null);
		}
	}
	// Key order fixed for a deterministic file; koaza only where there are 小字.
	return { code, name, towns, ...(koaza.some((k) => k !== '') ? { koaza } : {}), lon, lat };
}

/** Representative point: the town's own rows (no 小字) nearest their mean, else all rows. */
function representative(rows: SourceRow[]): PointE6 | null {
	const own = rows.filter((r) => r.koaza === '' && Number.isFinite(r.lng) && Number.isFinite(r.lat));
	const use = own.length > 0 ? own : rows.filter((r) => Number.isFinite(r.lng) && Number.isFinite(r.lat));
	const i = nearestToMean(
		use.map((r) => r.lng!),
		use.map((r) => r.lat!)
	);
	return i < 0 ? null : [e6(use[i].lng!), e6(use[i].lat!)];
}

export interface TownsBuild {
	/** File name in geodata/towns/ → text. */
	files: Record<string, string>;
	/** Source municipalities without a code in the N03 data, "都道府県市区町村". */
	uncoded: string[];
	/** Rows without a point in the source. */
	rowsWithoutPoint: number;
}

/** Builds the texts of geodata/towns/*.json without writing them. */
export function buildTowns(): TownsBuild {
	const ja = readJson<Record<string, string[]>>(join(TOWNS_SOURCE, 'ja.json'));
	const codes = readCodes();
	const files: Record<string, string> = {};
	const uncoded: string[] = [];
	let rowsWithoutPoint = 0;
	const index: TownIndex = { source: TOWNS_CREDIT, prefectures: [] };
	const prefs = Object.entries(ja).map(([prefName, munis]) => {
		const prefCode = [...codes.entries()].find(([k]) => k.startsWith(prefName))?.[1].prefCode;
		if (!prefCode) throw new Error(`${TOWNS_SOURCE}/ja.json: prefecture ${prefName} is not in the N03 data`);
		return { prefName, prefCode, munis };
	});
	prefs.sort((a, b) => a.prefCode.localeCompare(b.prefCode));
	for (const { prefName, prefCode, munis } of prefs) {
		const file: TownPrefectureFile = { code: prefCode, name: prefName, municipalities: [] };
		const entries: TownIndexMunicipality[] = [];
		const allRows: SourceRow[] = [];
		for (const muniName of munis) {
			const rows = readJson<SourceRow[]>(join(TOWNS_SOURCE, 'ja', prefName, `${muniName}.json`));
			rowsWithoutPoint += rows.filter((r) => !Number.isFinite(r.lat) || !Number.isFinite(r.lng)).length;
			const c = codes.get(codeKey(prefName + muniName));
			if (!c) uncoded.push(prefName + muniName);
			const point = representative(rows);
			if (!point) throw new Error(`${prefName}${muniName}: no row has a point`);
			const code = c?.code ?? '';
			file.municipalities.push(encodeRows(code, muniName, rows));
			entries.push({
				code,
				name: muniName,
				...(c?.county ? { county: c.county } : {}),
				...(c?.city ? { city: c.city } : {}),
				point,
				rows: rows.length
			});
			allRows.push(...rows.filter((r) => r.koaza === ''));
		}
		index.prefectures.push({ code: prefCode, name: prefName, point: representative(allRows)!, municipalities: entries });
		const lines = file.municipalities.map((m) => JSON.stringify(m));
		files[`${prefCode}.json`] =
			`{"code":${JSON.stringify(prefCode)},"name":${JSON.stringify(prefName)},"municipalities":[\n${lines.join(',\n')}\n]}\n`;
	}
	const prefLines = index.prefectures.map((p) => JSON.stringify(p));
	files['index.json'] = `{"source":${JSON.stringify(index.source)},"prefectures":[\n${prefLines.join(',\n')}\n]}\n`;
	return { files, uncoded, rowsWithoutPoint };
}

/** Writes geodata/towns/ and reports what did not match. */
export function writeTowns(): void {
	if (!townSourceAvailable()) {
		console.error(`skipped geodata/towns/: ${TOWNS_SOURCE}/ja.json not found (set CLUSTER_MAP_SHARED_DATA)`);
		return;
	}
	const { files, uncoded, rowsWithoutPoint } = buildTowns();
	const dir = join(GEODATA_DIR, 'towns');
	mkdirSync(dir, { recursive: true });
	let total = 0;
	for (const [name, text] of Object.entries(files)) {
		writeFileSync(join(dir, name), text);
		total += Buffer.byteLength(text);
	}
	console.error(`wrote geodata/towns/ (${Object.keys(files).length} files, ${(total / 1024).toFixed(0)} KiB)`);
	console.error(`rows without a point in the source: ${rowsWithoutPoint}`);
	if (uncoded.length) console.error(`municipalities without an N03 (2021) code: ${uncoded.join(', ')}`);
}

/** Exit status 1 when a committed file differs from a fresh build ("committed = rebuilt" for the towns). */
export function checkTowns(): number {
	const { files } = buildTowns();
	const dir = join(GEODATA_DIR, 'towns');
	const differ = Object.entries(files).filter(([name, text]) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== text);
	const extra = readdirSync(dir).filter((name) => !(name in files));
	for (const name of differ) console.error(`geodata/towns/${name[0]} differs from a fresh build: run npm run geodata`);
	for (const name of extra) console.error(`geodata/towns/${name} is not produced by the build: remove it`);
	if (differ.length + extra.length === 0) console.error(`geodata/towns/: all ${Object.keys(files).length} files equal a fresh build`);
	return differ.length + extra.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	if (process.argv.includes('--check')) {
		if (!townSourceAvailable()) {
			console.error(`cannot check geodata/towns/: ${TOWNS_SOURCE}/ja.json not found (set CLUSTER_MAP_SHARED_DATA)`);
			process.exit(2);
		}
		process.exit(checkTowns());
	}
	writeTowns();
}
