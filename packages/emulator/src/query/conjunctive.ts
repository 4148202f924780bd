// Conjunctive pattern matching at CREATE: `FROM p1, p2, …` (TigerGraph docs, "Conjunctive Pattern
// Matching", GSQL 102 / gsql-ref 3.x–4.x tutorials). Each further pattern is classic
// (`T:x -(E>)- …`, or `:x -(…)- …` starting at an alias another pattern binds) or SYNTAX v3
// (`(x:T)-[…]->(…)`, `(x)-…`). The match table is the natural join of the patterns' tables on their
// shared vertex aliases, so patterns that cannot be joined (no shared vertex alias) are a semantic
// error, as the docs' "invalid CPM input" example shows. The further patterns are ordered so each
// one starts at a bound alias, or from its typed source, when it is joined (select-join.ts).

import type { Token } from '../gsql/lexer.js';
import type { Hop, PathPattern } from './ast.js';
import { type ClassicHost, parseClassicPath } from './parse-classic.js';
import { parseV3From, type V3From } from './parse-v3.js';

/** A further pattern with the tokens it spans (for error positions) and its v3 node filters. */
export interface ParsedPattern {
  pattern: PathPattern;
  v3: V3From | undefined;
  tokens: Token[];
}

/** Parses the pattern after a `,` of a FROM clause; `k` (1, 2, …) keeps its fresh aliases apart. */
export function parsePattern(h: ClassicHost, k: number): ParsedPattern {
  const c = h.c;
  const at = c.peek();
  const from = c.pos;
  const pos = { line: at.line, column: at.column };
  let pattern: PathPattern;
  let v3: V3From | undefined;
  if (c.isPunct('(')) {
    v3 = parseV3From(h, (n) => `_v3_${k}_${n}`, true);
    const hops = v3.hop ? [v3.hop, ...v3.more] : [];
    pattern = { ...pos, src: v3.src, srcAlias: v3.srcAlias, hops };
  } else {
    const src = c.isPunct(':') ? undefined : c.ident();
    const srcAlias = c.acceptPunct(':') ? c.ident() : (src as string);
    const path = c.isPunct('-') || (c.isPunct('<') && c.isPunct('-', 1));
    const hops = path ? parseClassicPath(h, srcAlias, `_hop_${k}_`) : [];
    pattern = { ...pos, src, srcAlias, hops };
  }
  return { pattern, v3, tokens: c.tokens.slice(from, c.pos) };
}

const vertexAliases = (p: PathPattern): Set<string> =>
  new Set([p.srcAlias, ...p.hops.map((x: Hop) => x.targetAlias)]);

const shares = (p: PathPattern, bound: Set<string>): boolean =>
  [...vertexAliases(p)].some((a) => bound.has(a));

/**
 * Checks the further patterns against the first and returns them in join order: each starts at an
 * alias bound before it or, failing that, from its typed source (next to a bound alias if it can).
 */
export function planPatterns(h: ClassicHost, first: PathPattern, more: ParsedPattern[]): PathPattern[] {
  checkEdgeAliases(h, first, more);
  checkJoinable(h, first, more);
  const bound = vertexAliases(first);
  const left = [...more];
  const order: PathPattern[] = [];
  while (left.length > 0) {
    let i = left.findIndex((x) => bound.has(x.pattern.srcAlias));
    if (i < 0) i = left.findIndex((x) => x.pattern.src !== undefined && shares(x.pattern, bound));
    // A typed pattern that binds the start of an untyped one later (joined as a product for now).
    if (i < 0) i = left.findIndex((x) => x.pattern.src !== undefined);
    const next = left[i];
    if (next === undefined) {
      const p = left.find((x) => x.pattern.src === undefined) as ParsedPattern;
      return h.unsupported(
        'A FROM pattern starting at an untyped alias that no other pattern binds first',
        p.tokens[0],
      );
    }
    left.splice(i, 1);
    order.push(next.pattern);
    for (const a of vertexAliases(next.pattern)) bound.add(a);
  }
  return order;
}

/**
 * TigerGraph joins patterns on vertex aliases only: its Cypher tutorial query c12/c13 repeats the
 * edge alias `e` in two MATCH clauses and still counts every 2-hop path (tigergraph/ecosys
 * demos/guru_scripts/docker/tutorial/4.x/cypher/c13.out). What such an alias then names is not
 * documented, so a repeated edge alias is refused here.
 */
function checkEdgeAliases(h: ClassicHost, first: PathPattern, more: ParsedPattern[]): void {
  const seen = new Set(first.hops.flatMap((x) => (x.edgeAlias ? [x.edgeAlias] : [])));
  for (const p of more) {
    for (const alias of p.pattern.hops.flatMap((x) => (x.edgeAlias ? [x.edgeAlias] : []))) {
      if (seen.has(alias)) {
        const t = p.tokens.find((x) => x.kind === 'ident' && x.text === alias);
        h.unsupported('An edge alias in more than one FROM pattern', t);
      }
      seen.add(alias);
    }
  }
}

/** Every pattern must be reachable from the first through shared vertex aliases. */
function checkJoinable(h: ClassicHost, first: PathPattern, more: ParsedPattern[]): void {
  const bound = vertexAliases(first);
  const joined = new Set<ParsedPattern>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of more) {
      if (joined.has(p) || !shares(p.pattern, bound)) continue;
      joined.add(p);
      for (const a of vertexAliases(p.pattern)) bound.add(a);
      grew = true;
    }
  }
  const lone = more.find((p) => !joined.has(p));
  if (lone)
    h.semantic(
      'This FROM pattern shares no vertex alias with the other patterns, so their match tables cannot be naturally joined',
      lone.tokens[0] as Token,
    );
}
