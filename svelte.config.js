import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// HARNESS=1 (`npm run build:harness`) builds the browser tests' harness pages (src/harness,
// served at /test/<scenario>) instead of the app, into build-harness/, so they never ship in
// build/. `files.routes` is deprecated in favour of a second package, a heavier way to the same end.
const harness = process.env.HARNESS === '1';
const out = harness ? 'build-harness' : 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Client-only: firm data never leaves the user's machine, so there is no server to send it to.
		adapter: adapter({ pages: out, assets: out, fallback: '200.html' }),
		...(harness && { files: { routes: 'src/harness' }, outDir: '.svelte-kit-harness' }),
		alias: { $geodata: 'geodata' },
		// Firm data must not leave the machine: the page may only talk to itself and to the two
		// online options the user can turn on (GSI tiles, N03 boundaries). Inline scripts need
		// SvelteKit's hash; MapLibre runs its workers from blob: URLs; Svelte sets style attributes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https://cyberjapandata.gsi.go.jp'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self', 'data:', 'blob:', 'https://cyberjapandata.gsi.go.jp', 'https://raw.githubusercontent.com'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
