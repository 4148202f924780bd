// Utility endpoints: /echo, /version, /endpoints, /statistics, /rebuildnow, /deleted_vertex_check.
import { jsonReply } from '../http/reply.js';
import { type EmuResponse, param } from '../http/types.js';
import type { EmulatorState } from '../state.js';
import { graphOf, type RestCtx } from './context.js';
import { ok, RestError } from './envelope.js';
import { dynamicEndpoints } from './query.js';

export const echo = (): EmuResponse => jsonReply(200, { error: false, message: 'Hello GSQL' });

const COMPONENTS = [
  'product',
  'olgp',
  'topology',
  'gpe',
  'gse',
  'third_party',
  'utility',
  'realtime',
  'er',
  'gle',
  'bigtest',
  'document',
  'glive',
  'gap',
  'gst',
  'gus',
  'blue_features',
  'blue_commons',
];
const COMMIT = 'e0a5c4d5b3f2a1908f7e6d5c4b3a29181706f5e4';

/** The text table pyTigerGraph's getVer() parses (it reads the `product` row). */
export function versionText(state: EmulatorState): string {
  const v = state.version.full;
  const rows = COMPONENTS.map(
    (c) => `${c.padEnd(16)}release_${v}_01-15-2025  ${COMMIT}  2025-01-15 10:00:00 -0800`,
  );
  return `TigerGraph RESTPP:\n --- Version --- \nTigerGraph version: ${v}\n${rows.join('\n')}\n`;
}

export const version = (state: EmulatorState): EmuResponse =>
  jsonReply(200, { error: 'false', message: versionText(state) });

type ParamSpec = Record<string, unknown>;
const str = (extra: ParamSpec = {}) => ({ type: 'STRING', ...extra });

/** The built-in endpoint catalogue (a representative subset of TigerGraph's). */
const BUILTIN: Record<string, { parameters: Record<string, ParamSpec> } | null> = {
  'GET /echo': { parameters: { sleep: { default: '0', type: 'INT32' } } },
  'POST /echo': { parameters: { sleep: { default: '0', type: 'INT32' } } },
  'GET /version': null,
  'GET /endpoints/{graph_name}': {
    parameters: {
      builtin: { default: 'false', type: 'BOOL' },
      dynamic: { default: 'false', type: 'BOOL' },
      static: { default: 'false', type: 'BOOL' },
    },
  },
  'GET /statistics/{graph_name}': {
    parameters: {
      seconds: { default: '10', max: 60, min: 0, type: 'UINT32' },
      segments: { default: '10', max: 100, min: 1, type: 'UINT32' },
    },
  },
  'GET /graph/{graph_name}/vertices/{vertex_type}': {
    parameters: {
      count_only: { default: 'false', type: 'BOOL' },
      filter: str({ max_length: 2560 }),
      limit: { type: 'UINT64' },
      select: str({ max_length: 2560 }),
      sort: str({ max_length: 2560 }),
      timeout: { default: '0', type: 'UINT32' },
      vertex_type: { type: 'TYPENAME' },
    },
  },
  'GET /graph/{graph_name}/vertices/{vertex_type}/{vertex_id}': {
    parameters: {
      select: str({ max_length: 2560 }),
      timeout: { default: '0', type: 'UINT32' },
      vertex_id: { id_type: '$vertex_type', is_id: true, max_length: 2560, type: 'STRING' },
      vertex_type: { type: 'TYPENAME' },
    },
  },
  'DELETE /graph/{graph_name}/vertices/{vertex_type}': {
    parameters: {
      filter: str({ max_length: 2560 }),
      limit: { type: 'UINT64' },
      permanent: { default: 'false', type: 'BOOL' },
      sort: str({ max_length: 2560 }),
      timeout: { default: '0', type: 'UINT32' },
      vertex_type: { type: 'TYPENAME' },
    },
  },
  'DELETE /graph/{graph_name}/vertices/{vertex_type}/{vertex_id}': {
    parameters: {
      permanent: { default: 'false', type: 'BOOL' },
      timeout: { default: '0', type: 'UINT32' },
      vertex_id: { id_type: '$vertex_type', is_id: true, max_length: 2560, type: 'STRING' },
      vertex_type: { type: 'TYPENAME' },
    },
  },
  'DELETE /graph/{graph_name}/delete_by_type/vertices/{vertex_type}': {
    parameters: {
      ack: { default: 'all', max_count: 1, min_count: 0, options: ['all', 'none'], type: 'STRING' },
      permanent: { default: 'false', type: 'BOOL' },
      vertex_type: { type: 'TYPENAME' },
    },
  },
  'GET /graph/{graph_name}/edges/{source_vertex_type}/{source_vertex_id}': {
    parameters: {
      count_only: { default: 'false', type: 'BOOL' },
      filter: str({ max_length: 2560 }),
      limit: { type: 'UINT64' },
      not_wildcard: { default: 'false', type: 'BOOL' },
      select: str({ max_length: 2560 }),
      sort: str({ max_length: 2560 }),
      source_vertex_id: { id_type: '$source_vertex_type', is_id: true, max_length: 256, type: 'STRING' },
      source_vertex_type: { type: 'TYPENAME' },
      timeout: { default: '0', type: 'UINT32' },
    },
  },
  'DELETE /graph/{graph_name}/edges/{source_vertex_type}/{source_vertex_id}': {
    parameters: {
      filter: str({ max_length: 2560 }),
      source_vertex_id: { id_type: '$source_vertex_type', is_id: true, max_length: 256, type: 'STRING' },
      source_vertex_type: { type: 'TYPENAME' },
      timeout: { default: '0', type: 'UINT32' },
    },
  },
  'POST /graph/{graph_name}': {
    parameters: {
      ack: { default: 'all', max_count: 1, min_count: 1, options: ['all', 'none'], type: 'STRING' },
      new_vertex_only: { default: 'false', type: 'BOOL' },
      update_vertex_only: { default: 'false', type: 'BOOL' },
      vertex_must_exist: { default: 'false', type: 'BOOL' },
      source_vertex_must_exist: { default: 'false', type: 'BOOL' },
      target_vertex_must_exist: { default: 'false', type: 'BOOL' },
    },
  },
  'POST /builtins/{graph_name}': { parameters: { realtime: { default: 'false', type: 'BOOL' } } },
  'POST /ddl/{graph_name}': {
    parameters: {
      tag: str(),
      filename: str(),
      sep: str({ default: ',' }),
      eol: str({ default: '\\n' }),
      ack: { default: 'all', options: ['all', 'none'], type: 'STRING' },
      timeout: { default: '0', type: 'UINT32' },
    },
  },
  'POST /shortestpath/{graph_name}': { parameters: {} },
  'POST /allpaths/{graph_name}': { parameters: {} },
  'GET /deleted_vertex_check': {
    parameters: {
      log: { default: '0', type: 'INT32' },
      segid: { default: '-1', type: 'INT32' },
      threadnum: { default: '6', type: 'INT32' },
      verbose: { default: '0', type: 'INT32' },
      vertextype: { default: '-1', type: 'INT32' },
    },
  },
  'GET /rebuildnow/{graph_name}': {
    parameters: {
      force: { default: 'false', type: 'BOOL' },
      path: str({ default: '/tmp/rebuildnow' }),
      segid: str({ default: '' }),
      threadnum: { default: '0', type: 'INT32' },
      vertextype: str({ default: '' }),
    },
  },
};

export function endpoints(ctx: RestCtx, graph: string | undefined): EmuResponse {
  if (graph !== undefined) graphOf(ctx, graph);
  const flags = ['builtin', 'dynamic', 'static'].map((f) => param(ctx.req, f)?.toLowerCase() === 'true');
  const none = flags.every((f) => !f);
  const out: Record<string, unknown> = {};
  if (none || flags[0]) Object.assign(out, BUILTIN);
  if (none || flags[1]) Object.assign(out, dynamicEndpoints(ctx.state.catalog, graph));
  return jsonReply(200, out);
}

export function statistics(ctx: RestCtx, graph: string): EmuResponse {
  graphOf(ctx, graph);
  const seconds = Number(param(ctx.req, 'seconds') ?? '10');
  const segments = Number(param(ctx.req, 'segments') ?? '10');
  if (!(seconds >= 1 && seconds <= 60) || !(segments >= 1 && segments <= 100)) {
    throw new RestError('REST-30400', 'The parameter seconds must be in [1, 60] and segments in [1, 100].');
  }
  const out: Record<string, unknown> = {};
  for (const [ep, s] of ctx.state.stats.get(graph) ?? []) {
    const lat = [...s.latencies].sort((a, b) => a - b);
    const avg = lat.length ? Math.round(lat.reduce((a, b) => a + b, 0) / lat.length) : 0;
    const pct = Array.from(
      { length: segments },
      (_, i) => lat[Math.min(lat.length - 1, Math.floor(((i + 1) * lat.length) / segments) - 1)] ?? 0,
    );
    out[ep] = {
      CompletedRequests: s.count,
      QPS: Math.round((s.count / seconds) * 100) / 100,
      TimeoutRequests: 0,
      AverageLatency: avg,
      MaxLatency: lat[lat.length - 1] ?? 0,
      MinLatency: lat[0] ?? 0,
      LatencyPercentile: pct,
    };
  }
  return jsonReply(200, out);
}

export function rebuildNow(ctx: RestCtx, graph: string): EmuResponse {
  const g = graphOf(ctx, graph);
  const path = param(ctx.req, 'path') ?? '/tmp/rebuildnow';
  return ok([], {
    schema: g.schemaVersion,
    code: 'REST-0000',
    message: `RebuildNow finished, please check details in the folder: ${path}`,
  });
}

export const deletedVertexCheck = (): EmuResponse =>
  ok([{ GPE: 'GPE_1_1', PassCheck: true, UnSyncList: [] }], { code: 'REST-0000', message: 'check passed' });
