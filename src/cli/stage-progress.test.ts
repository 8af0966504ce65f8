import { describe, expect, it } from 'vitest';
import { StageProgress } from './stage-progress';

function fakeStream(isTTY: boolean) {
	const written: string[] = [];
	return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('StageProgress', () => {
	it('draws a line on a terminal at most four times a second, then clears it', () => {
		const { stream, written } = fakeStream(true);
		const progress = new StageProgress(stream);
		progress.update('hotspots: permutations, 10% of cells');
		progress.update('hotspots: permutations, 11% of cells'); // too soon after the last redraw
		expect(written).toEqual(['\r\x1b[Khotspots: permutations, 10% of cells']);
		progress.clear();
		expect(written.at(-1)).toBe('\r\x1b[K');
	});

	it('builds a line given as a function only when it draws it', () => {
		const { stream, written } = fakeStream(true);
		const progress = new StageProgress(stream);
		let built = 0;
		const line = (text: string) => () => (built++, text);
		progress.update(line('zones: 10%'));
		progress.update(line('zones: 11%'));
		expect(written).toEqual(['\r\x1b[Kzones: 10%']);
		expect(built).toBe(1);
		new StageProgress(fakeStream(false).stream).update(line('x'));
		expect(built).toBe(1);
	});

	it('stays silent when stderr is not a terminal', () => {
		const { stream, written } = fakeStream(false);
		const progress = new StageProgress(stream);
		progress.update('x');
		progress.clear();
		expect(written).toEqual([]);
	});
});
