// SELECT blocks: one-hop pattern matching, ACCUM with deferred writes (reads see the values from
// before the clause), POST-ACCUM per distinct vertex, HAVING, ORDER BY and LIMIT.
import { type EdgeType, edgeTypesOf } from '../store/catalog.js';
import { edgesFrom, vkey } from '../store/data.js';
import { QueryRuntimeError } from './accum.js';
import { type EdgeStep, type Hop, hopsOf, type SelectBlock, type Stmt, vertexAliasesOf } from './ast.js';
import type { Interp } from './interp.js';
import { perBinding } from './per.js';
import { sampleMatches } from './sample.js';
import { PatternJoin } from './select-join.js';
import { TableBuilder } from './tabular-group.js';
import { compare, ERef, QSet, type QV, VRef, VSet } from './values.js';

/** Type names a pattern name stands for: itself, or the STRING / SET<STRING> parameter's value. */
export function typeNames(q: Interp, name: string): string[] {
  const v = q.lookup(name);
  if (typeof v === 'string') return [v];
  if (v instanceof QSet || Array.isArray(v))
    return q.iterable(v).filter((x): x is string => typeof x === 'string');
  return [name];
}

function edgeTypes(q: Interp, name: string): EdgeType[] {
  const all = edgeTypesOf(q.cat, q.graph);
  if (name === '_') return all;
  return typeNames(q, name).map((n) => {
    const et = all.find((e) => e.name === n);
    if (!et) throw new QueryRuntimeError(`Runtime Error: edge type ${n} is not in graph ${q.graph.name}.`);
    return et;
  });
}

/** Edges of one pattern step from `v`, with the vertex at the other end. */
function steps(q: Interp, v: VRef, step: EdgeStep): [ERef, VRef][] {
  const out: [ERef, VRef][] = [];
  for (const et of edgeTypes(q, step.name)) {
    // Undirected edges match any pattern direction; directed ones only `>` (out, reverse types
    // included: they are the way back along a directed edge) or `<` (in).
    // v3 `-[e]-` goes either way along a directed type (its reverse type would repeat the edges).
    const any = step.dir === 'any' && et.directed;
    if (any && et.reverseOf) continue;
    if (!et.directed || step.dir === 'out' || any) {
      for (const view of edgesFrom(et, v.type, v.id))
        out.push([
          new ERef(et, view.record, view.fromType, view.fromId, view.toType, view.toId),
          new VRef(view.toType, view.toId),
        ]);
    }
    if ((step.dir === 'in' || any) && et.directed && !et.reverseOf) {
      for (const key of et.store.byTarget.get(vkey(v.type, v.id)) ?? []) {
        const r = et.store.records.get(key);
        if (r)
          out.push([new ERef(et, r, r.fromType, r.fromId, r.toType, r.toId), new VRef(r.fromType, r.fromId)]);
      }
    }
  }
  return out;
}

/** The ends of one hop from `v`: one per matched edge, or per shortest path of a quantified hop. */
function hopEnds(q: Interp, hop: Hop, v: VRef): [ERef | undefined, VRef][] {
  if (hop.repeat) return shortestEnds(q, hop, v, hop.repeat);
  return hop.edges.flatMap((step) => steps(q, v, step));
}

/**
 * A quantified hop (`-[:E*1..3]->`): every vertex first reached after at least `min` steps (and at
 * most `max`), once per shortest path to it, as GSQL matches variable-length patterns.
 */
function shortestEnds(q: Interp, hop: Hop, s: VRef, r: { min: number; max: number | undefined }) {
  const out: [undefined, VRef][] = [];
  const max = r.max ?? Number.POSITIVE_INFINITY;
  const reached = new Set<string>();
  const expanded = new Set<string>();
  let level = new Map<string, { v: VRef; n: number }>([[s.key, { v: s, n: 1 }]]);
  for (let k = 0; level.size > 0 && k <= max; k++) {
    const next = new Map<string, { v: VRef; n: number }>();
    for (const { v, n } of level.values()) {
      if (k >= r.min && !reached.has(v.key)) {
        reached.add(v.key);
        for (let i = 0; i < n; i++) out.push([undefined, v]);
      }
      // A vertex expanded at an earlier level past min has had every vertex it leads to reached.
      if (k >= r.min && expanded.has(v.key)) continue;
      if (k >= r.min) expanded.add(v.key);
      for (const step of hop.edges) {
        for (const [, t] of steps(q, v, step)) {
          const x = next.get(t.key);
          if (x) x.n += n;
          else next.set(t.key, { v: t, n });
        }
      }
    }
    level = next;
  }
  return out;
}

/** Every binding of the pattern's hops from `v` (one per matched path), in pattern order. */
function* paths(
  q: Interp,
  hops: Hop[],
  targets: Set<string>[],
  b: Map<string, QV>,
  v: VRef,
  i = 0,
): Generator<Map<string, QV>, void, void> {
  const hop = hops[i];
  if (hop === undefined) {
    yield new Map(b);
    return;
  }
  const types = targets[i] as Set<string>;
  for (const [e, t] of hopEnds(q, hop, v)) {
    if (types.size > 0 && !types.has(t.type)) continue;
    // An alias named twice along the path (`(a)-[]->(b)-[]->(a)`) must be the same vertex.
    const bound = b.get(hop.targetAlias);
    if (bound instanceof VRef && bound.key !== t.key) continue;
    const next = new Map(b);
    next.set(hop.targetAlias, t);
    if (hop.edgeAlias && e) next.set(hop.edgeAlias, e);
    yield* paths(q, hops, targets, next, t, i + 1);
  }
}

/** Runs a SELECT block and assigns its result set to the target variable. */
export function* runSelect(q: Interp, sel: SelectBlock): Generator<void, void, void> {
  const matches: Map<string, QV>[] = [];
  // Each match runs ACCUM, or (tabular SELECT) goes into the table (tabular-group.ts).
  const table = sel.table ? new TableBuilder(q, sel, sel.table) : undefined;
  const accum = accumRunner(q, sel);
  const onMatch = (b: Map<string, QV>) => {
    if (table) {
      table.add(b);
      return;
    }
    matches.push(b);
    accum(b);
  };
  q.primes = new Map();
  q.deferred = [];
  q.deferVertexWrites = true;
  q.updating = sel.update === true;
  try {
    yield* matchPatterns(q, sel, onMatch);
    for (const fn of q.deferred) fn();
    q.deferred = [];
    q.deferVertexWrites = false;
    runPostAccum(q, sel, matches);
    for (const fn of q.deferred) fn();
  } finally {
    q.deferred = undefined;
    q.deferVertexWrites = false;
    q.updating = false;
  }
  // A tabular SELECT writes its table and no vertex set.
  if (sel.table && table) {
    q.setVar(sel.table.name, table.rows());
    return;
  }
  const result = limitResult(q, sel, orderResult(q, sel, havingResult(q, sel, distinctOut(sel, matches))));
  // Primes (`v.@a'`) stay readable through HAVING / ORDER BY / LIMIT of this block.
  q.primes = undefined;
  q.setVar(sel.target, new VSet(result));
}

/** ACCUM for one match: once per match, or (PER) once per distinct binding of the PER aliases. */
function accumRunner(q: Interp, sel: SelectBlock): (b: Map<string, QV>) => void {
  const perSeen = new Set<string>();
  return (b) => {
    if (!sel.per) {
      q.withScope(new Map(b), () => q.clause(sel.accum));
      return;
    }
    // PER: ACCUM once per distinct binding of the PER aliases, seeing only those aliases.
    const { key, scope } = perBinding(sel.per, b);
    if (perSeen.has(key)) return;
    perSeen.add(key);
    q.withScope(scope, () => q.clause(sel.accum));
  };
}

/** Every binding of the FROM pattern(s) that passes WHERE, handed to `onMatch`; yields now and then. */
function* matchPatterns(
  q: Interp,
  sel: SelectBlock,
  onMatch: (b: Map<string, QV>) => void,
): Generator<void, void, void> {
  const src = q.vsetOf(sel.src, sel);
  const hops = hopsOf(sel);
  const targetsOf = (hs: Hop[]) => hs.map((h) => new Set(h.targets.flatMap((t) => typeNames(q, t))));
  const targets = targetsOf(hops);
  // The join calls its matcher once per pattern and start vertex: resolve each pattern's target
  // types once per SELECT.
  const joinTargets = new Map<Hop[], Set<string>[]>();
  const targetsFor = (hs: Hop[]) => {
    const known = joinTargets.get(hs);
    if (known) return known;
    const t = targetsOf(hs);
    joinTargets.set(hs, t);
    return t;
  };
  const join = sel.patterns
    ? new PatternJoin(q, sel, (hs, start, v) => paths(q, hs, targetsFor(hs), start, v))
    : undefined;
  let n = 0;
  for (const s of src.values()) {
    const first = new Map<string, QV>([[sel.srcAlias, s]]);
    const found = sel.hop ? paths(q, hops, targets, first, s) : [first];
    // SAMPLE draws from the source's matches before WHERE filters them (sample.ts).
    const rows = sel.hop && sel.sample ? sampleMatches(q, sel, s, [...found]) : found;
    // `FROM p1, p2, …`: each row of the first pattern joined with the others (select-join.ts).
    for (const b of join ? join.extend(rows) : rows) {
      if (++n % 256 === 0) yield;
      if (!matchWhere(q, sel, b)) continue;
      onMatch(b);
    }
  }
}

/** POST-ACCUM: once per distinct vertex of the alias each statement names. */
function runPostAccum(q: Interp, sel: SelectBlock, matches: Map<string, QV>[]): void {
  // Consecutive statements about one alias run together per vertex, so a local variable
  // declared in one is seen by the next (`POST-ACCUM FLOAT x = …, s.@a = x`).
  for (const group of postAccumGroups(sel)) {
    const seen = new Set<string>();
    for (const b of matches) {
      const v = b.get(group.alias) as VRef;
      if (seen.has(v.key)) continue;
      seen.add(v.key);
      q.withScope(new Map([[group.alias, v]]), () => q.clause(group.stmts));
    }
  }
}

/** The distinct vertices the SELECT alias matched, in match order. */
function distinctOut(sel: SelectBlock, matches: Map<string, QV>[]): VRef[] {
  const result: VRef[] = [];
  const seen = new Set<string>();
  for (const b of matches) {
    const v = b.get(sel.out);
    if (!(v instanceof VRef))
      throw new QueryRuntimeError(`Runtime Error: SELECT ${sel.out} is not a vertex alias.`);
    if (!seen.has(v.key)) {
      seen.add(v.key);
      result.push(v);
    }
  }
  return result;
}

function bindOut(sel: SelectBlock, v: VRef): Map<string, QV> {
  return new Map<string, QV>([[sel.out, v]]);
}

function havingResult(q: Interp, sel: SelectBlock, result: VRef[]): VRef[] {
  const h = sel.having;
  if (!h) return result;
  return result.filter((v) => q.withScope(bindOut(sel, v), () => q.truthy(q.ev(h))));
}

function orderResult(q: Interp, sel: SelectBlock, result: VRef[]): VRef[] {
  if (sel.orderBy.length === 0) return result;
  const keyed = result.map((v) => ({
    v,
    keys: sel.orderBy.map((o) => q.withScope(bindOut(sel, v), () => q.ev(o.e))),
  }));
  keyed.sort((a, b) => {
    for (const [i, o] of sel.orderBy.entries()) {
      const c = compare(a.keys[i] ?? null, b.keys[i] ?? null);
      if (c !== 0) return o.desc ? -c : c;
    }
    return 0;
  });
  return keyed.map((k) => k.v);
}

/** OFFSET, then LIMIT. */
function limitResult(q: Interp, sel: SelectBlock, result: VRef[]): VRef[] {
  let out = result;
  if (sel.offset) out = out.slice(Math.max(0, Number(q.ev(sel.offset))));
  if (sel.limit) {
    // A negative value from a parameter limits nothing: the library documents `print_limit`
    // "if >= 0, max number of vertices" and passes it to LIMIT unguarded (tg_label_prop).
    // Never slice(0, -1), which would drop the last vertex. A negative literal fails at CREATE.
    const n = Number(q.ev(sel.limit));
    if (n >= 0) out = out.slice(0, n);
  }
  return out;
}

function matchWhere(q: Interp, sel: SelectBlock, b: Map<string, QV>): boolean {
  const w = sel.where;
  if (!w) return true;
  return q.withScope(new Map(b), () => q.truthy(q.ev(w)));
}

/**
 * POST-ACCUM statements grouped by alias; a statement naming no alias (a local declaration,
 * `@@acc += 1`) joins the group of the next statement that names one, or else the one before.
 */
function postAccumGroups(sel: SelectBlock): { alias: string; stmts: Stmt[] }[] {
  const groups: { alias: string; stmts: Stmt[] }[] = [];
  let pending: Stmt[] = [];
  for (const [i, st] of sel.postAccum.entries()) {
    const alias = boundAlias(st, sel, sel.postAliases?.[i]);
    if (alias === undefined) {
      pending.push(st);
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && last.alias === alias && pending.length === 0) last.stmts.push(st);
    else if (last && last.alias === alias) {
      last.stmts.push(...pending, st);
      pending = [];
    } else {
      groups.push({ alias, stmts: [...pending, st] });
      pending = [];
    }
  }
  if (pending.length > 0) {
    const last = groups[groups.length - 1];
    if (last) last.stmts.push(...pending);
    else groups.push({ alias: sel.out, stmts: pending });
  }
  return groups;
}

/** The alias a statement is bound to: the `POST-ACCUM (a)` one, which must be the only one it uses. */
function boundAlias(st: Stmt, sel: SelectBlock, bound: string | undefined): string | undefined {
  const used = aliasOf(st, sel);
  if (bound === undefined) return used;
  if (used !== undefined && used !== bound)
    throw new QueryRuntimeError(`Runtime Error: POST-ACCUM (${bound}) uses the vertex alias ${used}.`);
  return bound;
}

/** The alias a POST-ACCUM statement is about (GSQL allows one vertex alias per statement). */
function aliasOf(st: Stmt, sel: SelectBlock): string | undefined {
  const names = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object' && !(x instanceof VRef)) {
      const o = x as Record<string, unknown>;
      if (o['k'] === 'name' && typeof o['name'] === 'string') names.add(o['name']);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(st);
  const used = vertexAliasesOf(sel).filter((a) => names.has(a));
  if (new Set(used).size > 1)
    throw new QueryRuntimeError('Runtime Error: a POST-ACCUM statement may use only one vertex alias.');
  return used[0];
}
