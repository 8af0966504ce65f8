import concaveman from 'concaveman';
import type { Polygon, Position } from 'geojson';
import { buildZoneIndex } from '../classify/zone-index';
import { classifyPoints } from '../classify/classify-points';
import { createLocalProjection } from '../density/local-projection';
import { NOT_CONSIDERED, type DbscanResult } from './dbscan';
import { orient, twiceSignedArea, type DetectedZone } from './detected-zone';

export interface ClusterZoneOptions {
	/** The eps the clustering ran with, metres (recorded, and used to pad degenerate hulls). */
	epsMetres: number;
	/** The minPts the clustering ran with (recorded). */
	minPts: number;
	/** 'convex' (default) or 'concave'. */
	hull?: 'convex' | 'concave';
	/** For concave hulls: concaveman's concavity, smaller is more concave; default 2. */
	concavity?: number;
	/** Zone ids are `${idPrefix}-1`… in cluster order; default 'dbscan'. */
	idPrefix?: string;
}

/** Points on a circle round each firm of a degenerate cluster. */
const PAD_POINTS = 8;
/** Hulls smaller than this (firms on one line or one spot) are degenerate. */
const MIN_AREA_M2 = 1;

/**
 * One zone per DBSCAN cluster: the convex or concave hull of its firms, with the method and
 * parameters recorded. Hulls come from concaveman (the library behind @turf/convex; concavity
 * Infinity gives the convex hull) on the firms in a local equal-area projection, with edges shorter
 * than eps left straight — a single ring round all the cluster's firms. @turf/concave was tried
 * and took about 10 s for 270 clusters of 100,000 firms, too slow to follow a slider. A cluster
 * whose firms are all on one line or one spot has no hull (less than 1 m²), so its firms are
 * padded with circles of radius eps / 2 first — `parameters.hull` then says 'convex-padded'.
 * `firmCount` counts every firm the clustering considered that lies inside the zone (noise and
 * other clusters' firms included, boundary inside); `members` counts the cluster's own firms.
 * Areas are measured in the equal-area projection.
 *
 * @param lons firm longitudes, degrees (as given to dbscan)
 * @param lats firm latitudes, degrees
 * @param result from dbscan
 * @param options see {@link ClusterZoneOptions}
 * @example
 * const result = dbscan(lons, lats, { epsMetres: 300, minPts: 10 });
 * const zones = clusterZones(lons, lats, result, { epsMetres: 300, minPts: 10, hull: 'concave' });
 * zones[0].parameters; // { method: 'dbscan', epsMetres: 300, minPts: 10, hull: 'concave', concavity: 2 }
 */
export function clusterZones(
	lons: ArrayLike<number>,
	lats: ArrayLike<number>,
	result: DbscanResult,
	options: ClusterZoneOptions
): (DetectedZone & { members: number })[] {
	const { labels, clusterCount } = result;
	const n = lons.length;
	if (lats.length !== n || labels.length !== n) {
		throw new Error(`clusterZones: ${n} longitudes, ${lats.length} latitudes and ${labels.length} labels; pass the arrays dbscan ran on.`);
	}
	const hull = options.hull ?? 'convex';
	const concavity = hull === 'concave' ? (options.concavity ?? 2) : Infinity;
	const eps = options.epsMetres;
	const members: number[][] = Array.from({ length: clusterCount }, () => []);
	for (let i = 0; i < n; i++) if (labels[i] >= 0) members[labels[i]].push(i);

	const zones = members.map((firms, c) => {
		let w = Infinity, s = Infinity, e = -Infinity, north = -Infinity;
		for (const i of firms) {
			w = Math.min(w, lons[i]);
			e = Math.max(e, lons[i]);
			s = Math.min(s, lats[i]);
			north = Math.max(north, lats[i]);
		}
		const projection = createLocalProjection([(w + e) / 2, (s + north) / 2]);
		const points = firms.map((i) => projection.forward(lons[i], lats[i]));
		const firmAt = new Map<Position, number>(points.map((p, k) => [p, firms[k]]));
		let ring = closed(concaveman(points, concavity, eps));
		let made: string = hull;
		// Hull vertices are firms (concaveman returns its input points): use their own coordinates,
		// so a firm on the hull is exactly on the boundary, hence inside.
		const toLonLat = (r: Position[]) => {
			const out = r.map((p) => {
				const i = firmAt.get(p);
				return i === undefined ? projection.inverse(p[0], p[1]) : [lons[i], lats[i]];
			});
			out[out.length - 1] = out[0];
			return out;
		};
		let lonLat = toLonLat(ring);
		if (ring.length < 4 || Math.abs(twiceSignedArea(ring)) < 2 * MIN_AREA_M2 || twiceSignedArea(lonLat) === 0) {
			const pad = eps / 2;
			const circles = points.flatMap(([x, y]) =>
				Array.from({ length: PAD_POINTS }, (_, k) => [x + pad * Math.cos((2 * Math.PI * k) / PAD_POINTS), y + pad * Math.sin((2 * Math.PI * k) / PAD_POINTS)])
			);
			ring = closed(concaveman(circles, Infinity));
			lonLat = toLonLat(ring);
			made = 'convex-padded';
		}
		const geometry: Polygon = { type: 'Polygon', coordinates: [orient(lonLat, true)] };
		return {
			id: `${options.idPrefix ?? 'dbscan'}-${c + 1}`,
			name: `DBSCAN cluster ${c + 1}`,
			geometry,
			source: 'detected' as const,
			parameters: { method: 'dbscan', epsMetres: eps, minPts: options.minPts, hull: made, ...(hull === 'concave' ? { concavity } : {}) },
			firmCount: 0,
			areaKm2: Math.abs(twiceSignedArea(ring)) / 2 / 1e6,
			density: 0,
			members: firms.length
		};
	});

	if (zones.length > 0) {
		const { offsets, zoneIndices } = classifyPoints(buildZoneIndex(zones), Float64Array.from(lons), Float64Array.from(lats));
		for (let i = 0; i < n; i++) {
			if (labels[i] === NOT_CONSIDERED) continue;
			for (let k = offsets[i]; k < offsets[i + 1]; k++) zones[zoneIndices[k]].firmCount++;
		}
	}
	for (const zone of zones) zone.density = zone.areaKm2 > 0 ? zone.firmCount / zone.areaKm2 : 0;
	return zones;
}

function closed(ring: number[][]): Position[] {
	if (ring.length > 0) {
		const [x0, y0] = ring[0];
		const [x1, y1] = ring[ring.length - 1];
		if (x0 !== x1 || y0 !== y1) ring.push([x0, y0]);
	}
	return ring;
}
