// Token cursor shared by the statement parsers: peek/expect helpers with case-insensitive keywords.
import { GsqlSyntaxError, type Token } from './lexer.js';

export class Cursor {
  pos = 0;
  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** True when the token at `offset` is the keyword `kw` (case-insensitive). */
  isKw(kw: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === kw;
  }

  isPunct(p: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === p;
  }

  acceptKw(kw: string): boolean {
    if (!this.isKw(kw)) return false;
    this.pos++;
    return true;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.pos++;
    return true;
  }

  expectKw(kw: string): Token {
    if (!this.isKw(kw)) throw this.error();
    return this.next();
  }

  expectPunct(p: string): Token {
    if (!this.isPunct(p)) throw this.error();
    return this.next();
  }

  ident(): string {
    const t = this.peek();
    if (t.kind !== 'ident') throw this.error();
    this.pos++;
    return t.text;
  }

  string(): string {
    const t = this.peek();
    if (t.kind !== 'string') throw this.error();
    this.pos++;
    return t.text;
  }

  /** Comma-separated identifiers. */
  identList(): string[] {
    const names = [this.ident()];
    while (this.acceptPunct(',')) names.push(this.ident());
    return names;
  }

  /** A syntax error at the current token, worded like GSQL's parser. */
  error(t: Token = this.peek()): GsqlSyntaxError {
    return new GsqlSyntaxError(encountered(t), t.line, t.column);
  }
}

export function encountered(t: Token): string {
  const where = `at line ${t.line}, column ${t.column}.`;
  if (t.kind === 'eof') return `Encountered "<EOF>" ${where}`;
  if (t.kind === 'ident') return `Encountered " <IDENTIFIER> "${t.text} "" ${where}`;
  if (t.kind === 'number') return `Encountered " <INTEGER_LITERAL> "${t.text} "" ${where}`;
  if (t.kind === 'string') return `Encountered " <STRING_LITERAL> "\\"${t.text}\\" "" ${where}`;
  return `Encountered " "${t.text}" "${t.text} "" ${where}`;
}
