import { describe, expect, it } from 'vitest';
import type { HotspotCellProperties, HotspotsReply } from '$lib/worker/density-protocol';
import { hotspotsCsv, hotspotsGeoJson } from './hotspot-download';

const cell = (code: string, quadrant: HotspotCellProperties['quadrant'], moranP: number, moranQ: number): HotspotCellProperties => ({
	code, count: 3, giZ: 2.5, giP: moranP, giQ: moranQ, giBonferroni: 1, moranI: 0.4, moranZ: 1.9, moranP, moranQ, moranBonferroni: 1, quadrant
});
const reply: HotspotsReply = {
	type: 'hotspots', id: 1, count: 6, cellCount: 2, tooMany: 0, warnings: [], permutations: 999, seed: 1,
	cells: {
		type: 'FeatureCollection',
		features: [cell('53392534', 'HH', 0.001, 0.02), cell('53392535', 'LH', 0.01, 0.2)].map((properties) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[139, 35], [139.1, 35], [139.1, 35.1], [139, 35]]] } }))
	}
};

describe('hot-spot downloads', () => {
	it('write the command’s columns, classing by q unless another adjustment is chosen', () => {
		const [header, first, second] = hotspotsCsv(reply).split('\r\n');
		expect(header).toBe('\uFEFFcell_id,firms,gi_star_z,gi_star_p_perm,gi_star_q,local_moran_i,local_moran_z,local_moran_p_perm,local_moran_q,lisa_class');
		expect(first).toBe('53392534,3,2.5,0.001,0.02,0.4,1.9,0.001,0.02,HH');
		expect(second.endsWith(',not significant')).toBe(true);
		expect(hotspotsCsv(reply, 'none').split('\r\n')[2].endsWith(',LH')).toBe(true);
	});

	it('key GeoJSON features by cell code with the same properties', () => {
		const collection = JSON.parse(hotspotsGeoJson(reply));
		expect(collection.features.map((f: { id: string }) => f.id)).toEqual(['53392534', '53392535']);
		expect(collection.features[0].properties).toMatchObject({ cell_id: '53392534', firms: 3, local_moran_q: 0.02, lisa_class: 'HH' });
	});
});
