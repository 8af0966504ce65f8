/**
 * The map's look, as pure data: the offline basemap style, the online GSI tile sources, the
 * stacking order of layers and the paint of every overlay. No map instance here, so it can be
 * validated against the style specification in unit tests.
 */
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	FillLayerSpecification,
	LineLayerSpecification,
	RasterSourceSpecification,
	StyleSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { INSTITUTION_TYPES, type InstitutionType } from '$lib/core/model';
import type { Lang } from '$lib/i18n';

/** Source ids. */
export const SOURCES = {
	prefectures: 'prefectures',
	prefectureLabels: 'prefecture-labels',
	basemap: 'basemap-tiles',
	clusterPrograms: 'cluster-programs',
	districts: 'districts',
	municipalities: 'municipalities',
	municipalityNames: 'municipality-names',
	townNames: 'town-names',
	districtLabels: 'district-labels',
	municipalityLabels: 'municipality-labels',
	firms: 'firms',
	institutions: 'institutions',
	references: 'references',
	referenceLabels: 'reference-labels'
} as const;

/**
 * Layer ids from bottom to top. A layer is inserted below the next id of this list already on
 * the map, so components can mount in any order. Later overlays (density, drawn zones) take a
 * slot here.
 */
export const LAYER_ORDER = [
	'background',
	'land',
	'basemap-raster',
	'cluster-programs-fill',
	'cluster-programs-line',
	// Density measures lie on the land, under every boundary, firm and institution.
	'density-kde',
	'density-cells-fill',
	'density-cells-line',
	'density-lq-fill',
	'density-lq-line',
	'hotspots-fill',
	'hotspots-line',
	'municipality-fill',
	'municipality-line',
	'prefecture-lines',
	'district-fill',
	'district-line',
	// Town names: quiet context under every other label (a lower layer gives way in collisions) and the firms.
	'town-names',
	// Reference layers (a user's municipality layer…): outlines for orientation, under zones and firms.
	'reference-fill',
	'reference-line',
	'reference-labels',
	'density-contours',
	'zone-fill',
	'zone-line',
	'buffer-preview-fill',
	'buffer-preview-line',
	'density-detected-fill',
	'density-detected-line',
	// No features: it only puts the town data's credit in the attribution while geocoded firms are shown.
	'geocode-credit',
	'firms',
	'district-markers',
	'institutions-halo',
	'institutions',
	'municipality-names',
	'prefecture-labels',
	'municipality-labels',
	'district-labels'
] as const;
export type LayerId = (typeof LAYER_ORDER)[number];

/**
 * The id to pass as `beforeId` when adding `id`: the first layer above it in LAYER_ORDER that is
 * already on the map, or undefined (add on top).
 *
 * @example
 * beforeIdFor('firms', (id) => id === 'prefecture-labels') // → 'prefecture-labels'
 */
export function beforeIdFor(id: string, exists: (id: string) => boolean): string | undefined {
	const index = (LAYER_ORDER as readonly string[]).indexOf(id);
	if (index < 0) return undefined;
	return LAYER_ORDER.slice(index + 1).find(exists);
}

/** Fonts for labels. The style has no `glyphs` URL, so MapLibre draws text with these local fonts. */
export const TEXT_FONT = ['Noto Sans CJK JP', 'Noto Sans', 'sans-serif'];

export const COLORS = {
	sea: '#c9dff0',
	land: '#f4f1ea',
	prefectureLine: '#9a8f80',
	labelText: '#3d3a35',
	labelHalo: '#ffffff',
	district: '#c2410c',
	municipalityLine: '#6b7280',
	// Lighter than the municipality names and far from every firm and zone colour: context, not data.
	townName: '#757a84',
	districtLabel: '#7c2d12',
	meti: '#0f766e',
	mext: '#7e22ce'
} as const;

/** The property holding the label in each language. */
export function nameField(lang: Lang): ExpressionSpecification {
	return ['get', lang === 'ja' ? 'name_ja' : 'name_en'];
}

export interface OfflineStyleInput {
	prefectures: FeatureCollection;
	prefectureLabels: FeatureCollection;
	lang: Lang;
	/** Attribution of the prefecture polygons; leave it out when the map's attribution control credits them (it can follow the UI language). */
	attribution?: string;
}

/**
 * The offline basemap: sea, prefecture land, prefecture boundaries and names. No tiles and no
 * glyph server, so it renders with no network at all.
 *
 * @example
 * new maplibregl.Map({ container, style: offlineStyle({ prefectures, prefectureLabels, lang: 'ja', attribution }) });
 */
export function offlineStyle(input: OfflineStyleInput): StyleSpecification {
	return {
		version: 8,
		name: 'cluster-map offline',
		// No `glyphs`: MapLibre renders every label locally from TEXT_FONT (TinySDF).
		sources: {
			[SOURCES.prefectures]: { type: 'geojson', data: input.prefectures, ...(input.attribution ? { attribution: input.attribution } : {}) },
			[SOURCES.prefectureLabels]: { type: 'geojson', data: input.prefectureLabels }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': COLORS.sea } },
			{
				id: 'land',
				type: 'fill',
				source: SOURCES.prefectures,
				paint: { 'fill-color': COLORS.land, 'fill-outline-color': COLORS.land }
			},
			{
				id: 'prefecture-lines',
				type: 'line',
				source: SOURCES.prefectures,
				layout: { 'line-join': 'round' },
				paint: {
					'line-color': COLORS.prefectureLine,
					'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 8, 1.2, 12, 2]
				}
			},
			{
				id: 'prefecture-labels',
				type: 'symbol',
				source: SOURCES.prefectureLabels,
				minzoom: 4,
				layout: prefectureLabelLayout(input.lang),
				paint: { 'text-color': COLORS.labelText, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.5 }
			}
		]
	};
}

/** Layout of the prefecture names for a language. */
export function prefectureLabelLayout(lang: Lang): NonNullable<SymbolLayerSpecification['layout']> {
	return {
		'text-field': nameField(lang),
		'text-font': TEXT_FONT,
		'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 14],
		'text-padding': 4
	};
}

/** GSI tiles (地理院タイル): URL and the attribution their terms require. */
export const GSI_ATTRIBUTION =
	'<a href="https://maps.gsi.go.jp/development/ichiran.html" target="_blank" rel="noopener">地理院タイル</a> (GSI Tiles)';

const GSI_TILES = {
	'gsi-std': 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png',
	'gsi-pale': 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png'
} as const;

/**
 * The basemaps the map can draw: the offline style's own land, or GSI tiles. The settings list
 * the user's choices on their own; the type check where the page passes one here keeps them in step.
 */
export type Basemap = 'offline' | keyof typeof GSI_TILES;

/**
 * The raster source of an online basemap, or null for the offline one.
 *
 * @example
 * basemapSource('gsi-pale')?.tiles // → ['https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png']
 */
export function basemapSource(basemap: Basemap): RasterSourceSpecification | null {
	if (basemap === 'offline') return null;
	return {
		type: 'raster',
		tiles: [GSI_TILES[basemap]],
		tileSize: 256,
		minzoom: 2,
		maxzoom: 18,
		attribution: GSI_ATTRIBUTION
	};
}

/** Distinct colours for JSIC medium divisions 09–32 (manufacturing), fixed so they stay put across datasets. */
export const INDUSTRY_COLORS: Record<string, string> = {
	'09': '#e7ba52',
	'10': '#ad494a',
	'11': '#6b6ecf',
	'12': '#8ca252',
	'13': '#bd9e39',
	'14': '#9c9ede',
	'15': '#a55194',
	'16': '#7b4173',
	'17': '#525252',
	'18': '#e377c2',
	'19': '#843c39',
	'20': '#e7969c',
	'21': '#d6616b',
	'22': '#393b79',
	'23': '#637939',
	'24': '#1f77b4',
	'25': '#ff7f0e',
	'26': '#d62728',
	'27': '#9467bd',
	'28': '#17becf',
	'29': '#2ca02c',
	'30': '#bcbd22',
	'31': '#8c564b',
	'32': '#31a354'
};
/** Colour of firms outside manufacturing or without an industry code. */
export const OTHER_INDUSTRY_COLOR = '#9ca3af';

/**
 * The colour of an industry code in the legend and on the map.
 *
 * @example
 * industryColor('26') // → '#d62728'
 */
export function industryColor(code: string): string {
	return INDUSTRY_COLORS[code] ?? OTHER_INDUSTRY_COLOR;
}

/**
 * Firm circle radius (px) by zoom: dots over Japan, then at district zoom (11–12) circles of
 * about 7–8 px across (they were 4), so a handful of firms in a ward can be found and clicked, yet
 * growing slowly past it so a dense district stays readable. A white outline from zoom 10 separates
 * firms that overlap.
 */
export const FIRM_RADIUS: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 4, 1, 8, 1.8, 10, 2.8, 11, 3.4, 12, 3.8, 14, 4.6, 17, 7];

/** Firms as small circles coloured by industry (property `c`), growing with zoom. */
export const FIRM_PAINT: NonNullable<CircleLayerSpecification['paint']> = {
	'circle-color': [
		'match',
		['get', 'c'],
		...Object.entries(INDUSTRY_COLORS).flat(),
		OTHER_INDUSTRY_COLOR
	] as unknown as ExpressionSpecification,
	'circle-radius': FIRM_RADIUS,
	'circle-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.55, 10, 0.8],
	'circle-stroke-color': '#ffffff',
	'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0, 11, 0.5, 14, 0.8],
	'circle-pitch-alignment': 'map'
};

/**
 * The firm paint with firms placed at an area's representative point (tile property `a`: the
 * address was found only to the municipality or prefecture) drawn as hollow dark rings, so they
 * are not read as located at that spot.
 *
 * @example
 * approximateFirmPaint(FIRM_PAINT)['circle-stroke-color']; // ['case', ['has', 'a'], '#1f2937', '#ffffff']
 */
export function approximateFirmPaint(paint: NonNullable<CircleLayerSpecification['paint']>): NonNullable<CircleLayerSpecification['paint']> {
	return {
		...paint,
		'circle-opacity': whenArea(paint['circle-opacity'] ?? 1, 0.15),
		'circle-stroke-color': whenArea(paint['circle-stroke-color'] ?? '#ffffff', APPROXIMATE_FIRM_STROKE),
		'circle-stroke-width': whenArea(paint['circle-stroke-width'] ?? 0, 1.5)
	};
}

/**
 * `value`, or `area` for a firm marked `a`. MapLibre allows ['zoom'] only as the input of a
 * top-level interpolate or step, so a zoom curve keeps its place and each stop's output gets the case.
 */
function whenArea(value: unknown, area: number | string): ExpressionSpecification {
	const choose = (v: unknown) => ['case', ['has', 'a'], area, v];
	if (Array.isArray(value) && (value[0] === 'interpolate' || value[0] === 'step') && JSON.stringify(value[value[0] === 'step' ? 1 : 2]) === '["zoom"]') {
		// interpolate: [op, type, input, z, v, z, v…]; step: [op, input, v0, z, v, z, v…]
		const first = value[0] === 'interpolate' ? 4 : 2;
		return value.map((part, i) => (i >= first && (i - first) % 2 === 0 ? choose(part) : part)) as ExpressionSpecification;
	}
	return choose(value) as ExpressionSpecification;
}

/** Ring colour of firms placed only at their municipality's or prefecture's point. */
export const APPROXIMATE_FIRM_STROKE = '#1f2937';

/** Colour-blind-safe colours (Okabe–Ito) per institution type. */
export const INSTITUTION_COLORS: Record<InstitutionType, string> = {
	'national-university': '#0072b2',
	'public-university': '#56b4e9',
	'private-university': '#cc79a7',
	'public-research-institute': '#e69f00',
	'national-research-institute': '#d55e00',
	'other': '#6b7280'
};

const institutionRadius: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 4, 3.5, 9, 6, 14, 9];

/** A dark ring under each institution so it stands out above the firm points. */
export const INSTITUTION_HALO_PAINT: NonNullable<CircleLayerSpecification['paint']> = {
	'circle-color': '#111827',
	'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 5, 9, 8, 14, 11.5]
};

const institutionColour = [
	'match',
	['get', 'type'],
	...INSTITUTION_TYPES.flatMap((type) => [type, INSTITUTION_COLORS[type]]),
	INSTITUTION_COLORS.other
] as unknown as ExpressionSpecification;
/** A campus whose address was found only to its municipality (or prefecture): the point is not the campus's. */
const coarseInstitution: ExpressionSpecification = ['in', ['get', 'precision'], ['literal', ['municipality', 'prefecture']]];

/** Filled in the type's colour; a campus located only to its municipality is a hollow ring in it instead. */
export const INSTITUTION_PAINT: NonNullable<CircleLayerSpecification['paint']> = {
	'circle-color': ['case', coarseInstitution, '#ffffff', institutionColour],
	'circle-radius': institutionRadius,
	'circle-stroke-color': ['case', coarseInstitution, institutionColour, '#ffffff'],
	'circle-stroke-width': ['case', coarseInstitution, 2.5, 1.5]
};

export const DISTRICT_FILL_PAINT: NonNullable<FillLayerSpecification['paint']> = {
	'fill-color': COLORS.district,
	'fill-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.35, 9, 0.12]
};

export const DISTRICT_LINE_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': COLORS.district,
	'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 10, 2.5]
};

/** Zoom from which municipal boundaries are loaded and drawn: a district fills the screen. */
export const MUNICIPALITY_MIN_ZOOM = 9;

/** Municipal boundaries: thin grey lines under the prefecture lines, quieter than the districts. */
export const MUNICIPALITY_LINE_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': COLORS.municipalityLine,
	'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 13, 1.4],
	'line-opacity': 0.8
};

/** An invisible fill, so a click inside a municipality finds it. */
export const MUNICIPALITY_FILL_PAINT: NonNullable<FillLayerSpecification['paint']> = {
	'fill-color': '#000000',
	'fill-opacity': 0
};

/** Municipality names (N03's, in Japanese in both languages: N03 has no English names). */
export const MUNICIPALITY_NAME_LAYOUT: NonNullable<SymbolLayerSpecification['layout']> = {
	'text-field': ['get', 'name'],
	'text-font': TEXT_FONT,
	'text-size': ['interpolate', ['linear'], ['zoom'], 9, 10, 13, 13],
	'text-max-width': 8,
	'text-padding': 4
};

export const MUNICIPALITY_NAME_PAINT: NonNullable<SymbolLayerSpecification['paint']> = {
	'text-color': '#4b5563',
	'text-halo-color': '#ffffff',
	'text-halo-width': 1.5
};

/**
 * Zoom from which town (町丁目 / 大字) names are loaded and drawn: at 13 a ward's towns are a few
 * hundred pixels apart; further out they would only collide into each other.
 */
export const TOWN_MIN_ZOOM = 13;

/** Town names (Japanese in both languages: the town data has no English names), small and grey. */
export const TOWN_NAME_LAYOUT: NonNullable<SymbolLayerSpecification['layout']> = {
	'text-field': ['get', 'name'],
	'text-font': TEXT_FONT,
	'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10.5, 16, 12.5],
	// Most names fit one line (大森本町一丁目); a wrapped name would cover twice the map.
	'text-max-width': 10,
	'text-padding': 6
};

export const TOWN_NAME_PAINT: NonNullable<SymbolLayerSpecification['paint']> = {
	'text-color': COLORS.townName,
	'text-halo-color': '#ffffff',
	'text-halo-width': 1.2
};

/** District names: bold, above the prefecture names, kept visible when they collide. */
export function districtLabelLayout(lang: Lang): NonNullable<SymbolLayerSpecification['layout']> {
	return {
		'text-field': nameField(lang),
		'text-font': ['Noto Sans CJK JP Bold', 'Noto Sans Bold', 'sans-serif'],
		'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 9, 15, 12, 18],
		// Several candidate positions, so neighbouring districts (Ota, Taito, Kiryu…) can all be named.
		'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
		'text-radial-offset': 0.5,
		'text-allow-overlap': false,
	};
}

/** Member municipality names, from zoom 9, quieter than the district names. */
export function municipalityLabelLayout(lang: Lang): NonNullable<SymbolLayerSpecification['layout']> {
	return {
		'text-field': nameField(lang),
		'text-font': TEXT_FONT,
		'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 14],
		'text-variable-anchor': ['bottom', 'top', 'left', 'right'],
		'text-radial-offset': 0.4,
		'text-max-width': 8
	};
}

export const MUNICIPALITY_LABEL_PAINT: NonNullable<SymbolLayerSpecification['paint']> = {
	'text-color': COLORS.districtLabel,
	'text-halo-color': '#ffffff',
	'text-halo-width': 2
};

/** A ring around each district at country scale, where its extent is too small to see. */
export const DISTRICT_MARKER_PAINT: NonNullable<CircleLayerSpecification['paint']> = {
	'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 8, 14],
	'circle-color': COLORS.district,
	'circle-opacity': 0.12,
	'circle-stroke-color': COLORS.district,
	'circle-stroke-width': 2,
	'circle-pitch-alignment': 'map'
};

export const DISTRICT_LABEL_PAINT: NonNullable<SymbolLayerSpecification['paint']> = {
	'text-color': COLORS.districtLabel,
	'text-halo-color': '#ffffff',
	'text-halo-width': 2
};

const programColor: ExpressionSpecification = [
	'match',
	['get', 'program'],
	'mext-knowledge-cluster',
	COLORS.mext,
	COLORS.meti
];

export const CLUSTER_FILL_PAINT: NonNullable<FillLayerSpecification['paint']> = {
	'fill-color': programColor,
	'fill-opacity': ['case', ['==', ['get', 'verified'], true], 0.12, 0.05]
};

export const CLUSTER_LINE_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': programColor,
	'line-width': 1.2,
	'line-opacity': ['case', ['==', ['get', 'verified'], true], 0.9, 0.45]
};

/** Sequential colours of mesh and hexagon densities, low to high (ColorBrewer YlOrRd, 5 classes). */
export const CELL_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

/**
 * Fill colour of cells by `density` in classes split at `breaks` (ascending; up to four).
 *
 * @example
 * cellFillColour([10, 50]) // → ['step', ['get', 'density'], '#ffffb2', 10, '#fecc5c', 50, '#fd8d3c']
 */
export function cellFillColour(breaks: readonly number[]): ExpressionSpecification | string {
	if (breaks.length === 0) return CELL_COLOURS[2];
	const stops = breaks.slice(0, CELL_COLOURS.length - 1).flatMap((b, k) => [b, CELL_COLOURS[k + 1]]);
	return ['step', ['get', 'density'], CELL_COLOURS[0], ...stops] as unknown as ExpressionSpecification;
}

/** Location-quotient classes: under-represented blues, about-average grey, specialised reds. */
export const LQ_BREAKS = [0.5, 0.8, 1.25, 2] as const;
export const LQ_COLOURS = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'] as const;

export const LQ_FILL_PAINT: NonNullable<FillLayerSpecification['paint']> = {
	'fill-color': [
		'case',
		['!', ['has', 'lq']],
		'rgba(0,0,0,0)',
		['step', ['get', 'lq'], LQ_COLOURS[0], ...LQ_BREAKS.flatMap((b, k) => [b, LQ_COLOURS[k + 1]])]
	] as unknown as ExpressionSpecification,
	'fill-opacity': 0.7
};

export const LQ_LINE_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': '#4b5563',
	'line-width': 1
};

/** KDE contour lines: darker for higher levels. */
export const KDE_CONTOUR_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': '#1f1147',
	'line-width': 1.2,
	'line-opacity': 0.75
};

/** Zones found by a detection method before they are added: dashed outlines over a faint fill. */
export const DETECTED_COLOUR = '#0b7285';
export const DETECTED_FILL_PAINT: NonNullable<FillLayerSpecification['paint']> = {
	'fill-color': DETECTED_COLOUR,
	'fill-opacity': 0.15
};
export const DETECTED_LINE_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': DETECTED_COLOUR,
	'line-width': 2,
	'line-dasharray': [2, 1]
};

/** Colour stops of the KDE surface (the density worker paints the surface with them; the legend shows them). */
export { KDE_RAMP } from '$lib/worker/density-image';

/** Reference layers: a dark grey outline, distinct from the district blue and the zone colours. */
export const REFERENCE_COLOUR = '#4b5563';
export const REFERENCE_LINE_PAINT: NonNullable<LineLayerSpecification['paint']> = {
	'line-color': REFERENCE_COLOUR,
	'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 12, 1.8],
	'line-opacity': 0.85
};

export const REFERENCE_LABEL_LAYOUT: NonNullable<SymbolLayerSpecification['layout']> = {
	'text-field': ['get', 'label'],
	'text-font': TEXT_FONT,
	'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10, 13, 13],
	'text-max-width': 8
};

export const REFERENCE_LABEL_PAINT: NonNullable<SymbolLayerSpecification['paint']> = {
	'text-color': '#374151',
	'text-halo-color': '#ffffff',
	'text-halo-width': 1.5
};
