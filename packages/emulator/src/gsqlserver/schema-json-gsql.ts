// Helpers for the 4.x JSON schema endpoints: JSON bodies, the GSQL text a JSON schema change
// stands for (what the 4.x server does internally), and GSQL runs that fail as HTTP 400.
import type { User } from '../auth/model.js';
import { runGsql } from '../gsql/exec.js';
import { jsonReply } from '../http/reply.js';
import type { EmuRequest } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { EmulatorState } from '../state.js';
import { GsqlHttpError } from './common.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const ok = (message: string, extra: Record<string, unknown> = {}) =>
  jsonReply(200, { error: false, message, ...extra });

export function body(req: EmuRequest): { [key: string]: Json } {
  let parsed: Json;
  try {
    parsed = parseJson(req.body.toString('utf8'));
  } catch {
    throw new GsqlHttpError(400, 'The request body is not valid JSON.');
  }
  if (!isObject(parsed)) throw new GsqlHttpError(400, 'The request body must be a JSON object.');
  return parsed;
}

export function ident(v: unknown, what: string): string {
  if (typeof v !== 'string' || !IDENT.test(v)) throw new GsqlHttpError(400, `Invalid ${what}: ${String(v)}.`);
  return v;
}

/** Runs GSQL as `user`; a failed run becomes a 400 with the GSQL output as message. */
export function gsqlOk(state: EmulatorState, user: User, text: string): string {
  const r = runGsql(state, user, text);
  if (r.returnCode !== 0) throw new GsqlHttpError(400, r.output);
  return r.output;
}

// ---- JSON schema change → GSQL (what the 4.x server does internally) ----

export function typeText(t: Json | undefined): string {
  if (!isObject(t) || typeof t['Name'] !== 'string')
    throw new GsqlHttpError(400, 'AttributeType.Name is required.');
  const name = t['Name'];
  const el = (prefix: 'ValueType' | 'KeyType') =>
    t[`${prefix}Name`] === 'UDT' ? String(t[`${prefix}TupleName`]) : String(t[`${prefix}Name`]);
  if (name === 'LIST' || name === 'SET') return `${name}<${el('ValueType')}>`;
  if (name === 'MAP') return `MAP<${el('KeyType')}, ${el('ValueType')}>`;
  if (name === 'UDT') return ident(t['TupleName'], 'tuple name');
  if (name === 'FIXED_BINARY') return `FIXED_BINARY(${Number(t['FixedSize'] ?? 0)})`;
  return name;
}

export function attrList(list: Json | undefined): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new GsqlHttpError(400, 'Attributes must be a list.');
  return list.map((a) => {
    if (!isObject(a)) throw new GsqlHttpError(400, 'Each attribute must be an object.');
    const def = a['DefaultValue'];
    const dflt = def === undefined || def === null ? '' : ` DEFAULT ${JSON.stringify(String(def))}`;
    return `${ident(a['AttributeName'], 'attribute name')} ${typeText(a['AttributeType'])}${dflt}`;
  });
}

export function names(v: Json | undefined): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new GsqlHttpError(400, 'Expected a list of names.');
  return v.map((n) => ident(isObject(n) ? n['name'] : n, 'type name'));
}

export function addVertex(v: Json): string {
  if (!isObject(v) || !isObject(v['PrimaryId']))
    throw new GsqlHttpError(400, 'A vertex type needs Name and PrimaryId.');
  const pid = v['PrimaryId'];
  const cfg = isObject(v['Config']) ? v['Config'] : {};
  const withs: string[] = [];
  if (typeof cfg['STATS'] === 'string') withs.push(`STATS="${cfg['STATS']}"`);
  if (
    cfg['PRIMARY_ID_AS_ATTRIBUTE'] === true ||
    cfg['PRIMARY_ID_AS_ATTRIBUTE'] === 'true' ||
    pid['PrimaryIdAsAttribute'] === true
  )
    withs.push('PRIMARY_ID_AS_ATTRIBUTE="true"');
  const cols = [
    `PRIMARY_ID ${ident(pid['AttributeName'], 'primary id')} ${typeText(pid['AttributeType'])}`,
    ...attrList(v['Attributes']),
  ];
  return `ADD VERTEX ${ident(v['Name'], 'vertex type name')} (${cols.join(', ')})${withs.length ? ` WITH ${withs.join(', ')}` : ''};`;
}

export function addEdge(e: Json): string {
  if (!isObject(e)) throw new GsqlHttpError(400, 'An edge type must be an object.');
  const pairs =
    Array.isArray(e['EdgePairs']) && e['EdgePairs'].length > 0
      ? e['EdgePairs'].map((p) =>
          isObject(p) ? `FROM ${ident(p['From'], 'vertex type')}, TO ${ident(p['To'], 'vertex type')}` : '',
        )
      : [
          `FROM ${ident(e['FromVertexTypeName'], 'vertex type')}, TO ${ident(e['ToVertexTypeName'], 'vertex type')}`,
        ];
  const cols = [pairs.join(' | '), ...attrList(e['Attributes'])];
  const cfg = isObject(e['Config']) ? e['Config'] : {};
  const reverse =
    typeof cfg['REVERSE_EDGE'] === 'string'
      ? ` WITH REVERSE_EDGE="${ident(cfg['REVERSE_EDGE'], 'reverse edge')}"`
      : '';
  return `ADD ${e['IsDirected'] === true ? 'DIRECTED' : 'UNDIRECTED'} EDGE ${ident(e['Name'], 'edge type name')} (${cols.join(', ')})${reverse};`;
}

export function alter(kind: 'VERTEX' | 'EDGE', a: Json): string[] {
  if (!isObject(a)) throw new GsqlHttpError(400, 'An alter entry must be an object.');
  const type = ident(a['name'] ?? a['Name'], 'type name');
  const out: string[] = [];
  const add = attrList(a['addAttributes']);
  if (add.length) out.push(`ALTER ${kind} ${type} ADD ATTRIBUTE (${add.join(', ')});`);
  const drop = names(a['dropAttributes']);
  if (drop.length) out.push(`ALTER ${kind} ${type} DROP ATTRIBUTE (${drop.join(', ')});`);
  return out;
}

export function changeStatements(spec: { [key: string]: Json }): string[] {
  const list = (k: string): Json[] => {
    const v = spec[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new GsqlHttpError(400, `${k} must be a list.`);
    return v;
  };
  const out: string[] = [];
  for (const v of list('addVertexTypes')) out.push(addVertex(v));
  for (const e of list('addEdgeTypes')) out.push(addEdge(e));
  for (const a of list('alterVertexTypes')) out.push(...alter('VERTEX', a));
  for (const a of list('alterEdgeTypes')) out.push(...alter('EDGE', a));
  const dropE = names(spec['dropEdgeTypes']);
  if (dropE.length) out.push(`DROP EDGE ${dropE.join(', ')};`);
  const dropV = names(spec['dropVertexTypes']);
  if (dropV.length) out.push(`DROP VERTEX ${dropV.join(', ')};`);
  if (out.length === 0) throw new GsqlHttpError(400, 'The schema change is empty.');
  return out;
}
