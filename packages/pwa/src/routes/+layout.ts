// The app runs entirely in the browser: data lives in IndexedDB and the core in a web worker, so
// nothing can be rendered on a server. One fallback page (index.html) boots every route.
export const ssr = false;
export const prerender = false;
