/**
 * The map's firm features as GeoJSON text, made in a worker (firm-features.worker.ts): no
 * `$app` imports here, so that the worker can load it.
 */
import type { FirmSample } from './firm-sample';

/** The firms for {@link firmFeaturesText}: positions and industry codes by number, cheap to send to a worker. */
export interface FirmPoints {
	lon: Float64Array;
	lat: Float64Array;
	/** Per firm: index into `codes`. */
	industry: Uint16Array;
	codes: string[];
}

/**
 * The firms' positions and industry codes as {@link FirmPoints}.
 *
 * @example
 * const points = firmPoints(sample); // post it to the features worker
 */
export function firmPoints(sample: FirmSample): FirmPoints {
	const codes: string[] = [];
	const indexOf = new Map<string, number>();
	const industry = new Uint16Array(sample.industry.length);
	for (let i = 0; i < industry.length; i++) {
		const code = sample.industry[i];
		let k = indexOf.get(code);
		if (k === undefined) indexOf.set(code, (k = codes.push(code) - 1));
		industry[i] = k;
	}
	return { lon: sample.lon.slice(), lat: sample.lat.slice(), industry, codes };
}

/**
 * The same FeatureCollection as `firmFeatures`, as JSON text in pieces: a million firms as
 * objects take seconds to hand to MapLibre's worker (a structured clone of every object), while
 * this text, made in a worker and given to MapLibre as a URL, is parsed in MapLibre's own worker.
 *
 * @example
 * const blob = new Blob(firmFeaturesText(firmPoints(sample)), { type: 'application/geo+json' });
 */
export function firmFeaturesText(points: FirmPoints): string[] {
	const { lon, lat, industry } = points;
	const codes = points.codes.map((code) => JSON.stringify(code));
	const parts = ['{"type":"FeatureCollection","features":['];
	const RUN = 10_000;
	for (let from = 0; from < lon.length; from += RUN) {
		const features: string[] = [];
		for (let i = from; i < Math.min(lon.length, from + RUN); i++) {
			features.push(`{"type":"Feature","id":${i},"properties":{"i":${i},"c":${codes[industry[i]]}},"geometry":{"type":"Point","coordinates":[${lon[i]},${lat[i]}]}}`);
		}
		parts.push((from > 0 ? ',' : '') + features.join(','));
	}
	parts.push(']}');
	return parts;
}
