// How the PRINT items of a query's text group into result objects. A query signature lists one
// output entry per printed item; a run's `results` holds one object per executed PRINT statement.
// A light token scan of the query text tells how many items each PRINT has, and whether a PRINT
// sits inside IF/WHILE/FOREACH (then it may run any number of times).

/** One PRINT statement: its item count, whether it runs exactly once, and `WITH VECTOR`. */
export interface PrintGroup {
  items: number;
  unconditional: boolean;
  /** Present (true) when the PRINT ends in `WITH VECTOR`: its vertex sets carry `Embeddings`. */
  withVector?: true;
}

const TOKEN =
  /\/\*[\s\S]*?\*\/|\/\/[^\n]*|#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_][A-Za-z0-9_]*|\S/g;

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (t.startsWith('/*') || t.startsWith('//') || t.startsWith('#')) continue;
    out.push(t);
  }
  return out;
}

/** Items of the PRINT starting at `tokens[from]` (after the keyword) and the index after its `;`. */
function printItems(toks: string[], from: number): { items: number; next: number; withVector: boolean } {
  let depth = 0;
  let items = 1;
  let listing = true;
  let withVector = false;
  let i = from;
  for (; i < toks.length; i++) {
    const t = toks[i] as string;
    const upper = t.toUpperCase();
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') depth--;
    else if (depth === 0 && t === ';') break;
    else if (depth === 0 && (upper === 'WHERE' || upper === 'TO_CSV')) listing = false;
    else if (depth === 0 && t === ',' && listing) items++;
    else if (depth === 0 && upper === 'VECTOR' && toks[i - 1]?.toUpperCase() === 'WITH') {
      withVector = true;
      listing = false;
    }
  }
  return { items, next: i + 1, withVector };
}

const OPENERS = new Set(['IF', 'WHILE', 'FOREACH', 'CASE']);

/** The PRINT statements of a query's text, in text order. */
export function printGroups(queryText: string): PrintGroup[] {
  const toks = tokens(queryText);
  const body = toks.indexOf('{');
  const groups: PrintGroup[] = [];
  const open: string[] = [];
  for (let i = body + 1; i < toks.length; i++) {
    const upper = (toks[i] as string).toUpperCase();
    if (upper === 'PRINT') {
      const { items, next, withVector } = printItems(toks, i + 1);
      const group: PrintGroup = { items, unconditional: !open.some((o) => o !== 'CASE') };
      if (withVector) group.withVector = true;
      groups.push(group);
      i = next - 1;
    } else if (OPENERS.has(upper) && !(upper === 'IF' && toks[i - 1]?.toUpperCase() === 'ELSE')) {
      open.push(upper);
    } else if (upper === 'END') open.pop();
  }
  return groups;
}
