// An endpoint's spec on one server line. Its own module: auth needs only this, not the path
// builders of `endpoint-paths.ts`, so a bundle's first chunk keeps those out.

import type { ServerLine } from './auth-contract.js';
import type { EndpointDef, EndpointSpec } from './endpoint-specs/define.js';
import { TigerGraphError } from './errors.js';

/**
 * How to call one endpoint (an export of `@tgraph/protocol/endpoints`) on `line`. Throws
 * `TigerGraphError` (code `TG-UNSUPPORTED`) with the reason when it does not exist on that line.
 *
 * @example
 * import * as endpoints from '@tgraph/protocol/endpoints/auth';
 * specFor(endpoints.requestToken, '4'); // { service: 'gsql', method: 'POST', path: '/gsql/v1/tokens', … }
 */
export function specFor(found: EndpointDef, line: ServerLine): EndpointSpec {
  const spec = found[line];
  if (typeof spec === 'string') {
    throw new TigerGraphError(
      `${found.name} is not available on TigerGraph ${line === '4' ? '4.1+' : '3.x / 4.0'}: ${spec}.`,
      { code: 'TG-UNSUPPORTED' },
    );
  }
  return spec;
}
