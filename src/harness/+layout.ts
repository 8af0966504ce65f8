// The browser tests' harness pages, built on their own (`npm run build:harness` → build-harness/)
// so that they never ship in the app's build. Client-only, like the app (src/routes/+layout.ts).
export const ssr = false;
export const prerender = true;
