// The first steps of `cluster-map classify`, before its modules load: the command line's files
// checked, the threads chosen and the engine started. An engine thread spends its first ~0.3 s
// starting Node and reading the zones; started here it does so while this thread loads the reader
// and the writers (about 60 ms sooner than after them). Only light modules are imported.
import type { ClassifyArgs } from './classify-args';
import type { SetupSpec } from './classify-setup';
import { loadEngine, type LoadingEngine } from './engine-thread';
import { fileSize, isGeoJson, refuseOutputOverInput } from './node-files';
import { StageProgress } from './stage-progress';
import { threadsFor } from './threads';
import { UsageError } from './usage-error';

export interface ClassifyStart {
	/** performance.now() when the run began, for the summary's time. */
	started: number;
	geoJsonFirms: boolean;
	totalBytes: number;
	threads: number;
	spec: SetupSpec;
	/**
	 * The engine reading the zones and institutions, in its own thread or in this one; null for the
	 * chunk pipeline, which reads them here and sends them to every worker.
	 */
	engine: LoadingEngine | null;
}

/**
 * Checks the files named (output not over an input, firms readable) and starts the engine.
 *
 * @throws UsageError or InputError for a command line or file that cannot be used; no engine is left running
 * @example
 * const start = startClassify(args, console.error);
 */
export function startClassify(args: ClassifyArgs, stderr: (line: string) => void): ClassifyStart {
	const started = performance.now();
	refuseOutputOverInput(args.out, [
		{ option: '--firms', path: args.firms },
		{ option: '--zones', path: args.zones },
		...(args.institutions === undefined ? [] : [{ option: '--institutions', path: args.institutions }])
	]);
	const geoJsonFirms = isGeoJson(args.firms);
	if (geoJsonFirms && args.swapLatLon) throw new UsageError('--swap-lat-lon exchanges two CSV columns; a GeoJSON file has its coordinates in the geometry, as [longitude, latitude]');
	const totalBytes = fileSize(args.firms);
	const threads = threadsFor(args.threads, totalBytes);
	const spec: SetupSpec = {
		zones: args.zones,
		institutions: args.institutions,
		institutionTypes: args.institutionTypes,
		institutionFields: args.institutionFields,
		nearestByType: args.nearestByType,
		bufferKm: args.bufferKm,
		verbose: args.verbose
	};
	// The chunk pipeline only when --threads asks for it: by default a large file is classified in
	// one engine thread beside this one's reading and writing, which measured faster on two shared
	// cores (src/cli/README.md, Performance); a small one on this thread, zones first.
	const chunked = args.threads !== undefined && threads > 1 && !geoJsonFirms;
	const engine = chunked ? null : loadEngine(spec, stderr, new StageProgress(), { thread: threads > 1 });
	return { started, geoJsonFirms, totalBytes, threads, spec, engine };
}
