import type { Polygon } from 'geojson';
import type { GeoJSONStoreFeatures } from 'terra-draw';
import { describe, expect, it } from 'vitest';
import type { Zone } from '$lib/core/model';
import { drawnZones, featureOf, recoloured, shapeOf } from './draw-shapes';

const square: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[139.7, 35.5],
			[139.8, 35.5],
			[139.8, 35.6],
			[139.7, 35.6],
			[139.7, 35.5]
		]
	]
};

function feature(geometry: GeoJSONStoreFeatures['geometry'], properties: GeoJSONStoreFeatures['properties'], id: string | number = 'f1'): GeoJSONStoreFeatures {
	return { type: 'Feature', id, geometry, properties };
}

const zone = (id: string, source: Zone['source'], extra: Partial<Zone> = {}): Zone => ({ id, name: id, geometry: square, source, ...extra });

describe('shapeOf', () => {
	it('reports a finished polygon with the tool that drew it', () => {
		expect(shapeOf(feature(square, { mode: 'rectangle' }))).toEqual({ id: 'f1', geometry: square, parameters: { shape: 'rectangle' } });
	});

	it('keeps a circle’s radius so it can be edited as a circle again', () => {
		expect(shapeOf(feature(square, { mode: 'circle', radiusKilometers: 1.5 }, 7))).toEqual({ id: '7', geometry: square, parameters: { shape: 'circle', radiusKm: 1.5 } });
	});

	it('ignores what is not a polygon, and a feature that is gone', () => {
		expect(shapeOf(feature({ type: 'Point', coordinates: [139.7, 35.5] }, { mode: 'select', selectionPoint: true }))).toBeNull();
		expect(shapeOf(feature({ type: 'LineString', coordinates: square.coordinates[0] }, { mode: 'polygon' }))).toBeNull();
		expect(shapeOf(undefined)).toBeNull();
	});
});

describe('featureOf', () => {
	it('round-trips a drawn zone through terra-draw unchanged', () => {
		const drawn = zone('z1', 'drawn', { colour: '#d9480f', parameters: { shape: 'circle', radiusKm: 2 } });
		const shown = featureOf(drawn);
		expect(shown.properties).toEqual({ mode: 'circle', colour: '#d9480f', radiusKilometers: 2 });
		expect(shapeOf(shown)).toEqual({ id: 'z1', geometry: square, parameters: { shape: 'circle', radiusKm: 2 } });
	});

	it('gives terra-draw its own coordinates, so its edits leave the zone alone', () => {
		const drawn = zone('z1', 'drawn');
		const shown = featureOf(drawn);
		(shown.geometry as Polygon).coordinates[0][0][0] = 0;
		expect(drawn.geometry).toEqual(square);
		expect(square.coordinates[0][0]).toEqual([139.7, 35.5]);
	});

	it('draws a zone without a recorded tool as a plain polygon', () => {
		expect(featureOf(zone('z1', 'drawn')).properties).toEqual({ mode: 'polygon' });
	});
});

describe('drawnZones', () => {
	it('leaves districts, buffers and imported zones to their own layer', () => {
		const list = [zone('a', 'drawn'), zone('b', 'district'), zone('c', 'buffer'), zone('d', 'drawn')];
		expect(drawnZones(list).map((z) => z.id)).toEqual(['a', 'd']);
	});
});

describe('recoloured', () => {
	it('lists the drawn zones whose shape on the map shows another colour', () => {
		const list = [zone('new', 'drawn', { colour: '#d9480f' }), zone('same', 'drawn', { colour: '#7048e8' }), zone('gone', 'drawn', { colour: '#0c8599' }), zone('district', 'district', { colour: '#c2255c' })];
		const onMap: Record<string, unknown> = { new: null, same: '#7048e8', district: null };
		expect(recoloured(list, (id) => onMap[id])).toEqual([{ id: 'new', colour: '#d9480f' }]);
	});
});
