import { describe, expect, it } from 'vitest';
import type { Zone } from '$lib/core/model';
import { translate } from '$lib/i18n';
import { zoneOrigin } from './zone-origin';

const square: Zone['geometry'] = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const zone = (source: Zone['source'], parameters: Record<string, unknown>): Zone => ({ id: 'z', name: 'z', geometry: square, source, parameters });
const en = (z: Zone) => zoneOrigin(z, (key, params) => translate('en', key, params), 'en');
const ja = (z: Zone) => zoneOrigin(z, (key, params) => translate('ja', key, params), 'ja');

describe('zoneOrigin', () => {
	it('names each source with the parameters that made the zone', () => {
		expect(en(zone('buffer', { radiusKm: 2.5, institutionIds: ['a', 'b', 'c'] }))).toBe('Buffer: 2.5 km round 3 institutions');
		expect(en(zone('detected', { method: 'dbscan', epsMetres: 500, minPts: 20 }))).toBe('Detected: DBSCAN, eps 500 m, minPts 20');
		expect(en(zone('detected', { method: 'kde-threshold', bandwidthMetres: 1000 }))).toBe('Detected: kernel density contour, bandwidth 1,000 m');
		expect(en(zone('municipality', { municipality: '27227' }))).toBe('Municipality 27227');
		expect(en(zone('district', { municipalities: ['27227'] }))).toBe('District (municipalities: 1)');
		expect(en(zone('municipality', { municipality: '13111', boundaryDate: '2021-01-01', simplification: '1%' }))).toBe('Municipality 13111 · N03 of 2021-01-01, simplified to 1%');
		expect(en(zone('imported', { file: 'zones.geojson' }))).toBe('Imported from zones.geojson');
		expect(ja(zone('buffer', { radiusKm: 2.5, institutionIds: ['a'] }))).toBe('バッファ：1 機関から 2.5 km');
	});

	it('adds the eps range over which a detected cluster stays one, open ends marked', () => {
		const stability = { stability: 12.5, fromMetres: 600, toMetres: 250, openAbove: false, openBelow: true };
		expect(en(zone('detected', { method: 'dbscan', epsMetres: 400, minPts: 10, stability }))).toBe('Detected: DBSCAN, eps 400 m, minPts 10; one cluster for eps ≤250–600 m');
		expect(ja(zone('detected', { method: 'dbscan', epsMetres: 400, minPts: 10, stability: { ...stability, openBelow: false } }))).toBe(
			'自動検出：DBSCAN（eps 400 m、minPts 10）、eps 250〜600 m で一つのクラスター'
		);
	});

	it('still says something for parameters it does not know', () => {
		expect(en(zone('detected', { method: 'hdbscan' }))).toBe('Detected: hdbscan');
		expect(en(zone('buffer', {}))).toBe('Buffer: ? km round 0 institutions');
		expect(en(zone('drawn', {}))).toBe('Drawn on the map');
	});
});
