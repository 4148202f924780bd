// Finding the server's API line when the caller gave no `version`. One question, asked once per
// client (ApiContext caches the answer):
//   1. `GET /gsql/v1/version` on the GSQL server, without credentials. The /gsql/v1 API arrived in
//      4.1, so a 404 means the 3.x line (3.x and 4.0); any other HTTP answer — 200, or 401/403
//      because we sent no credentials — means 4.1+. Needs no credentials, so it works for every
//      credential style and never triggers a token exchange.
//   2. Only when the GSQL server cannot be reached (e.g. only RESTPP is exposed): RESTPP's
//      `GET /version` with the connection's credentials, reading its `TigerGraph version:` line
//      or `product` row.
import { NetworkError, TigerGraphError, ValidationError } from '@tgraph/protocol/errors';
import { parseVersionMessage, type ServerLine, versionLine } from '@tgraph/protocol/options';
import type { Transport } from '@tgraph/transport';

/** Asks the server which API line it speaks (see the file comment for how). */
export async function detectServerLine(transport: Transport): Promise<ServerLine> {
  let probeFailure: unknown;
  try {
    const answer = await transport.authRequester({
      service: 'gsql',
      method: 'GET',
      path: '/gsql/v1/version',
    });
    if (answer.status === 404) return '3';
    if (answer.status < 500) return '4';
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    probeFailure = error;
  }
  const { data } = await transport.request<{ message?: unknown }>({
    service: 'restpp',
    method: 'GET',
    path: '/version',
  });
  const message = typeof data?.message === 'string' ? data.message : '';
  const version = parseVersionMessage(message).version;
  if (version === undefined) {
    throw new ValidationError(
      'Could not tell the server version (GET /version named none): pass `version` to createClient, e.g. version: "4.2.0" or "3.10.1"',
      { field: 'version', ...(probeFailure instanceof TigerGraphError ? { cause: probeFailure } : {}) },
    );
  }
  return versionLine(version);
}
