/**
 * Real municipal boundaries of the district municipalities, loaded on demand (online) and kept
 * for the session; what failed is remembered so the UI can say so and keep the approximation.
 */
import type { District, DistrictMunicipality } from '$lib/core/geodata-types';
import { loadMunicipalBoundary, type BoundaryOptions } from '$lib/data/boundaries';
import type { ExtentFeature } from '$lib/data/features';

/** Parallel downloads at most: polite to the host and enough for a district's few files. */
const CONCURRENCY = 4;

export class RealBoundaries {
	/** Loaded boundaries by municipality code5. */
	features = $state.raw<ReadonlyMap<string, ExtentFeature>>(new Map());
	/** Municipalities whose boundary could not be loaded in the last attempt. */
	failed = $state.raw<DistrictMunicipality[]>([]);
	loading = $state(false);

	#options: BoundaryOptions;

	constructor(options: BoundaryOptions = {}) {
		this.#options = options;
	}

	/**
	 * Loads every municipality of the given districts that is not loaded yet. Failures are
	 * collected in `failed`, never thrown: the approximate extent stays in their place.
	 */
	async load(districts: readonly District[]): Promise<void> {
		const queue = districts.flatMap((d) =>
			d.municipalities.filter((m) => !this.features.has(m.code5)).map((m) => ({ district: d, municipality: m }))
		);
		if (queue.length === 0) {
			this.failed = [];
			return;
		}
		this.loading = true;
		const failed: DistrictMunicipality[] = [];
		const worker = async () => {
			for (let job = queue.shift(); job; job = queue.shift()) {
				try {
					const feature = await loadMunicipalBoundary(job.district.id, job.municipality, this.#options);
					this.features = new Map(this.features).set(feature.properties.code5, feature);
				} catch {
					failed.push(job.municipality);
				}
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		this.failed = failed;
		this.loading = false;
	}
}
