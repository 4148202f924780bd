// tgraph in browsers (the `browser` export condition): the browser's fetch, no Node built-ins.
// Only `export *` here: with a function of its own this module would be live for esbuild, which
// then walks every import of public.ts and puts the helpers the lazy namespaces share with it
// (query parameters, attribute operators) in a browser app's first chunk.
export * from './browser-client.js';
export * from './public.js';
