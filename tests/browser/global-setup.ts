import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** Serves build/ once for all browser tests; `npm run build` must have run first. */
export default async function setup(project: TestProject) {
	if (!existsSync('build/200.html')) {
		throw new Error('build/200.html is missing: run `npm run build` before the browser tests.');
	}
	const { server, url } = await serveStatic('build');
	project.provide('baseUrl', url);
	return () => new Promise<void>((done) => server.close(() => done()));
}
