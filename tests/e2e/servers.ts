/** Ports and policy shared by the test servers and the embedding tests. */
export const APP = "http://127.0.0.1:4173";
export const WIDGET_PORT = 4175;
export const WIKI_PORT = 4174;
export const WIDGET = `http://127.0.0.1:${WIDGET_PORT}/wiki/tools/l5/`;
export const WIKI = `http://127.0.0.1:${WIKI_PORT}`;
/** The strict policy the widget must run under (docs/embedding.md). */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
