import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

/** The harness scenarios: the folders of src/harness/test, served at /test/<scenario>. */
const SCENARIOS = readdirSync('src/harness/test');

/** Scenarios a build holds: a page under test/, or code or HTML naming one (its route). */
function harnessPagesIn(root: string): string[] {
	const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => /\.(js|html)$/.test(file));
	return SCENARIOS.filter((scenario) =>
		files.some((file) => file.replaceAll('\\', '/').startsWith(`test/${scenario}`) || readFileSync(join(root, file), 'utf8').includes(scenario))
	);
}

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

describe('the production build', () => {
	it('holds no harness page, which the harness build has', () => {
		expect(SCENARIOS).toEqual(expect.arrayContaining(['draw-bench', 'popup-escape', 'localization-bench']));
		expect(existsSync('build-harness/200.html'), 'build-harness/ is missing: run `npm run build:harness`').toBe(true);
		expect(harnessPagesIn('build-harness')).toEqual(SCENARIOS);
		expect(harnessPagesIn('build')).toEqual([]);
		// Whatever its name, a page under /test/ in the app's routes would ship.
		expect(existsSync('build/test'), 'build/test/ exists: move harness pages from src/routes/test to src/harness/test').toBe(false);
	});
});
