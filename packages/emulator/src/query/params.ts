// Query parameters from a query string (GET, interpret) or a JSON body (POST), with RESTPP's
// encodings and REST-30000 errors (reference §4.8).
import { isObject, type Json } from '../json.js';
import { RestError } from '../rest-error.js';
import { parseDatetime } from '../store/attr-types.js';
import { type Catalog, type Graph, vertexTypeIn } from '../store/catalog.js';
import { canonicalId } from '../store/data.js';
import type { BaseType, QueryDef, QueryParam, VarType } from './ast.js';
import { Dt, QMap, QSet, type QV, VRef } from './values.js';

/** How RESTPP names each primitive parameter type (error messages, `/endpoints`). */
export const WIRE_NAME: Record<string, string> = {
  INT: 'INT64',
  UINT: 'UINT64',
  FLOAT: 'FLOAT',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  BOOL: 'BOOL',
  DATETIME: 'DATETIME',
};

/** A NULL parameter that the query reads: TigerGraph's runtime error (code 3001). */
export class NullParameter extends Error {}

const bad = (name: string, t: BaseType, raw: string, schema: number) =>
  new RestError(
    'REST-30000',
    `Values of parameter ${name} must be ${t.k === 'prim' ? WIRE_NAME[t.name] : 'VERTEX'} type, invalid value [${raw}] provided.`,
    400,
    schema,
  );

interface Ctx {
  cat: Catalog;
  g: Graph;
  /** RESTPP URL-decodes STRING values of a POST body (pyTigerGraph sends `%` as `%25` for it). */
  decodeStrings?: boolean;
}

/** Decodes `%XX` runs as UTF-8; a `%` that starts no valid escape stays as it is. */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function vertexOf(
  ctx: Ctx,
  p: string,
  t: BaseType & { k: 'vertex' },
  id: string,
  type: string | undefined,
): VRef {
  const typeName = t.vtype ?? type;
  if (typeName === undefined)
    throw new RestError(
      'REST-30000',
      `'type' is not found in the VERTEX parameter ${p}.`,
      400,
      ctx.g.schemaVersion,
    );
  if (t.vtype !== undefined && type !== undefined && type !== t.vtype)
    throw new RestError(
      'REST-30000',
      `The vertex type '${type}' of parameter ${p} does not match the declared type ${t.vtype}.`,
      400,
      ctx.g.schemaVersion,
    );
  const vt = vertexTypeIn(ctx.cat, ctx.g, typeName);
  if (!vt)
    throw new RestError(
      'REST-30000',
      `The input parameter ${p}.type = '${typeName}' is not a valid vertex type in graph ${ctx.g.name}.`,
      400,
      ctx.g.schemaVersion,
    );
  const key = canonicalId(vt, id);
  if (key === undefined || !vt.data.has(key))
    throw new RestError(
      'REST-30000',
      `Failed to convert user vertex id for parameter ${p}`,
      400,
      ctx.g.schemaVersion,
    );
  return new VRef(vt.name, key);
}

function scalarFromText(ctx: Ctx, p: string, t: BaseType, raw: string, type: string | undefined): QV {
  const schema = ctx.g.schemaVersion;
  if (t.k === 'vertex') return vertexOf(ctx, p, t, raw, type);
  if (t.k !== 'prim')
    throw new RestError(
      'REST-30000',
      `Parameter ${p} cannot be given in the query string; use POST with a JSON body.`,
      400,
      schema,
    );
  switch (t.name) {
    case 'INT':
    case 'UINT': {
      const s = raw.trim();
      if (!/^[-+]?\d+$/.test(s) || (t.name === 'UINT' && s.startsWith('-'))) throw bad(p, t, raw, schema);
      return BigInt(s);
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) throw bad(p, t, raw, schema);
      return n;
    }
    case 'BOOL': {
      const l = raw.toLowerCase();
      if (l === 'true' || l === '1') return true;
      if (l === 'false' || l === '0') return false;
      throw bad(p, t, raw, schema);
    }
    case 'DATETIME': {
      const s = parseDatetime(raw);
      if (s === undefined) throw bad(p, t, raw, schema);
      return new Dt(s);
    }
    case 'STRING':
      return raw;
  }
}

function defaultOf(param: QueryParam, evalDefault: (p: QueryParam) => QV): QV {
  if (param.default) return evalDefault(param);
  const t = param.type;
  if (t.k === 'coll') return t.coll === 'SET' ? new QSet() : [];
  if (t.k === 'map') return new QMap();
  if (t.k === 'prim') {
    // Omitted primitives are NULL in TigerGraph; the query sees the type's zero value.
    return t.name === 'STRING'
      ? ''
      : t.name === 'BOOL'
        ? false
        : t.name === 'DATETIME'
          ? new Dt(0)
          : t.name === 'INT' || t.name === 'UINT'
            ? 0n
            : 0;
  }
  return null;
}

/** GET / interpret: `p=v`, repeated keys, `p.type`, `p[0]=…&p[0].type=…`. */
export function paramsFromQuery(
  cat: Catalog,
  g: Graph,
  def: QueryDef,
  q: URLSearchParams,
  evalDefault: (p: QueryParam) => QV,
): Map<string, QV> {
  const ctx = { cat, g };
  const out = new Map<string, QV>();
  for (const p of def.params) {
    const t = p.type;
    if (t.k === 'coll') {
      const items: QV[] = [];
      for (const raw of q.getAll(p.name))
        items.push(scalarFromText(ctx, p.name, t.el, raw, q.get(`${p.name}.type`) ?? undefined));
      for (let i = 0; q.has(`${p.name}[${i}]`); i++) {
        const raw = q.get(`${p.name}[${i}]`) as string;
        items.push(scalarFromText(ctx, p.name, t.el, raw, q.get(`${p.name}[${i}].type`) ?? undefined));
      }
      if (items.length === 0 && !q.has(p.name)) out.set(p.name, defaultOf(p, evalDefault));
      else out.set(p.name, t.coll === 'SET' ? new QSet(items) : items);
      continue;
    }
    if (t.k === 'map') {
      if (q.has(p.name))
        throw new RestError(
          'REST-30000',
          `Parameter ${p.name} of type MAP cannot be given in the query string; use POST with a JSON body.`,
          400,
          g.schemaVersion,
        );
      out.set(p.name, defaultOf(p, evalDefault));
      continue;
    }
    // JSONOBJECT / JSONARRAY parameters are refused at CREATE: none reaches a run.
    if (t.k === 'json') continue;
    const raw = q.get(p.name);
    if (t.k === 'file') {
      out.set(p.name, raw ?? defaultOf(p, evalDefault));
      continue;
    }
    if (raw === null) {
      out.set(p.name, defaultOf(p, evalDefault));
      continue;
    }
    out.set(p.name, scalarFromText(ctx, p.name, t, raw, q.get(`${p.name}.type`) ?? undefined));
  }
  return out;
}

function scalarFromJson(ctx: Ctx, p: string, t: BaseType, v: Json): QV {
  const schema = ctx.g.schemaVersion;
  const shown =
    typeof v === 'string'
      ? v
      : JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  if (t.k === 'vertex') {
    if (!isObject(v) || v['id'] === undefined)
      throw new RestError('REST-30000', `'id' is not found in the VERTEX parameter ${p}.`, 400, schema);
    const id = v['id'];
    const type = v['type'];
    return vertexOf(
      ctx,
      p,
      t,
      typeof id === 'string' ? id : String(id),
      typeof type === 'string' ? type : undefined,
    );
  }
  if (t.k !== 'prim') throw bad(p, t, shown, schema);
  switch (t.name) {
    case 'INT':
    case 'UINT':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
      if (typeof v === 'string' && /^[-+]?\d+$/.test(v.trim())) return BigInt(v.trim());
      throw bad(p, t, shown, schema);
    case 'FLOAT':
    case 'DOUBLE':
      if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
      if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
      throw bad(p, t, shown, schema);
    case 'BOOL':
      if (typeof v === 'boolean') return v;
      throw bad(p, t, shown, schema);
    case 'DATETIME': {
      const s = typeof v === 'string' ? parseDatetime(v) : undefined;
      if (s === undefined) throw bad(p, t, shown, schema);
      return new Dt(s);
    }
    case 'STRING':
      if (typeof v === 'string') return ctx.decodeStrings ? percentDecode(v) : v;
      throw bad(p, t, shown, schema);
  }
}

/** POST: `{"p": value, …}` with arrays for collections and keylist/valuelist for MAP. */
export function paramsFromJson(
  cat: Catalog,
  g: Graph,
  def: QueryDef,
  body: Json | undefined,
  evalDefault: (p: QueryParam) => QV,
  options: { decodeStrings?: boolean } = {},
): Map<string, QV> {
  const ctx: Ctx = { cat, g, decodeStrings: options.decodeStrings === true };
  if (body !== undefined && !isObject(body))
    throw new RestError('REST-30000', 'The query parameters must be a JSON object.', 400, g.schemaVersion);
  const obj = body ?? {};
  const out = new Map<string, QV>();
  for (const p of def.params) {
    const v = obj[p.name];
    if (v === undefined || v === null) {
      out.set(p.name, defaultOf(p, evalDefault));
      continue;
    }
    out.set(p.name, valueFromJson(ctx, p.name, p.type, v));
  }
  return out;
}

function valueFromJson(ctx: Ctx, p: string, t: VarType, v: Json): QV {
  if (t.k === 'coll') {
    const arr = Array.isArray(v) ? v : [v];
    const items = arr.map((x) => scalarFromJson(ctx, p, t.el, x));
    return t.coll === 'SET' ? new QSet(items) : items;
  }
  if (t.k === 'map') {
    const keys = isObject(v) ? (v['keylist'] ?? v['keyList']) : undefined;
    const vals = isObject(v) ? (v['valuelist'] ?? v['valueList']) : undefined;
    if (!Array.isArray(keys) || !Array.isArray(vals) || keys.length !== vals.length)
      throw new RestError(
        'REST-30000',
        `Parameter ${p} of type MAP must be {"keylist": [...], "valuelist": [...]} of equal length.`,
        400,
        ctx.g.schemaVersion,
      );
    const m = new QMap();
    keys.forEach((k, i) => {
      m.set(scalarFromJson(ctx, p, t.key, k), scalarFromJson(ctx, p, t.val, vals[i] ?? null));
    });
    return m;
  }
  // JSONOBJECT / JSONARRAY parameters are refused at CREATE: none reaches a run.
  if (t.k === 'json') return null;
  // A FILE parameter given by RUN / REST is the path of its file (interp.ts opens it).
  if (t.k === 'file') return typeof v === 'string' ? v : null;
  return scalarFromJson(ctx, p, t, v);
}

/** `RUN QUERY q(1, "a", [1,2])` positional arguments (GSQL shell). */
export function paramsFromArgs(
  cat: Catalog,
  g: Graph,
  def: QueryDef,
  args: Json[],
  evalDefault: (p: QueryParam) => QV,
): Map<string, QV> {
  const ctx = { cat, g };
  const out = new Map<string, QV>();
  def.params.forEach((p, i) => {
    const a = args[i];
    if (a === undefined) out.set(p.name, defaultOf(p, evalDefault));
    else if (p.type.k === 'vertex' && !isObject(a))
      out.set(p.name, vertexOf(ctx, p.name, p.type, String(a), undefined));
    else if (p.type.k === 'coll' && p.type.el.k === 'vertex' && Array.isArray(a))
      // RUN QUERY q(["Steven", "Jenny"]) for a SET<VERTEX<T>>: plain ids, as for a VERTEX<T>.
      out.set(
        p.name,
        valueFromJson(
          ctx,
          p.name,
          p.type,
          a.map((x) => (isObject(x) ? x : { id: String(x) })),
        ),
      );
    else out.set(p.name, valueFromJson(ctx, p.name, p.type, a));
  });
  return out;
}

/** GSQL text of a parameter type (`VERTEX<Patient>`, `SET<INT>`), for ls, signatures and /endpoints. */
export function typeText(t: VarType): string {
  switch (t.k) {
    case 'prim':
      return t.name;
    case 'vertex':
      return t.vtype ? `VERTEX<${t.vtype}>` : 'VERTEX';
    case 'edge':
      return t.etype ? `EDGE<${t.etype}>` : 'EDGE';
    case 'tuple':
      return t.name;
    case 'coll':
      return `${t.coll}<${typeText(t.el)}>`;
    case 'map':
      return `MAP<${typeText(t.key)}, ${typeText(t.val)}>`;
    case 'json':
      return t.name;
    case 'file':
      return 'FILE';
  }
}
