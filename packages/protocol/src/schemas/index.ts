// Wire schemas (zod/mini) and their TypeScript types, one concern per file.
export * from './common.js';
export * from './envelope.js';
export * from './graph-data.js';
export * from './graph-schema.js';
export * from './gsql-output.js';
export * from './meta.js';
export * from './query.js';
export * from './secrets.js';
export * from './tokens.js';
export * from './upsert.js';
