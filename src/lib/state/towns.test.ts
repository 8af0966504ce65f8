import { describe, expect, it } from 'vitest';
import type { TownPrefectureFile } from '$lib/core/geocode/town-data';
import { TownLabels } from './towns.svelte';

/** A prefecture file with one town, named after the prefecture. */
const file = (code: string): TownPrefectureFile => ({
	code,
	name: code,
	municipalities: [{ code: `${code}101`, name: 'x', towns: [`町${code}`], lon: [139000000], lat: [35000000] }]
});

function loader(failing = new Set<string>()) {
	const calls: string[] = [];
	const load = async (code: string) => {
		calls.push(code);
		if (failing.has(code)) throw new Error('offline');
		return file(code);
	};
	return { calls, load };
}

const names = (towns: TownLabels) => towns.labels.features.map((f) => f.properties.name);

describe('TownLabels', () => {
	it('shows the towns of exactly the prefectures in view, loading each file once', async () => {
		const { calls, load } = loader();
		const towns = new TownLabels(load);
		await towns.show(['14', '13']);
		expect(names(towns)).toEqual(['町13', '町14']);
		await towns.show(['13']);
		expect(names(towns)).toEqual(['町13']);
		await towns.show(['13', '14']);
		expect(calls).toEqual(['13', '14']);
	});

	it('keeps no more than four prefectures out of view', async () => {
		const { calls, load } = loader();
		const towns = new TownLabels(load);
		for (const code of ['01', '02', '03', '04', '05', '06']) await towns.show([code]);
		await towns.show(['06']);
		await towns.show(['01']); // the oldest, dropped: loaded again
		await towns.show(['05']); // kept
		expect(calls).toEqual(['01', '02', '03', '04', '05', '06', '01']);
	});

	it('lists a prefecture that fails and tries it again next time', async () => {
		const failing = new Set(['14']);
		const { calls, load } = loader(failing);
		const towns = new TownLabels(load);
		await towns.show(['13', '14']);
		expect(towns.failed).toEqual(['14']);
		expect(names(towns)).toEqual(['町13']);
		failing.clear();
		await towns.show(['13', '14']);
		expect(towns.failed).toEqual([]);
		expect(names(towns)).toEqual(['町13', '町14']);
		expect(calls).toEqual(['13', '14', '14']);
	});

	it('drops a reply that a later view has overtaken', async () => {
		let release!: () => void;
		const slow = new Promise<void>((resolve) => (release = resolve));
		const towns = new TownLabels(async (code) => {
			if (code === '13') await slow;
			return file(code);
		});
		const first = towns.show(['13']);
		await towns.show(['27']);
		release();
		await first;
		expect(names(towns)).toEqual(['町27']);
	});
});
