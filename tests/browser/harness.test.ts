import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

describe('browser harness', () => {
	let app: OpenedApp | undefined;
	afterAll(() => app?.close());

	it('serves the built app and cuts off the network', async () => {
		app = await openApp('/');
		const status = await app.page.evaluate(async () => {
			try {
				await fetch('https://cyberjapandata.gsi.go.jp/xyz/std/5/28/12.png');
				return 'reached';
			} catch {
				return 'blocked';
			}
		});
		expect(status).toBe('blocked');
		expect(app.blocked.some((url) => url.includes('cyberjapandata'))).toBe(true);
		expect(await app.page.title()).toContain('Cluster Map');
	});

	it('answers a request from a local fixture when asked', async () => {
		// A host the page's Content-Security-Policy allows (the online N03 boundaries' host).
		const online = await openApp('/', { online: { 'https://raw.githubusercontent.com/fixture/**': '{"ok":true}' } });
		try {
			const body = await online.page.evaluate(async () => (await fetch('https://raw.githubusercontent.com/fixture/a/b.json')).json());
			expect(body).toEqual({ ok: true });
		} finally {
			await online.close();
		}
	});
});
