// GSQL tokenizer: identifiers/keywords, numbers, quoted strings, punctuation. Comments (#, //,
// /* */) are skipped. Each token remembers whether a newline preceded it, because top-level GSQL
// statements end at the end of a line.

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier text as written, string contents without quotes, or the punctuation itself. */
  text: string;
  line: number;
  column: number;
  /** True when a newline separates this token from the previous one. */
  newline: boolean;
  /** Offset of the token in the source (for slicing statement text). */
  start: number;
  end: number;
}

export class GsqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const PUNCT2 = ['<=', '>=', '!=', '==', '+=', '-=', '::'];
const PUNCT1 = '(),<>=;{}*|.:[]+-/@$&!%^~?';

/**
 * The string literal opening at `start` (contents and end offset), or undefined when none opens
 * there. `line`/`column` place the "Unterminated string" error at the opening quote.
 */
function scanString(
  src: string,
  start: number,
  line: number,
  column: number,
): { text: string; end: number } | undefined {
  // `"""…"""` or `'''…'''`: a raw string (no escapes, may hold quotes), as data-source JSON is written.
  const triple = src.startsWith('"""', start) ? '"""' : src.startsWith("'''", start) ? "'''" : undefined;
  if (triple !== undefined) {
    const close = src.indexOf(triple, start + 3);
    if (close < 0) throw new GsqlSyntaxError('Unterminated string', line, column);
    return { text: src.slice(start + 3, close), end: close + 3 };
  }
  const c = src[start];
  if (c !== '"' && c !== "'") return undefined;
  let i = start + 1;
  let text = '';
  while (i < src.length && src[i] !== c) {
    if (src[i] === '\\' && i + 1 < src.length) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (src[i] === '\n') throw new GsqlSyntaxError('Unterminated string', line, column);
    text += src[i];
    i++;
  }
  if (i >= src.length) throw new GsqlSyntaxError('Unterminated string', line, column);
  return { text, end: i + 1 };
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let newline = true;
  const push = (kind: TokenKind, text: string, start: number, end: number) => {
    out.push({ kind, text, line, column: start - lineStart + 1, newline, start, end });
    newline = false;
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      newline = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      const end = close < 0 ? src.length : close + 2;
      for (let k = i; k < end; k++) {
        if (src[k] === '\n') {
          line++;
          lineStart = k + 1;
          newline = true;
        }
      }
      i = end;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i] as string)) i++;
      push('ident', src.slice(start, i), start, i);
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < src.length && /[0-9.eE]/.test(src[i] as string)) i++;
      push('number', src.slice(start, i), start, i);
      continue;
    }
    // `s.@score'`: a quote right after a name is GSQL's prime (previous value), not a string.
    if (c === "'" && i > 0 && /[A-Za-z0-9_]/.test(src[i - 1] as string)) {
      i++;
      push('punct', "'", start, i);
      continue;
    }
    const str = scanString(src, start, line, start - lineStart + 1);
    if (str !== undefined) {
      i = str.end;
      push('string', str.text, start, i);
      continue;
    }
    const two = src.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      i += 2;
      push('punct', two, start, i);
      continue;
    }
    if (PUNCT1.includes(c)) {
      i++;
      push('punct', c, start, i);
      continue;
    }
    throw new GsqlSyntaxError(`Unexpected character '${c}'`, line, start - lineStart + 1);
  }
  out.push({ kind: 'eof', text: '<EOF>', line, column: i - lineStart + 1, newline: true, start: i, end: i });
  return out;
}
