import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { Zones, ZONE_COLOURS, zoneAreaKm2 } from './zones.svelte';

const box = (size: number): Polygon => ({
	type: 'Polygon',
	coordinates: [[[139.7, 35.5], [139.7 + size, 35.5], [139.7 + size, 35.5 + size], [139.7, 35.5 + size], [139.7, 35.5]]]
});

describe('Zones', () => {
	it('names and colours new zones, keeps name and colour when a shape is edited', () => {
		const zones = new Zones();
		zones.putDrawn('a', box(0.01), { shape: 'polygon' }, 'Zone');
		zones.putDrawn('b', box(0.02), { shape: 'rectangle' }, 'Zone');
		expect(zones.list.map((z) => [z.id, z.name, z.colour, z.source])).toEqual([
			['a', 'Zone 1', ZONE_COLOURS[0], 'drawn'],
			['b', 'Zone 2', ZONE_COLOURS[1], 'drawn']
		]);
		zones.putDrawn('a', box(0.03), { shape: 'polygon' }, 'Zone');
		expect(zones.get('a')).toMatchObject({ name: 'Zone 1', colour: ZONE_COLOURS[0], geometry: box(0.03) });
		expect(zones.revision).toBe(0); // map edits need no reload of the map
	});

	it('undoes and redoes every kind of change, and a new change clears the redo stack', () => {
		const zones = new Zones();
		zones.putDrawn('a', box(0.01), {}, 'Zone');
		zones.putDrawn('a', box(0.02), {}, 'Zone');
		zones.rename('a', 'Ota north');
		zones.remove(['a']);
		expect(zones.list).toEqual([]);
		expect(zones.revision).toBe(1);
		expect(zones.undo()).toBe(true);
		expect(zones.get('a')?.name).toBe('Ota north');
		zones.undo();
		expect(zones.get('a')?.name).toBe('Zone 1');
		zones.undo();
		expect(zones.get('a')?.geometry).toEqual(box(0.01));
		zones.undo();
		expect(zones.list).toEqual([]);
		expect(zones.canUndo).toBe(false);
		expect(zones.undo()).toBe(false);
		zones.redo();
		zones.redo();
		expect(zones.get('a')?.geometry).toEqual(box(0.02));
		expect(zones.canRedo).toBe(true);
		zones.putDrawn('b', box(0.01), {}, 'Zone');
		expect(zones.canRedo).toBe(false);
		expect(zones.redo()).toBe(false);
	});

	it('adds zones made otherwise with the next colour, reloads the map for them, and refuses a repeated id', () => {
		const zones = new Zones();
		zones.putDrawn('a', box(0.01), {}, 'Zone');
		zones.add({ id: 'district:ota', name: 'Ota', geometry: box(0.02), source: 'district', parameters: { districtId: 'ota' } });
		expect(zones.get('district:ota')).toMatchObject({ colour: ZONE_COLOURS[1], source: 'district', parameters: { districtId: 'ota' } });
		expect(zones.revision).toBe(1);
		expect(() => zones.add({ id: 'a', name: 'again', geometry: box(0.01), source: 'district' })).toThrow(/exists already/);
		zones.undo();
		expect(zones.get('district:ota')).toBeUndefined();
	});

	it('computes areas in km² on the sphere', () => {
		// 0.01° × 0.01° at 35.5° N: about 1.112 km × 0.905 km.
		const expected = 1.11195 * 1.11195 * Math.cos((35.505 * Math.PI) / 180);
		expect(zoneAreaKm2(box(0.01))).toBeCloseTo(expected, 2);
	});

	it('loads a whole list as a fresh start: no undo back through it, next colours follow on', () => {
		const zones = new Zones();
		zones.putDrawn('old', box(0.01), {}, 'Zone');
		zones.load([
			{ id: 'a', name: 'A', geometry: box(0.01), source: 'drawn', colour: '#123456' },
			{ id: 'b', name: 'B', geometry: box(0.02), source: 'buffer' }
		]);
		expect(zones.list.map((z) => [z.id, z.colour])).toEqual([
			['a', '#123456'],
			['b', ZONE_COLOURS[1]]
		]);
		expect(zones.canUndo).toBe(false);
		expect(zones.undo()).toBe(false);
		expect(zones.revision).toBe(1);
		zones.putDrawn('c', box(0.03), {}, 'Zone');
		expect(zones.get('c')).toMatchObject({ name: 'Zone 3', colour: ZONE_COLOURS[2] });
		zones.undo();
		expect(zones.list.map((z) => z.id)).toEqual(['a', 'b']);
		expect(() => zones.load([zones.list[0], zones.list[0]])).toThrow(/repeated ids/);
	});
});
