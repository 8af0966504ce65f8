import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { isUtf8 } from 'node:buffer';
import type { EngineSetup } from '../lib/core/firm-results';
import { zoneParts, type ZoneParts } from '../lib/core/classify';
import type { ZoneProblem } from '../lib/core/geo';
import { municipalityZones, prefectureZones } from '../lib/core/geography';
import { districtZones, institutionsFromGeoJson, readFeatureFile, readInstitutionsCsv, readZones, type InstitutionPoint } from '../lib/core/io';
import type { InstitutionField, InstitutionType, Zone, ZoneSource } from '../lib/core/model';
import { bundledDistricts, bundledMunicipalities, bundledPrefectures } from './bundled-data';
import type { ClassifyArgs } from './classify-args';
import { bundledInstitutions, groupByType, selectInstitutions } from './institution-selection';
import { fileChunks, isGeoJson, readWhole } from './node-files';
import { StageProgress } from './stage-progress';
import { UsageError } from './usage-error';
import { zoneCache, type CheckedZones, type ZoneCache } from './zone-cache';
import { cellsKey, readCells, type KeptCells } from './cell-cache';
import { thousands } from './thousands';

/**
 * What `classify` reads besides the firms, as named on its command line: loaded on the main
 * thread, or by the engine's worker thread while the main thread reads the firms.
 */
export type SetupSpec = Pick<ClassifyArgs, 'zones' | 'institutions' | 'institutionTypes' | 'institutionFields' | 'nearestByType' | 'bufferKm' | 'verbose'>;

/** The loaded setup without its geometry: what writing and the summary need. */
export interface SetupSummary {
	zoneIds: string[];
	/** Zones repaired, zones left out, repairs not listed. */
	repaired: number;
	invalid: number;
	unlisted: number;
	/** Undefined without --institutions. */
	institutionIds?: string[];
	/** With --nearest-by-type: the types present and their institutions' ids. */
	byType?: { type: InstitutionType; ids: string[] }[];
}

/** The zones and institutions for the engine, and their summary. */
export interface LoadedSetup {
	engine: EngineSetup;
	summary: SetupSummary;
	/** Where the cells the engine builds are kept for the next run (see `keepCells`), when they are. */
	cells?: KeptCells;
}

/** Where a long stage says how far it has got: a line redrawn on a terminal. */
export interface StageReport {
	update(text: string | (() => string)): void;
	clear(): void;
}

/**
 * Reads the zones and institutions of a run, printing their warnings through `stderr` in order.
 *
 * @throws InputError for a file that cannot be used, UsageError for a spec that cannot work
 */
export async function loadSetup(spec: SetupSpec, stderr: (line: string) => void, stage?: StageReport): Promise<LoadedSetup> {
	const { zones, parts, repaired, invalid, unlisted, kept } = await loadZones(spec.zones, stderr, { listAll: spec.verbose, stage });
	const institutions = spec.institutions === undefined ? null : await loadInstitutions(spec.institutions, stderr, spec);
	const byType = institutions && spec.nearestByType ? groupByType(institutions, spec.institutions!) : undefined;
	// The cells the indexes built in earlier runs over these zones and institutions, when the zones are kept in the cache.
	const cells = kept && readCells(kept.cache, { zones: cellsKey({ zonesKey: kept.key }), institutions: institutions ? cellsKey({ institutions }) : undefined });
	return {
		cells: cells?.kept,
		engine: { zones, zoneParts: parts, institutions, bufferKm: spec.bufferKm, byType: byType?.map((g) => g.institutions), built: cells?.built },
		summary: {
			zoneIds: zones.map((z) => z.id),
			repaired,
			invalid,
			unlisted,
			institutionIds: institutions?.map((i) => i.id),
			byType: byType?.map((g) => ({ type: g.type, ids: g.institutions.map((i) => i.id) }))
		}
	};
}

/** Zone repairs listed one by one; the rest are counted (invalid zones are always listed). */
export const LISTED_REPAIRS = 20;

const EXAMPLE: Record<string, string> = { district: 'district:ota', municipality: 'municipality:13111', prefecture: 'prefecture:27' };

/** The checked zones kept for the file at `path` and their key, or null (none kept, or the file cannot be read). */
function cachedZones(cache: ZoneCache, path: string, kind: string): { key: string; checked: CheckedZones } | null {
	let key: string;
	try {
		key = cache.keyOfFile(path, kind);
	} catch {
		return null;
	}
	const checked = cache.get(key);
	return checked && { key, checked };
}

/** Zones from the bundled boundaries: districts, municipalities (by code) or prefectures. */
function bundledZones(kind: string, ids: string[], spec: string): Feature<Polygon | MultiPolygon>[] {
	if (kind === 'district') {
		const { districts, polygons } = bundledDistricts();
		return districtZones(districts, polygons, { ids: ids.length === 1 && ids[0].trim().toLowerCase() === 'all' ? 'all' : ids, file: spec });
	}
	if (kind === 'municipality') return municipalityZones(ids, bundledMunicipalities(), { file: spec });
	return prefectureZones(ids, bundledPrefectures(), { file: spec });
}

export async function loadZones(
	spec: string,
	stderr: (line: string) => void,
	options: { listAll?: boolean; stage?: StageReport } = {}
): Promise<{ zones: Zone[]; parts?: ZoneParts; repaired: number; invalid: number; unlisted: number; kept?: { cache: ZoneCache; key: string } }> {
	let result: { zones: Zone[]; problems: ZoneProblem[]; parts?: ZoneParts };
	// The zone cache and the zones' key there, when they are kept in it.
	let kept: { cache: ZoneCache; key: string } | undefined;
	// Checking a zone of a million vertices takes seconds: say how far it has got (on a terminal).
	const progress = options.stage ?? new StageProgress();
	const onProgress = (done: number, total: number) => progress.update(() => `preparing zones: ${Math.floor((100 * done) / total)}% of ${thousands(total)} vertices`);
	const bundled = /^(district|municipality|prefecture):(.*)$/is.exec(spec.trim());
	if (bundled) {
		const kind = bundled[1].toLowerCase();
		const ids = bundled[2].split(',').filter((id) => id.trim() !== '');
		if (ids.length === 0) throw new UsageError(`--zones ${spec}: name at least one ${kind} after the colon, e.g. ${EXAMPLE[kind]}`);
		// ZoneSource has no 'prefecture': a prefecture zone is recorded as imported from the bundled data.
		result = readZones({ type: 'FeatureCollection', features: bundledZones(kind, ids, spec) }, { file: spec, source: kind === 'prefecture' ? 'imported' : (kind as ZoneSource), onProgress });
		const { date, simplification } = bundledMunicipalities().index;
		stderr(`zones: bundled N03 boundaries of ${date}, simplified to ${simplification} of the vertices; for firms near a boundary use a full-resolution N03 file as --zones`);
	} else {
		// GeoJSON, or a zipped Shapefile (its .prj checked), as the app reads them; checked once for
		// every run with the same file.
		const cache = zoneCache();
		const kind = /\.zip$/i.test(spec) ? 'zip' : 'geojson';
		// A file that cannot be read is reported by readWhole, as without the cache.
		const cached = cache === null ? null : cachedZones(cache, spec, kind);
		if (cache !== null && cached !== null) {
			result = cached.checked;
			kept = { cache, key: cached.key };
		} else {
			const bytes = readWhole(spec);
			result = readZones(await readFeatureFile(bytes, { file: spec }), { file: spec, onProgress });
			if (cache !== null) {
				// Made here to be kept; the engine would make it anyway. Keyed by the bytes read, in
				// case the file changed since its key was taken.
				const fresh: CheckedZones = { ...result, parts: zoneParts(result.zones) };
				kept = { cache, key: cache.key(bytes, kind) };
				cache.put(kept.key, fresh);
				result = fresh;
			}
		}
	}
	progress.clear();
	const listed = options.listAll ? Infinity : LISTED_REPAIRS;
	let repairs = 0;
	for (const problem of result.problems) {
		if (problem.severity === 'repaired' && repairs++ >= listed) continue;
		stderr(`${spec}: zone "${problem.zoneId}" ${problem.message}`);
	}
	const unlisted = Math.max(0, repairs - listed);
	if (unlisted > 0) stderr(`${spec}: … and ${unlisted} more repairs (run with --verbose to list every one)`);
	const zonesWith = (severity: ZoneProblem['severity']) => new Set(result.problems.filter((p) => p.severity === severity).map((p) => p.index)).size;
	return { zones: result.zones, parts: result.parts, repaired: zonesWith('repaired'), invalid: zonesWith('invalid'), unlisted, kept };
}

/**
 * The institutions of `--institutions`: `bundled` (the hand-sourced ones and every university campus, as the app;
 * `all` is the same, the name it had when `bundled` meant the hand-sourced ones only) or a file,
 * narrowed to `--institution-types` and `--institution-fields` when given.
 */
export async function loadInstitutions(
	spec: string,
	stderr: (line: string) => void,
	filter: { institutionTypes?: InstitutionType[]; institutionFields?: InstitutionField[] } = {}
): Promise<InstitutionPoint[]> {
	let all: InstitutionPoint[];
	if (spec === 'bundled' || spec === 'all') all = bundledInstitutions({ campuses: true });
	else {
		const read = isGeoJson(spec)
			? institutionsFromGeoJson(await readFeatureFile(readWhole(spec), { file: spec }), { file: spec })
			: await readInstitutionsCsv(fileChunks(spec), { file: spec, isUtf8 });
		for (const problem of read.problems) stderr(`${spec}: ${problem}`);
		all = read.institutions;
	}
	if (!filter.institutionTypes && !filter.institutionFields) return all;
	return selectInstitutions(all, { types: filter.institutionTypes, fields: filter.institutionFields }, spec);
}
