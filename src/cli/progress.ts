import { thousands } from './thousands';
/**
 * A one-line progress display on stderr, redrawn at most four times a second, only when stderr is
 * a terminal (so logs and pipes get just the summary).
 */
export class Progress {
	private readonly started = performance.now();
	private last = 0;
	private shown = false;

	/**
	 * @param totalBytes size of the input, for the percentage
	 * @param stream where to draw (stderr)
	 * @param label the command, first on the line
	 */
	constructor(
		private readonly totalBytes: number,
		private readonly stream: NodeJS.WriteStream = process.stderr,
		private readonly label = 'classify'
	) {}

	private get enabled(): boolean {
		return this.stream.isTTY === true;
	}

	/** Reports rows done and bytes of the input read. */
	update(rows: number, bytesRead: number): void {
		if (!this.enabled) return;
		const now = performance.now();
		if (now - this.last < 250) return;
		this.last = now;
		const seconds = (now - this.started) / 1000;
		const percent = this.totalBytes > 0 ? Math.min(100, (100 * bytesRead) / this.totalBytes) : 0;
		const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
		this.stream.write(`\r\x1b[K${this.label}: ${thousands(rows)} rows, ${percent.toFixed(0)}% of input, ${thousands(rate)} rows/s`);
		this.shown = true;
	}

	/** Clears the line before the summary. */
	clear(): void {
		if (this.shown) this.stream.write('\r\x1b[K');
		this.shown = false;
	}
}
