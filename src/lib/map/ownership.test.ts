import type { LayerSpecification, Map } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { claimLayer, claimSource, releaseLayer, releaseSource } from './ownership';

/** The part of a MapLibre map the functions use, with the same refusal to drop a used source. */
function fakeMap() {
	const sources = new globalThis.Map<string, object>();
	const layers: { spec: LayerSpecification; instance: object }[] = [];
	const map = {
		getSource: (id: string) => sources.get(id),
		addSource: (id: string) => {
			if (sources.has(id)) throw new Error(`Source "${id}" already exists.`);
			sources.set(id, {});
		},
		removeSource: (id: string) => {
			if (layers.some((l) => 'source' in l.spec && l.spec.source === id)) throw new Error('source in use');
			sources.delete(id);
		},
		getLayer: (id: string) => layers.find((l) => l.spec.id === id)?.instance,
		addLayer: (spec: LayerSpecification) => {
			if (layers.some((l) => l.spec.id === spec.id)) throw new Error(`Layer "${spec.id}" already exists.`);
			layers.push({ spec, instance: {} });
		},
		removeLayer: (id: string) => void layers.splice(layers.findIndex((l) => l.spec.id === id), 1),
		getStyle: () => ({ layers: layers.map((l) => l.spec) })
	};
	return { map: map as unknown as Map, sources, layers };
}

const source = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
const fill = { id: 'fill', type: 'fill', source: 'src' } as LayerSpecification;

describe('claim and release', () => {
	it('lets a re-created component mount before the old one is torn down', () => {
		const { map, sources, layers } = fakeMap();
		const oldSource = claimSource(map, 'src', source);
		const oldLayer = claimLayer(map, fill);
		// The new instance mounts first…
		const newSource = claimSource(map, 'src', source);
		const newLayer = claimLayer(map, fill);
		// …then the old one is torn down, and must leave the new source and layer alone.
		releaseLayer(map, 'fill', oldLayer);
		releaseSource(map, 'src', oldSource);
		expect(map.getSource('src')).toBe(newSource);
		expect(map.getLayer('fill')).toBe(newLayer);
		expect(sources.size).toBe(1);
		expect(layers).toHaveLength(1);
	});

	it('removes a source together with the layers still drawing from it', () => {
		const { map, sources, layers } = fakeMap();
		const mine = claimSource(map, 'src', source);
		claimLayer(map, fill);
		releaseSource(map, 'src', mine);
		expect(sources.size).toBe(0);
		expect(layers).toHaveLength(0);
		// The layer component's own teardown afterwards is a no-op.
		expect(() => releaseLayer(map, 'fill', {})).not.toThrow();
	});
});
