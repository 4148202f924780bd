// Tokens, secrets and GSQL statements (3.x secrets are statements): what @tgraph/auth calls.
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
function gsqlFile3(statement: string, idempotent = false): Spec {
  return g('POST', '/gsqlserver/gsql/file', { body: 'form', statement, idempotent });
}

// Tokens
export const requestToken = def('requestToken', {
  '3': r('POST', '/requesttoken', { body: 'json' }),
  '4': g('POST', '/gsql/v1/tokens', { body: 'json' }),
});
export const refreshToken = def('refreshToken', {
  '3': r('PUT', '/requesttoken', { body: 'json' }),
  '4': 'TigerGraph 4.1+ cannot refresh tokens (they are JWTs); request a new token with getToken() instead',
});
export const deleteToken = def('deleteToken', {
  '3': r('DELETE', '/requesttoken', { body: 'json', idempotent: true }),
  '4': g('DELETE', '/gsql/v1/tokens', { body: 'json', idempotent: true }),
});
export const checkToken = def('checkToken', {
  '3': 'TigerGraph 3.x has no token check endpoint; send a request with the token instead',
  '4': g('POST', '/gsql/v1/tokens/check', { body: 'json', idempotent: true }),
});
export const simpleAuth = def('simpleAuth', {
  '3': g('GET', '/gsqlserver/gsql/simpleauth'),
  '4': g('GET', '/gsql/v1/auth/simple'),
});
// Secrets (3.x: GSQL statements)
export const listSecrets = def('listSecrets', {
  '3': gsqlFile3('SHOW SECRET', true),
  '4': g('GET', '/gsql/v1/secrets'),
});
export const getSecret = def('getSecret', {
  '3': gsqlFile3('SHOW SECRET', true),
  '4': g('GET', '/gsql/v1/secrets/{alias}'),
});
export const createSecret = def('createSecret', {
  '3': gsqlFile3('CREATE SECRET'),
  '4': g('POST', '/gsql/v1/secrets'),
});
export const dropSecrets = def('dropSecrets', {
  '3': gsqlFile3('DROP SECRET'),
  '4': g('DELETE', '/gsql/v1/secrets', { body: 'json' }),
});
export const dropSecret = def('dropSecret', {
  '3': gsqlFile3('DROP SECRET'),
  '4': g('DELETE', '/gsql/v1/secrets/{alias}'),
});
// GSQL text (the gsql api module runs statements here too)
export const gsqlStatements = def('gsqlStatements', {
  '3': g('POST', '/gsqlserver/gsql/file', { body: 'form' }),
  '4': g('POST', '/gsql/v1/statements', { body: 'text' }),
});
