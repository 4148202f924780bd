// Reading the library's PRINT output: heaps of (vertex, score) tuples and vertex sets projected on
// one accumulator (`PRINT S[S.@acc]`).
import { expect } from 'vitest';

type Row = Record<string, unknown>;

/** The printed value under `key` in the results (the first PRINT that has it). */
export function printed(results: Row[], key: string): unknown {
  const row = results.find((r) => key in r);
  if (row === undefined) throw new Error(`No PRINT of ${key} in ${JSON.stringify(results).slice(0, 500)}`);
  return row[key];
}

/** A heap of tuples → id → score, with the tuple's id and score field names. */
export function tupleScores(list: unknown, idKey: string, scoreKey: string): Map<string, number> {
  expect(Array.isArray(list)).toBe(true);
  const out = new Map<string, number>();
  for (const t of list as Row[]) out.set(String(t[idKey]), Number(t[scoreKey]));
  return out;
}

/** `PRINT S[S.@acc …]` → id → the attributes object of each printed vertex. */
export function vertexAttrs(list: unknown): Map<string, Row> {
  expect(Array.isArray(list)).toBe(true);
  const out = new Map<string, Row>();
  for (const v of list as { v_id: string; attributes: Row }[]) out.set(String(v.v_id), v.attributes);
  return out;
}

/** `PRINT S[S.@acc]` → id → the one projected value (its key is whatever TigerGraph names it). */
export function vertexValues(list: unknown, attr?: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [id, attrs] of vertexAttrs(list)) {
    const keys = Object.keys(attrs);
    const k =
      attr === undefined
        ? keys[0]
        : keys.find((x) => x === attr || x.endsWith(`.${attr}`) || x === `@${attr}`);
    if (k === undefined)
      throw new Error(`Vertex ${id} printed no ${attr ?? 'value'}: ${JSON.stringify(attrs)}`);
    out.set(id, attrs[k]);
  }
  return out;
}

/** Every id of the oracle's mapping agrees with ours within `tol` (absolute, or relative above 1). */
export function expectClose(
  ours: Map<string, number>,
  oracle: Record<string, number>,
  tol: number,
  what: string,
): void {
  const ids = Object.keys(oracle).sort();
  expect([...ours.keys()].sort(), `${what}: vertices`).toEqual(ids);
  for (const id of ids) {
    const want = oracle[id] as number;
    const got = ours.get(id) as number;
    const err = Math.abs(got - want) / Math.max(1, Math.abs(want));
    expect(err, `${what}: vertex ${id}: ${got} vs oracle ${want}`).toBeLessThanOrEqual(tol);
  }
}
