// Parser for `CREATE LOADING JOB … { DEFINE FILENAME …; LOAD … TO VERTEX|EDGE … VALUES (…) USING …; }`,
// `RUN LOADING JOB` and `SHOW JOB`, on the shared GSQL token cursor.
import type { Token } from '../gsql/lexer.js';
import { GsqlSyntaxError } from '../gsql/lexer.js';
import { type Cursor, encountered } from '../gsql/parser-base.js';
import type {
  Condition,
  LoadingJobDef,
  LoadingStatement,
  LoadStatementDef,
  LoadTarget,
  TokenExpr,
  ValueItem,
} from './job-ast.js';

import { vectorTargetHead } from './vector-load.js';

/** String token text with GSQL's escapes (`"\n"`, `"\t"`) applied; the lexer drops backslashes. */
function rawString(src: string, t: Token): string {
  const inner = src.slice(t.start + 1, t.end - 1);
  return inner.replace(/\\(.)/g, (_m, ch: string) =>
    ch === 'n' ? '\n' : ch === 't' ? '\t' : ch === 'r' ? '\r' : ch === '0' ? '\0' : ch,
  );
}

function unsupported(t: Token, what: string): GsqlSyntaxError {
  return new GsqlSyntaxError(
    `${what} is not supported by the emulator's loading jobs (line ${t.line}, column ${t.column}).`,
    t.line,
    t.column,
  );
}

export class LoadingJobParser {
  private literalFiles = 0;

  constructor(
    private readonly c: Cursor,
    private readonly src: string,
  ) {}

  /** After `CREATE`: `LOADING JOB name FOR GRAPH g { … }`. */
  createJob(): LoadingStatement {
    const c = this.c;
    c.expectKw('LOADING');
    c.expectKw('JOB');
    const name = c.ident();
    let graph: string | undefined;
    if (c.acceptKw('FOR')) {
      c.expectKw('GRAPH');
      graph = c.ident();
    }
    c.expectPunct('{');
    const job: LoadingJobDef = { name, graph, filenames: [], headers: new Map(), statements: [] };
    while (!c.isPunct('}')) {
      if (c.acceptKw('DEFINE')) this.define(job);
      else if (c.isKw('LOAD')) job.statements.push(this.load());
      else if (c.isKw('DELETE')) throw unsupported(c.peek(), 'DELETE in a loading job');
      else throw c.error();
      c.acceptPunct(';');
    }
    c.expectPunct('}');
    return { kind: 'createLoadingJob', job };
  }

  /** After `RUN`: `LOADING JOB [-noprint] name [USING f1="path", CONCURRENCY=…]`. */
  runJob(): LoadingStatement {
    const c = this.c;
    c.expectKw('LOADING');
    c.expectKw('JOB');
    let noprint = false;
    while (c.acceptPunct('-')) {
      const flag = c.ident();
      if (flag.toLowerCase() === 'noprint') noprint = true;
    }
    const name = c.ident();
    const using = new Map<string, string>();
    if (c.acceptKw('USING')) {
      do {
        const key = c.ident();
        c.expectPunct('=');
        using.set(key, this.optionValue());
      } while (c.acceptPunct(','));
    }
    return { kind: 'runLoadingJob', name, using, noprint };
  }

  /** After `SHOW`: `JOB name` or `JOB *`. */
  showJob(): LoadingStatement {
    const c = this.c;
    c.expectKw('JOB');
    return { kind: 'showJob', name: c.acceptPunct('*') ? '*' : c.ident() };
  }

  private optionValue(): string {
    const t = this.c.next();
    if (t.kind === 'string') return rawString(this.src, t);
    if (t.kind === 'number' || t.kind === 'ident') return t.text;
    throw this.c.error(t);
  }

  private define(job: LoadingJobDef): void {
    const c = this.c;
    if (c.acceptKw('FILENAME')) {
      const name = c.ident();
      if (c.acceptPunct('=')) {
        const t = c.next();
        if (t.kind !== 'string') throw c.error(t);
        job.filenames.push({ name, path: rawString(this.src, t) });
      } else {
        job.filenames.push({ name });
      }
      return;
    }
    if (c.acceptKw('HEADER')) {
      const name = c.ident();
      c.expectPunct('=');
      const cols = [c.string()];
      while (c.acceptPunct(',')) cols.push(c.string());
      job.headers.set(name, cols);
      return;
    }
    throw c.error();
  }

  private load(): LoadStatementDef {
    const c = this.c;
    c.expectKw('LOAD');
    let filename: string;
    let literalPath: string | undefined;
    const src = c.peek();
    if (src.kind === 'string') {
      c.next();
      literalPath = rawString(this.src, src);
      filename = `__GSQL_FILENAME_${this.literalFiles++}__`;
    } else {
      filename = c.ident();
    }
    const targets: LoadTarget[] = [this.target()];
    while (c.acceptPunct(',')) targets.push(this.target());
    const using = new Map<string, string>();
    if (c.acceptKw('USING')) {
      do {
        const key = c.ident().toUpperCase();
        c.expectPunct('=');
        using.set(key, this.optionValue());
      } while (c.acceptPunct(','));
    }
    const st: LoadStatementDef = { filename, targets, using };
    if (literalPath !== undefined) st.literalPath = literalPath;
    return st;
  }

  private target(): LoadTarget {
    const c = this.c;
    const at = c.peek();
    c.expectKw('TO');
    let kind: LoadTarget['kind'];
    const vectorAttr = vectorTargetHead(c);
    if (vectorAttr !== undefined) kind = 'vector';
    else if (c.acceptKw('VERTEX')) kind = 'vertex';
    else if (c.acceptKw('EDGE')) kind = 'edge';
    else if (c.isKw('TEMP_TABLE')) throw unsupported(at, 'TO TEMP_TABLE');
    else throw c.error();
    const type = c.ident();
    c.expectKw('VALUES');
    c.expectPunct('(');
    const values: ValueItem[] = [];
    if (!c.isPunct(')')) {
      do {
        values.push(this.valueItem());
      } while (c.acceptPunct(','));
    }
    c.expectPunct(')');
    const target: LoadTarget =
      vectorAttr === undefined ? { kind, type, values } : { kind, type, values, vectorAttr };
    if (c.acceptKw('WHERE')) target.where = this.orCond();
    return target;
  }

  private valueItem(): ValueItem {
    const c = this.c;
    const expr = this.expr();
    if (c.isPunct('-') && c.isPunct('>', 1)) throw unsupported(c.peek(), 'The MAP loading form (->)');
    const next = c.peek();
    if (next.kind === 'ident' && !c.isPunct('(', 1)) {
      c.next();
      return { expr, vertexType: next.text };
    }
    return { expr };
  }

  private expr(): TokenExpr {
    const c = this.c;
    const t = c.peek();
    if (c.acceptPunct('$')) {
      const n = c.next();
      if (n.kind === 'number' && /^\d+$/.test(n.text)) return { kind: 'position', index: Number(n.text) };
      if (n.kind === 'string') return { kind: 'column', name: rawString(this.src, n) };
      throw c.error(n);
    }
    if (t.kind === 'ident' && t.text === '_') {
      c.next();
      return { kind: 'skip' };
    }
    if (t.kind === 'string') {
      c.next();
      return { kind: 'literal', value: rawString(this.src, t) };
    }
    if (t.kind === 'number' || (c.isPunct('-') && c.peek(1).kind === 'number')) {
      const neg = c.acceptPunct('-');
      return { kind: 'literal', value: (neg ? '-' : '') + c.next().text };
    }
    if (t.kind === 'ident' && c.isPunct('(', 1)) {
      c.next();
      c.next();
      const args: TokenExpr[] = [];
      if (!c.isPunct(')')) {
        do {
          args.push(this.expr());
        } while (c.acceptPunct(','));
      }
      c.expectPunct(')');
      return { kind: 'call', name: t.text, args };
    }
    throw c.error(t);
  }

  private orCond(): Condition {
    let left = this.andCond();
    while (this.c.acceptKw('OR')) left = { kind: 'or', left, right: this.andCond() };
    return left;
  }

  private andCond(): Condition {
    let left = this.notCond();
    while (this.c.acceptKw('AND')) left = { kind: 'and', left, right: this.notCond() };
    return left;
  }

  private notCond(): Condition {
    const c = this.c;
    if (c.acceptKw('NOT')) return { kind: 'not', operand: this.notCond() };
    if (c.isPunct('(')) {
      c.next();
      const inner = this.orCond();
      c.expectPunct(')');
      return inner;
    }
    const left = this.expr();
    if (c.acceptKw('IS')) {
      const negated = c.acceptKw('NOT');
      const test = c.acceptKw('NUMERIC') ? 'NUMERIC' : c.acceptKw('EMPTY') ? 'EMPTY' : undefined;
      if (!test) throw c.error();
      return { kind: 'is', test, negated, operand: left };
    }
    const negIn = c.isKw('NOT') && c.isKw('IN', 1);
    if (negIn) c.next();
    if (c.acceptKw('IN')) {
      c.expectPunct('(');
      const values = [this.expr()];
      while (c.acceptPunct(',')) values.push(this.expr());
      c.expectPunct(')');
      return { kind: 'in', operand: left, values, negated: negIn };
    }
    const t = c.peek();
    const op = t.kind === 'punct' ? t.text : '';
    if (op === '==' || op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') {
      c.next();
      const norm = op === '=' ? '==' : op;
      return { kind: 'compare', op: norm as '==', left, right: this.expr() };
    }
    if (left.kind === 'call') return { kind: 'call', expr: left };
    throw new GsqlSyntaxError(encountered(t), t.line, t.column);
  }
}
