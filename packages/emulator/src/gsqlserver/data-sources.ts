// 4.1+ /gsql/v1/data-sources (reference §4.14): create, list, show, drop and drop-all of data
// source definitions. The emulator keeps the definitions (a loading job it runs reads local files
// only); credentials in a config are never echoed back.
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import { type DataSource, sources } from '../loading/data-source-registry.js';
import type { EmulatorState } from '../state.js';
import { GsqlHttpError } from './common.js';

/** Config keys that hold credentials (`access.key`, `secret.key`, `sasl.jaas.config`, passwords…). */
const SECRET_KEY = /(secret|password|passwd|key|token|jaas|credential)/i;

function masked(config: { [k: string]: Json }): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(config)) out[k] = SECRET_KEY.test(k) && k !== 'type' ? '******' : v;
  return out;
}

const view = (d: DataSource) => ({
  name: d.name,
  type: d.config['type'] ?? '',
  config: masked(d.config),
  graphs: d.graphs,
});

function body(req: EmuRequest): { [k: string]: Json } {
  const text = req.body.toString('utf8').trim();
  let v: Json;
  try {
    v = parseJson(text === '' ? '{}' : text);
  } catch (e) {
    throw new GsqlHttpError(400, `Invalid JSON payload: ${(e as Error).message}`);
  }
  if (!isObject(v)) throw new GsqlHttpError(400, 'The payload must be a JSON object.');
  return v;
}

export function dataSourcesV1(state: EmulatorState, req: EmuRequest, rest: string[]): EmuResponse {
  const all = sources(state);
  const m = req.method;
  const [name] = rest;
  const ok = (message: string, extra: Record<string, unknown> = {}) =>
    jsonReply(200, { error: false, message, ...extra });
  if (m === 'GET' && name === undefined) return ok('', { results: [...all.values()].map(view) });
  if (m === 'GET' && rest.length === 1) {
    const d = all.get(name as string);
    if (!d) throw new GsqlHttpError(404, `Data source ${name} does not exist.`);
    return ok('', { results: view(d) });
  }
  if ((m === 'POST' && name === undefined) || (m === 'PUT' && rest.length <= 1)) {
    const b = body(req);
    const n = name ?? b['name'];
    const config = b['config'];
    if (typeof n !== 'string' || !/^[A-Za-z_]\w*$/.test(n))
      throw new GsqlHttpError(400, 'The payload needs "name": the data source name (letters, digits, _).');
    if (!isObject(config) || typeof config['type'] !== 'string')
      throw new GsqlHttpError(400, 'The payload needs "config" with a "type" (s3, kafka, gcs, abs…).');
    if (m === 'POST' && all.has(n)) throw new GsqlHttpError(409, `Data source ${n} already exists.`);
    const graph = param(req, 'graph');
    if (graph !== undefined && !state.catalog.graphs.has(graph))
      throw new GsqlHttpError(400, `Graph ${graph} does not exist.`);
    all.set(n, { name: n, config, graphs: graph === undefined ? [] : [graph] });
    return ok(m === 'POST' ? `Data source ${n} is created` : `Data source ${n} is updated`);
  }
  if (m === 'DELETE' && name === 'dropAll' && rest.length === 1) {
    const graph = param(req, 'graph');
    for (const [k, d] of all) if (graph === undefined || d.graphs.includes(graph)) all.delete(k);
    return ok('All data sources is dropped successfully.');
  }
  if (m === 'DELETE' && rest.length === 1) {
    if (!all.delete(name as string)) throw new GsqlHttpError(404, `Data source ${name} does not exist.`);
    return ok(`Data source ${name} is dropped.`);
  }
  if (m === 'POST' && (name === 'grant' || name === 'revoke') && rest.length === 1) {
    const b = body(req);
    const ds = b['datasource'];
    const graphs = b['graphs'];
    const d = typeof ds === 'string' ? all.get(ds) : undefined;
    if (!d) throw new GsqlHttpError(404, `Data source ${String(ds)} does not exist.`);
    if (!Array.isArray(graphs) || !graphs.every((g) => typeof g === 'string' && state.catalog.graphs.has(g)))
      throw new GsqlHttpError(400, 'The payload needs "graphs": a list of existing graph names.');
    const list = graphs as string[];
    d.graphs =
      name === 'grant' ? [...new Set([...d.graphs, ...list])] : d.graphs.filter((g) => !list.includes(g));
    return ok(
      `Successfully ${name === 'grant' ? 'granted' : 'revoked'} data source ${d.name} ${name === 'grant' ? 'to' : 'from'} graph(s): [${list.join(', ')}].`,
    );
  }
  throw new GsqlHttpError(404, `Route ${req.fullPath} not found.`);
}
