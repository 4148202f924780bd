// Recursive-descent parser for GSQL query text (CREATE / INTERPRET QUERY bodies): types,
// declarations, statements and SELECT blocks. Constructs outside the emulator's subset raise
// UnsupportedConstruct naming the construct, so a query never installs with silently different
// semantics.

import { GsqlSyntaxError, type Token } from '../gsql/lexer.js';
import type {
  AccType,
  BaseType,
  Expr,
  Hop,
  LValue,
  PrimName,
  PrintItem,
  QueryParam,
  SeedItem,
  SelectBlock,
  Stmt,
  VarType,
} from './ast.js';
import { type PathPattern, patternsOf, vertexAliasesOf } from './ast.js';
import { type ParsedPattern, parsePattern, planPatterns } from './conjunctive.js';
import { DELETE_TARGET, deleteBlock, extraHop, hasClausesPastWhere } from './delete.js';
import { type AccTypeHost, parseAccType } from './parse-acc-type.js';
import { type ClassicHost, parseClassicPath } from './parse-classic.js';
import {
  type DeclHost,
  type Pos,
  parseDeclAccum,
  parseDeclVar,
  parseExceptionDecl,
  parseFileDecl,
  parseTypedef,
} from './parse-declarations.js';
import { ExprParser, UnsupportedConstruct } from './parse-expr.js';
import { parseV3From, type V3Host, withFilters } from './parse-v3.js';
import { checkPer, parsePer } from './per.js';
import { type ClauseHost, parseSample } from './sample.js';
import { parseTableColumns, TABLE_TARGET, type TableHost } from './tabular.js';
import { parseTableClauses } from './tabular-clauses.js';
import { UPDATE_TARGET, updateBlock, updateSyntaxError } from './update.js';
import { atVectorSearch, parseVectorSearch } from './vector-search.js';

export { UnsupportedConstruct };

const PRIMS: Record<string, PrimName> = {
  INT: 'INT',
  INT64: 'INT',
  UINT: 'UINT',
  UINT64: 'UINT',
  FLOAT: 'FLOAT',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  BOOL: 'BOOL',
  DATETIME: 'DATETIME',
};

/** Keywords that end an ACCUM / POST-ACCUM statement list. */
const CLAUSE_END = ['POST', 'POST_ACCUM', 'HAVING', 'ORDER', 'LIMIT', 'ACCUM', 'WHERE', 'SAMPLE', 'PER'];

/** A refusal found while parsing, worded like the semantic checks (compile.ts), with its position. */
function semanticError(msg: string, t: { line: number; column: number }): GsqlSyntaxError {
  return new GsqlSyntaxError(
    `Semantic Check Fails: ${msg} (line ${t.line}, column ${t.column}).`,
    t.line,
    t.column,
  );
}

const UNSUPPORTED_STMTS: Record<string, string> = {
  DELETE: 'DELETE (data modification)',
  SWITCH: 'SWITCH',
  RESET_COLLECTION_ACCUM: 'RESET_COLLECTION_ACCUM',
  LOG: '',
};

export class QueryBodyParser extends ExprParser {
  /** `SYNTAX V1` was declared: an edge step without arrowhead goes left to right. */
  classic = false;
  /** The declared `SYNTAX` (lower case), if any. */
  syntax: string | undefined;
  /** FILE objects declared so far (FILE parameters and `FILE f (…)`), which PRINT … TO_CSV names. */
  private readonly fileNames = new Set<string>();

  // ---- types ------------------------------------------------------------------------------

  baseType(): BaseType {
    const c = this.c;
    const t = c.peek();
    const up = this.kw();
    if (PRIMS[up]) {
      c.next();
      return { k: 'prim', name: PRIMS[up] };
    }
    if (up === 'VERTEX' || up === 'EDGE') {
      c.next();
      let name: string | undefined;
      if (c.acceptPunct('<')) {
        name = c.ident();
        c.expectPunct('>');
      }
      return up === 'VERTEX' ? { k: 'vertex', vtype: name } : { k: 'edge', etype: name };
    }
    if (t.kind === 'ident' && this.tuples.has(t.text)) {
      c.next();
      return { k: 'tuple', name: t.text };
    }
    if (up === 'JSONOBJECT' || up === 'JSONARRAY')
      this.unsupported(
        `${up} as a MapAccum or GroupByAccum element, a collection element or a tuple field (only a variable or a ListAccum element; GSQL's docs do not define the others for JSON)`,
      );
    if (up === 'FILE') this.unsupported(`The ${up} type`);
    throw c.error();
  }

  varType(): VarType {
    const c = this.c;
    const up = this.kw();
    if (up === 'JSONOBJECT' || up === 'JSONARRAY') {
      c.next();
      return { k: 'json', name: up };
    }
    if (up === 'SET' || up === 'BAG' || up === 'LIST') {
      c.next();
      c.expectPunct('<');
      const el = this.baseType();
      c.expectPunct('>');
      return { k: 'coll', coll: up, el };
    }
    if (up === 'MAP') {
      c.next();
      c.expectPunct('<');
      const key = this.baseType();
      c.expectPunct(',');
      const val = this.baseType();
      c.expectPunct('>');
      return { k: 'map', key, val };
    }
    return this.baseType();
  }

  private isTypeStart(): boolean {
    const up = this.kw();
    const t = this.c.peek();
    if (
      PRIMS[up] ||
      ['VERTEX', 'EDGE', 'SET', 'BAG', 'LIST', 'MAP', 'JSONOBJECT', 'JSONARRAY'].includes(up)
    ) {
      // `SET` etc. only when a type follows (`SET<`), never a bare name.
      if (['SET', 'BAG', 'LIST', 'MAP'].includes(up)) return this.c.isPunct('<', 1);
      return true;
    }
    return t.kind === 'ident' && this.tuples.has(t.text) && this.c.peek(1).kind === 'ident';
  }

  accType(): AccType {
    return parseAccType(this.accTypeHost());
  }

  private declHost(): DeclHost {
    return {
      c: this.c,
      tuples: this.tuples,
      fileNames: this.fileNames,
      isTypeStart: () => this.isTypeStart(),
      baseType: () => this.baseType(),
      varType: () => this.varType(),
      accType: () => this.accType(),
      expr: () => this.expr(),
      unsupported: (what, t) => this.unsupported(what, t),
    };
  }

  private accTypeHost(): AccTypeHost {
    return {
      c: this.c,
      tuples: this.tuples,
      kw: () => this.kw(),
      baseType: () => this.baseType(),
      expr: () => this.expr(),
      unsupported: (what, t) => this.unsupported(what, t),
      semantic: (msg, at) => semanticError(msg, at),
    };
  }

  // ---- header -----------------------------------------------------------------------------

  params(): QueryParam[] {
    const c = this.c;
    c.expectPunct('(');
    const out: QueryParam[] = [];
    if (!c.isPunct(')')) {
      do {
        const at = c.peek();
        const file = this.kw() === 'FILE' && c.peek(1).kind === 'ident';
        if (file) c.next();
        const type: VarType = file ? { k: 'file' } : this.varType();
        // GSQL's parameter types leave JSONOBJECT and JSONARRAY out (the GSQL reference card).
        if (type.k === 'json') throw semanticError(`A query parameter cannot be ${type.name}`, at);
        const name = c.ident();
        if (file) this.fileNames.add(name);
        const def = c.acceptPunct('=') ? this.expr() : undefined;
        out.push({ name, type, default: def });
      } while (c.acceptPunct(','));
    }
    c.expectPunct(')');
    return out;
  }

  // ---- statements -------------------------------------------------------------------------

  /** `{ ... }` query body. */
  body(): Stmt[] {
    const c = this.c;
    c.expectPunct('{');
    const out: Stmt[] = [];
    while (!c.isPunct('}')) {
      if (c.peek().kind === 'eof') throw c.error();
      if (c.acceptPunct(';')) continue;
      const s = this.statement();
      if (s) out.push(s);
    }
    c.expectPunct('}');
    return out;
  }

  /** `STATIC accumType @@name…;` (global accumulators only, as GSQL's grammar has it). */
  private staticAccum(): Stmt {
    const c = this.c;
    c.expectKw('STATIC');
    if (!/ACCUM$/i.test(c.peek().text)) throw c.error();
    const s = this.statement();
    if (s?.k !== 'declAccum') throw c.error();
    const local = s.names.find((n) => !n.global);
    if (local || s.edge)
      throw semanticError(
        `STATIC is for global accumulators (@@name), not @${local?.name ?? s.names[0]?.name}`,
        s,
      );
    return { ...s, static: true };
  }

  private block(ends: string[]): Stmt[] {
    const c = this.c;
    const out: Stmt[] = [];
    while (!ends.includes(this.kw())) {
      if (c.peek().kind === 'eof') throw c.error();
      if (c.acceptPunct(';')) continue;
      const s = this.statement();
      if (s) out.push(s);
    }
    return out;
  }

  statement(): Stmt | undefined {
    const c = this.c;
    const t = c.peek();
    const p = this.pos(t);
    const up = this.kw();
    if (up === 'LOG') {
      // LOG(cond, ...) writes to the GPE log only: no observable effect.
      c.next();
      this.expr();
      c.expectPunct(';');
      return undefined;
    }
    if (up === 'DELETE' && !c.isPunct('=', 1) && !c.isPunct('(', 1)) return this.deleteStmt();
    if (up === 'UPDATE' && c.peek(1).kind === 'ident' && c.isKw('FROM', 2)) return this.updateStmt();
    // A SELECT that starts a statement is the tabular form (`SELECT a, b AS x INTO T FROM …`).
    if (up === 'SELECT') return this.tabularSelect();
    if (up in UNSUPPORTED_STMTS && up !== 'LOG' && !c.isPunct('=', 1) && !c.isPunct('(', 1))
      this.unsupported(UNSUPPORTED_STMTS[up] as string, t);
    if (up === 'TYPEDEF') return parseTypedef(this.declHost(), p);
    if (up === 'FILE' && c.peek(1).kind === 'ident' && c.isPunct('(', 2))
      return parseFileDecl(this.declHost(), p);
    if (up === 'STATIC') return this.staticAccum();
    if (/ACCUM$/.test(up)) return parseDeclAccum(this.declHost(), p, t);
    if (this.isTypeStart()) return parseDeclVar(this.declHost(), p);
    const keyworded = this.keywordStatement(up, p);
    if (keyworded) return keyworded;
    // Vertex-set statements: `S = {…}`, `S (ANY) = {…}`, `S = SELECT …`, `S = A UNION B`.
    // `q(f, …);` (a call of another query as a statement) is not an annotation `S (T) = …`.
    const annotated = c.isPunct('(', 1) && c.isPunct(')', 3) && c.isPunct('=', 4);
    if (t.kind === 'ident' && (c.isPunct('=', 1) || annotated)) return this.vsetStatement(p);
    const s = this.simpleStatement();
    c.expectPunct(';');
    return s;
  }

  /** The statements a keyword starts (EXCEPTION, RAISE, TRY, …); undefined when `up` is none of them. */
  private keywordStatement(up: string, p: Pos): Stmt | undefined {
    const c = this.c;
    switch (up) {
      case 'EXCEPTION':
        return parseExceptionDecl(this.declHost(), p);
      case 'RAISE':
        return this.raise(p);
      case 'TRY':
        return this.tryStmt(p);
      case 'INSERT': {
        const st = this.insert();
        c.expectPunct(';');
        return st;
      }
      case 'IF':
        return this.ifStmt(';');
      case 'CASE':
        return this.caseStmt(';');
      case 'WHILE':
        return this.whileStmt(p);
      case 'FOREACH':
        return this.foreach(';');
      case 'PRINT':
        return this.print();
      case 'RETURN': {
        c.next();
        const e = c.isPunct(';') ? undefined : this.expr();
        c.expectPunct(';');
        return { ...p, k: 'return', e };
      }
      case 'BREAK':
      case 'CONTINUE':
        c.next();
        c.expectPunct(';');
        return { ...p, k: up === 'BREAK' ? 'break' : 'continue' };
    }
    return undefined;
  }

  /** `RAISE name [(message)];` */
  private raise(p: Pos): Stmt {
    const c = this.c;
    c.next();
    const name = c.ident();
    let message: Expr | undefined;
    if (c.acceptPunct('(')) {
      message = this.expr();
      c.expectPunct(')');
    }
    c.expectPunct(';');
    return { ...p, k: 'raise', name, message };
  }

  /** `TRY … EXCEPTION WHEN name THEN … [ELSE …] END;` */
  private tryStmt(p: Pos): Stmt {
    const c = this.c;
    c.next();
    const body = this.block(['EXCEPTION']);
    c.expectKw('EXCEPTION');
    const handlers: [string, Stmt[]][] = [];
    while (c.acceptKw('WHEN')) {
      const name = c.ident();
      c.expectKw('THEN');
      handlers.push([name, this.block(['WHEN', 'ELSE', 'END'])]);
    }
    const elseBody = c.acceptKw('ELSE') ? this.block(['END']) : undefined;
    c.expectKw('END');
    c.expectPunct(';');
    return { ...p, k: 'try', body, handlers, else: elseBody };
  }

  /** `WHILE cond [LIMIT n] DO … END;` */
  private whileStmt(p: Pos): Stmt {
    const c = this.c;
    c.next();
    const cond = this.expr();
    const limit = c.acceptKw('LIMIT') ? this.expr() : undefined;
    c.expectKw('DO');
    const body = this.block(['END']);
    c.expectKw('END');
    c.expectPunct(';');
    return { ...p, k: 'while', cond, limit, body };
  }

  /** `S [(T)] = {…} | SELECT … | A UNION B | expr;` */
  private vsetStatement(p: Pos): Stmt {
    const c = this.c;
    const name = c.ident();
    if (c.acceptPunct('(')) {
      // Vertex-set type annotation: `Start (Patient) = …` / `(ANY)`.
      c.ident();
      c.expectPunct(')');
    }
    c.expectPunct('=');
    if (c.isPunct('{')) {
      const seed = this.seed();
      c.expectPunct(';');
      return { ...p, k: 'vset', name, seed };
    }
    if (c.isKw('SELECT')) {
      const sel = this.select(name);
      c.expectPunct(';');
      return { ...p, k: 'select', sel };
    }
    const l = c.peek();
    if (l.kind === 'ident' && ['UNION', 'INTERSECT', 'MINUS'].includes(c.peek(1).text.toUpperCase())) {
      c.next();
      const op = c.next().text.toUpperCase() as 'UNION' | 'INTERSECT' | 'MINUS';
      const r = c.ident();
      if (['UNION', 'INTERSECT', 'MINUS'].includes(this.kw()))
        this.unsupported('Chained vertex-set operators');
      c.expectPunct(';');
      return { ...p, k: 'vsetOp', name, op, l: l.text, r };
    }
    const rhs = atVectorSearch(c) ? parseVectorSearch(this) : this.expr();
    c.expectPunct(';');
    return { ...p, k: 'assign', lhs: { k: 'var', name }, op: '=', rhs };
  }

  /** Assignment, accumulation or a call: what ACCUM clauses and top-level `@@x += …;` share. */
  private simpleStatement(): Stmt {
    const c = this.c;
    const t = c.peek();
    const p = this.pos(t);
    const e = this.postfix();
    if (c.acceptPunct('+=')) return { ...p, k: 'assign', lhs: this.lvalue(e, t), op: '+=', rhs: this.expr() };
    if (c.acceptPunct('=')) return { ...p, k: 'assign', lhs: this.lvalue(e, t), op: '=', rhs: this.expr() };
    if (c.isPunct('-=')) this.unsupported('The -= operator', c.peek());
    if (e.k === 'method' || e.k === 'call') return { ...p, k: 'expr', e };
    throw c.error();
  }

  private lvalue(e: Expr, t: Token): LValue {
    switch (e.k) {
      case 'name':
        return { k: 'var', name: e.name };
      case 'gacc':
        return { k: 'gacc', name: e.name };
      case 'vacc':
        return { k: 'vacc', obj: e.obj, name: e.name };
      case 'attr':
        return { k: 'attr', obj: e.obj, name: e.name };
      case 'index':
        return { k: 'index', obj: e.obj, index: e.index };
      default:
        throw this.c.error(t);
    }
  }

  /**
   * `IF c THEN … [ELSE IF c THEN …]* [ELSE …] END`. An IF on the line after ELSE may also be an IF
   * nested in the ELSE branch with its own END (the library writes both); the two mean the same,
   * so there the nested reading is tried first and the chain reading when no second END follows.
   */
  private ifStmt(sep: ';' | ',', nested = false): Stmt {
    const c = this.c;
    const p = this.pos();
    c.expectKw('IF');
    const branches: [Expr, Stmt[]][] = [];
    let elseBody: Stmt[] | undefined;
    const body = (ends: string[]) => (sep === ';' ? this.block(ends) : this.accumList(ends));
    const cond = this.expr();
    c.expectKw('THEN');
    branches.push([cond, body(['ELSE', 'END'])]);
    for (;;) {
      if (c.acceptKw('END')) break;
      c.expectKw('ELSE');
      if (c.isKw('IF')) {
        const at = c.pos;
        // `ELSE IF` on one line is the chain; an IF on its own line may be a nested IF.
        if (c.peek().newline)
          try {
            elseBody = [this.ifStmt(sep, true)];
            if (sep === ';') c.acceptPunct(';');
            c.expectKw('END');
            break;
          } catch (e) {
            if (!(e instanceof GsqlSyntaxError)) throw e;
            c.pos = at;
          }
        c.next();
        const cnd = this.expr();
        c.expectKw('THEN');
        branches.push([cnd, body(['ELSE', 'END'])]);
        continue;
      }
      elseBody = body(['END']);
      c.expectKw('END');
      break;
    }
    if (sep === ';' && !nested) c.expectPunct(';');
    return { ...p, k: 'if', branches, else: elseBody };
  }

  /**
   * `INSERT INTO [EDGE] name [(PRIMARY_ID | FROM, TO, attr…)] VALUES (v, …)`, `_` for an
   * attribute's default (insert-check.ts checks it against the schema at CREATE).
   */
  private insert(): Stmt {
    const c = this.c;
    const p = this.pos();
    c.expectKw('INSERT');
    c.expectKw('INTO');
    const edge = c.acceptKw('EDGE');
    const name = c.ident();
    let columns: string[] | undefined;
    if (c.acceptPunct('(')) {
      columns = c.identList();
      c.expectPunct(')');
    }
    c.expectKw('VALUES');
    c.expectPunct('(');
    const values: (Expr | undefined)[] = [];
    const types: (string | undefined)[] = [];
    do {
      values.push(this.insertValue());
      // An edge's FROM / TO value may name its vertex type (`name Person`).
      if (values.length <= 2 && c.peek().kind === 'ident') types[values.length - 1] = c.ident();
    } while (c.acceptPunct(','));
    c.expectPunct(')');
    return {
      ...p,
      k: 'insert',
      edge,
      name,
      values,
      ...(columns ? { columns } : {}),
      ...(types.length > 0 ? { types: [types[0], types[1]] } : {}),
    };
  }

  /** One INSERT value: an expression, or `_` (undefined: the attribute's default). */
  private insertValue(): Expr | undefined {
    const c = this.c;
    if (c.isKw('_') && (c.isPunct(',', 1) || c.isPunct(')', 1))) {
      c.next();
      return undefined;
    }
    return this.expr();
  }

  /** `CASE [subject] WHEN x THEN stmts … [ELSE stmts] END` as the IF chain it means. */
  private caseStmt(sep: ';' | ','): Stmt {
    const c = this.c;
    const p = this.pos();
    c.expectKw('CASE');
    const subject = c.isKw('WHEN') ? undefined : this.expr();
    const branches: [Expr, Stmt[]][] = [];
    let elseBody: Stmt[] | undefined;
    const body = (ends: string[]) => (sep === ';' ? this.block(ends) : this.accumList(ends));
    while (c.isKw('WHEN')) {
      const w = c.next();
      const cond = this.expr();
      const test: Expr = subject ? { ...this.pos(w), k: 'bin', op: '==', l: subject, r: cond } : cond;
      c.expectKw('THEN');
      branches.push([test, body(['WHEN', 'ELSE', 'END'])]);
    }
    if (branches.length === 0) throw c.error();
    if (c.acceptKw('ELSE')) elseBody = body(['END']);
    c.expectKw('END');
    if (sep === ';') c.expectPunct(';');
    return { ...p, k: 'if', branches, else: elseBody };
  }

  private foreach(sep: ';' | ','): Stmt {
    const c = this.c;
    const p = this.pos();
    c.expectKw('FOREACH');
    const vars: string[] = [];
    if (c.acceptPunct('(')) {
      vars.push(...c.identList());
      c.expectPunct(')');
    } else vars.push(c.ident());
    c.expectKw('IN');
    let src: Expr;
    if (c.isKw('RANGE')) {
      const t = c.next();
      c.expectPunct('[');
      const args = [this.expr()];
      while (c.acceptPunct(',')) args.push(this.expr());
      c.expectPunct(']');
      // `RANGE[a, b].STEP(s)`
      if (c.isPunct('.') && c.isKw('STEP', 1)) {
        c.next();
        c.next();
        c.expectPunct('(');
        args.push(this.expr());
        c.expectPunct(')');
      }
      src = { ...this.pos(t), k: 'call', name: 'RANGE', args };
    } else src = this.expr();
    c.expectKw('DO');
    const body = sep === ';' ? this.block(['END']) : this.accumList(['END']);
    c.expectKw('END');
    if (sep === ';') c.expectPunct(';');
    return { ...p, k: 'foreach', vars, src, body };
  }

  /** Comma-separated ACCUM / POST-ACCUM statements, up to one of `ends` or the next clause. */
  private accumList(ends: string[]): Stmt[] {
    const c = this.c;
    const out: Stmt[] = [];
    for (;;) {
      const up = this.kw();
      if (ends.includes(up) || c.isPunct(';')) break;
      if (up === 'IF') out.push(this.ifStmt(','));
      else if (up === 'FOREACH') out.push(this.foreach(','));
      else if (up === 'CASE') out.push(this.caseStmt(','));
      else if (up === 'WHILE') {
        const p = this.pos();
        c.next();
        const cond = this.expr();
        const limit = c.acceptKw('LIMIT') ? this.expr() : undefined;
        c.expectKw('DO');
        const body = this.accumList(['END']);
        c.expectKw('END');
        out.push({ ...p, k: 'while', cond, limit, body });
      } else if (up === 'BREAK' || up === 'CONTINUE') {
        const p = this.pos();
        c.next();
        out.push({ ...p, k: up === 'BREAK' ? 'break' : 'continue' });
      } else if (up === 'INSERT') out.push(this.insert());
      else if (up === 'DELETE' && c.isPunct('(', 1)) {
        const p = this.pos();
        c.next();
        c.expectPunct('(');
        const e = this.expr();
        c.expectPunct(')');
        out.push({ ...p, k: 'delete', e });
      } else if (up === 'DELETE')
        // The docs: the query-body DELETE "can only be used as a query-body statement".
        throw semanticError(
          'DELETE … FROM is a query-body statement; in ACCUM / POST-ACCUM write DELETE(alias)',
          c.peek(),
        );
      else if (this.isTypeStart()) {
        const p = this.pos();
        const type = this.varType();
        const name = c.ident();
        c.expectPunct('=');
        out.push({ ...p, k: 'declVar', type, names: [{ name, init: this.expr() }] });
      } else out.push(this.simpleStatement());
      if (!c.acceptPunct(',')) break;
    }
    return out;
  }

  private print(): Stmt {
    const c = this.c;
    const p = this.pos();
    c.expectKw('PRINT');
    const items: PrintItem[] = [];
    do {
      const start = c.peek();
      const e = this.expr();
      let key = this.textFrom(start);
      let proj: { e: Expr; key: string }[] | undefined;
      if (c.acceptPunct('[')) {
        proj = [];
        do {
          const ps = c.peek();
          const pe = this.expr();
          let pk = this.textFrom(ps);
          if (c.acceptKw('AS')) pk = c.ident();
          proj.push({ e: pe, key: pk });
        } while (c.acceptPunct(','));
        c.expectPunct(']');
      }
      if (c.acceptKw('AS')) key = c.ident();
      const withVector = c.isKw('WITH') && c.isKw('VECTOR', 1);
      if (withVector) c.pos += 2;
      items.push(withVector ? { e, key, proj, withVector } : { e, key, proj });
    } while (c.acceptPunct(','));
    const where = c.acceptKw('WHERE') ? this.expr() : undefined;
    const toCsv = c.isKw('TO_CSV') ? this.toCsv() : undefined;
    c.expectPunct(';');
    return toCsv === undefined
      ? { ...p, k: 'print', items, where }
      : { ...p, k: 'print', items, where, toCsv };
  }

  /** `TO_CSV f`: the FILE object PRINT writes a CSV line to (interp.ts). */
  private toCsv(): string {
    const c = this.c;
    c.next();
    const t = c.peek();
    if (t.kind !== 'ident') this.unsupported('PRINT … TO_CSV to a path (write to a FILE object)', t);
    const name = c.ident();
    if (!this.fileNames.has(name)) throw semanticError(`TO_CSV ${name}: ${name} is not a FILE object`, t);
    return name;
  }

  /** Source text from `start` to the last consumed token, without whitespace (PRINT's default JSON key). */
  private textFrom(start: Token): string {
    const end = this.c.tokens[this.c.pos - 1]?.end ?? start.end;
    const raw = this.src.slice(start.start, end);
    return /["']/.test(raw) ? raw : raw.replace(/\s+/g, '');
  }

  private seed(): SeedItem[] {
    const c = this.c;
    c.expectPunct('{');
    const items: SeedItem[] = [];
    if (!c.isPunct('}')) {
      do {
        const t = c.peek();
        if (c.isKw('ANY') || c.isKw('_')) {
          c.next();
          items.push({ k: 'any' });
        } else if (t.kind === 'ident' && c.isPunct('.', 1) && c.isPunct('*', 2)) {
          c.next();
          c.next();
          c.next();
          items.push({ k: 'all', type: t.text });
        } else items.push({ k: 'expr', e: this.expr() });
      } while (c.acceptPunct(','));
    }
    c.expectPunct('}');
    return items;
  }

  // ---- SELECT -----------------------------------------------------------------------------

  /** A SELECT block assigned to `target` (the shell's 1-block SELECT, one-block.ts). */
  selectBlock(target: string): SelectBlock {
    return this.select(target);
  }

  /** `DELETE x FROM pattern [WHERE cond];` (delete.ts). */
  private deleteStmt(): Stmt {
    const c = this.c;
    const t = c.next();
    const a = c.peek();
    const alias = { line: a.line, column: a.column, k: 'name' as const, name: c.ident() };
    const sel = this.select(DELETE_TARGET, alias.name);
    if (extraHop(sel))
      throw semanticError('DELETE … FROM takes a one-hop pattern (TigerGraph supports 1-hop only)', t);
    if (hasClausesPastWhere(sel))
      throw semanticError('DELETE … FROM takes a FROM pattern and a WHERE clause only', t);
    c.expectPunct(';');
    return { line: t.line, column: t.column, k: 'select', sel: deleteBlock(sel, alias) };
  }

  /** `UPDATE x FROM pattern SET x.a = …, … [WHERE cond];` (update.ts). */
  private updateStmt(): Stmt {
    const c = this.c;
    const t = c.next();
    if (this.syntax === 'v2' || this.syntax === 'v3') throw updateSyntaxError(this.syntax, t);
    const a = c.peek();
    const alias = { line: a.line, column: a.column, k: 'name' as const, name: c.ident() };
    const from = c.pos;
    const sel = this.select(UPDATE_TARGET, alias.name);
    // UPDATE is `FROM pattern SET … [WHERE …]`: a WHERE before SET is out of place, ACCUM and the rest too.
    const early = c.tokens
      .slice(from, c.pos)
      .find((x) => x.kind === 'ident' && x.text.toUpperCase() === 'WHERE');
    if (early) throw c.error(early);
    if (extraHop(sel))
      throw semanticError('UPDATE … FROM takes a one-hop pattern (TigerGraph supports 1-hop only)', t);
    if (hasClausesPastWhere(sel))
      throw semanticError('UPDATE … FROM takes a FROM pattern, a SET clause and a WHERE clause only', t);
    c.expectKw('SET');
    const set = this.accumList(['WHERE']);
    const where = c.acceptKw('WHERE') ? this.expr() : undefined;
    c.expectPunct(';');
    return { line: t.line, column: t.column, k: 'select', sel: updateBlock(sel, alias, set, where) };
  }

  /** A SELECT block; `deleting` is the alias of a DELETE statement (no SELECT keyword before FROM). */
  private select(target: string, deleting?: string): SelectBlock {
    const c = this.c;
    const p = this.pos();
    if (deleting === undefined) c.expectKw('SELECT');
    const distinct = deleting === undefined && c.acceptKw('DISTINCT');
    const outAt = c.peek();
    // Anything but `alias FROM` (more items, INTO, an expression) is the table form.
    const tabular = deleting === undefined && !c.isKw('FROM', 1);
    if (tabular && target !== TABLE_TARGET) this.unsupported('Tabular SELECT … INTO a table', c.peek(1));
    const table = tabular ? parseTableColumns(this.tableHost(), distinct) : undefined;
    const outAlias = deleting ?? (table ? TABLE_TARGET : c.ident());
    c.expectKw('FROM');
    // SYNTAX v3 patterns start with `(` (parse-v3.ts).
    const v3 = c.isPunct('(') ? parseV3From(this.v3Host(), (n) => `_v3_${n}`) : undefined;
    const src = v3 ? (v3.src as string) : c.ident();
    let srcAlias = v3?.srcAlias ?? src;
    if (!v3 && c.acceptPunct(':')) srcAlias = c.ident();
    // Classic steps and paths (parse-classic.ts) map onto the hops v3 paths use.
    const classicPath = !v3 && (c.isPunct('-') || (c.isPunct('<') && c.isPunct('-', 1)));
    const v3Hops = v3?.hop ? [v3.hop, ...v3.more] : [];
    const [hop, ...more] = v3 ? v3Hops : classicPath ? this.classicPath(srcAlias) : [];
    const first: PathPattern = { ...p, src, srcAlias, hops: hop ? [hop, ...more] : [] };
    const conj = c.isPunct(',') ? this.conjunctive(deleting, first) : undefined;
    const sel: SelectBlock = {
      ...p,
      target,
      out: outAlias,
      distinct,
      src,
      srcAlias,
      hop,
      ...(more.length > 0 ? { more } : {}),
      ...(conj ? { patterns: conj.patterns } : {}),
      where: undefined,
      accum: [],
      postAccum: [],
      having: undefined,
      orderBy: [],
      limit: undefined,
      ...(table ? { table } : {}),
    };
    if (deleting === undefined && patternsOf(sel).some((x) => x.hops.some((h) => h.edgeAlias === outAlias)))
      this.unsupported('SELECT of an edge alias (a table output)', outAt);
    this.whereClauses(sel, [v3, ...(conj?.filters ?? [])]);
    // The SQL-like SELECT's own clauses (GROUP BY, …) follow: tabular-clauses.ts.
    if (table) return sel;
    if (c.acceptKw('ACCUM')) sel.accum = this.accumList(CLAUSE_END);
    this.postAccumClauses(sel);
    if (sel.per) checkPer(this.clauseHost(), sel, outAt);
    if (c.acceptKw('HAVING')) sel.having = this.expr();
    this.orderLimitClauses(sel);
    return sel;
  }

  /** `[SAMPLE …] [WHERE …] [PER …]`; the v3 patterns' node filters join WHERE (`filters`). */
  private whereClauses(sel: SelectBlock, filters: Parameters<typeof withFilters>[1][]): void {
    const c = this.c;
    if (c.isKw('SAMPLE')) sel.sample = parseSample(this.clauseHost(), sel);
    if (c.acceptKw('WHERE')) sel.where = this.expr();
    for (const f of filters) sel.where = withFilters(sel.where, f);
    if (c.isKw('PER') && !sel.table) sel.per = parsePer(this.clauseHost(), sel);
  }

  /** Every `POST-ACCUM [(alias)] …` clause, with the alias each statement is bound to. */
  private postAccumClauses(sel: SelectBlock): void {
    const c = this.c;
    while (c.isKw('POST') || c.isKw('POST_ACCUM')) {
      // `POST-ACCUM` and GSQL 101's `POST_ACCUM` are the same clause.
      if (!c.acceptKw('POST_ACCUM')) {
        c.next();
        c.expectPunct('-');
        c.expectKw('ACCUM');
      }
      const alias = c.isPunct('(') ? this.postAccumAlias(sel) : undefined;
      const stmts = this.accumList(CLAUSE_END);
      if (alias !== undefined) {
        sel.postAliases ??= sel.postAccum.map(() => undefined);
        for (const _ of stmts) sel.postAliases.push(alias);
      } else sel.postAliases?.push(...stmts.map(() => undefined));
      sel.postAccum.push(...stmts);
    }
  }

  /** `[ORDER BY e [ASC|DESC], …] [LIMIT k [OFFSET j]]` */
  private orderLimitClauses(sel: SelectBlock): void {
    const c = this.c;
    if (c.acceptKw('ORDER')) {
      c.expectKw('BY');
      do {
        const e = this.expr();
        const desc = c.acceptKw('DESC');
        if (!desc) c.acceptKw('ASC');
        sel.orderBy.push({ e, desc });
      } while (c.acceptPunct(','));
    }
    if (c.acceptKw('LIMIT')) {
      sel.limit = this.expr();
      if (c.isPunct(',')) this.unsupported('LIMIT j, k (write LIMIT k OFFSET j)');
      if (c.acceptKw('OFFSET')) sel.offset = this.expr();
    }
  }

  /** `SELECT [DISTINCT] e1 [AS c1], … INTO T FROM pattern [WHERE …] [GROUP BY …] …;` (tabular*.ts). */
  private tabularSelect(): Stmt {
    const c = this.c;
    const t = c.peek();
    if (c.isKw('FROM', 2)) this.unsupported('A SELECT without INTO or an assignment', t);
    const sel = this.select(TABLE_TARGET);
    if (!sel.table) this.unsupported('A SELECT without INTO or an assignment', t);
    parseTableClauses(this.tableHost(), sel, sel.table);
    c.expectPunct(';');
    return { line: t.line, column: t.column, k: 'select', sel };
  }

  /** `POST-ACCUM (a)`: the one vertex alias of the pattern the clause loops over. */
  private postAccumAlias(sel: SelectBlock): string {
    const c = this.c;
    c.expectPunct('(');
    const t = c.peek();
    const alias = c.ident();
    if (!vertexAliasesOf(sel).includes(alias))
      throw semanticError(`POST-ACCUM (${alias}): ${alias} is not a vertex alias of the FROM pattern`, t);
    if (c.isPunct(',')) this.unsupported('POST-ACCUM over more than one alias', c.peek());
    c.expectPunct(')');
    return alias;
  }

  /** For SAMPLE and PER (sample.ts). */
  private clauseHost(): ClauseHost {
    return {
      ...this.v3Host(),
      operand: () => this.postfix(),
      semantic: (msg, at) => semanticError(msg, at),
      syntax: this.syntax,
    };
  }

  private v3Host(): V3Host {
    return { c: this.c, expr: () => this.expr(), unsupported: (what, t) => this.unsupported(what, t) };
  }

  private tableHost(): TableHost {
    return {
      ...this.v3Host(),
      semantic: (msg, at) => {
        throw semanticError(msg, at);
      },
    };
  }

  private classicPath(srcAlias: string): Hop[] {
    return parseClassicPath(this.classicHost(), srcAlias);
  }

  private classicHost(): ClassicHost {
    return { ...this.tableHost(), classic: this.classic };
  }

  /** `FROM p1, p2, …` (conjunctive.ts): the further patterns in join order, and their v3 filters. */
  private conjunctive(deleting: string | undefined, first: PathPattern) {
    const c = this.c;
    const comma = c.peek();
    // DELETE / UPDATE take one FROM pattern in TigerGraph's grammar: a comma there is a syntax error.
    if (deleting !== undefined) throw c.error(comma);
    // Conjunctive patterns are a SYNTAX v2 feature; SYNTAX v1 takes one FROM step.
    if (this.classic)
      throw semanticError(
        'SYNTAX v1 takes one FROM step; conjunctive patterns need SYNTAX v2 (the default)',
        comma,
      );
    const more: ParsedPattern[] = [];
    while (c.acceptPunct(',')) more.push(parsePattern(this.classicHost(), more.length + 1));
    const patterns = planPatterns(this.classicHost(), first, more);
    return { patterns, filters: more.map((x) => x.v3) };
  }
}
