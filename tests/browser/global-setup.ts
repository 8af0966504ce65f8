import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** Where build-harness/ is served (the harness pages under /test/), or '' when it is not built. */
		harnessUrl: string;
	}
}

/**
 * Serves build/ (the app as shipped) and build-harness/ (the harness pages, built apart so they
 * never ship) once for all browser tests; `npm run build` must have run first, and
 * `npm run build:harness` for the tests that open a harness page.
 */
export default async function setup(project: TestProject) {
	if (!existsSync('build/200.html')) {
		throw new Error('build/200.html is missing: run `npm run build` before the browser tests.');
	}
	const app = await serveStatic('build');
	project.provide('baseUrl', app.url);
	const harness = existsSync('build-harness/200.html') ? await serveStatic('build-harness') : null;
	project.provide('harnessUrl', harness?.url ?? '');
	const close = (server: typeof app.server) => new Promise<void>((done) => server.close(() => done()));
	return async () => {
		await close(app.server);
		if (harness) await close(harness.server);
	};
}
