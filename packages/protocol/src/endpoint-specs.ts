// Every endpoint TigerGraph serves, one export each, per server line (reference §4, §8). One export
// per endpoint (not one table) lets a bundler keep only the endpoints an app calls: import them as
// `import * as endpoints from '@tgraph/protocol/endpoints'`. RESTPP paths are relative to the RESTPP
// base URL (`…:9000` or `…/restpp`); GSQL paths are relative to the GSQL server origin and carry
// their own prefix (`/gsqlserver` on 3.x, `/gsql/v1` on 4.1+). Paths are templates: `{name}`
// placeholders are filled by `buildPath`, which encodes each value as one path segment.
//
// The catalogue lives in `endpoint-specs/`, one file per resource; each is also its own entry,
// `@tgraph/protocol/endpoints/<resource>`.

export * from './endpoint-specs/auth.js';
export type { EndpointDef, EndpointSpec, HttpMethod } from './endpoint-specs/define.js';
export * from './endpoint-specs/elements.js';
export * from './endpoint-specs/loading.js';
export * from './endpoint-specs/queries.js';
export * from './endpoint-specs/schema.js';
export * from './endpoint-specs/utilities.js';
