// Executes a parsed query. Statements run as a generator that yields at loop iterations and
// every few hundred traversed edges, so a runner can enforce GSQL-TIMEOUT, run detached (async)
// queries in slices and abort them.
import type { Json } from '../json.js';
import type { AttrType, Value } from '../store/attr-types.js';
import {
  type Catalog,
  type EdgeType,
  edgeTypesOf,
  type Graph,
  vertexTypeIn,
  vertexTypesOf,
} from '../store/catalog.js';
import { edgesFrom, vkey } from '../store/data.js';
import {
  type Accum,
  Arrow,
  coerce,
  makeAccum,
  QueryRuntimeError,
  type TupleDef,
  typeDefault,
} from './accum.js';
import type { AccType, Expr, LValue, PrintItem, QueryDef, SeedItem, SelectBlock, Stmt } from './ast.js';
import { callFunction, callMethod } from './builtins.js';
import { printValue, vertexJson } from './output.js';
import { compare, Dt, ERef, equals, QMap, QSet, QTuple, type QV, VRef, VSet } from './values.js';

type Signal = 'break' | 'continue' | 'return' | undefined;

export class Interp {
  readonly tuples = new Map<string, TupleDef>();
  readonly globals = new Map<string, Accum>();
  readonly vaccTypes = new Map<string, AccType>();
  readonly vaccs = new Map<string, Map<string, Accum>>();
  readonly scopes: Map<string, QV>[] = [new Map()];
  readonly results: Record<string, Json>[] = [];
  returned: QV = null;
  /** Pending writes while an ACCUM / POST-ACCUM clause runs (applied when it ends). */
  private deferred: (() => void)[] | undefined;
  private deferVertexWrites = false;

  constructor(
    readonly cat: Catalog,
    readonly graph: Graph,
    readonly def: QueryDef,
    params: Map<string, QV>,
    readonly now: () => number = Date.now,
  ) {
    for (const [k, v] of params) this.scopes[0]?.set(k, v);
  }

  /** getvid(): a stable number per vertex (type ordinal in the high bits, insertion index below). */
  internalId(v: VRef): bigint {
    const types = vertexTypesOf(this.cat, this.graph);
    const ti = types.findIndex((t) => t.name === v.type);
    const t = types[ti];
    let i = 0;
    for (const id of t?.data.keys() ?? []) {
      if (id === v.id) break;
      i++;
    }
    return (BigInt(ti + 1) << 32n) + BigInt(i);
  }

  *run(): Generator<void, void, void> {
    yield* this.block(this.def.body);
  }

  // ---- scopes -----------------------------------------------------------------------------

  lookup(name: string): QV | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i] as Map<string, QV>;
      if (s.has(name)) return s.get(name) as QV;
    }
    return undefined;
  }

  private setVar(name: string, v: QV): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i] as Map<string, QV>;
      if (s.has(name)) {
        s.set(name, v);
        return;
      }
    }
    (this.scopes[this.scopes.length - 1] as Map<string, QV>).set(name, v);
  }

  private withScope<T>(vars: Map<string, QV>, fn: () => T): T {
    this.scopes.push(vars);
    try {
      return fn();
    } finally {
      this.scopes.pop();
    }
  }

  gacc(name: string): Accum {
    const a = this.globals.get(name);
    if (!a) throw new QueryRuntimeError(`Runtime Error: global accumulator @@${name} is not declared.`);
    return a;
  }

  vacc(name: string, v: QV): Accum {
    const t = this.vaccTypes.get(name);
    if (!t) throw new QueryRuntimeError(`Runtime Error: vertex accumulator @${name} is not declared.`);
    if (!(v instanceof VRef)) throw new QueryRuntimeError(`Runtime Error: @${name} needs a vertex.`);
    let per = this.vaccs.get(name);
    if (!per) {
      per = new Map();
      this.vaccs.set(name, per);
    }
    let a = per.get(v.key);
    if (!a) {
      a = this.newAccum(t);
      per.set(v.key, a);
    }
    return a;
  }

  private newAccum(t: AccType): Accum {
    return makeAccum(t, this.tuples, (e) => this.ev(e));
  }

  // ---- statements -------------------------------------------------------------------------

  private *block(stmts: Stmt[]): Generator<void, Signal, void> {
    for (const s of stmts) {
      const sig = yield* this.stmt(s);
      if (sig) return sig;
    }
    return undefined;
  }

  private *stmt(s: Stmt): Generator<void, Signal, void> {
    switch (s.k) {
      case 'typedef':
        this.tuples.set(s.name, { name: s.name, fields: s.fields });
        return undefined;
      case 'declAccum':
        for (const n of s.names) {
          if (s.global) {
            const a = this.newAccum(s.type);
            if (n.init) a.set(this.ev(n.init));
            this.globals.set(n.name, a);
          } else this.vaccTypes.set(n.name, s.type);
        }
        return undefined;
      case 'declVar':
        for (const n of s.names) {
          let v: QV;
          if (n.init) v = this.ev(n.init);
          else if (s.type.k === 'coll') v = s.type.coll === 'SET' ? new QSet() : [];
          else if (s.type.k === 'map') v = new QMap();
          else v = typeDefault(s.type);
          if (s.type.k !== 'coll' && s.type.k !== 'map') v = coerce(s.type, v);
          (this.scopes[this.scopes.length - 1] as Map<string, QV>).set(n.name, v);
        }
        return undefined;
      case 'vset':
        this.setVar(s.name, this.seed(s.seed));
        return undefined;
      case 'vsetOp': {
        const l = this.vsetOf(s.l, s);
        const r = this.vsetOf(s.r, s);
        let out: VRef[];
        if (s.op === 'UNION') out = [...l.values(), ...r.values()];
        else if (s.op === 'INTERSECT') out = l.values().filter((v) => r.m.has(v.key));
        else out = l.values().filter((v) => !r.m.has(v.key));
        this.setVar(s.name, new VSet(out));
        return undefined;
      }
      case 'select':
        yield* this.select(s.sel);
        return undefined;
      case 'assign':
        this.assign(s.lhs, s.op, this.ev(s.rhs));
        return undefined;
      case 'if':
        for (const [cond, body] of s.branches) {
          if (this.truthy(this.ev(cond))) return yield* this.block(body);
        }
        return s.else ? yield* this.block(s.else) : undefined;
      case 'while': {
        const limit = s.limit ? Number(this.ev(s.limit)) : Number.POSITIVE_INFINITY;
        let n = 0;
        while (n < limit && this.truthy(this.ev(s.cond))) {
          n++;
          yield;
          const sig = yield* this.block(s.body);
          if (sig === 'break') break;
          if (sig === 'return') return sig;
        }
        return undefined;
      }
      case 'foreach': {
        const items = this.iterable(this.ev(s.src));
        for (const item of items) {
          yield;
          const vars = new Map<string, QV>();
          if (s.vars.length === 1) vars.set(s.vars[0] as string, item as QV);
          else {
            const parts =
              item instanceof Arrow
                ? [...item.keys, ...item.vals]
                : item instanceof QTuple
                  ? [...item.fields.values()]
                  : [];
            s.vars.forEach((name, i) => {
              vars.set(name, (parts[i] ?? null) as QV);
            });
          }
          this.scopes.push(vars);
          let sig: Signal;
          try {
            sig = yield* this.block(s.body);
          } finally {
            this.scopes.pop();
          }
          if (sig === 'break') break;
          if (sig === 'return') return sig;
        }
        return undefined;
      }
      case 'print':
        this.print(s.items, s.where);
        return undefined;
      case 'return':
        this.returned = s.e ? this.ev(s.e) : null;
        return 'return';
      case 'break':
        return 'break';
      case 'continue':
        return 'continue';
      case 'expr':
        this.ev(s.e);
        return undefined;
    }
  }

  /** Runs ACCUM-clause statements (no yields inside: they are bounded by the edge loop). */
  private clause(stmts: Stmt[]): void {
    for (const s of stmts) {
      switch (s.k) {
        case 'assign':
          this.assign(s.lhs, s.op, this.ev(s.rhs));
          break;
        case 'declVar':
          for (const n of s.names) {
            const v = n.init
              ? this.ev(n.init)
              : s.type.k === 'coll' || s.type.k === 'map'
                ? null
                : typeDefault(s.type);
            (this.scopes[this.scopes.length - 1] as Map<string, QV>).set(
              n.name,
              s.type.k === 'coll' || s.type.k === 'map' ? v : coerce(s.type, v),
            );
          }
          break;
        case 'if': {
          const hit = s.branches.find(([c]) => this.truthy(this.ev(c)));
          if (hit) this.clause(hit[1]);
          else if (s.else) this.clause(s.else);
          break;
        }
        case 'foreach':
          for (const item of this.iterable(this.ev(s.src))) {
            const vars = new Map<string, QV>([
              [s.vars[0] as string, item instanceof Arrow ? (item.keys[0] ?? null) : item],
            ]);
            this.withScope(vars, () => this.clause(s.body));
          }
          break;
        case 'expr':
          this.ev(s.e);
          break;
        default:
          throw new QueryRuntimeError(`Runtime Error: ${s.k} is not allowed in ACCUM/POST-ACCUM.`);
      }
    }
  }

  private assign(lhs: LValue, op: '=' | '+=', v: QV | Arrow): void {
    const later = (fn: () => void) => {
      if (this.deferred) this.deferred.push(fn);
      else fn();
    };
    switch (lhs.k) {
      case 'var': {
        if (op === '=') {
          this.setVar(lhs.name, v as QV);
          return;
        }
        const cur = this.lookup(lhs.name);
        this.setVar(lhs.name, this.binary('+', cur ?? null, v as QV));
        return;
      }
      case 'gacc': {
        const a = this.gacc(lhs.name);
        later(() => (op === '=' ? a.set(v as QV) : a.add(v)));
        return;
      }
      case 'vacc': {
        const a = this.vacc(lhs.name, this.ev(lhs.obj));
        const fn = () => (op === '=' ? a.set(v as QV) : a.add(v));
        if (this.deferVertexWrites) later(fn);
        else fn();
        return;
      }
      case 'attr': {
        const target = this.ev(lhs.obj);
        const fn = () => this.writeAttr(target, lhs.name, op, v as QV);
        if (this.deferVertexWrites) later(fn);
        else fn();
        return;
      }
    }
  }

  private writeAttr(target: QV, name: string, op: '=' | '+=', v: QV): void {
    if (target instanceof VRef) {
      const t = vertexTypeIn(this.cat, this.graph, target.type);
      const rec = t?.data.get(target.id);
      const a = t?.attributes.find((x) => x.name === name);
      if (!rec || !a) throw new QueryRuntimeError(`Runtime Error: ${target.type} has no attribute ${name}.`);
      const cur = toQV(rec.attrs.get(name) as Value, a.type);
      rec.attrs.set(name, fromQV(op === '=' ? v : this.binary('+', cur, v)));
      return;
    }
    if (target instanceof ERef) {
      const a = target.et.attributes.find((x) => x.name === name);
      if (!a) throw new QueryRuntimeError(`Runtime Error: ${target.et.name} has no attribute ${name}.`);
      const cur = toQV(target.rec.attrs.get(name) as Value, a.type);
      target.rec.attrs.set(name, fromQV(op === '=' ? v : this.binary('+', cur, v)));
      return;
    }
    throw new QueryRuntimeError(`Runtime Error: cannot assign attribute ${name} of a non-vertex value.`);
  }

  // ---- vertex sets ------------------------------------------------------------------------

  private allOfType(type: string): VRef[] {
    const t = vertexTypeIn(this.cat, this.graph, type);
    if (!t)
      throw new QueryRuntimeError(`Runtime Error: vertex type ${type} is not in graph ${this.graph.name}.`);
    return [...t.data.keys()].map((id) => new VRef(t.name, id));
  }

  private seed(items: SeedItem[]): VSet {
    const out: VRef[] = [];
    for (const it of items) {
      if (it.k === 'all') out.push(...this.allOfType(it.type));
      else if (it.k === 'any')
        for (const t of vertexTypesOf(this.cat, this.graph)) out.push(...this.allOfType(t.name));
      else {
        const v = this.ev(it.e);
        for (const x of this.iterable(v)) if (x instanceof VRef) out.push(x);
      }
    }
    return new VSet(out);
  }

  private vsetOf(name: string, at: { line: number; column: number }): VSet {
    const v = this.lookup(name);
    if (v instanceof VSet) return v;
    if (v instanceof VRef) return new VSet([v]);
    if (v instanceof QSet || Array.isArray(v))
      return new VSet(this.iterable(v).filter((x): x is VRef => x instanceof VRef));
    if (v === undefined && vertexTypeIn(this.cat, this.graph, name)) return new VSet(this.allOfType(name));
    throw new QueryRuntimeError(`Runtime Error: ${name} is not a vertex set (line ${at.line}).`);
  }

  private edgeTypes(name: string): EdgeType[] {
    const all = edgeTypesOf(this.cat, this.graph);
    if (name === '_') return all;
    const et = all.find((e) => e.name === name);
    if (!et)
      throw new QueryRuntimeError(`Runtime Error: edge type ${name} is not in graph ${this.graph.name}.`);
    return [et];
  }

  /** Edges of one pattern step from `v`, with the vertex at the other end. */
  private steps(v: VRef, step: { name: string; dir: 'out' | 'in' | 'both' }): [ERef, VRef][] {
    const out: [ERef, VRef][] = [];
    for (const et of this.edgeTypes(step.name)) {
      // Undirected edges match any pattern direction; directed ones only `>` (out, reverse types
      // included: they are the way back along a directed edge) or `<` (in).
      if (!et.directed || step.dir === 'out') {
        for (const view of edgesFrom(et, v.type, v.id))
          out.push([
            new ERef(et, view.record, view.fromType, view.fromId, view.toType, view.toId),
            new VRef(view.toType, view.toId),
          ]);
      } else if (step.dir === 'in' && !et.reverseOf) {
        for (const key of et.store.byTarget.get(vkey(v.type, v.id)) ?? []) {
          const r = et.store.records.get(key);
          if (r)
            out.push([
              new ERef(et, r, r.fromType, r.fromId, r.toType, r.toId),
              new VRef(r.fromType, r.fromId),
            ]);
        }
      }
    }
    return out;
  }

  private *select(sel: SelectBlock): Generator<void, void, void> {
    const src = this.vsetOf(sel.src, sel);
    const matches: Map<string, QV>[] = [];
    this.deferred = [];
    this.deferVertexWrites = true;
    let n = 0;
    try {
      for (const s of src.values()) {
        if (!sel.hop) {
          const b = new Map<string, QV>([[sel.srcAlias, s]]);
          if (this.matchWhere(sel, b)) {
            matches.push(b);
            this.withScope(new Map(b), () => this.clause(sel.accum));
          }
          continue;
        }
        for (const step of sel.hop.edges) {
          for (const [e, t] of this.steps(s, step)) {
            if (++n % 256 === 0) yield;
            if (sel.hop.targets.length > 0 && !sel.hop.targets.includes(t.type)) continue;
            const b = new Map<string, QV>([[sel.srcAlias, s]]);
            if (sel.hop.edgeAlias) b.set(sel.hop.edgeAlias, e);
            b.set(sel.hop.targetAlias, t);
            if (!this.matchWhere(sel, b)) continue;
            matches.push(b);
            this.withScope(new Map(b), () => this.clause(sel.accum));
          }
        }
      }
      for (const fn of this.deferred) fn();
      // POST-ACCUM: once per distinct vertex of the alias each statement names.
      this.deferred = [];
      this.deferVertexWrites = false;
      for (const st of sel.postAccum) {
        const alias = this.aliasOf(st, sel);
        const seen = new Set<string>();
        for (const b of matches) {
          const v = b.get(alias) as VRef;
          if (seen.has(v.key)) continue;
          seen.add(v.key);
          this.withScope(new Map([[alias, v]]), () => this.clause([st]));
        }
      }
      for (const fn of this.deferred) fn();
    } finally {
      this.deferred = undefined;
      this.deferVertexWrites = false;
    }
    let result: VRef[] = [];
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
    const bind = (v: VRef) => new Map<string, QV>([[sel.out, v]]);
    if (sel.having) {
      const h = sel.having;
      result = result.filter((v) => this.withScope(bind(v), () => this.truthy(this.ev(h))));
    }
    if (sel.orderBy.length > 0) {
      const keyed = result.map((v) => ({
        v,
        keys: sel.orderBy.map((o) => this.withScope(bind(v), () => this.ev(o.e))),
      }));
      keyed.sort((a, b) => {
        for (const [i, o] of sel.orderBy.entries()) {
          const c = compare(a.keys[i] ?? null, b.keys[i] ?? null);
          if (c !== 0) return o.desc ? -c : c;
        }
        return 0;
      });
      result = keyed.map((k) => k.v);
    }
    if (sel.limit) result = result.slice(0, Number(this.ev(sel.limit)));
    this.setVar(sel.target, new VSet(result));
  }

  private matchWhere(sel: SelectBlock, b: Map<string, QV>): boolean {
    const w = sel.where;
    if (!w) return true;
    return this.withScope(new Map(b), () => this.truthy(this.ev(w)));
  }

  /** The alias a POST-ACCUM statement is about (GSQL allows one vertex alias per statement). */
  private aliasOf(st: Stmt, sel: SelectBlock): string {
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
    const target = sel.hop?.targetAlias;
    if (names.has(sel.srcAlias) && target !== undefined && names.has(target))
      throw new QueryRuntimeError('Runtime Error: a POST-ACCUM statement may use only one vertex alias.');
    if (names.has(sel.srcAlias)) return sel.srcAlias;
    if (target !== undefined && names.has(target)) return target;
    return sel.out;
  }

  // ---- PRINT ------------------------------------------------------------------------------

  private print(items: PrintItem[], where: Expr | undefined): void {
    const obj: Record<string, Json> = {};
    for (const it of items) {
      const v = it.e.k === 'gacc' ? this.gacc(it.e.name).get() : this.ev(it.e);
      if (v instanceof VSet) {
        const name = it.e.k === 'name' ? it.e.name : it.key;
        let vs = v.values();
        if (where)
          vs = vs.filter((x) => this.withScope(new Map([[name, x]]), () => this.truthy(this.ev(where))));
        obj[it.key] = vs.map((x) => {
          if (!it.proj) return vertexJson(this, x);
          const attributes: Record<string, Json> = {};
          this.withScope(new Map([[name, x]]), () => {
            for (const p of it.proj ?? []) attributes[p.key] = printValue(this, this.ev(p.e));
          });
          return { v_id: x.id, v_type: x.type, attributes };
        });
        continue;
      }
      if (where && !this.truthy(this.ev(where))) return;
      obj[it.key] = printValue(this, v);
    }
    this.results.push(obj);
  }

  // ---- expressions ------------------------------------------------------------------------

  truthy(v: QV): boolean {
    if (typeof v === 'boolean') return v;
    if (v === null) return false;
    throw new QueryRuntimeError(`Runtime Error: a condition must be BOOL, got ${describe(v)}.`);
  }

  iterable(v: QV | Arrow): (QV | Arrow)[] {
    if (Array.isArray(v)) return v;
    if (v instanceof QSet) return v.values();
    if (v instanceof VSet) return v.values();
    if (v instanceof QMap) return [...v.m.values()].map(([k, x]) => new Arrow([k], [x]));
    if (v instanceof VRef) return [v];
    throw new QueryRuntimeError(`Runtime Error: cannot iterate over ${describe(v as QV)}.`);
  }

  ev(e: Expr): QV {
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'name': {
        const v = this.lookup(e.name);
        if (v !== undefined) return v;
        if (vertexTypeIn(this.cat, this.graph, e.name)) return new VSet(this.allOfType(e.name));
        throw new QueryRuntimeError(
          `Runtime Error: ${e.name} is not defined (line ${e.line}, column ${e.column}).`,
        );
      }
      case 'gacc':
        return this.gacc(e.name).get();
      case 'vacc':
        return this.vacc(e.name, this.ev(e.obj)).get();
      case 'attr':
        return this.attr(this.ev(e.obj), e.name, e);
      case 'call':
        return callFunction(this, e.name, e.args, e);
      case 'method': {
        if (e.obj.k === 'gacc' || e.obj.k === 'vacc') {
          const acc = e.obj.k === 'gacc' ? this.gacc(e.obj.name) : this.vacc(e.obj.name, this.ev(e.obj.obj));
          const r = acc.method(
            e.name,
            e.args.map((a) => this.ev(a)),
          );
          if (r !== undefined) return r;
        }
        return callMethod(this, this.ev(e.obj), e.name, e.args, e);
      }
      case 'bin': {
        if (e.op === 'AND') return this.truthy(this.ev(e.l)) && this.truthy(this.ev(e.r));
        if (e.op === 'OR') return this.truthy(this.ev(e.l)) || this.truthy(this.ev(e.r));
        return this.binary(e.op, this.ev(e.l), this.ev(e.r));
      }
      case 'un': {
        const v = this.ev(e.e);
        if (e.op === 'NOT') return !this.truthy(v);
        if (typeof v === 'bigint') return -v;
        if (typeof v === 'number') return -v;
        throw new QueryRuntimeError(`Runtime Error: cannot negate ${describe(v)}.`);
      }
      case 'arrow':
        return new Arrow(
          e.keys.map((k) => this.ev(k)),
          e.vals.map((v) => this.ev(v)),
        ) as unknown as QV;
      case 'list':
        return e.items.map((x) => this.ev(x));
      case 'in': {
        const x = this.ev(e.e);
        const set = this.ev(e.set);
        const hit = this.iterable(set).some((y) => !(y instanceof Arrow) && equals(x, y));
        return e.not ? !hit : hit;
      }
      case 'case': {
        const subject = e.subject ? this.ev(e.subject) : undefined;
        for (const [w, then] of e.whens) {
          const hit = subject === undefined ? this.truthy(this.ev(w)) : equals(subject, this.ev(w));
          if (hit) return this.ev(then);
        }
        return e.else ? this.ev(e.else) : null;
      }
      case 'isnull': {
        const v = this.ev(e.e);
        return e.not ? v !== null : v === null;
      }
    }
  }

  private attr(obj: QV, name: string, at: Expr): QV {
    if (obj instanceof VRef) {
      if (name.toLowerCase() === 'type') return obj.type;
      const t = vertexTypeIn(this.cat, this.graph, obj.type);
      const rec = t?.data.get(obj.id);
      const a =
        t?.attributes.find((x) => x.name === name) ?? (t?.primaryId.name === name ? t.primaryId : undefined);
      if (!t || !a)
        throw new QueryRuntimeError(`Runtime Error: ${obj.type} has no attribute ${name} (line ${at.line}).`);
      if (!rec) return null;
      if (a === t.primaryId && !rec.attrs.has(name)) return obj.id;
      return toQV(rec.attrs.get(name) as Value, a.type);
    }
    if (obj instanceof ERef) {
      if (name.toLowerCase() === 'type') return obj.et.reverseOf ? obj.et.name : obj.et.name;
      const a = obj.et.attributes.find((x) => x.name === name);
      if (!a)
        throw new QueryRuntimeError(
          `Runtime Error: ${obj.et.name} has no attribute ${name} (line ${at.line}).`,
        );
      return toQV(obj.rec.attrs.get(name) as Value, a.type);
    }
    if (obj instanceof QTuple) {
      if (obj.fields.has(name)) return obj.fields.get(name) as QV;
      throw new QueryRuntimeError(`Runtime Error: tuple ${obj.name} has no field ${name}.`);
    }
    if (obj instanceof Arrow) {
      // FOREACH over a MapAccum: (k, v) pairs expose .key / .value.
      const a = obj as unknown as Arrow;
      if (name === 'key') return a.keys[0] ?? null;
      if (name === 'value') return a.vals[0] ?? null;
    }
    throw new QueryRuntimeError(`Runtime Error: cannot read .${name} of ${describe(obj)} (line ${at.line}).`);
  }

  binary(op: string, l: QV, r: QV): QV {
    const num = (x: QV) => typeof x === 'bigint' || typeof x === 'number';
    switch (op) {
      case '+':
        if (typeof l === 'string' || typeof r === 'string') {
          if (typeof l === 'string' && typeof r === 'string') return l + r;
          throw new QueryRuntimeError('Runtime Error: + on a STRING needs two STRINGs (use to_string()).');
        }
        break;
      case '==':
        return equals(l, r);
      case '!=':
        return !equals(l, r);
      case '<':
        return compare(l, r) < 0;
      case '>':
        return compare(l, r) > 0;
      case '<=':
        return compare(l, r) <= 0;
      case '>=':
        return compare(l, r) >= 0;
      case 'LIKE': {
        if (typeof l !== 'string' || typeof r !== 'string') return false;
        const re = new RegExp(
          `^${r
            .replace(/[.+?^${}()|[\]\\*]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.')}$`,
          's',
        );
        return re.test(l);
      }
    }
    if (l instanceof QSet && r instanceof QSet) {
      if (op === '+') return new QSet([...l.values(), ...r.values()]);
      if (op === '-') return new QSet(l.values().filter((x) => !r.has(x)));
      if (op === '*') return new QSet(l.values().filter((x) => r.has(x)));
    }
    if (!num(l) || !num(r))
      throw new QueryRuntimeError(`Runtime Error: cannot apply ${op} to ${describe(l)} and ${describe(r)}.`);
    if (typeof l === 'bigint' && typeof r === 'bigint') {
      switch (op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          if (r === 0n) throw new QueryRuntimeError('Runtime Error: divider is zero.');
          return l / r;
        case '%':
          if (r === 0n) throw new QueryRuntimeError('Runtime Error: divider is zero.');
          return l % r;
      }
    }
    const a = Number(l);
    const b = Number(r);
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new QueryRuntimeError('Runtime Error: divider is zero.');
        return a / b;
      case '%':
        if (b === 0) throw new QueryRuntimeError('Runtime Error: divider is zero.');
        return a % b;
    }
    throw new QueryRuntimeError(`Runtime Error: unknown operator ${op}.`);
  }
}

export function describe(v: QV): string {
  if (v === null) return 'NULL';
  if (typeof v === 'bigint') return 'INT';
  if (typeof v === 'number') return 'DOUBLE';
  if (typeof v === 'string') return 'STRING';
  if (typeof v === 'boolean') return 'BOOL';
  if (v instanceof Dt) return 'DATETIME';
  if (v instanceof VRef) return 'VERTEX';
  if (v instanceof ERef) return 'EDGE';
  if (v instanceof VSet) return 'vertex set';
  if (v instanceof QSet) return 'SET';
  if (v instanceof QMap) return 'MAP';
  if (v instanceof QTuple) return 'tuple';
  return 'LIST';
}

/** Stored attribute value → interpreter value. */
export function toQV(v: Value | undefined, t: AttrType): QV {
  if (v === undefined) return null;
  if (t.kind === 'primitive' && t.name === 'DATETIME' && typeof v === 'number') return new Dt(v);
  if (Array.isArray(v)) {
    const el = t.kind === 'collection' && t.element.kind === 'primitive' ? t.element : undefined;
    const items = v.map((x) =>
      toQV(x, el ? { kind: 'primitive', name: el.name } : { kind: 'primitive', name: 'STRING' }),
    );
    return t.kind === 'collection' && t.name === 'SET' ? new QSet(items) : items;
  }
  if (v instanceof Map) {
    const m = new QMap();
    for (const [k, x] of v) m.set(k, toQV(x, { kind: 'primitive', name: 'STRING' }));
    return m;
  }
  if (typeof v === 'object') {
    return new QTuple(
      'tuple',
      new Map([...v.tuple].map(([k, x]) => [k, toQV(x, { kind: 'primitive', name: 'STRING' })])),
    );
  }
  return v;
}

/** Interpreter value → stored attribute value (attribute writes in ACCUM / POST-ACCUM). */
function fromQV(v: QV): Value {
  if (v instanceof Dt) return v.sec;
  if (v === null) return '';
  if (typeof v === 'object')
    throw new QueryRuntimeError('Runtime Error: only primitive attributes can be written by a query.');
  return v;
}
