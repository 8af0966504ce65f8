// The app is client-only: everything runs in the browser, nothing is rendered on a server.
export const ssr = false;
export const prerender = true;
