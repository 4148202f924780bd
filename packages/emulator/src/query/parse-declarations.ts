// Declaration statements of a query body (TYPEDEF TUPLE, FILE, accumulators, variables,
// EXCEPTION), for the query-body parser (parser.ts).
import type { Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { AccType, BaseType, Expr, Stmt, VarType } from './ast.js';

/** Where a statement starts. */
export type Pos = { line: number; column: number };

/** What declarations need of the query-body parser. */
export interface DeclHost {
  c: Cursor;
  /** Tuple types declared so far; TYPEDEF adds to them. */
  tuples: Set<string>;
  /** FILE objects declared so far, which PRINT … TO_CSV names; `FILE f (…)` adds to them. */
  fileNames: Set<string>;
  isTypeStart(): boolean;
  baseType(): BaseType;
  varType(): VarType;
  accType(): AccType;
  expr(): Expr;
  unsupported(what: string, t?: Token): never;
}

function pos(t: Token): Pos {
  return { line: t.line, column: t.column };
}

/** `TYPEDEF TUPLE<…> name;` */
export function parseTypedef(h: DeclHost, p: Pos): Stmt {
  const c = h.c;
  c.next();
  c.expectKw('TUPLE');
  c.expectPunct('<');
  const fields: { name: string; type: BaseType }[] = [];
  do {
    // Both `INT a` and `a INT` orders are GSQL.
    if (h.isTypeStart()) {
      const type = h.baseType();
      fields.push({ name: c.ident(), type });
    } else {
      const name = c.ident();
      fields.push({ name, type: h.baseType() });
    }
  } while (c.acceptPunct(','));
  c.expectPunct('>');
  const name = c.ident();
  h.tuples.add(name);
  c.expectPunct(';');
  return { ...p, k: 'typedef', name, fields };
}

/** `FILE f (path);` */
export function parseFileDecl(h: DeclHost, p: Pos): Stmt {
  const c = h.c;
  c.next();
  const name = c.ident();
  c.expectPunct('(');
  const path = h.expr();
  c.expectPunct(')');
  c.expectPunct(';');
  h.fileNames.add(name);
  return { ...p, k: 'declFile', name, path };
}

/** `SumAccum<INT> @a = 0, @@b;` and the like. */
export function parseDeclAccum(h: DeclHost, p: Pos, t: Token): Stmt {
  const c = h.c;
  const type = h.accType();
  // `OrAccum EDGE @visited`: one accumulator per edge instead of per vertex.
  const edge = c.acceptKw('EDGE');
  const names: { name: string; init: Expr | undefined; global: boolean; dims?: Expr[] }[] = [];
  do {
    c.expectPunct('@');
    const global = c.acceptPunct('@');
    const name = c.ident();
    const dims = arrayDims(h, type, c.peek());
    names.push({
      name,
      init: c.acceptPunct('=') ? h.expr() : undefined,
      global,
      ...(dims ? { dims } : {}),
    });
  } while (c.acceptPunct(','));
  c.expectPunct(';');
  if (edge && names.some((n) => n.global)) h.unsupported('A global EDGE accumulator', t);
  const global = names[0]?.global ?? false;
  return { ...p, k: 'declAccum', global, names, type, ...(edge ? { edge } : {}) };
}

/** `type x [= e], y …;` */
export function parseDeclVar(h: DeclHost, p: Pos): Stmt {
  const c = h.c;
  const type = h.varType();
  const names: { name: string; init: Expr | undefined }[] = [];
  do {
    const name = c.ident();
    names.push({ name, init: c.acceptPunct('=') ? h.expr() : undefined });
  } while (c.acceptPunct(','));
  c.expectPunct(';');
  return { ...p, k: 'declVar', type, names };
}

/** `EXCEPTION name (code);` */
export function parseExceptionDecl(h: DeclHost, p: Pos): Stmt {
  const c = h.c;
  c.next();
  const name = c.ident();
  c.expectPunct('(');
  const code = c.next();
  if (code.kind !== 'number') throw c.error(code);
  c.expectPunct(')');
  c.expectPunct(';');
  return { ...p, k: 'declException', name, code: BigInt(code.text) };
}

/**
 * An ArrayAccum name's `[d1][d2]…` (required: GSQL declares the shape with the name); an empty
 * `[]` is a dimension of size 0 until `.reallocate()` sizes it.
 */
function arrayDims(h: DeclHost, type: AccType, at: Token): Expr[] | undefined {
  const c = h.c;
  if (type.k !== 'Array') return undefined;
  const dims: Expr[] = [];
  while (c.isPunct('[')) {
    const open = c.next();
    if (c.acceptPunct(']')) {
      dims.push({ ...pos(open), k: 'lit', v: 0n });
      continue;
    }
    dims.push(h.expr());
    c.expectPunct(']');
  }
  if (dims.length === 0) throw c.error(at);
  return dims;
}
