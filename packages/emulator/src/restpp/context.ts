// Per-request helpers for RESTPP handlers: graph/type lookup with RESTPP's errors, body parsing.
import type { EmuRequest } from '../http/types.js';
import { type Json, parseJson } from '../json.js';
import type { EmulatorState } from '../state.js';
import { type EdgeType, edgeTypeIn, type Graph, type VertexType, vertexTypeIn } from '../store/catalog.js';
import { graphNotFound, RestError } from './envelope.js';

export interface RestCtx {
  state: EmulatorState;
  req: EmuRequest;
  /** Decoded path segments (after the /restpp prefix). */
  segments: string[];
  /** The path as RESTPP sees it (no prefix, no query), for messages. */
  path: string;
}

export function graphOf(ctx: RestCtx, name: string): Graph {
  const g = ctx.state.catalog.graphs.get(name);
  if (!g) throw graphNotFound(name, ctx.path);
  return g;
}

export function vertexTypeOf(ctx: RestCtx, g: Graph, name: string, param = 'vertex_type'): VertexType {
  const t = vertexTypeIn(ctx.state.catalog, g, name);
  if (!t) {
    throw new RestError(
      'REST-30000',
      `The input parameter ${param} = '${name}' is not a valid vertex type in graph ${g.name}.`,
      400,
      g.schemaVersion,
    );
  }
  return t;
}

export function edgeTypeOf(ctx: RestCtx, g: Graph, name: string): EdgeType {
  const t = edgeTypeIn(ctx.state.catalog, g, name);
  if (!t) {
    throw new RestError(
      'REST-30000',
      `The input parameter edge_type = '${name}' is not a valid edge type in graph ${g.name}.`,
      400,
      g.schemaVersion,
    );
  }
  return t;
}

/** The body as JSON; malformed JSON is REST-2001 (never a crash). Empty body → undefined. */
export function jsonBody(ctx: RestCtx): Json | undefined {
  const text = ctx.req.body.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return parseJson(text);
  } catch (e) {
    throw new RestError('REST-2001', `The payload is not a valid JSON: ${(e as Error).message}`);
  }
}

/** Re-throws a RestError with the graph's schema version in its envelope. */
export function inGraph<T>(g: Graph, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RestError && e.schema !== g.schemaVersion) {
      throw new RestError(e.code, e.message, e.status, g.schemaVersion);
    }
    throw e;
  }
}
