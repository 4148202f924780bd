// `tgraph/compat`: a `TigerGraphConnection` class with pyTigerGraph's method names and argument
// order, for porting Python code. Every method delegates to the same @tgraph/api function the
// `tg.*` namespaces use, over a client from this runtime's entry (`import 'tgraph'` resolves to the
// Node, browser or Deno entry by export condition). Results are the api's typed results; where
// pyTigerGraph returns a bare count (upserts, deletes) the count is returned.
//
// Quirks of pyTigerGraph that are fixed, not copied: TLS verification stays on (`certPath` is
// used as a CA), no `tigergraph`/`tigergraph` login is assumed, `getVerticesById` honours `select`,
// and errors are typed (`AuthError`, `NotFoundError`, …) instead of one exception class.
//
// The methods live in one file per pyTigerGraph mixin under `compat/` (auth, gsql, utils, schema,
// vertices, edges, queries, loading, paths), each a class over `ConnectionBase`, which holds the
// client and picks each call's graph; this file assembles them into one class.

import * as gsqlApi from '@tgraph/api/gsql';
import { AuthMethods } from './compat/auth.js';
import { ConnectionBase } from './compat/base.js';
import { EdgeMethods } from './compat/edges.js';
import { GsqlMethods } from './compat/gsql.js';
import { LoadingMethods } from './compat/loading.js';
import { PathMethods } from './compat/paths.js';
import { QueryMethods } from './compat/queries.js';
import { SchemaMethods } from './compat/schema.js';
import { UtilsMethods } from './compat/utils.js';
import { VertexMethods } from './compat/vertices.js';

export type { TigerGraphConnectionOptions } from './compat/base.js';

/**
 * pyTigerGraph's `TigerGraphConnection` on top of tgraph.
 *
 * @example
 * import { TigerGraphConnection } from 'tgraph/compat';
 * const conn = new TigerGraphConnection({ host: 'http://localhost', graphname: 'MyGraph', username: 'tigergraph', password: 'tigergraph' });
 * await conn.getToken(secret);
 * const patients = await conn.getVertices('Patient', 'birth_year', '', 5);
 * await conn.close();
 */
export class TigerGraphConnection extends ConnectionBase {
  /** GSQL reserved words (pyTigerGraph's static method). */
  static getReservedKeywords(): string[] {
    return gsqlApi.getReservedKeywords();
  }

  /** Whether `name` is a GSQL reserved word. */
  static isReservedKeyword(name: string): boolean {
    return gsqlApi.isReservedKeyword(name);
  }
}

// The mixins' methods, typed on the class (declaration merging) and copied onto its prototype.
export interface TigerGraphConnection
  extends AuthMethods,
    GsqlMethods,
    UtilsMethods,
    SchemaMethods,
    VertexMethods,
    EdgeMethods,
    QueryMethods,
    LoadingMethods,
    PathMethods {}

for (const mixin of [
  AuthMethods,
  GsqlMethods,
  UtilsMethods,
  SchemaMethods,
  VertexMethods,
  EdgeMethods,
  QueryMethods,
  LoadingMethods,
  PathMethods,
]) {
  for (const name of Object.getOwnPropertyNames(mixin.prototype)) {
    if (name === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(mixin.prototype, name);
    if (descriptor) Object.defineProperty(TigerGraphConnection.prototype, name, descriptor);
  }
}
