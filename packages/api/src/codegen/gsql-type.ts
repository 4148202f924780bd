// GSQL type strings as query signatures spell them (`vertex<Patient>`, `set<string>`,
// `MapAccum<string, SumAccum<int>>`) parsed into a small tree, so that parameter and output types
// can be mapped to TypeScript without regular expressions over nested brackets.

/** A parsed GSQL type: its head (`SetAccum`, `vertex`, `int`…) and its type arguments. */
export interface GsqlType {
  head: string;
  args: GsqlType[];
}

/** Splits `a, b<c, d>, e` at the commas outside angle brackets. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if (c === '>' || c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** Parses one GSQL type string; `Heap` sort specs and sizes (`HeapAccum<T>(3, a DESC)`) are dropped. */
export function parseGsqlType(text: string): GsqlType {
  const t = text.trim();
  const open = t.indexOf('<');
  if (open < 0) return { head: t.replace(/\(.*$/s, '').trim(), args: [] };
  const close = t.lastIndexOf('>');
  const inner = t.slice(open + 1, close < 0 ? t.length : close);
  // GroupByAccum<int a, SumAccum<int> b>: each argument may carry a field name after the type.
  const args = splitTopLevel(inner).map((a) => parseGsqlType(a.replace(/\s+[A-Za-z_]\w*$/, '')));
  return { head: t.slice(0, open).trim(), args };
}
