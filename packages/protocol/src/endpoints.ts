// Looking endpoints up by name and server line. The endpoints themselves are data in
// `endpoint-specs.ts` (one export each, so bundles keep only those an app calls); building their
// paths is `endpoint-paths.ts`, re-exported here.

import type { ServerLine } from './auth-contract.js';
import { specFor } from './endpoint-paths.js';
import type { EndpointDef, EndpointSpec } from './endpoint-specs.js';
import * as specs from './endpoint-specs.js';
import { ValidationError } from './errors.js';

export * from './endpoint-paths.js';

/** Names of the catalogued endpoints. */
export type EndpointName = keyof typeof specs;

const ENDPOINTS: Readonly<Record<EndpointName, EndpointDef>> = specs;

/** Every endpoint name. */
export function endpointNames(): EndpointName[] {
  return Object.keys(ENDPOINTS) as EndpointName[];
}

/** True when `name` exists on `line` (e.g. `refreshToken` is 3.x only). */
export function hasEndpoint(name: EndpointName, line: ServerLine): boolean {
  return typeof ENDPOINTS[name][line] !== 'string';
}

/**
 * How to call `name` on `line`. Throws `TigerGraphError` (code `TG-UNSUPPORTED`) with the reason
 * when the endpoint does not exist on that line.
 *
 * @example
 * endpoint('requestToken', '3'); // { service: 'restpp', method: 'POST', path: '/requesttoken', … }
 * endpoint('requestToken', '4'); // { service: 'gsql', method: 'POST', path: '/gsql/v1/tokens', … }
 * endpoint('refreshToken', '4'); // throws: TigerGraph 4.1+ cannot refresh tokens …
 */
export function endpoint(name: EndpointName, line: ServerLine): EndpointSpec {
  const found: EndpointDef | undefined = ENDPOINTS[name];
  if (found === undefined) throw new ValidationError(`Unknown endpoint name '${String(name)}'`);
  return specFor(found, line);
}
