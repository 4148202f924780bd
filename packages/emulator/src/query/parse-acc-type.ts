// Accumulator types in declarations (`SumAccum<INT>`, `MapAccum<K, V>`, `HeapAccum<T>(n, f DESC)`,
// `ArrayAccum<…>`, `GroupByAccum<…>`), for the query-body parser (parser.ts).
import { GsqlSyntaxError, type Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { AccKind, AccType, BaseType, Expr, JsonType } from './ast.js';

/** What accumulator types need of the query-body parser. */
export interface AccTypeHost {
  c: Cursor;
  /** Tuple types declared so far (a HeapAccum's element). */
  tuples: ReadonlySet<string>;
  /** The next token's text in upper case when it is a name, else "". */
  kw(): string;
  baseType(): BaseType;
  expr(): Expr;
  unsupported(what: string, t?: Token): never;
  semantic(msg: string, at: { line: number; column: number }): GsqlSyntaxError;
}

const SIMPLE_ACCUMS: Record<string, AccKind> = {
  SUMACCUM: 'Sum',
  MAXACCUM: 'Max',
  MINACCUM: 'Min',
  AVGACCUM: 'Avg',
  ORACCUM: 'Or',
  ANDACCUM: 'And',
  BITWISEORACCUM: 'BitwiseOr',
  BITWISEANDACCUM: 'BitwiseAnd',
  LISTACCUM: 'List',
  SETACCUM: 'Set',
  BAGACCUM: 'Bag',
};

const UNSUPPORTED_ACCUMS: string[] = [];

/** An accumulator type at the cursor. */
export function parseAccType(h: AccTypeHost): AccType {
  const c = h.c;
  const t = c.peek();
  const up = h.kw();
  if (UNSUPPORTED_ACCUMS.includes(up)) h.unsupported(t.text, t);
  const simple = SIMPLE_ACCUMS[up];
  if (simple) return simpleAccType(h, simple, t);
  if (up === 'MAPACCUM') return mapAccType(h);
  if (up === 'HEAPACCUM') return heapAccType(h, t);
  if (up === 'ARRAYACCUM') return arrayAccType(h);
  if (up === 'GROUPBYACCUM') return groupByAccType(h);
  throw c.error();
}

/** `SumAccum<INT>`, `OrAccum`, `ListAccum<ListAccum<VERTEX>>`, … */
function simpleAccType(h: AccTypeHost, simple: AccKind, t: Token): AccType {
  const c = h.c;
  c.next();
  let el: BaseType | JsonType | undefined;
  if (c.acceptPunct('<')) {
    if (/ACCUM$/i.test(c.peek().text)) {
      // Only lists/sets/bags of lists/sets/bags nest (paths as ListAccum<ListAccum<VERTEX>>).
      const at = c.peek();
      const inner = parseAccType(h);
      c.expectPunct('>');
      const coll = ['List', 'Set', 'Bag'];
      if (!coll.includes(simple) || inner.k !== 'simple' || !coll.includes(inner.kind))
        h.unsupported(
          `${inner.k === 'simple' ? `${inner.kind}Accum` : `${inner.k}Accum`} inside ${t.text}`,
          at,
        );
      return { k: 'simple', kind: simple, el: undefined, inner };
    }
    el = jsonElement(h, simple) ?? h.baseType();
    c.expectPunct('>');
  }
  if (el === undefined && !['Avg', 'Or', 'And', 'BitwiseOr', 'BitwiseAnd'].includes(simple)) throw c.error();
  return { k: 'simple', kind: simple, el };
}

/**
 * `ListAccum<JSONOBJECT>` / `ListAccum<JSONARRAY>`: the accumulator reference's grammar gives
 * ListAccum any type and defines `+=` as an append, which needs nothing of the values. Set, Bag and
 * the scalar accumulators compare or combine their values, which the docs never define for JSON.
 */
function jsonElement(h: AccTypeHost, kind: AccKind): JsonType | undefined {
  const t = h.c.peek();
  const up = h.kw();
  if (up !== 'JSONOBJECT' && up !== 'JSONARRAY') return undefined;
  if (kind !== 'List')
    h.unsupported(`${up} as a ${kind}Accum element (GSQL's docs do not say how JSON values compare)`, t);
  h.c.next();
  return { k: 'json', name: up };
}

/** `MapAccum<K, V>` (V a type or an accumulator). */
function mapAccType(h: AccTypeHost): AccType {
  const c = h.c;
  c.next();
  c.expectPunct('<');
  const key = h.baseType();
  c.expectPunct(',');
  const val = /ACCUM$/i.test(c.peek().text) ? parseAccType(h) : h.baseType();
  c.expectPunct('>');
  return { k: 'Map', key, val };
}

/** `HeapAccum<Tuple>(capacity, field [ASC|DESC], …)` */
function heapAccType(h: AccTypeHost, t: Token): AccType {
  const c = h.c;
  c.next();
  c.expectPunct('<');
  const tuple = c.ident();
  if (!h.tuples.has(tuple))
    throw new GsqlSyntaxError(`Semantic Check Fails: tuple type ${tuple} is not defined.`, t.line, t.column);
  c.expectPunct('>');
  c.expectPunct('(');
  const cap = h.expr();
  const order: { field: string; desc: boolean }[] = [];
  while (c.acceptPunct(',')) {
    const field = c.ident();
    const desc = c.acceptKw('DESC');
    if (!desc) c.acceptKw('ASC');
    order.push({ field, desc });
  }
  c.expectPunct(')');
  return { k: 'Heap', tuple, cap, order };
}

/** `ArrayAccum<accumulator>` (the dimensions follow the name: arrayDims). */
function arrayAccType(h: AccTypeHost): AccType {
  const c = h.c;
  c.next();
  c.expectPunct('<');
  const elAt = c.peek();
  const el = parseAccType(h);
  // GSQL's accumulator reference: every accumulator but HeapAccum, MapAccum and GroupByAccum.
  if (el.k === 'Heap' || el.k === 'Map' || el.k === 'GroupBy')
    throw h.semantic(`An ArrayAccum cannot hold ${el.k}Accum elements`, elAt);
  c.expectPunct('>');
  return { k: 'Array', el };
}

/** `GroupByAccum<type key, …, accumulator name, …>` (keys first, at least one of each). */
function groupByAccType(h: AccTypeHost): AccType {
  const c = h.c;
  c.next();
  c.expectPunct('<');
  const keys: { type: BaseType; name: string }[] = [];
  const accs: { type: AccType; name: string }[] = [];
  do {
    if (/ACCUM$/i.test(c.peek().text)) {
      const type = parseAccType(h);
      accs.push({ type, name: c.ident() });
    } else {
      if (accs.length > 0) throw c.error();
      const type = h.baseType();
      keys.push({ type, name: c.ident() });
    }
  } while (c.acceptPunct(','));
  c.expectPunct('>');
  if (keys.length === 0 || accs.length === 0) throw c.error();
  return { k: 'GroupBy', keys, accs };
}
