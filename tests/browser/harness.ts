import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium; a test tool cannot download its own browser on this machine. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// MapLibre needs WebGL: SwiftShader provides it in software on a headless machine.
const LAUNCH_ARGS = [
	'--headless',
	'--no-sandbox',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

let browser: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
	browser ??= chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
	return browser;
}

export interface OpenAppOptions {
	/**
	 * URL glob → fixture body (status 200), or a status with an optional body (a 404…). Matching
	 * requests are answered locally; every other non-local request fails.
	 */
	online?: Record<string, string | Buffer | { status: number; body?: string }>;
	viewport?: { width: number; height: number };
	locale?: string;
}

export interface OpenedApp {
	page: Page;
	/** Page errors and console errors seen so far. */
	errors: string[];
	/** Non-local requests the page attempted that no fixture answered. */
	blocked: string[];
	close(): Promise<void>;
}

/** Where a path is served: the harness pages (/test/…) from build-harness/, the rest from build/. */
export function serverFor(path: string): string {
	if (!path.startsWith('/test/')) return inject('baseUrl');
	const harnessUrl = inject('harnessUrl');
	if (!harnessUrl) throw new Error(`build-harness/200.html is missing: run \`npm run build:harness\` before opening the harness page ${path}.`);
	return harnessUrl;
}

/**
 * Opens the built app (or, for a path under /test/, a harness page) in headless Chromium with the
 * network cut off: only the local static server and the given fixtures answer, so a passing test
 * proves the page works offline.
 */
export async function openApp(path = '/', options: OpenAppOptions = {}): Promise<OpenedApp> {
	const baseUrl = serverFor(path);
	const context = await (await sharedBrowser()).newContext({
		viewport: options.viewport ?? { width: 1280, height: 800 },
		locale: options.locale ?? 'en-US'
	});
	const errors: string[] = [];
	const blocked: string[] = [];
	const fixtures = Object.entries(options.online ?? {});
	await context.route(
		(url) => !url.href.startsWith(baseUrl),
		async (route) => {
			const url = route.request().url();
			const fixture = fixtures.find(([glob]) => globToRegExp(glob).test(url));
			if (fixture) {
				const answer = fixture[1];
				const { status, body } = typeof answer === 'string' || Buffer.isBuffer(answer) ? { status: 200, body: answer } : answer;
				await route.fulfill({ status, body: body ?? '', headers: { 'access-control-allow-origin': '*' } });
			} else {
				blocked.push(url);
				await route.abort('internetdisconnected');
			}
		}
	);
	const page = await context.newPage();
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	await page.goto(new URL(path, baseUrl).href);
	return { page, errors, blocked, close: () => context.close() };
}

/** Waits until the app says its map style and default layers are loaded. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
	await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, {
		timeout
	});
}

/**
 * Opens the app (see {@link openApp}) and waits until its map is ready; a map that never gets
 * ready fails with the page's own errors, which say why.
 */
export async function openReadyApp(path = '/', options: OpenAppOptions = {}): Promise<OpenedApp> {
	const app = await openApp(path, options);
	try {
		await waitForMap(app.page, 90_000);
	} catch (error) {
		await app.close();
		throw new Error(`map not ready at ${path}; page errors: ${JSON.stringify(app.errors)}`, { cause: error });
	}
	return app;
}

/**
 * A value the app keeps in the browser's session store (IndexedDB "cluster-map"), or undefined;
 * polled by tests that must wait until a change is saved before they reload.
 */
export function storedValue<T>(page: Page, key: string): Promise<T | undefined> {
	return page.evaluate(async (name) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('cluster-map');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		try {
			return await new Promise<T | undefined>((resolve) => {
				const get = db.transaction('working').objectStore('working').get(name);
				get.onsuccess = () => resolve(get.result as T | undefined);
				get.onerror = () => resolve(undefined);
			});
		} finally {
			db.close();
		}
	}, key);
}

/** Saves tests/output/screens/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync('tests/output/screens', { recursive: true });
	const path = `tests/output/screens/${name}.png`;
	await page.screenshot({ path });
	return path;
}

function globToRegExp(glob: string): RegExp {
	const escaped = glob.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*');
	return new RegExp(`^${escaped.replace(/\u0000/g, '.*')}$`);
}
