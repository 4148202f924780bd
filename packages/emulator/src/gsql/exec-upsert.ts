// GSQL `UPSERT` statements: one vertex or one edge, values in declared order.
import { fromJson, primitiveFromText, ValueError } from '../store/attr-types.js';
import { type AttributeDef, edgeTypeIn, vertexTypeIn } from '../store/catalog.js';
import { canonicalId, insertEdge, newVertex, udtLookup } from '../store/data.js';
import type { Literal, Statement } from './ast.js';
import { type GsqlSession, StatementError } from './session.js';

/** `UPSERT Person VALUES ("id", "name", 20)`: id first, then attributes in declared order. */
export function upsertValues(s: GsqlSession, st: Extract<Statement, { kind: 'upsert' }>): void {
  const cat = s.state.catalog;
  const g = s.graph === undefined ? undefined : cat.graphs.get(s.graph);
  const t = g ? vertexTypeIn(cat, g, st.type) : cat.vertices.get(st.type);
  if (!t) throw new StatementError(`Semantic Check Fails: The vertex type ${st.type} does not exist.`);
  const [idLit, ...rest] = st.values;
  const rawId = idLit?.kind === 'string' ? idLit.value : idLit?.kind === 'number' ? idLit.text : '';
  const id = t.keyStyle === 'primary_id' ? canonicalId(t, rawId) : undefined;
  const attrs = t.keyStyle === 'primary_id' ? t.attributes : t.attributes;
  const values = t.keyStyle === 'primary_id' ? rest : st.values;
  if (values.length > attrs.length)
    throw new StatementError('Semantic Check Fails: Too many values in UPSERT.');
  const rec = new Map<string, unknown>();
  values.forEach((lit, i) => {
    const a = attrs[i];
    if (!a) return;
    rec.set(a.name, lit.kind === 'string' ? lit.value : lit.kind === 'bool' ? lit.value : lit.text);
  });
  const key =
    id ??
    canonicalId(
      t,
      (t.keyStyle === 'composite' ? t.compositeKey : [t.primaryId.name])
        .map((k) => String(rec.get(k) ?? ''))
        .join(','),
    );
  if (key === undefined)
    throw new StatementError(`Semantic Check Fails: Invalid vertex id for type ${t.name}.`);
  const v = t.data.get(key) ?? newVertex(cat, t, key);
  const udts = udtLookup(cat);
  try {
    for (const [name, raw] of rec) {
      const a = attrs.find((x) => x.name === name);
      if (!a) continue;
      if (a.type.kind === 'primitive') {
        const parsed =
          typeof raw === 'string'
            ? primitiveFromText(a.type.name, raw)
            : fromJson(a.type, raw as boolean, udts);
        if (parsed === undefined) throw new ValueError(`value cannot be converted to ${a.type.name}`);
        v.attrs.set(name, parsed);
      }
    }
  } catch (e) {
    if (e instanceof ValueError) throw new StatementError(`Runtime Error: ${e.message}`);
    throw e;
  }
  t.data.set(key, v);
}

const literalText = (l: Literal | undefined): string =>
  l === undefined ? '' : l.kind === 'string' ? l.value : l.kind === 'number' ? l.text : String(l.value);

/** `UPSERT Person -(knows)-> City VALUES (1, 10, 5)`: source id, target id, then the attributes. */
export function upsertEdge(s: GsqlSession, st: Extract<Statement, { kind: 'upsertEdge' }>): void {
  const cat = s.state.catalog;
  const g = s.graph === undefined ? undefined : cat.graphs.get(s.graph);
  const et = g ? edgeTypeIn(cat, g, st.edge) : cat.edges.get(st.edge);
  if (!et) throw new StatementError(`Semantic Check Fails: The edge type ${st.edge} does not exist.`);
  const ends = [st.from, st.to].map((n) => (g ? vertexTypeIn(cat, g, n) : cat.vertices.get(n)));
  const [from, to] = ends;
  if (!from || !to) {
    const missing = from ? st.to : st.from;
    throw new StatementError(`Semantic Check Fails: The vertex type ${missing} does not exist.`);
  }
  if (!et.pairs.some((p) => p.from === from.name && p.to === to.name)) {
    throw new StatementError(
      `Semantic Check Fails: The edge type ${et.name} does not connect ${from.name} to ${to.name}.`,
    );
  }
  const [fromLit, toLit, ...rest] = st.values;
  const fromId = canonicalId(from, literalText(fromLit));
  const toId = canonicalId(to, literalText(toLit));
  if (fromId === undefined || toId === undefined)
    throw new StatementError('Semantic Check Fails: Invalid vertex id in UPSERT.');
  if (rest.length > et.attributes.length)
    throw new StatementError('Semantic Check Fails: Too many values in UPSERT.');
  const attrs = parseAll(s, et.attributes, rest);
  // As on TigerGraph, a GSQL edge upsert creates missing end vertices with default attributes.
  for (const [t, id] of [
    [from, fromId],
    [to, toId],
  ] as const)
    if (!t.data.has(id)) t.data.set(id, newVertex(cat, t, id));
  // The same key RESTPP upserts use for discriminated multi-edges.
  const disc = et.discriminators
    .map((d) => {
      const v: unknown = attrs.get(d);
      return typeof v === 'bigint' ? v.toString() : JSON.stringify(v ?? null);
    })
    .join('\u0002');
  const { record } = insertEdge(cat, et, from.name, fromId, to.name, toId, disc);
  for (const [k, v] of attrs) record.attrs.set(k, v);
}

function parseAll(s: GsqlSession, defs: AttributeDef[], lits: Literal[]): Map<string, never> {
  const udts = udtLookup(s.state.catalog);
  const out = new Map<string, never>();
  try {
    lits.forEach((lit, i) => {
      const a = defs[i];
      if (a?.type.kind !== 'primitive') return;
      const parsed =
        lit.kind === 'string' || lit.kind === 'number'
          ? primitiveFromText(a.type.name, literalText(lit))
          : fromJson(a.type, lit.value, udts);
      if (parsed === undefined) throw new ValueError(`value cannot be converted to ${a.type.name}`);
      out.set(a.name, parsed as never);
    });
  } catch (e) {
    if (e instanceof ValueError) throw new StatementError(`Runtime Error: ${e.message}`);
    throw e;
  }
  return out;
}
