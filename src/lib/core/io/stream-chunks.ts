/**
 * A ReadableStream of bytes (`File.stream()`, `fetch(…).body`) as the async iterable the readers
 * take. Browsers that already make streams async-iterable would do without; Safari does not.
 *
 * @example
 * for await (const batch of readFirmsCsv(streamChunks(file.stream()), { file: file.name })) …
 */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
