// Vector attributes (TigerGraph 4.2): `ALTER VERTEX T ADD VECTOR ATTRIBUTE emb(DIMENSION=3, …)`.
// Each is FLOAT elements of a fixed dimension with a metric (COSINE, L2, IP) and an HNSW index. The
// emulator keeps the vectors on the vertex record (so deleting a vertex drops them) and searches
// exactly (brute force); the index "rebuild" is a short window after each write, for /vector/status.
import type { VertexRecord, VertexType } from './catalog.js';

export type VectorMetric = 'COSINE' | 'L2' | 'IP';

export interface VectorAttrDef {
  name: string;
  dimension: number;
  metric: VectorMetric;
  indexType: 'HNSW';
  dataType: 'FLOAT';
}

/** Dimension ceiling of the Enterprise Edition (docs: 4096 Community, 32768 Enterprise). */
export const MAX_DIMENSION = 32768;

/** How long after a write the HNSW index counts as needing a rebuild (milliseconds of the clock). */
export const VECTOR_REBUILD_MS = 3000;

export class VectorValueError extends Error {}

/** Whether a server version has vector attributes (4.2+). */
export const versionHasVectors = (v: { major: number; minor: number }): boolean =>
  v.major > 4 || (v.major === 4 && v.minor >= 2);

export function vectorAttrs(t: VertexType): VectorAttrDef[] {
  return t.vectorAttributes ?? [];
}

export function vectorAttr(t: VertexType, name: string): VectorAttrDef | undefined {
  return t.vectorAttributes?.find((a) => a.name === name);
}

export function getVector(rec: VertexRecord, name: string): number[] | undefined {
  return rec.vectors?.get(name);
}

/** Elements as FLOAT (32-bit) values; a wrong length or a non-number is an error saying which. */
export function checkedVector(t: VertexType, def: VectorAttrDef, raw: unknown, id: string): number[] {
  if (!Array.isArray(raw))
    throw new VectorValueError(
      `The value of vector attribute ${def.name} of vertex ${t.name} '${id}' must be a list of ${def.dimension} numbers.`,
    );
  if (raw.length !== def.dimension)
    throw new VectorValueError(
      `The vector attribute ${def.name} of vertex type ${t.name} has dimension ${def.dimension}, but the value for '${id}' has ${raw.length} elements.`,
    );
  return raw.map((x, i) => {
    const n = typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : Number.NaN;
    if (!Number.isFinite(n))
      throw new VectorValueError(
        `Element ${i} of vector attribute ${def.name} for vertex ${t.name} '${id}' is not a number: ${String(x)}.`,
      );
    return Math.fround(n);
  });
}

/** Stores a checked vector and marks the attribute's index as needing a rebuild until now + window. */
export function setVector(t: VertexType, rec: VertexRecord, name: string, v: number[], now: number): void {
  rec.vectors ??= new Map();
  rec.vectors.set(name, v);
  t.vectorRebuildUntil ??= new Map();
  t.vectorRebuildUntil.set(name, now + VECTOR_REBUILD_MS);
}

/** The vector attributes of `t` whose index is still being rebuilt at `now` (all when name is omitted). */
export function pendingVectorAttrs(t: VertexType, now: number, name?: string): VectorAttrDef[] {
  return vectorAttrs(t).filter(
    (a) => (name === undefined || a.name === name) && (t.vectorRebuildUntil?.get(a.name) ?? 0) > now,
  );
}
