// Utilities: echo, version, endpoint list, statistics, ping.
// Part of the endpoint catalogue (`endpoint-specs.ts`); one file per resource, so a chunk that
// loads one api module holds only its endpoints.

import type { EndpointDef, HttpMethod, PerLine, Spec } from './define.js';

// Marked free of side effects so bundlers drop unused endpoints; declared here, not imported,
// because esbuild honours the mark only within one file (see define.ts).
/* @__NO_SIDE_EFFECTS__ */
function def(name: string, perLine: PerLine): EndpointDef {
  return { name, ...perLine };
}
/* @__NO_SIDE_EFFECTS__ */
function r(method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec {
  return { service: 'restpp', method, path, idempotent: method === 'GET', ...extra };
}
/* @__NO_SIDE_EFFECTS__ */
function g(method: HttpMethod, path: string, extra: Partial<Spec> = {}): Spec {
  return { service: 'gsql', method, path, idempotent: method === 'GET', ...extra };
}
/* @__NO_SIDE_EFFECTS__ */
function both(spec: Spec): PerLine {
  return { '3': spec, '4': spec };
}

export const echo = def('echo', both(r('GET', '/echo')));
export const version = def('version', both(r('GET', '/version')));
export const endpoints = def('endpoints', both(r('GET', '/endpoints/{graph}')));
export const statistics = def('statistics', both(r('GET', '/statistics/{graph}')));
export const ping = def('ping', both(g('GET', '/api/ping')));
