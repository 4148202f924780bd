// INSERT INTO a vertex type inside queries (docs.tigergraph.com, GSQL reference "Data Modification
// Statements"): `INSERT INTO Person VALUES (id, a1, …)` fills the primary id and every attribute in
// declared order; `INSERT INTO Person (PRIMARY_ID, a, …) VALUES (…)` only the columns listed. An
// existing vertex is overwritten (an upsert); `_` and unlisted columns leave an attribute as it is,
// as `_` does in loading jobs: a new vertex gets the attribute's default. The interpreter queues
// the insert, which is applied when the query ends (interp.ts).
import type { AttrType, Value } from '../store/attr-types.js';
import type { Catalog, VertexType } from '../store/catalog.js';
import { canonicalId, newVertex } from '../store/data.js';
import { QueryRuntimeError } from './accum.js';
import { attrValue } from './insert.js';
import { describe } from './ops.js';
import type { QV } from './values.js';

/** The name standing for the primary id in a column list and in positional VALUES. */
export const PRIMARY_ID = 'PRIMARY_ID';

/** What a positional `VALUES (…)` fills, in order: the primary id (PRIMARY_ID style) and the attributes. */
export function vertexColumns(t: VertexType): { name: string; type: AttrType }[] {
  const attrs = t.attributes.map((a) => ({ name: a.name, type: a.type }));
  return t.keyStyle === 'primary_id' ? [{ name: PRIMARY_ID, type: t.primaryId.type }, ...attrs] : attrs;
}

/** The column a name in an INSERT column list stands for (PRIMARY_ID, the id's name, an attribute). */
export function vertexColumn(t: VertexType, name: string): { name: string; type: AttrType } | undefined {
  const cols = vertexColumns(t);
  if (name.toUpperCase() === PRIMARY_ID || name === t.primaryId.name)
    return cols.find((c) => c.name === PRIMARY_ID) ?? cols.find((c) => c.name === t.primaryId.name);
  return cols.find((c) => c.name === name);
}

function idText(v: QV | undefined, t: VertexType): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  throw new QueryRuntimeError(
    `Runtime Error: INSERT INTO ${t.name} needs a primary id, not ${describe(v ?? null)}.`,
  );
}

/** The vertex id the written columns name (the primary id, or the key attributes). */
function vertexId(t: VertexType, written: Map<string, QV | undefined>): string {
  const keys =
    t.keyStyle === 'composite'
      ? t.compositeKey
      : [t.keyStyle === 'primary_id' ? PRIMARY_ID : t.primaryId.name];
  const raw = keys.map((k) => idText(written.get(k), t)).join(',');
  const id = canonicalId(t, raw);
  if (id === undefined)
    throw new QueryRuntimeError(`Runtime Error: INSERT INTO ${t.name}: ${raw} is not a valid vertex id.`);
  return id;
}

export function insertVertexFrom(
  cat: Catalog,
  t: VertexType,
  columns: string[] | undefined,
  values: (QV | undefined)[],
): void {
  const cols = columns ? columns.map((n) => vertexColumn(t, n)) : vertexColumns(t);
  if (cols.length !== values.length || cols.some((c) => c === undefined))
    throw new QueryRuntimeError(
      `Runtime Error: INSERT INTO ${t.name} takes ${cols.length} values, not ${values.length}.`,
    );
  const written = new Map<string, QV | undefined>();
  for (const [i, c] of cols.entries()) if (c) written.set(c.name, values[i]);
  const id = vertexId(t, written);
  // A permanently deleted id cannot come back (RESTPP's upsert skips it the same way).
  if (t.permanentlyDeleted.has(id)) return;
  const rec = t.data.get(id) ?? newVertex(cat, t, id);
  const set = new Map<string, Value>();
  for (const a of t.attributes) {
    const v = written.get(a.name);
    if (v !== undefined) set.set(a.name, attrValue(v, a.type, a.name));
  }
  for (const [k, v] of set) rec.attrs.set(k, v);
  if (!t.data.has(id)) t.data.set(id, rec);
}
