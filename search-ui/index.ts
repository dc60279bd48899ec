/** search-ui: the HTTP API and the page analysts use. */
export { startServer, DIST, type ServeOptions } from './server.ts';
