import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['geodata'] } },
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'geodata/**/*.test.ts', 'bench/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
