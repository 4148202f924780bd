// Runs the GSQL shell's built-in SELECT and prints its JSON array the way the shell does. Shapes
// from GSQL 101 "Run Built-in Queries" (https://docs.tigergraph.com/v/2.6/intro/gsql-101/built-in-select-queries):
// `[{"count": 7, "v_type": "person"}]`, vertices as `{v_id, attributes, v_type}`, edges as
// `{from_type, to_type, directed, from_id, to_id, attributes, e_type}`; undirected edges count once
// (TigerGraph 2.4+). Edge selects need a source type and a `from_id` condition (the page's
// "restrictions on built-in edge select queries"); counts do not.
import type { Json } from '../json.js';
import { type AttrType, parseDatetime, primitiveFromText, toJson, type Value } from '../store/attr-types.js';
import {
  type AttributeDef,
  type EdgeType,
  edgeTypeIn,
  edgeTypesOf,
  type Graph,
  type VertexRecord,
  type VertexType,
  vertexTypeIn,
  visibleVertexAttributes,
} from '../store/catalog.js';
import { compareHolds } from '../store/compare-op.js';
import { compareValues, type EdgeView, edgesFrom } from '../store/data.js';
import type { Literal } from './ast.js';
import type { BuiltinCond, BuiltinSelect } from './builtin-select.js';
import { type GsqlSession, StatementError } from './session.js';
import { shellJson } from './shell-json.js';

type Getter = (name: string) => Value | undefined;
type Pred = (get: Getter) => boolean;

const fail = (msg: string): never => {
  throw new StatementError(`Semantic Check Fails: ${msg}`);
};

function graphIn(s: GsqlSession): Graph {
  const g = s.graph === undefined ? undefined : s.state.catalog.graphs.get(s.graph);
  if (!g) return fail('No graph is in use. Use "USE GRAPH <name>" before a built-in SELECT.');
  return g;
}

export function execBuiltinSelect(s: GsqlSession, st: BuiltinSelect): void {
  const g = graphIn(s);
  if (st.from.toUpperCase() === 'ANY' && st.edge)
    fail('A built-in edge SELECT needs a source vertex type, not ANY (e.g. person-(ANY)->ANY).');
  const src =
    vertexTypeIn(s.state.catalog, g, st.from) ??
    fail(`The vertex type ${st.from} does not exist in graph ${g.name}.`);
  const out = st.edge ? selectEdges(s, g, src, st, st.edge) : selectVertices(src, st);
  s.out.push(shellJson(out));
}

// ---- vertices ------------------------------------------------------------------------------

function selectVertices(t: VertexType, st: BuiltinSelect): Json[] {
  const attrs = visibleVertexAttributes(t);
  const pred = compile(
    st.where,
    (n) => attrs.find((a) => a.name === n)?.type,
    ['primary_id'],
    `vertex type ${t.name}`,
  );
  const rows = [...t.data.values()].filter((v) => pred((n) => (n === 'primary_id' ? v.id : v.attrs.get(n))));
  if (st.items === 'count') return [{ count: rows.length, v_type: t.name }];
  const shown =
    st.items === '*' ? attrs : st.items.map((n) => attributeOf(attrs, n, `vertex type ${t.name}`));
  return rows.map((v) => vertexJson(t, v, shown));
}

function vertexJson(t: VertexType, v: VertexRecord, shown: AttributeDef[]): Json {
  return { v_id: v.id, attributes: attributesJson(v.attrs, shown), v_type: t.name };
}

// ---- edges ---------------------------------------------------------------------------------

function edgeTypesFor(s: GsqlSession, g: Graph, src: VertexType, name: string): EdgeType[] {
  if (name.toUpperCase() === 'ANY')
    return edgeTypesOf(s.state.catalog, g).filter((et) =>
      et.pairs.some((p) => p.from === src.name || (!et.directed && p.to === src.name)),
    );
  const et = edgeTypeIn(s.state.catalog, g, name);
  return et ? [et] : fail(`The edge type ${name} does not exist in graph ${g.name}.`);
}

function selectEdges(
  s: GsqlSession,
  g: Graph,
  src: VertexType,
  st: BuiltinSelect,
  step: { type: string; target: string },
): Json[] {
  const anyTarget = step.target.toUpperCase() === 'ANY';
  if (!anyTarget && !vertexTypeIn(s.state.catalog, g, step.target))
    fail(`The vertex type ${step.target} does not exist in graph ${g.name}.`);
  const fromId = st.where.find((c) => c.name === 'from_id' && c.op === '==');
  if (st.items !== 'count' && !fromId)
    fail('A built-in edge SELECT needs a from_id condition, e.g. WHERE from_id == "Tom".');
  const out: Json[] = [];
  for (const et of edgeTypesFor(s, g, src, step.type)) {
    const pred = compile(
      st.where,
      (n) => et.attributes.find((a) => a.name === n)?.type,
      ['from_id', 'to_id'],
      `edge type ${et.name}`,
    );
    const views = edgeViews(et, src, fromId).filter(
      (v) => (anyTarget || v.toType === step.target) && pred((n) => edgeValue(v, n)),
    );
    if (st.items === 'count') out.push({ count: countOnce(views), e_type: et.name });
    else out.push(...views.map((v) => edgeJson(v, shownEdgeAttrs(et, st.items))));
  }
  return out;
}

/** The edges leaving `from_id`'s vertex, or leaving every vertex of the source type. */
function edgeViews(et: EdgeType, src: VertexType, fromId: BuiltinCond | undefined): EdgeView[] {
  const ids = fromId ? [literalText(fromId.value)] : [...src.data.keys()];
  return ids.flatMap((id) => (src.data.has(id) ? edgesFrom(et, src.name, id) : []));
}

/** An undirected edge between two vertices of the source type is seen from both ends: count it once. */
function countOnce(views: EdgeView[]): number {
  return new Set(views.map((v) => v.record)).size;
}

const edgeValue = (v: EdgeView, n: string): Value | undefined =>
  n === 'from_id' ? v.fromId : n === 'to_id' ? v.toId : v.record.attrs.get(n);

function shownEdgeAttrs(et: EdgeType, items: BuiltinSelect['items']): AttributeDef[] {
  if (items === '*' || items === 'count') return et.attributes;
  return items.map((n) => attributeOf(et.attributes, n, `edge type ${et.name}`));
}

function edgeJson(v: EdgeView, shown: AttributeDef[]): Json {
  return {
    from_type: v.fromType,
    to_type: v.toType,
    directed: v.type.directed,
    from_id: v.fromId,
    to_id: v.toId,
    attributes: attributesJson(v.record.attrs, shown),
    e_type: v.type.name,
  };
}

// ---- shared --------------------------------------------------------------------------------

function attributeOf(attrs: AttributeDef[], name: string, owner: string): AttributeDef {
  return attrs.find((a) => a.name === name) ?? fail(`The attribute ${name} is not an attribute of ${owner}.`);
}

function attributesJson(values: Map<string, Value>, shown: AttributeDef[]): Json {
  const out: { [k: string]: Json } = {};
  for (const a of shown) {
    const v = values.get(a.name);
    if (v !== undefined) out[a.name] = toJson(v, a.type);
  }
  return out;
}

const literalText = (l: Literal): string =>
  l.kind === 'string' ? l.value : l.kind === 'number' ? l.text : String(l.value);

/** The WHERE conditions as one predicate; ids compare as text, attributes as their type. */
function compile(
  where: BuiltinCond[],
  typeOf: (name: string) => AttrType | undefined,
  idNames: string[],
  owner: string,
): Pred {
  const tests = where.map((c) => {
    const isId = idNames.includes(c.name);
    const type = isId
      ? undefined
      : (typeOf(c.name) ?? fail(`The attribute ${c.name} is not an attribute of ${owner}.`));
    const want = literalValue(c.value, type);
    return (get: Getter) => {
      const have = get(c.name);
      return have !== undefined && holds(c.op, compareValues(have, want), kind(have) === kind(want));
    };
  });
  return (get) => tests.every((t) => t(get));
}

function literalValue(l: Literal, type: AttrType | undefined): Value {
  if (l.kind === 'bool') return l.value;
  const text = literalText(l);
  if (type?.kind !== 'primitive') return text;
  if (type.name === 'DATETIME') return parseDatetime(text) ?? text;
  return primitiveFromText(type.name, text) ?? text;
}

const kind = (v: Value): string => (typeof v === 'bigint' ? 'number' : typeof v);

function holds(op: BuiltinCond['op'], cmp: number, sameKind: boolean): boolean {
  return sameKind ? compareHolds(op, cmp) : op === '!=';
}
