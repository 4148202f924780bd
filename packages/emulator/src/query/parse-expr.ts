// Expression parsing for GSQL queries (operators, literals, calls, accumulators, CASE, `(k -> v)`),
// the base of the query-body parser.
import { GsqlSyntaxError, type Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { Expr } from './ast.js';
import { packageCall } from './vector-functions.js';

export class UnsupportedConstruct extends GsqlSyntaxError {
  constructor(construct: string, t: Token) {
    super(
      `Semantic Check Fails: ${construct} is outside the GSQL subset the emulator supports (line ${t.line}, column ${t.column}). See "GSQL query subset" in the @tgraph/emulator README.`,
      t.line,
      t.column,
    );
  }
}

export class ExprParser {
  /** Tuple names declared by TYPEDEF so far (they also act as types and constructors). */
  readonly tuples = new Set<string>();

  constructor(
    readonly c: Cursor,
    readonly src: string,
  ) {}

  protected pos(t: Token = this.c.peek()) {
    return { line: t.line, column: t.column };
  }

  protected unsupported(construct: string, t: Token = this.c.peek()): never {
    throw new UnsupportedConstruct(construct, t);
  }

  protected kw(): string {
    const t = this.c.peek();
    return t.kind === 'ident' ? t.text.toUpperCase() : '';
  }

  // ---- expressions ------------------------------------------------------------------------

  expr(): Expr {
    return this.or();
  }

  private or(): Expr {
    let l = this.and();
    for (;;) {
      const t = this.c.peek();
      if (this.c.acceptKw('OR') || this.twoPunct('|'))
        l = { ...this.pos(t), k: 'bin', op: 'OR', l, r: this.and() };
      else return l;
    }
  }

  private and(): Expr {
    let l = this.not();
    for (;;) {
      const t = this.c.peek();
      if (this.c.acceptKw('AND') || this.twoPunct('&'))
        l = { ...this.pos(t), k: 'bin', op: 'AND', l, r: this.not() };
      else return l;
    }
  }

  /** `||` / `&&` arrive as two one-character tokens. */
  private twoPunct(ch: string): boolean {
    if (this.c.isPunct(ch) && this.c.isPunct(ch, 1)) {
      this.c.next();
      this.c.next();
      return true;
    }
    return false;
  }

  private not(): Expr {
    const t = this.c.peek();
    if (this.c.acceptKw('NOT') || (this.c.isPunct('!') && this.c.acceptPunct('!')))
      return { ...this.pos(t), k: 'un', op: 'NOT', e: this.not() };
    return this.comparison();
  }

  private comparison(): Expr {
    const c = this.c;
    const l = this.bitOr();
    const t = c.peek();
    const p = this.pos(t);
    if (t.kind === 'punct' && ['==', '!=', '<=', '>=', '<', '>', '='].includes(t.text)) {
      c.next();
      let op = t.text === '=' ? '==' : t.text;
      if (op === '<' && c.acceptPunct('>')) op = '!=';
      return { ...p, k: 'bin', op, l, r: this.bitOr() };
    }
    if (c.isKw('NOT') && c.isKw('IN', 1)) {
      c.next();
      c.next();
      return { ...p, k: 'in', e: l, set: this.additive(), not: true };
    }
    if (c.acceptKw('IN')) return { ...p, k: 'in', e: l, set: this.additive(), not: false };
    if (c.acceptKw('BETWEEN')) {
      const lo = this.additive();
      c.expectKw('AND');
      const hi = this.additive();
      return {
        ...p,
        k: 'bin',
        op: 'AND',
        l: { ...p, k: 'bin', op: '>=', l, r: lo },
        r: { ...p, k: 'bin', op: '<=', l, r: hi },
      };
    }
    if (c.isKw('NOT') && c.isKw('LIKE', 1)) {
      c.next();
      c.next();
      return { ...p, k: 'un', op: 'NOT', e: { ...p, k: 'bin', op: 'LIKE', l, r: this.additive() } };
    }
    if (c.acceptKw('LIKE')) return { ...p, k: 'bin', op: 'LIKE', l, r: this.additive() };
    if (c.acceptKw('IS')) {
      const not = c.acceptKw('NOT');
      c.expectKw('NULL');
      return { ...p, k: 'isnull', e: l, not };
    }
    return l;
  }

  // Bitwise operators bind tighter than comparisons: `a & -b - 1 > 0` is `(a & (-b - 1)) > 0`.
  private bitOr(): Expr {
    let l = this.bitAnd();
    for (;;) {
      const t = this.c.peek();
      const setOp = ['UNION', 'INTERSECT', 'MINUS'].find((k) => this.c.isKw(k));
      if (!setOp && !this.single('|')) return l;
      this.c.next();
      l = { ...this.pos(t), k: 'bin', op: setOp ?? '|', l, r: this.bitAnd() };
    }
  }

  private bitAnd(): Expr {
    let l = this.shift();
    while (this.single('&')) {
      const t = this.c.next();
      l = { ...this.pos(t), k: 'bin', op: '&', l, r: this.shift() };
    }
    return l;
  }

  private shift(): Expr {
    let l = this.additive();
    for (;;) {
      const t = this.c.peek();
      const n = this.c.peek(1);
      const pair = (ch: string) => this.c.isPunct(ch) && this.c.isPunct(ch, 1) && n.start === t.end;
      if (!pair('<') && !pair('>')) return l;
      this.c.next();
      this.c.next();
      l = { ...this.pos(t), k: 'bin', op: t.text === '<' ? '<<' : '>>', l, r: this.additive() };
    }
  }

  /** A lone `|` / `&` (not `||` / `&&`). */
  private single(ch: string): boolean {
    return this.c.isPunct(ch) && !this.c.isPunct(ch, 1);
  }

  private additive(): Expr {
    let l = this.multiplicative();
    for (;;) {
      const t = this.c.peek();
      // `-(` after an expression starts an edge pattern only inside FROM, never here.
      if (t.kind === 'punct' && (t.text === '+' || (t.text === '-' && !this.c.isPunct('>', 1)))) {
        this.c.next();
        l = { ...this.pos(t), k: 'bin', op: t.text, l, r: this.multiplicative() };
      } else return l;
    }
  }

  private multiplicative(): Expr {
    let l = this.unary();
    for (;;) {
      const t = this.c.peek();
      if (t.kind === 'punct' && (t.text === '*' || t.text === '/' || t.text === '%')) {
        this.c.next();
        l = { ...this.pos(t), k: 'bin', op: t.text, l, r: this.unary() };
      } else return l;
    }
  }

  private unary(): Expr {
    const t = this.c.peek();
    if (this.c.acceptPunct('-')) return { ...this.pos(t), k: 'un', op: '-', e: this.unary() };
    if (this.c.acceptPunct('+')) return this.unary();
    return this.postfix();
  }

  postfix(): Expr {
    const c = this.c;
    let e = this.primary();
    for (;;) {
      const t = c.peek();
      // `@@a[i]`, `v.@a[i]`: ArrayAccum elements (`[i][j]` nests).
      const array = e.k === 'gacc' || e.k === 'index' || (e.k === 'vacc' && !e.prime);
      if (array && c.acceptPunct('[')) {
        const index = this.expr();
        c.expectPunct(']');
        e = { ...this.pos(t), k: 'index', obj: e, index };
        continue;
      }
      if (!c.isPunct('.')) return e;
      c.next();
      if (c.acceptPunct('@')) {
        const name = c.ident();
        e = c.acceptPunct("'")
          ? { ...this.pos(t), k: 'vacc', obj: e, name, prime: true }
          : { ...this.pos(t), k: 'vacc', obj: e, name };
        continue;
      }
      const name = c.ident();
      if (c.acceptPunct('(')) {
        const args = this.args();
        e = packageCall(e, name, args, this.pos(t)) ?? { ...this.pos(t), k: 'method', obj: e, name, args };
        continue;
      }
      e = { ...this.pos(t), k: 'attr', obj: e, name };
    }
  }

  private args(): Expr[] {
    const c = this.c;
    const out: Expr[] = [];
    if (!c.isPunct(')')) {
      do out.push(this.expr());
      while (c.acceptPunct(','));
    }
    c.expectPunct(')');
    return out;
  }

  private primary(): Expr {
    const c = this.c;
    const t = c.peek();
    const p = this.pos(t);
    if (t.kind === 'number') {
      c.next();
      const v = /[.eE]/.test(t.text) ? Number(t.text) : BigInt(t.text);
      if (typeof v === 'number' && Number.isNaN(v)) throw c.error(t);
      return { ...p, k: 'lit', v };
    }
    if (t.kind === 'string') {
      c.next();
      return { ...p, k: 'lit', v: t.text };
    }
    if (c.isPunct('@')) {
      c.next();
      if (!c.acceptPunct('@')) {
        // `@a` without a vertex alias: only valid inside ACCUM as a local accumulator shorthand.
        this.unsupported('Vertex accumulators without a vertex alias (@a)', t);
      }
      return { ...p, k: 'gacc', name: c.ident() };
    }
    if (c.acceptPunct('(')) {
      const first = this.expr();
      if (c.acceptPunct(')')) return first;
      const keys = [first];
      while (c.acceptPunct(',')) keys.push(this.expr());
      if (c.acceptPunct('-')) {
        c.expectPunct('>');
        const vals = [this.expr()];
        while (c.acceptPunct(',')) vals.push(this.expr());
        c.expectPunct(')');
        return { ...p, k: 'arrow', keys, vals };
      }
      c.expectPunct(')');
      return { ...p, k: 'list', items: keys };
    }
    if (c.acceptPunct('[')) {
      const items: Expr[] = [];
      if (!c.isPunct(']')) {
        do items.push(this.expr());
        while (c.acceptPunct(','));
      }
      c.expectPunct(']');
      return { ...p, k: 'list', items };
    }
    if (t.kind === 'ident') {
      const up = t.text.toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') {
        c.next();
        return { ...p, k: 'lit', v: up === 'TRUE' };
      }
      const constant = {
        GSQL_INT_MAX: 2n ** 63n - 1n,
        GSQL_INT_MIN: -(2n ** 63n),
        GSQL_UINT_MAX: 2n ** 64n - 1n,
      }[up];
      if (constant !== undefined) {
        c.next();
        return { ...p, k: 'lit', v: constant };
      }
      if (up === 'NULL') {
        c.next();
        return { ...p, k: 'lit', v: null };
      }
      if (up === 'CASE') return this.caseExpr();
      if (up === 'INTERVAL') {
        c.next();
        const n = this.unary();
        const unit = c.ident().toUpperCase();
        return { ...p, k: 'call', name: 'INTERVAL', args: [n, { ...p, k: 'lit', v: unit }] };
      }
      if (up === 'SELECT') this.unsupported('Subqueries / SELECT inside an expression', t);
      c.next();
      if (c.acceptPunct('(')) return { ...p, k: 'call', name: t.text, args: this.args() };
      return { ...p, k: 'name', name: t.text };
    }
    throw c.error(t);
  }

  private caseExpr(): Expr {
    const c = this.c;
    const p = this.pos();
    c.expectKw('CASE');
    const subject = c.isKw('WHEN') ? undefined : this.expr();
    const whens: [Expr, Expr][] = [];
    while (c.acceptKw('WHEN')) {
      const w = this.expr();
      c.expectKw('THEN');
      whens.push([w, this.expr()]);
    }
    const els = c.acceptKw('ELSE') ? this.expr() : undefined;
    c.expectKw('END');
    return { ...p, k: 'case', subject, whens, else: els };
  }
}
