import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';

describe('BufferPool', () => {
	it('gives back the smallest buffer big enough, and at most twice as big, that was given back, and only its own', () => {
		const pool = new BufferPool();
		const small = pool.bytes(100).buffer;
		const large = pool.float64s(1000).buffer;
		pool.give(large);
		pool.give(small);
		pool.give(new ArrayBuffer(4096)); // not the pool's: not taken back
		expect(pool.uint32s(20).buffer).toBe(small);
		expect(pool.bytes(200).buffer).not.toBe(large); // kept for an array of its size
		expect(pool.bytes(5000).buffer).toBe(large);
		const fresh = pool.bytes(5000).buffer;
		expect(fresh).not.toBe(large);
		expect(fresh.byteLength).toBeGreaterThanOrEqual(5000);
	});

	it('makes SharedArrayBuffers when asked, which a worker thread reads without a copy', () => {
		const shared = new BufferPool(8, { shared: true }).float64s(10);
		expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
		expect(shared.length).toBe(10);
		expect(new BufferPool().float64s(10).buffer).toBeInstanceOf(ArrayBuffer);
	});

	it('keeps at most `keep` free buffers', () => {
		const pool = new BufferPool(1);
		const [a, b] = [pool.bytes(10).buffer, pool.bytes(10).buffer];
		pool.give(a);
		pool.give(b);
		expect(pool.bytes(10).buffer).toBe(a);
		expect(pool.bytes(10).buffer).not.toBe(b);
	});
});
