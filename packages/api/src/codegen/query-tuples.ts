// The tuple types a query's text declares (`TYPEDEF TUPLE <VERTEX Vertex_ID, FLOAT score> Vertex_Score`),
// so that printed tuples, and the HeapAccum/ListAccum/… of them, get their fields in the generated
// result type. Signatures name a tuple but never list its fields.
import { splitTopLevel } from './gsql-type.js';

/** One tuple field: its name and its GSQL type as written (`FLOAT`, `VERTEX<Person>`, `INT`). */
export interface TupleField {
  name: string;
  type: string;
}

const COMMENT = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|#[^\n]*/g;
const TYPEDEF = /\bTYPEDEF\s+TUPLE\s*<([^<>]*(?:<[^<>]*>[^<>]*)*)>\s*([A-Za-z_]\w*)/gi;

/** Tuple name (lower case: signatures do not keep its case) → its fields in order. */
export function tupleTypes(queryText: string): Map<string, TupleField[]> {
  const out = new Map<string, TupleField[]>();
  for (const m of queryText.replace(COMMENT, ' ').matchAll(TYPEDEF)) {
    const fields: TupleField[] = [];
    for (const f of splitTopLevel(m[1] as string)) {
      const fm = /^(.*\S)\s+([A-Za-z_]\w*)$/s.exec(f.trim());
      if (fm) fields.push({ type: fm[1] as string, name: fm[2] as string });
    }
    out.set((m[2] as string).toLowerCase(), fields);
  }
  return out;
}
