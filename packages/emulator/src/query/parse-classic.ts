// Classic FROM patterns (SYNTAX v1 steps and the default SYNTAX v2 paths), after the source:
//   one step   -(E1|E2:e)-> T:t   <-(E:e)- T:t   -(E>|<F:e)- (T1|T2):t   -(_)- :t
//   paths      -(E>:e)- Y:y -(<F:f)- Z:z …, and `E.F>` (the intermediate vertex left out, no aliases)
//   Kleene     -(E>*)-  -(E>*2)-  -(E>*1..3)-  -(E>*..3)-  -(E>*2..)-  -((E|F>|<G)*1..2)-
// Each becomes the Hop list SYNTAX v3 paths use (select.ts), so a repeated hop matches each end vertex
// once per shortest path. TigerGraph's docs ("Repeating a 1-Hop Pattern", "Multiple Hop Patterns",
// "Query Language Syntax Versions"): a Kleene edge takes no alias; SYNTAX v1 takes one hop.

import type { Token } from '../gsql/lexer.js';
import type { EdgeStep, Hop } from './ast.js';
import type { V3Host } from './parse-v3.js';

export interface ClassicHost extends V3Host {
  /** `SYNTAX v1` was declared: one hop only, and `-(E)-` goes left to right. */
  classic: boolean;
  semantic: (msg: string, at: Token) => never;
}

type Repeat = NonNullable<Hop['repeat']>;

/** One `E1|E2>` group, or `(E1|E2>)`, with its Kleene star. */
interface Segment {
  edges: EdgeStep[];
  repeat: Repeat | undefined;
  /** Where the Kleene star is written. */
  starAt?: Token;
}

/** One `-( … )-` step: its segments (several when joined by `.`), alias, arrow and target. */
interface Step {
  at: Token;
  segments: Segment[];
  edgeAlias: string | undefined;
  /** `-( )->` or `<-( )-`: a direction outside the parentheses (classic steps only). */
  arrow: Token | undefined;
  targets: string[];
  targetAlias: string | undefined;
}

/** `*`, `*3`, `*1..3`, `*2..`, `*..3` (the lexer reads `1..3` and `2..` as one number token). */
function star(h: ClassicHost): Repeat {
  const c = h.c;
  c.expectPunct('*');
  const t = c.peek();
  if (t.kind === 'number') {
    const m = /^(\d+)(?:(\.\.)(\d+)?)?$/.exec(t.text);
    if (m === null) throw c.error(t);
    c.next();
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === undefined ? undefined : Number(m[3]);
    if (max !== undefined && min > max)
      h.semantic(`The Kleene star bounds *${t.text} have a lower bound above the upper bound`, t);
    return { min, max };
  }
  if (c.isPunct('.') && c.isPunct('.', 1) && c.peek(2).kind === 'number') {
    c.next();
    c.next();
    const n = c.next();
    if (!/^\d+$/.test(n.text)) throw c.error(n);
    return { min: 0, max: Number(n.text) };
  }
  // A bare star repeats any number of times, zero included.
  return { min: 0, max: undefined };
}

/** `<E`, `E>`, `E`, `_`, `ANY`. */
function edgeStep(h: ClassicHost): EdgeStep {
  const c = h.c;
  const inDir = c.acceptPunct('<');
  const t = c.peek();
  const name = c.ident();
  const outDir = c.acceptPunct('>');
  if (inDir && outDir) throw c.error(t);
  return { name: name.toUpperCase() === 'ANY' ? '_' : name, dir: inDir ? 'in' : outDir ? 'out' : 'both' };
}

function segment(h: ClassicHost): Segment {
  const c = h.c;
  const paren = c.acceptPunct('(');
  const edges: EdgeStep[] = [];
  do edges.push(edgeStep(h));
  while (c.acceptPunct('|'));
  if (paren) c.expectPunct(')');
  if (!c.isPunct('*')) return { edges, repeat: undefined };
  const starAt = c.peek();
  return { edges, repeat: star(h), starAt };
}

/** The target after a step: `T:t`, `(T1|T2):t`, `:t`, `T`, `_:t`. */
function target(h: ClassicHost): { targets: string[]; alias: string | undefined } {
  const c = h.c;
  const targets: string[] = [];
  const paren = c.acceptPunct('(');
  if (!c.isPunct(':')) {
    do {
      const name = c.ident();
      if (name !== '_' && name.toUpperCase() !== 'ANY') targets.push(name);
    } while (c.acceptPunct('|'));
  }
  if (paren) c.expectPunct(')');
  const alias = c.acceptPunct(':') ? c.ident() : undefined;
  if (alias === undefined && targets.length === 0) throw c.error();
  return { targets, alias };
}

function step(h: ClassicHost): Step {
  const c = h.c;
  const at = c.peek();
  const reverse = c.acceptPunct('<') ? at : undefined;
  c.expectPunct('-');
  c.expectPunct('(');
  const segments: Segment[] = [];
  if (!c.isPunct(':') && !c.isPunct(')')) {
    do segments.push(segment(h));
    while (c.acceptPunct('.'));
  } else segments.push({ edges: [{ name: '_', dir: 'both' }], repeat: undefined });
  const aliasAt = c.peek();
  const edgeAlias = c.acceptPunct(':') ? c.ident() : undefined;
  if (edgeAlias !== undefined && segments.some((s) => s.repeat))
    h.semantic(
      `The edge alias ${edgeAlias} is on a Kleene star edge pattern, which binds no edge alias`,
      aliasAt,
    );
  if (edgeAlias !== undefined && segments.length > 1)
    h.semantic(
      `The edge alias ${edgeAlias} is on an abbreviated path (E1.E2), which binds no alias`,
      aliasAt,
    );
  c.expectPunct(')');
  c.expectPunct('-');
  const arrowAt = c.peek();
  const arrow = c.acceptPunct('>');
  if (arrow && reverse) throw c.error(arrowAt);
  const t = target(h);
  return {
    at,
    segments,
    edgeAlias,
    arrow: arrow ? arrowAt : reverse,
    targets: t.targets,
    targetAlias: t.alias,
  };
}

/** SYNTAX v1 takes one hop; a path or a Kleene star takes its directions inside the parentheses. */
function checkPath(h: ClassicHost, steps: Step[]): void {
  const kleene = steps.flatMap((s) => s.segments).find((g) => g.starAt !== undefined)?.starAt;
  if (h.classic) {
    const at = steps[1]?.at ?? kleene ?? (steps[0] as Step).at;
    h.semantic(
      'SYNTAX v1 takes a one-hop FROM step; multi-hop and Kleene star patterns need SYNTAX v2 (the default)',
      at,
    );
  }
  const arrow = steps.find((s) => s.arrow !== undefined)?.arrow;
  if (arrow !== undefined)
    h.unsupported(
      'A direction outside the parentheses (-( )-> or <-( )-) in a multi-hop or Kleene pattern',
      arrow,
    );
}

/**
 * The hops of the steps. A target without alias is named by its type, unless that name is taken
 * (`Person -(F)- Person -(F)- Person` is not a cycle); a vertex left out between `E1.E2` gets a
 * fresh alias and no type.
 */
function toHops(h: ClassicHost, steps: Step[], srcAlias: string, prefix: string): Hop[] {
  const used = new Set([srcAlias]);
  const hops: Hop[] = [];
  const fresh = () => `${prefix}${hops.length}`;
  for (const s of steps) {
    s.segments.forEach((g, j) => {
      const end = j === s.segments.length - 1;
      const byType = s.targets[0] !== undefined && !used.has(s.targets[0]) ? s.targets[0] : undefined;
      const targetAlias = end ? (s.targetAlias ?? byType ?? fresh()) : fresh();
      used.add(targetAlias);
      hops.push({
        edges: directed(h, s, g.edges),
        edgeAlias: s.segments.length === 1 ? s.edgeAlias : undefined,
        targets: end ? s.targets : [],
        targetAlias,
        ...(g.repeat === undefined ? {} : { repeat: g.repeat }),
      });
    });
  }
  return hops;
}

/**
 * Classic arrows set the direction of every alternative; SYNTAX v1 reads `-(E)-` left to right. In
 * SYNTAX v2 (also the default) `_` / `ANY` without arrowhead is "any edge type, directed or
 * undirected" (gsql-docs querying/syntax-versions.adoc), a directed one in its own direction as in v1.
 */
function directed(h: ClassicHost, s: Step, edges: EdgeStep[]): EdgeStep[] {
  const reverse = s.arrow !== undefined && s.arrow.text === '<';
  const right = s.arrow !== undefined && !reverse;
  return edges.map((e) => {
    if (reverse) return { ...e, dir: 'in' };
    if (right || (e.dir === 'both' && (h.classic || e.name === '_'))) return { ...e, dir: 'out' };
    return e;
  });
}

/**
 * Parses the steps after a classic FROM source (the cursor is at `-(` or `<-(`). `prefix` starts
 * the fresh aliases of left-out vertices (unique per pattern of a conjunctive FROM).
 */
export function parseClassicPath(h: ClassicHost, srcAlias: string, prefix = '_hop_'): Hop[] {
  const c = h.c;
  const steps: Step[] = [];
  do steps.push(step(h));
  while (c.isPunct('-') || (c.isPunct('<') && c.isPunct('-', 1)));
  const path =
    steps.length > 1 || steps.some((s) => s.segments.length > 1 || s.segments.some((g) => g.repeat));
  if (path) checkPath(h, steps);
  return toHops(h, steps, srcAlias, prefix);
}
