// Layouts: which handler answers a path on each listener (reference §1.2, §1.4).
import { nginxSystemExtra } from '../gsqlserver/system-extra.js';
import { handleGsqlV3 } from '../gsqlserver/v3.js';
import { handleGsqlV1 } from '../gsqlserver/v4.js';
import { handleRestpp } from '../restpp/router.js';
import type { EmulatorState } from '../state.js';
import { jsonReply } from './reply.js';
import type { EmuRequest, EmuResponse, Listener } from './types.js';

function strip(req: EmuRequest, prefix: string): EmuRequest {
  return { ...req, path: req.fullPath.slice(prefix.length) || '/' };
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function dispatch(
  state: EmulatorState,
  listener: Listener,
  req: EmuRequest,
): EmuResponse | Promise<EmuResponse> {
  const p = req.fullPath;
  // Port 9000: RESTPP at the root (/requesttoken is proxied to the token server when auth is on).
  if (listener === 'restpp') return handleRestpp(state, req);
  // Port 14240 / Cloud 443: nginx prefixes.
  if (under(p, '/restpp')) return handleRestpp(state, strip(req, '/restpp'));
  if (under(p, '/gsqlserver')) return handleGsqlV3(state, strip(req, '/gsqlserver'));
  if (under(p, '/gsql/v1') && state.version.gsqlV1) return handleGsqlV1(state, strip(req, '/gsql/v1'));
  // The GUI server's health check: `error` is a JSON boolean here (pyTigerGraph's ping() raises on
  // any truthy `error`, and its own tests pass against TigerGraph).
  if (p === '/api/ping' && req.method === 'GET')
    return jsonReply(200, { error: false, message: 'pong', results: {} });
  const extra = nginxSystemExtra(state, req);
  if (extra) return extra;
  // Anything else falls through to the GUI server on a real instance.
  return jsonReply(404, { error: true, message: `Route ${p} not found.`, results: {} });
}
