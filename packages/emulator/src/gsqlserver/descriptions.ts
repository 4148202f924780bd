// Query descriptions (TigerGraph 4.0+, reference §4.13/§4.14): free text for installed queries
// and their parameters, at `/gsql/v1/description` (4.1+) and `/gsqlserver/gsql/description` (4.0).
// Body `{"queries":[{"queryName","description","parameters":[{"paramName","description"}]}]}`;
// GET answers `results.queries`. Success messages are the emulator's own (the reference is silent).
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import { queriesOf } from '../query/store.js';
import type { EmulatorState } from '../state.js';
import type { Graph } from '../store/catalog.js';
import { GsqlHttpError } from './common.js';

interface Described {
  description: string | undefined;
  parameters: Map<string, string>;
}

const byGraph = new WeakMap<Graph, Map<string, Described>>();

function store(g: Graph): Map<string, Described> {
  let m = byGraph.get(g);
  if (!m) {
    m = new Map();
    byGraph.set(g, m);
  }
  return m;
}

function graphOf(state: EmulatorState, req: EmuRequest): Graph {
  const name = param(req, 'graph');
  const g = name === undefined ? undefined : state.catalog.graphs.get(name);
  if (!g)
    throw new GsqlHttpError(
      400,
      name === undefined ? 'Parameter graph is required.' : `Graph ${name} does not exist.`,
    );
  return g;
}

function body(req: EmuRequest): { [key: string]: Json } {
  let json: Json;
  try {
    json = parseJson(req.body.toString('utf8'));
  } catch {
    throw new GsqlHttpError(400, 'The request body is not valid JSON.');
  }
  if (!isObject(json)) throw new GsqlHttpError(400, 'The request body must be a JSON object.');
  return json;
}

function entryJson(name: string, d: Described): Record<string, unknown> {
  const out: Record<string, unknown> = { queryName: name };
  if (d.description !== undefined) out['description'] = d.description;
  // TigerGraph always lists `parameters`, `[]` when none is described.
  out['parameters'] = [...d.parameters].map(([paramName, description]) => ({ paramName, description }));
  return out;
}

function put(g: Graph, req: EmuRequest): EmuResponse {
  const list = body(req)['queries'];
  if (!Array.isArray(list)) throw new GsqlHttpError(400, "The request body needs a 'queries' array.");
  const queries = queriesOf(g);
  const saved = store(g);
  for (const item of list) {
    const name = isObject(item) ? item['queryName'] : undefined;
    if (typeof name !== 'string') throw new GsqlHttpError(400, "Each entry needs a 'queryName'.");
    const q = queries.get(name);
    if (!q) throw new GsqlHttpError(400, `Query ${name} does not exist in graph ${g.name}.`);
    const entry = saved.get(name) ?? { description: undefined, parameters: new Map() };
    const text = (item as { [key: string]: Json })['description'];
    if (typeof text === 'string') entry.description = text;
    const params = (item as { [key: string]: Json })['parameters'];
    for (const p of Array.isArray(params) ? params : []) {
      const paramName = isObject(p) ? p['paramName'] : undefined;
      const paramText = isObject(p) ? p['description'] : undefined;
      if (typeof paramName !== 'string' || !q.def.params.some((d) => d.name === paramName)) {
        throw new GsqlHttpError(400, `Parameter ${String(paramName)} does not exist in query ${name}.`);
      }
      if (typeof paramText === 'string') entry.parameters.set(paramName, paramText);
    }
    saved.set(name, entry);
  }
  return jsonReply(200, { error: false, message: 'Successfully updated descriptions.' });
}

function get(g: Graph, req: EmuRequest): EmuResponse {
  const asked = (param(req, 'query') ?? 'all').split(',').map((s) => s.trim());
  const saved = store(g);
  const names = asked.includes('all') ? [...queriesOf(g).keys()] : asked;
  const queries = names.map((name) => {
    if (!queriesOf(g).has(name))
      throw new GsqlHttpError(400, `Query ${name} does not exist in graph ${g.name}.`);
    return entryJson(name, saved.get(name) ?? { description: undefined, parameters: new Map() });
  });
  return jsonReply(200, { error: false, message: '', results: { queries } });
}

function drop(g: Graph, req: EmuRequest): EmuResponse {
  const json = body(req);
  const names = Array.isArray(json['queries']) ? json['queries'].map(String) : [];
  const params = Array.isArray(json['queryParameters']) ? json['queryParameters'].map(String) : [];
  const saved = store(g);
  const targets = names.includes('*') ? [...saved.keys()] : names;
  for (const name of targets) {
    const entry = saved.get(name);
    if (!entry) continue;
    entry.description = undefined;
    if (params.includes('*') || params.includes(`${name}.*`)) entry.parameters.clear();
    if (entry.parameters.size === 0) saved.delete(name);
  }
  return jsonReply(200, { error: false, message: 'Successfully dropped descriptions.' });
}

/** The description endpoint, when `method` is one it serves. */
export function descriptions(state: EmulatorState, req: EmuRequest): EmuResponse | undefined {
  if (state.version.major < 4) return undefined;
  const g = () => graphOf(state, req);
  if (req.method === 'GET') return get(g(), req);
  if (req.method === 'PUT') return put(g(), req);
  if (req.method === 'DELETE') return drop(g(), req);
  return undefined;
}
