import { defineConfig } from 'vitest/config';

// Browser tests: Node-side Vitest driving Debian's Chromium through playwright-core
// against the adapter-static build. One file at a time: Chromium with software WebGL is heavy.
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		globalSetup: ['tests/browser/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 90_000,
		hookTimeout: 90_000
	}
});
