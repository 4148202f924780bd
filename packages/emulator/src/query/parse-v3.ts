// SYNTAX v3 (GQL-style) FROM patterns:
//   (a:Account)   (a:Account {name: p})   (a:Account WHERE a.isBlocked)   (:vset)   (x)   ()
//   (a)-[e:transfer]->(b:Account)   (a)<-[e:transfer]-(b)   (a)~[e:hasPhone]~(p)   (a)-[e]-(b) (any way)
//   paths (a)-[e]->(b)-[e2]->(c)…, and quantified hops -[:E*1..3]->, -[:E*2..]->, -[:E*2]->,
//   -[:E]->{1,3}, -[:E]->{1,} (no edge alias on a quantified hop, as in GSQL).
// A node label is a vertex type or a vertex-set variable; `{attr: expr, …}` filters become WHERE
// conjuncts. Other forms (label alternatives, `->*`, `->+`) are refused with their position.

import type { Token } from '../gsql/lexer.js';
import type { Cursor } from '../gsql/parser-base.js';
import type { EdgeStep, Expr, Hop } from './ast.js';

export interface V3From {
  /** Undefined only for a conjunctive pattern's `(x)` start (parseV3From's `untypedStart`). */
  src: string | undefined;
  srcAlias: string;
  hop: Hop | undefined;
  /** The hops after the first. */
  more: Hop[];
  /** The node property filters, as one expression (undefined when there are none). */
  where: Expr | undefined;
}

export interface V3Host {
  c: Cursor;
  expr: () => Expr;
  unsupported: (construct: string, t?: Token) => never;
}

interface Node {
  alias: string | undefined;
  label: string | undefined;
  filters: Expr[];
}

const at = (t: Token) => ({ line: t.line, column: t.column });

function node(h: V3Host): Node {
  const c = h.c;
  c.expectPunct('(');
  const alias = c.peek().kind === 'ident' ? c.ident() : undefined;
  const label = c.acceptPunct(':') ? c.ident() : undefined;
  if (c.isPunct('|')) h.unsupported('Label alternatives in SYNTAX v3 node patterns');
  const filters: Expr[] = [];
  if (c.acceptPunct('{')) {
    do {
      const t = c.peek();
      const attr = c.ident();
      c.expectPunct(':');
      if (alias === undefined) h.unsupported('Property filters on a node without an alias', t);
      const value = h.expr();
      const lhs: Expr = {
        ...at(t),
        k: 'attr',
        obj: { ...at(t), k: 'name', name: alias as string },
        name: attr,
      };
      filters.push({ ...at(t), k: 'bin', op: '==', l: lhs, r: value });
    } while (c.acceptPunct(','));
    c.expectPunct('}');
  }
  // `(s:Account WHERE s.isBlocked)`: a condition on the node, one more WHERE conjunct.
  if (c.acceptKw('WHERE')) {
    if (alias === undefined) h.unsupported('A WHERE on a node without an alias', c.peek());
    filters.push(h.expr());
  }
  c.expectPunct(')');
  return { alias, label, filters };
}

type Repeat = Hop['repeat'];

/** `*1..3`, `*1..`, `*2` inside the brackets (the lexer reads `1..3` as one number token). */
function starQuantifier(h: V3Host): Repeat {
  const c = h.c;
  const star = c.next();
  const t = c.peek();
  const m = t.kind === 'number' ? /^(\d+)(?:(\.\.)(\d+)?)?$/.exec(t.text) : null;
  if (m === null) return h.unsupported('This edge quantifier form', star);
  c.next();
  const min = Number(m[1]);
  return { min, max: m[2] === undefined ? min : m[3] === undefined ? undefined : Number(m[3]) };
}

/** `{m,n}` / `{m,}` after the edge (GQL style). */
function braceQuantifier(h: V3Host): Repeat {
  const c = h.c;
  c.expectPunct('{');
  const min = Number(c.next().text);
  let max: number | undefined = min;
  if (c.acceptPunct(',')) max = c.isPunct('}') ? undefined : Number(c.next().text);
  c.expectPunct('}');
  return { min, max };
}

/** `-[e:T]->`, `<-[e:T]-`, `~[e:T]~` or `-[e:T]-`: edge alias, types, direction and quantifier. */
function edge(h: V3Host): { alias: string | undefined; steps: EdgeStep[]; repeat: Repeat } {
  const c = h.c;
  const undirected = c.acceptPunct('~');
  const into = !undirected && c.acceptPunct('<');
  if (!undirected) c.expectPunct('-');
  c.expectPunct('[');
  const aliasAt = c.peek();
  const alias = c.peek().kind === 'ident' ? c.ident() : undefined;
  const names: string[] = [];
  if (c.acceptPunct(':')) {
    do names.push(c.ident());
    while (c.acceptPunct('|'));
  }
  let repeat = c.isPunct('*') ? starQuantifier(h) : undefined;
  c.expectPunct(']');
  let dir: EdgeStep['dir'] = 'both';
  if (undirected) c.expectPunct('~');
  else {
    c.expectPunct('-');
    const out = c.acceptPunct('>');
    if (out && into) throw c.error();
    dir = out ? 'out' : into ? 'in' : 'any';
  }
  if (c.isPunct('{') && repeat === undefined) repeat = braceQuantifier(h);
  if (c.isPunct('*') || c.isPunct('+')) h.unsupported('The GQL quantifiers * and + after an edge', c.peek());
  if (repeat !== undefined && alias !== undefined)
    h.unsupported('An edge alias on a variable-length hop (GSQL binds none)', aliasAt);
  const list = names.length > 0 ? names : ['_'];
  return { alias, steps: list.map((name) => ({ name, dir })), repeat };
}

function conjunction(filters: Expr[]): Expr | undefined {
  return filters.reduce<Expr | undefined>(
    (acc, f) =>
      acc === undefined ? f : { line: f.line, column: f.column, k: 'bin', op: 'AND', l: acc, r: f },
    undefined,
  );
}

/**
 * Parses a v3 FROM pattern starting at `(`. `fresh` names aliases the pattern leaves out;
 * `untypedStart` lets a conjunctive pattern start at `(x)`, an alias another pattern binds.
 */
export function parseV3From(h: V3Host, fresh: (n: number) => string, untypedStart = false): V3From {
  const c = h.c;
  const first = node(h);
  if (first.label === undefined && !untypedStart)
    h.unsupported('A SYNTAX v3 start node without a vertex type or set');
  const srcAlias = first.alias ?? fresh(0);
  const filters = [...first.filters];
  const hops: Hop[] = [];
  while (c.isPunct('-') || c.isPunct('<') || c.isPunct('~')) {
    const e = edge(h);
    const target = node(h);
    filters.push(...target.filters);
    hops.push({
      edges: e.steps,
      edgeAlias: e.alias,
      targets: target.label === undefined ? [] : [target.label],
      targetAlias: target.alias ?? fresh(hops.length + 1),
      ...(e.repeat === undefined ? {} : { repeat: e.repeat }),
    });
  }
  const [hop, ...more] = hops;
  return { src: first.label, srcAlias, hop, more, where: conjunction(filters) };
}

/** The WHERE of a v3 SELECT: the node property filters AND the written WHERE. */
export function withFilters(where: Expr | undefined, v3: V3From | undefined): Expr | undefined {
  const f = v3?.where;
  if (f === undefined) return where;
  return where === undefined ? f : { line: f.line, column: f.column, k: 'bin', op: 'AND', l: f, r: where };
}
