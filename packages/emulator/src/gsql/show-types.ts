// SHOW VERTEX / SHOW EDGE [name | glob | -r regex]: the vertex or edge types of the scope in use whose
// names match, listed as `ls` lists them. A glob takes `*` (any run of characters) and `?` (one).
import { type Catalog, edgeTypesOf, type Graph, vertexTypesOf } from '../store/catalog.js';
import { edgeText, vertexText } from './format.js';
import type { Cursor } from './parser-base.js';
import { StatementError } from './session.js';

export type ShowTypesStatement = {
  kind: 'showTypes';
  what: 'VERTEX' | 'EDGE';
  pattern: string;
  regex: boolean;
};

/** After `SHOW VERTEX|EDGE`: the rest of the line is the name, glob or `-r regex`. */
export function parseShowTypes(c: Cursor, src: string, what: 'VERTEX' | 'EDGE'): ShowTypesStatement {
  const regex = c.isPunct('-') && c.peek(1).text === 'r';
  if (regex) {
    c.next();
    c.next();
  }
  const first = c.peek();
  let last = first;
  while (c.peek().kind !== 'eof' && !c.peek().newline && !c.isPunct(';')) last = c.next();
  const pattern = first === last && first.kind === 'eof' ? '*' : src.slice(first.start, last.end);
  return { kind: 'showTypes', what, pattern: pattern.trim() === '' ? '*' : pattern.trim(), regex };
}

function matcher(st: ShowTypesStatement): RegExp {
  if (st.regex) {
    try {
      return new RegExp(`^(?:${st.pattern})$`);
    } catch {
      throw new StatementError(`Semantic Check Fails: ${st.pattern} is not a valid regular expression.`);
    }
  }
  const body = st.pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

export function showTypesText(cat: Catalog, graph: Graph | undefined, st: ShowTypesStatement): string {
  const re = matcher(st);
  if (st.what === 'VERTEX') {
    const types = graph ? vertexTypesOf(cat, graph) : [...cat.vertices.values()];
    return types
      .filter((t) => re.test(t.name))
      .map((t) => `  - ${vertexText(t)}`)
      .join('\n');
  }
  const types = graph ? edgeTypesOf(cat, graph) : [...cat.edges.values()];
  return types
    .filter((t) => !t.reverseOf && re.test(t.name))
    .map((t) => `  - ${edgeText(t)}`)
    .join('\n');
}
