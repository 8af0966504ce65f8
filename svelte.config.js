import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Client-only: firm data never leaves the user's machine, so there is no server to send it to.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html' }),
		alias: { $geodata: 'geodata' }
	}
};

export default config;
