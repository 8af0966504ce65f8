import { describe, expect, it } from 'vitest';
import type { FirmTable } from '$lib/core/firm-table';
import type { Zone } from '$lib/core/model';
import type { AnalysisPort } from '$lib/worker/analysis-client.svelte';
import { createAnalysisHandler } from '$lib/worker/analysis-handler';
import type { AnalysisReply, AnalysisRequest } from '$lib/worker/analysis-protocol';
import { ClassificationState } from './classification.svelte';

/** A port that answers only when told to, with the real handler. */
function manualPort() {
	const handle = createAnalysisHandler();
	const pending: AnalysisRequest[] = [];
	const port: AnalysisPort & { pending: AnalysisRequest[]; answer(type: AnalysisRequest['type'], which?: 'first' | 'last'): void } = {
		pending,
		onmessage: null,
		postMessage: (message) => void pending.push(message),
		terminate: () => {},
		answer(type, which = 'last') {
			const matching = pending.filter((r) => r.type === type);
			const request = which === 'last' ? matching.at(-1) : matching[0];
			if (!request) throw new Error(`no pending ${type}`);
			pending.splice(pending.indexOf(request), 1);
			port.onmessage?.({ data: handle(request).reply } as MessageEvent<AnalysisReply>);
		}
	};
	return port;
}

/** Firms at x = 0.5, 1.5, 2.5 on the equator (the fields the classifier reads). */
function firmTable(): FirmTable {
	return {
		lon: Float64Array.of(0.5, 1.5, 2.5),
		lat: Float64Array.of(0.5, 0.5, 0.5),
		industry: { codes: ['A'], index: Uint16Array.of(0, 0, 0) },
		industryCounts: [['A', 3]]
	} as unknown as FirmTable;
}

const square = (id: string, size: number): Zone => ({ id, name: id, source: 'drawn', geometry: { type: 'Polygon', coordinates: [[[0, 0], [size, 0], [size, size], [0, size], [0, 0]]] } });

/** Whether a promise has settled, without waiting for it. */
async function settled<T>(promise: Promise<T>): Promise<{ value: T } | 'pending'> {
	return Promise.race([promise.then((value) => ({ value })), new Promise<'pending'>((next) => setTimeout(() => next('pending'), 0))]);
}

describe('ClassificationState.whenCurrent', () => {
	it('resolves when the reply for exactly these zones arrives, not before', async () => {
		const port = manualPort();
		const state = new ClassificationState(port);
		const firms = firmTable();
		state.loadFirms(firms);
		port.answer('load-firms');
		const zones = [square('z', 2)];
		state.classify(zones);
		const current = state.whenCurrent(zones);
		expect(await settled(current)).toBe('pending');
		port.answer('classify');
		const result = await current;
		expect(result?.zoneIds).toEqual(['z']);
		expect(result?.insideCount).toBe(2);
		// Asked again with nothing in flight: at once.
		expect((await state.whenCurrent(zones))?.insideCount).toBe(2);
	});

	it('gives null when the zones change before the reply, and when the caller’s zones are not those sent', async () => {
		const port = manualPort();
		const state = new ClassificationState(port);
		state.loadFirms(firmTable());
		port.answer('load-firms');
		const first = [square('z', 1)];
		state.classify(first);
		const waiting = state.whenCurrent(first);
		const moved = [square('z', 3)];
		state.classify(moved);
		expect(await waiting).toBeNull();
		expect(await state.whenCurrent(first)).toBeNull();
		const next = state.whenCurrent(moved);
		port.answer('classify', 'first'); // the stale reply is dropped
		expect(await settled(next)).toBe('pending');
		port.answer('classify');
		expect((await next)?.insideCount).toBe(3);
	});

	it('gives null when another dataset is loaded, or the worker answers with an error, or it ends', async () => {
		const port = manualPort();
		const state = new ClassificationState(port);
		state.loadFirms(firmTable());
		port.answer('load-firms');
		const zones = [square('z', 2)];
		state.classify(zones);
		const waiting = state.whenCurrent(zones);
		state.loadFirms(firmTable());
		expect(await waiting).toBeNull();

		state.classify(zones);
		const failing = state.whenCurrent(zones);
		// A zone the worker cannot read: an error reply instead of a classification.
		(port.pending.at(-1) as unknown as { zones: unknown }).zones = 'not zones';
		port.answer('classify');
		expect(state.error).not.toBeNull();
		expect(await failing).toBeNull();

		const other = [square('y', 1)];
		state.classify(other);
		const ended = state.whenCurrent(other);
		state.destroy();
		expect(await ended).toBeNull();
	});
});

describe('ClassificationState.whenNearest', () => {
	it('resolves with the distances of this dataset once they arrive, and null if another dataset comes first', async () => {
		const port = manualPort();
		const state = new ClassificationState(port);
		const firms = firmTable();
		state.loadFirms(firms);
		state.loadInstitutions([{ id: 'i', lon: 1, lat: 0.5 }]);
		const nearest = state.whenNearest(firms);
		port.answer('load-firms');
		expect(await settled(nearest)).toBe('pending');
		port.answer('load-institutions');
		expect(Array.from((await nearest)?.index ?? [])).toEqual([0, 0, 0]);

		expect((await state.whenNearest(firms))?.index.length).toBe(3); // already there, at once
		const next = firmTable();
		state.loadFirms(next);
		expect(await state.whenNearest(firms)).toBeNull();
	});

	it('gives null to a caller waiting for a dataset replaced before its distances came', async () => {
		const port = manualPort();
		const state = new ClassificationState(port);
		const firms = firmTable();
		state.loadFirms(firms);
		state.loadInstitutions([{ id: 'i', lon: 1, lat: 0.5 }]);
		const waiting = state.whenNearest(firms);
		state.loadFirms(firmTable());
		expect(await waiting).toBeNull();
	});

	it('gives null after the time allowed when no institutions are loaded', async () => {
		const port = manualPort();
		const state = new ClassificationState(port);
		const firms = firmTable();
		state.loadFirms(firms);
		port.answer('load-firms');
		expect(await state.whenNearest(firms, 1)).toBeNull();
	});
});
