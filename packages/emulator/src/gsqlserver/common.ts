// Pieces shared by the 3.x (/gsqlserver) and 4.x (/gsql/v1) GSQL-server routes.
import { gsqlCaller } from '../auth/check.js';
import type { User } from '../auth/model.js';
import { jsonReply, textReply } from '../http/reply.js';
import type { EmuRequest, EmuResponse } from '../http/types.js';
import { versionText } from '../restpp/info.js';
import type { EmulatorState } from '../state.js';
import { edgeTypeIn, vertexTypeIn, vertexTypesOf } from '../store/catalog.js';
import { edgeJson, graphJson, vertexJson } from './schema-json.js';
import { withEmbeddingAttributes } from './schema-json-vector.js';

export class GsqlHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const gsqlError = (e: GsqlHttpError): EmuResponse =>
  jsonReply(e.status, { error: true, message: e.message });

/** The authenticated GSQL user, or a 401 error. */
export function requireUser(state: EmulatorState, req: EmuRequest): User {
  const c = gsqlCaller(state, req);
  if (!c)
    throw new GsqlHttpError(401, 'User authentication failed: wrong username, password, secret or token.');
  return c.user;
}

export function schemaReply(
  state: EmulatorState,
  graph: string | undefined,
  type: string | undefined,
): EmuResponse {
  const cat = state.catalog;
  const g = graph === undefined ? undefined : cat.graphs.get(graph);
  if (!g) throw new GsqlHttpError(400, `Graph ${graph ?? ''} does not exist.`);
  const full = state.version.fullSchemaFlags;
  if (type !== undefined) {
    const v = vertexTypeIn(cat, g, type);
    if (v) {
      const results = withEmbeddingAttributes(state.version, v, vertexJson(v, full));
      return jsonReply(200, { error: false, message: '', results });
    }
    const e = edgeTypeIn(cat, g, type);
    if (e) return jsonReply(200, { error: false, message: '', results: edgeJson(e) });
    throw new GsqlHttpError(400, `The type ${type} does not exist in graph ${g.name}.`);
  }
  const results = graphJson(cat, g, full);
  const types = vertexTypesOf(cat, g);
  (results['VertexTypes'] as Record<string, unknown>[]).forEach((j, i) => {
    const t = types[i];
    if (t) withEmbeddingAttributes(state.version, t, j);
  });
  return jsonReply(200, { error: false, message: '', results });
}

/** The user record shape of §4.15 (4.x `results` of auth/simple and users/{name}). */
export function userRecord(state: EmulatorState, u: User): Record<string, unknown> {
  const roles: Record<string, string[]> = {};
  const privileges: Record<string, unknown> = {};
  for (const [g, r] of u.roles) {
    roles[g] = r;
    privileges[g] = { privileges: u.superuser && g === '1' ? ALL_PRIVILEGES : [] };
  }
  const now = new Date(state.clock.now()).toUTCString();
  return {
    name: u.name,
    isSuperUser: u.superuser,
    disabled: false,
    roles,
    privileges,
    secrets: [...state.auth.secrets.values()].filter((s) => s.user === u.name).map((s) => s.alias),
    failedAttempts: 0,
    lastSuccessLogin: now,
    nextValidLogin: now,
    showAlterPasswordWarning: false,
  };
}

const ALL_PRIVILEGES = [
  'READ_SCHEMA',
  'WRITE_SCHEMA',
  'READ_LOADINGJOB',
  'EXECUTE_LOADINGJOB',
  'WRITE_LOADINGJOB',
  'READ_QUERY',
  'WRITE_QUERY',
  'READ_DATA',
  'WRITE_DATA',
  'WRITE_DATASOURCE',
  'READ_ROLE',
  'WRITE_ROLE',
  'READ_USER',
  'WRITE_USER',
  'READ_PROXYGROUP',
  'WRITE_PROXYGROUP',
  'READ_FILE',
  'WRITE_FILE',
  'DROP_GRAPH',
  'EXPORT_GRAPH',
  'CLEAR_GRAPHSTORE',
  'DROP_ALL',
  'ACCESS_TAG',
  'APP_ACCESS_DATA',
];

/** Plain-text version of the GSQL server (4.x `/gsql/v1/version`, legacy `/gsqlserver/gsql/version`). */
export function gsqlVersionReply(state: EmulatorState): EmuResponse {
  const v = state.version.full;
  return textReply(
    200,
    `GSQL version: ${v}\nGSQL commit number: e0a5c4d5b3f2a1908f7e6d5c4b3a29181706f5e4\nGSQL commit date: 2025-01-15 10:00:00 -0800\nCopyright (c) 2014-2025 TigerGraph. All rights reserved.\n`,
  );
}

export { versionText };
