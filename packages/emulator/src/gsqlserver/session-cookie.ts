// The GSQL shell session across requests. TigerGraph's gsql client sends a JSON `Cookie` header with
// every request (`graph`, `fromGsqlClient`, …); the server answers with a `__GSQL__COOKIES__,<json>`
// line, and the client sends that JSON back verbatim as the next request's `Cookie`
// (TigerGraph's GSQL client, com.tigergraph.client.Client: executePost/generateCookies). The cookie
// carries the graph in use and the session parameters (`sessionParameters`), so the server keeps no
// per-session memory. Requests without a cookie (pyTigerGraph, curl) are one-request sessions, as before.
import { type EmuRequest, header } from '../http/types.js';
import { isObject, parseJson } from '../json.js';

export type ShellCookie = Record<string, unknown>;

/** The JSON object of the `Cookie` header, or undefined when there is none (or it is not JSON). */
export function shellCookie(req: EmuRequest): ShellCookie | undefined {
  const c = header(req, 'cookie');
  if (!c) return undefined;
  try {
    const parsed = parseJson(c);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function cookieGraph(cookie: ShellCookie | undefined): string | undefined {
  const g = cookie?.['graph'];
  return typeof g === 'string' && g !== '' ? g : undefined;
}

export function cookieParams(cookie: ShellCookie | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const p = cookie?.['sessionParameters'];
  if (isObject(p)) for (const [k, v] of Object.entries(p)) if (typeof v === 'string') out.set(k, v);
  return out;
}

/** The reply line that hands the updated session back to the client. */
export function cookieLine(
  cookie: ShellCookie,
  graph: string | undefined,
  params: ReadonlyMap<string, string>,
): string {
  const next: ShellCookie = { ...cookie, sessionParameters: Object.fromEntries(params) };
  if (graph === undefined) delete next['graph'];
  else next['graph'] = graph;
  return `__GSQL__COOKIES__,${JSON.stringify(next)}`;
}
