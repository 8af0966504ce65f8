import { createPropertyExpression, validateStyleMin, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { INSTITUTION_TYPES } from '$lib/core/model';
import {
	CLUSTER_FILL_PAINT,
	CLUSTER_LINE_PAINT,
	DISTRICT_FILL_PAINT,
	DISTRICT_LABEL_PAINT,
	DISTRICT_LINE_PAINT,
	DISTRICT_MARKER_PAINT,
	FIRM_PAINT,
	GSI_ATTRIBUTION,
	INDUSTRY_COLORS,
	INSTITUTION_COLORS,
	INSTITUTION_HALO_PAINT,
	INSTITUTION_PAINT,
	LAYER_ORDER,
	MUNICIPALITY_FILL_PAINT,
	MUNICIPALITY_LINE_PAINT,
	MUNICIPALITY_MIN_ZOOM,
	MUNICIPALITY_NAME_LAYOUT,
	MUNICIPALITY_NAME_PAINT,
	SOURCES,
	basemapSource,
	beforeIdFor,
	MUNICIPALITY_LABEL_PAINT,
	districtLabelLayout,
	industryColor,
	municipalityLabelLayout,
	offlineStyle
} from './styles';

const empty = { type: 'FeatureCollection' as const, features: [] };

const base = (lang: 'en' | 'ja') =>
	offlineStyle({ prefectures: empty, prefectureLabels: empty, lang, attribution: 'Natural Earth' });

/** The offline style with every overlay and the online basemap added, as the app assembles it. */
function fullStyle(): StyleSpecification {
	const style = base('en');
	const geojson = { type: 'geojson' as const, data: empty };
	Object.assign(style.sources, {
		[SOURCES.basemap]: basemapSource('gsi-std'),
		[SOURCES.clusterPrograms]: geojson,
		[SOURCES.districts]: geojson,
		[SOURCES.districtLabels]: geojson,
		[SOURCES.municipalityLabels]: geojson,
		[SOURCES.municipalities]: geojson,
		[SOURCES.municipalityNames]: geojson,
		[SOURCES.firms]: geojson,
		[SOURCES.institutions]: geojson
	});
	const overlays: LayerSpecification[] = [
		{ id: 'basemap-raster', type: 'raster', source: SOURCES.basemap },
		{ id: 'cluster-programs-fill', type: 'fill', source: SOURCES.clusterPrograms, paint: CLUSTER_FILL_PAINT },
		{ id: 'cluster-programs-line', type: 'line', source: SOURCES.clusterPrograms, paint: CLUSTER_LINE_PAINT },
		{ id: 'district-fill', type: 'fill', source: SOURCES.districts, paint: DISTRICT_FILL_PAINT },
		{ id: 'district-line', type: 'line', source: SOURCES.districts, paint: DISTRICT_LINE_PAINT },
		{ id: 'municipality-fill', type: 'fill', source: SOURCES.municipalities, minzoom: MUNICIPALITY_MIN_ZOOM, paint: MUNICIPALITY_FILL_PAINT },
		{ id: 'municipality-line', type: 'line', source: SOURCES.municipalities, minzoom: MUNICIPALITY_MIN_ZOOM, paint: MUNICIPALITY_LINE_PAINT },
		{ id: 'municipality-names', type: 'symbol', source: SOURCES.municipalityNames, minzoom: MUNICIPALITY_MIN_ZOOM, layout: MUNICIPALITY_NAME_LAYOUT, paint: MUNICIPALITY_NAME_PAINT },
		{ id: 'firms', type: 'circle', source: SOURCES.firms, paint: FIRM_PAINT },
		{ id: 'district-markers', type: 'circle', source: SOURCES.districtLabels, maxzoom: 8, paint: DISTRICT_MARKER_PAINT },
		{ id: 'institutions-halo', type: 'circle', source: SOURCES.institutions, paint: INSTITUTION_HALO_PAINT },
		{ id: 'institutions', type: 'circle', source: SOURCES.institutions, paint: INSTITUTION_PAINT },
		{
			id: 'municipality-labels',
			type: 'symbol',
			source: SOURCES.municipalityLabels,
			minzoom: 9,
			layout: municipalityLabelLayout('en'),
			paint: MUNICIPALITY_LABEL_PAINT
		},
		{
			id: 'district-labels',
			type: 'symbol',
			source: SOURCES.districtLabels,
			layout: districtLabelLayout('ja'),
			paint: DISTRICT_LABEL_PAINT
		}
	];
	style.layers.push(...overlays);
	return style;
}

describe('offlineStyle', () => {
	it('is a valid style with no glyph server and no remote source', () => {
		const style = base('ja');
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.glyphs).toBeUndefined();
		expect(JSON.stringify(style)).not.toMatch(/https?:/);
	});

	it('labels prefectures in the UI language', () => {
		const label = (lang: 'en' | 'ja') => base(lang).layers.find((l) => l.id === 'prefecture-labels');
		expect(label('en')).toMatchObject({ layout: { 'text-field': ['get', 'name_en'] } });
		expect(label('ja')).toMatchObject({ layout: { 'text-field': ['get', 'name_ja'] } });
	});

	it('stacks its layers in LAYER_ORDER', () => {
		const ids = base('en').layers.map((l) => l.id);
		const positions = ids.map((id) => (LAYER_ORDER as readonly string[]).indexOf(id));
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});
});

describe('overlay paint', () => {
	it('every overlay layer and the GSI source validate against the style specification', () => {
		expect(validateStyleMin(fullStyle())).toEqual([]);
	});

	it('gives every institution type and manufacturing division its own colour', () => {
		expect(Object.keys(INSTITUTION_COLORS).sort()).toEqual([...INSTITUTION_TYPES].sort());
		expect(new Set(Object.values(INSTITUTION_COLORS)).size).toBe(INSTITUTION_TYPES.length);
		expect(new Set(Object.values(INDUSTRY_COLORS)).size).toBe(Object.keys(INDUSTRY_COLORS).length);
		expect(industryColor('26')).toBe(INDUSTRY_COLORS['26']);
		expect(industryColor('')).not.toBe(INDUSTRY_COLORS['26']);
	});
});

describe('basemapSource', () => {
	it('uses the GSI tile URLs with their attribution up to zoom 18', () => {
		expect(basemapSource('offline')).toBeNull();
		expect(basemapSource('gsi-std')).toMatchObject({
			tiles: ['https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png'],
			maxzoom: 18,
			attribution: GSI_ATTRIBUTION
		});
		expect(basemapSource('gsi-pale')?.tiles).toEqual(['https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png']);
		expect(GSI_ATTRIBUTION).toContain('https://maps.gsi.go.jp/development/ichiran.html');
		expect(GSI_ATTRIBUTION).toContain('地理院タイル');
	});
});

describe('beforeIdFor', () => {
	it('inserts below the nearest existing layer above it in the order', () => {
		const onMap = new Set(['background', 'land', 'prefecture-lines', 'prefecture-labels']);
		const exists = (id: string) => onMap.has(id);
		expect(beforeIdFor('basemap-raster', exists)).toBe('prefecture-lines');
		expect(beforeIdFor('firms', exists)).toBe('prefecture-labels');
		expect(beforeIdFor('district-labels', exists)).toBeUndefined();
		expect(beforeIdFor('not-in-order', exists)).toBeUndefined();
	});
});

/** circle-radius as the style spec (v8) defines it. */
const CIRCLE_RADIUS_SPEC = {
	type: 'number',
	default: 5,
	minimum: 0,
	transition: true,
	expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
	'property-type': 'data-driven'
} as StylePropertySpecification;

describe('firm circle size', () => {
	// MapLibre's own evaluator, as the map draws it.
	const radiusAt = (zoom: number) => {
		const parsed = createPropertyExpression(FIRM_PAINT['circle-radius'], 'layers[0].paint.circle-radius', CIRCLE_RADIUS_SPEC);
		if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
		return parsed.value.evaluate({ zoom }) as number;
	};

	it('makes a firm findable at district zoom: at least 6.5 px across at zoom 11, 7.5 px at 12', () => {
		expect(2 * radiusAt(11)).toBeGreaterThanOrEqual(6.5);
		expect(2 * radiusAt(12)).toBeGreaterThanOrEqual(7.5);
		// …but not blobs in a dense district at zoom 13.
		expect(2 * radiusAt(13)).toBeLessThanOrEqual(9);
	});

	it('keeps firms as dots over all of Japan and grows with every zoom step', () => {
		expect(2 * radiusAt(5)).toBeLessThanOrEqual(3);
		for (let zoom = 4; zoom < 18; zoom++) expect(radiusAt(zoom + 1)).toBeGreaterThanOrEqual(radiusAt(zoom));
	});
});
