// A search filter is a GSQL condition on the candidate vertex `v` (e.g. `v.birth_year < 1990`),
// placed in a WHERE clause. It is checked so that it cannot end that clause: no `;`, and brackets
// balanced outside string literals.
import { ValidationError } from '@tgraph/protocol/errors';

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

/** Returns the filter when it is one self-contained condition, else a ValidationError saying why. */
export function checkFilter(filter: unknown): string {
  const fail = (why: string) =>
    new ValidationError(
      `filter ${why}; give one GSQL condition on the vertex alias v, e.g. 'v.birth_year < 1990 AND v.sex == "female"'`,
      { field: 'filter' },
    );
  if (typeof filter !== 'string' || filter.trim() === '') throw fail('must be a non-empty string');
  const stack: string[] = [];
  for (let i = 0; i < filter.length; i++) {
    const c = filter[i] as string;
    if (c === '"' || c === "'") {
      const end = closingQuote(filter, i);
      if (end < 0) throw fail(`has an unterminated string literal at position ${i}`);
      i = end;
    } else if (c === ';') throw fail('must not contain ; (one condition, not statements)');
    else if (c in OPEN) stack.push(OPEN[c] as string);
    else if (CLOSE.has(c) && stack.pop() !== c) throw fail(`has an unbalanced '${c}' at position ${i}`);
    else if ((c === '/' && (filter[i + 1] === '/' || filter[i + 1] === '*')) || c === '#')
      throw fail('must not contain comments');
  }
  if (stack.length > 0) throw fail(`is missing a closing '${stack.at(-1)}'`);
  return filter;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
