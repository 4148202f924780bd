// CREATE-time checks of INSERT INTO statements against the schema (docs.tigergraph.com, GSQL
// reference "Data Modification Statements"): a column list names PRIMARY_ID (vertex) or FROM, TO
// (edge) and attributes of the type; as many values as columns; a vertex's primary id is not `_`.
// The value types are checked with the other static types (typecheck.ts, via insertTargets).
import type { AttrType } from '../store/attr-types.js';
import {
  type Catalog,
  type EdgeType,
  edgeTypeIn,
  type Graph,
  type VertexType,
  vertexTypeIn,
} from '../store/catalog.js';
import type { Stmt } from './ast.js';
import { PRIMARY_ID, vertexColumn, vertexColumns } from './insert-vertex.js';

type At = { line: number; column: number };
type Fail = (msg: string, at: At) => never;
type Insert = Extract<Stmt, { k: 'insert' }>;

/** The declared type each value of a statically typed INSERT is written to (undefined: not known). */
export function insertTargets(cat: Catalog, g: Graph, s: Insert): (AttrType | undefined)[] {
  const vt = s.edge ? undefined : vertexTypeIn(cat, g, s.name);
  if (vt) return (s.columns ?? vertexColumns(vt).map((c) => c.name)).map((n) => vertexColumn(vt, n)?.type);
  const et = edgeTypeIn(cat, g, s.name);
  if (!et) return [];
  const cols = s.columns ?? ['FROM', 'TO', ...et.attributes.map((a) => a.name)];
  return cols.map((n) => et.attributes.find((a) => a.name === n)?.type);
}

function checkVertex(t: VertexType, s: Insert, fail: Fail): void {
  if (s.types) fail(`INSERT INTO the vertex type ${t.name} takes no vertex type after a value`, s);
  const names = s.columns ?? vertexColumns(t).map((c) => c.name);
  for (const n of names)
    if (!vertexColumn(t, n)) fail(`The attribute ${n} does not exist in vertex type ${t.name}`, s);
  const ids =
    t.keyStyle === 'composite'
      ? t.compositeKey
      : [t.keyStyle === 'primary_id' ? PRIMARY_ID : t.primaryId.name];
  const cols = names.map((n) => vertexColumn(t, n)?.name);
  for (const id of ids)
    if (!cols.includes(id))
      fail(
        `INSERT INTO ${t.name} (…) must list ${id === PRIMARY_ID ? PRIMARY_ID : `the key attribute ${id}`}`,
        s,
      );
  if (s.values.length !== names.length)
    fail(
      `INSERT INTO ${t.name} takes ${names.length} values (${names.join(', ')}), not ${s.values.length}`,
      s,
    );
  for (const id of ids)
    if (s.values[cols.indexOf(id)] === undefined)
      fail(`The primary id of INSERT INTO ${t.name} cannot be _`, s);
}

function checkEdge(et: EdgeType, s: Insert, fail: Fail): void {
  const attrs = et.attributes.length;
  if (!s.columns) {
    if (s.values.length < 2 || s.values.length > attrs + 2)
      fail(
        `INSERT INTO ${et.name} takes FROM, TO and up to ${attrs} attribute values, not ${s.values.length} values`,
        s,
      );
  } else {
    const [from, to, ...rest] = s.columns;
    if (from?.toUpperCase() !== 'FROM' || to?.toUpperCase() !== 'TO')
      fail(`The column list of INSERT INTO ${et.name} must begin with FROM, TO`, s);
    for (const n of rest)
      if (!et.attributes.some((a) => a.name === n))
        fail(`The attribute ${n} does not exist in edge type ${et.name}`, s);
    if (s.values.length !== s.columns.length)
      fail(
        `INSERT INTO ${et.name} takes ${s.columns.length} values (${s.columns.join(', ')}), not ${s.values.length}`,
        s,
      );
  }
  if (s.values[0] === undefined || s.values[1] === undefined)
    fail(`The FROM and TO vertices of INSERT INTO ${et.name} cannot be _`, s);
  (['from', 'to'] as const).forEach((end, i) => {
    const t = s.types?.[i];
    if (t !== undefined && !et.pairs.some((p) => p[end] === '*' || p[end] === t))
      fail(`The edge type ${et.name} does not take ${t} as its ${end.toUpperCase()} vertex type`, s);
  });
}

/** Checks one INSERT INTO whose type is named literally (a STRING parameter's is checked when it runs). */
export function checkInsert(cat: Catalog, g: Graph, s: Insert, fail: Fail): void {
  const vt = vertexTypeIn(cat, g, s.name);
  const et = edgeTypeIn(cat, g, s.name);
  if (vt && !s.edge) checkVertex(vt, s, fail);
  else if (et) checkEdge(et, s, fail);
  else fail(`The ${s.edge ? 'edge' : 'vertex or edge'} type ${s.name} is not defined in graph ${g.name}.`, s);
}
