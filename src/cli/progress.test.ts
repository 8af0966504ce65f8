import { describe, expect, it } from 'vitest';
import { Progress } from './progress';

function fakeStream(isTTY: boolean) {
	const written: string[] = [];
	return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('Progress', () => {
	it('draws rows, percent of bytes and rate on a terminal, then clears the line', async () => {
		const { stream, written } = fakeStream(true);
		const progress = new Progress(1000, stream);
		await new Promise((resolve) => setTimeout(resolve, 300));
		progress.update(50_000, 250);
		expect(written).toHaveLength(1);
		expect(written[0]).toMatch(/^\r\x1b\[Kclassify: 50,000 rows, 25% of input, [\d,]+ rows\/s$/);
		progress.update(60_000, 300); // too soon after the last redraw
		expect(written).toHaveLength(1);
		progress.clear();
		expect(written.at(-1)).toBe('\r\x1b[K');
	});

	it('stays silent when stderr is not a terminal', async () => {
		const { stream, written } = fakeStream(false);
		const progress = new Progress(1000, stream);
		await new Promise((resolve) => setTimeout(resolve, 300));
		progress.update(1, 1);
		progress.clear();
		expect(written).toEqual([]);
	});
});
