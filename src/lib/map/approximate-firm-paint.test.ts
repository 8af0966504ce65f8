import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { CLASSIFIED_FIRM_PAINT, firmPaint } from '../../routes/classification';
import { approximateFirmPaint, APPROXIMATE_FIRM_STROKE, FIRM_PAINT } from './styles';

// Firms placed at an area's representative point are hollow rings in every colouring, and the
// paint stays a valid MapLibre style (zoom curves may only be top-level).
describe('approximateFirmPaint', () => {
	it.each([
		['industry', FIRM_PAINT],
		['inside', CLASSIFIED_FIRM_PAINT],
		['zone', firmPaint('zone', ['#111111', '#222222'])]
	])('is a valid circle paint for the %s colouring', (_, paint) => {
		const style = {
			version: 8,
			sources: { firms: { type: 'vector', tiles: ['firms://{z}/{x}/{y}'] } },
			layers: [{ id: 'firms', type: 'circle', source: 'firms', 'source-layer': 'firms', paint: approximateFirmPaint(paint) }]
		};
		expect(validateStyleMin(style as never)).toEqual([]);
	});

	it('rings marked firms and leaves the others as they were', () => {
		const paint = approximateFirmPaint(FIRM_PAINT);
		expect(paint['circle-stroke-color']).toEqual(['case', ['has', 'a'], APPROXIMATE_FIRM_STROKE, '#ffffff']);
		// The zoom curve keeps its stops; each output chooses between the ring and the original.
		expect(paint['circle-stroke-width']).toEqual(['interpolate', ['linear'], ['zoom'], 9, ['case', ['has', 'a'], 1.5, 0], 11, ['case', ['has', 'a'], 1.5, 0.5], 14, ['case', ['has', 'a'], 1.5, 0.8]]);
		expect(paint['circle-color']).toBe(FIRM_PAINT['circle-color']);
	});
});
