import { describe, expect, it } from 'vitest';
import { WorkerGateway, type WorkerPort } from './gateway';

type Request = { id: number; type: string; of?: number };
type Reply = { id: number; type: 'progress' | 'done'; n: number };

/** A worker stand-in: keeps what it is sent; the test answers for it. */
function standIn() {
	const port = {
		sent: [] as { message: Request; transfer: Transferable[] }[],
		ended: false,
		onmessage: null as WorkerPort<Request, Reply>['onmessage'],
		onerror: null as WorkerPort<Request, Reply>['onerror'],
		postMessage(message: Request, transfer: Transferable[]) {
			this.sent.push({ message, transfer });
		},
		terminate() {
			this.ended = true;
		},
		answer(reply: Reply) {
			this.onmessage?.({ data: reply } as MessageEvent<Reply>);
		},
		fail(message: string) {
			this.onerror?.({ message } as ErrorEvent);
		}
	};
	return port;
}

const lastIsDone = { last: (reply: Reply) => reply.type === 'done' };

describe('WorkerGateway', () => {
	it('numbers requests and drops replies to all but the newest of a latest-wins kind', () => {
		const port = standIn();
		const seen: [number, string][] = [];
		const gateway = new WorkerGateway<Request, Reply>(port, (reply, kind) => seen.push([reply.id, kind]));
		const a = gateway.request('kde', { type: 'kde' });
		const b = gateway.request('kde', { type: 'kde' });
		const load = gateway.request('load', { type: 'load' }, [], { latestWins: false });
		expect([a, b, load]).toEqual([1, 2, 3]);
		expect(port.sent.map((s) => s.message.id)).toEqual([1, 2, 3]);
		port.answer({ id: a, type: 'done', n: 0 });
		port.answer({ id: b, type: 'done', n: 0 });
		port.answer({ id: load, type: 'done', n: 0 });
		expect(seen).toEqual([
			[b, 'kde'],
			[load, 'load']
		]);
	});

	it('resolves a job with its last reply and hands the earlier ones (progress) on', async () => {
		const port = standIn();
		const other: number[] = [];
		const gateway = new WorkerGateway<Request, Reply>(port, (reply) => other.push(reply.id));
		const progress: number[] = [];
		const buffer = new ArrayBuffer(8);
		const job = gateway.ask('export', { type: 'export' }, { ...lastIsDone, transfer: [buffer], onreply: (reply) => progress.push(reply.n) });
		expect(port.sent[0]).toEqual({ message: { type: 'export', id: job.id }, transfer: [buffer] });
		port.answer({ id: job.id, type: 'progress', n: 1 });
		port.answer({ id: job.id, type: 'progress', n: 2 });
		port.answer({ id: job.id, type: 'done', n: 3 });
		expect(await job.reply).toEqual({ id: job.id, type: 'done', n: 3 });
		expect(progress).toEqual([1, 2]);
		// Answered: a late reply with its id reaches nobody.
		port.answer({ id: job.id, type: 'progress', n: 4 });
		expect(progress).toEqual([1, 2]);
		expect(other).toEqual([]);
	});

	it('resolves a job that answers at once (a stand-in replying inside postMessage)', async () => {
		const port = standIn();
		const gateway = new WorkerGateway<Request, Reply>(port);
		port.postMessage = (message) => port.answer({ id: message.id, type: 'done', n: 7 });
		expect((await gateway.ask('tile', { type: 'tile' }).reply)?.n).toBe(7);
	});

	it('resolves a job with null when a newer one of its kind, cancel, forget or terminate drops it', async () => {
		const port = standIn();
		const gateway = new WorkerGateway<Request, Reply>(port);
		const superseded = gateway.ask('file', { type: 'preview' });
		const newer = gateway.ask('file', { type: 'preview' });
		expect(await superseded.reply).toBeNull();
		expect(gateway.latest('file')).toBe(newer.id);
		gateway.cancel('file');
		expect(await newer.reply).toBeNull();
		expect(gateway.latest('file')).toBeUndefined();
		const tile = gateway.ask('tile', { type: 'tile' }, { latestWins: false });
		const kept = gateway.ask('tile', { type: 'tile' }, { latestWins: false });
		expect(gateway.forget(tile.id)).toBe(true);
		expect(gateway.forget(tile.id)).toBe(false);
		expect(await tile.reply).toBeNull();
		port.answer({ id: tile.id, type: 'done', n: 1 });
		port.answer({ id: kept.id, type: 'done', n: 2 });
		expect((await kept.reply)?.n).toBe(2);
		const last = gateway.ask('export', { type: 'export' });
		gateway.terminate();
		expect(port.ended).toBe(true);
		expect(await last.reply).toBeNull();
	});

	it('rejects the jobs in flight when the worker fails, and says so', async () => {
		const port = standIn();
		const failures: string[] = [];
		const gateway = new WorkerGateway<Request, Reply>(port, undefined, (message) => failures.push(message));
		const job = gateway.ask('import', { type: 'import' });
		port.fail('out of memory');
		await expect(job.reply).rejects.toThrow('out of memory');
		expect(failures).toEqual(['out of memory']);
	});

	it('posts messages that get no reply, numbered, with their buffers; a reply naming one reaches nobody', () => {
		const port = standIn();
		const seen: number[] = [];
		const gateway = new WorkerGateway<Request, Reply>(port, (reply) => seen.push(reply.id));
		const job = gateway.request('import', { type: 'import' });
		const buffer = new ArrayBuffer(4);
		const cancel = gateway.post({ type: 'cancel', of: job }, [buffer]);
		expect(cancel).toBe(job + 1);
		expect(port.sent[1]).toEqual({ message: { type: 'cancel', of: job, id: cancel }, transfer: [buffer] });
		port.answer({ id: cancel, type: 'done', n: 0 });
		port.answer({ id: job, type: 'done', n: 0 });
		expect(seen).toEqual([job]);
	});
});
