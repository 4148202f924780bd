// 1-Block SELECT in the GSQL shell (4.2+): `SELECT s FROM pattern [WHERE …] [ACCUM …] …` on its own,
// optionally after `LET <declarations> IN`, runs at once as an anonymous interpreted query. Its
// vertex set prints as "Result_Vertex_Set", then the LET block's global accumulators. Table outputs
// (several items, aggregates, expressions) are refused.
import { GsqlSyntaxError } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { Expr, QueryDef, Stmt } from './ast.js';
import { QueryBodyParser } from './parser.js';

export const RESULT_SET = 'Result_Vertex_Set';

/** Whether the statement at the cursor is a 1-block SELECT (`SELECT …` or `LET … IN SELECT …`). */
export const isOneBlock = (c: Cursor): boolean => c.isKw('SELECT') || c.isKw('LET');

/** Parses the statement at the cursor into the anonymous query that runs it. */
export function parseOneBlock(c: Cursor, src: string): QueryDef {
  const first = c.peek();
  const p = new QueryBodyParser(c, src);
  const body: Stmt[] = [];
  if (c.acceptKw('LET')) {
    while (!c.isKw('IN')) {
      if (c.peek().kind === 'eof') throw c.error();
      const st = p.statement();
      if (st) body.push(st);
    }
    c.expectKw('IN');
  }
  const globals = body.flatMap((s) => (s.k === 'declAccum' ? s.names.filter((n) => n.global) : []));
  const at = { line: first.line, column: first.column };
  const sel = p.selectBlock(RESULT_SET);
  c.acceptPunct(';');
  const name = (n: string): Expr => ({ ...at, k: 'name', name: n });
  body.push({ ...at, k: 'select', sel });
  body.push({
    ...at,
    k: 'print',
    items: [{ e: name(RESULT_SET), key: RESULT_SET, proj: undefined }],
    where: undefined,
  });
  if (globals.length > 0) {
    const items = globals.map((g) => ({
      e: { ...at, k: 'gacc', name: g.name } as Expr,
      key: `@@${g.name}`,
      proj: undefined,
    }));
    body.push({ ...at, k: 'print', items, where: undefined });
  }
  const text = src.slice(first.start, c.tokens[c.pos - 1]?.end ?? first.end);
  if (text.trim() === '') throw new GsqlSyntaxError('Empty 1-block SELECT', first.line, first.column);
  return { name: '', graph: '', params: [], syntax: 'v2', body, text };
}
