import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm'
};

/**
 * Serves the adapter-static build the way a static host would: files as they are,
 * and the SPA fallback page for every other path.
 */
export function serveStatic(root: string): Promise<{ server: Server; url: string }> {
	const base = resolve(root);
	// adapter-static writes the SPA fallback page as 200.html (the convention of static hosts).
	const fallback = join(base, '200.html');
	const server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(base, pathname));
		if (!file.startsWith(base)) file = fallback;
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) file = existsSync(`${file}.html`) ? `${file}.html` : fallback;
		response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
		createReadStream(file).pipe(response);
	});
	return new Promise((resolvePromise) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolvePromise({ server, url: `http://127.0.0.1:${port}` });
		});
	});
}
