// Executes a parsed query. Statements run as a generator that yields at loop iterations and
// every few hundred traversed edges, so a runner can enforce GSQL-TIMEOUT, run detached (async)
// queries in slices and abort them.

import type { Json } from '../json.js';
import type { Value } from '../store/attr-types.js';
import { type Catalog, type Graph, vertexTypeIn, vertexTypesOf } from '../store/catalog.js';
import {
  type Accum,
  Arrow,
  coerce,
  makeAccum,
  QueryRuntimeError,
  RaisedException,
  type TupleDef,
  typeDefault,
} from './accum.js';
import { ArrayAccum } from './array-accum.js';
import type { AccType, Expr, LValue, PrintItem, QueryDef, SeedItem, Stmt } from './ast.js';
import { callFunction, callMethod } from './builtins.js';
import { printCsv } from './csv.js';
import { queueDelete } from './delete.js';
import { outputPath, QFile } from './files.js';
import { edgeRow, insertEdgeFrom } from './insert.js';
import { insertVertexFrom } from './insert-vertex.js';
import { binaryOp, describe, fromQV, toQV } from './ops.js';
import { fileText, printValue, vertexJson } from './output.js';
import { runSelect, typeNames } from './select.js';
import { queriesOf, staticsFor } from './store.js';
import { ERef, equals, QMap, QSet, QTuple, type QV, VRef, VSet } from './values.js';
import { vectorAttrValue, withEmbeddings, writeVectorAttr } from './vector-values.js';
import { graphMethod } from './vertex-methods.js';

type Signal = 'break' | 'continue' | 'return' | undefined;

/** The key of a `@name` accumulator's holder: a vertex, or an edge for an `EDGE` accumulator. */
function attachedKey(name: string, v: QV, edge: boolean): string {
  if (edge && v instanceof ERef) {
    const r = v.rec;
    const et = v.et.reverseOf ?? v.et.name;
    return [et, r.fromType, r.fromId, r.toType, r.toId, r.discriminator].join('\u0000');
  }
  if (!edge && v instanceof VRef) return v.key;
  throw new QueryRuntimeError(`Runtime Error: @${name} needs ${edge ? 'an edge' : 'a vertex'}.`);
}

export class Interp {
  readonly tuples = new Map<string, TupleDef>();
  readonly globals = new Map<string, Accum>();
  readonly vaccTypes = new Map<string, AccType>();
  /** Declared sizes of vertex-attached ArrayAccums (`ArrayAccum<SumAccum<INT>> @a[3];`). */
  readonly vaccDims = new Map<string, number[]>();
  /** Declared initial values of vertex accumulators (`SumAccum<FLOAT> @score = 1;`). */
  readonly vaccInits = new Map<string, QV>();
  readonly vaccs = new Map<string, Map<string, Accum>>();
  readonly scopes: Map<string, QV>[] = [new Map()];
  readonly results: Record<string, Json>[] = [];
  returned: QV = null;
  /** Pending writes while an ACCUM / POST-ACCUM clause runs (applied when it ends). */
  deferred: (() => void)[] | undefined;
  deferVertexWrites = false;
  /** Inside an UPDATE statement's block: attribute writes are applied when the query ends. */
  updating = false;
  /** Values of vertex accumulators before their first write in the current SELECT (`v.@a'`). */
  primes: Map<string, QV> | undefined;

  /** STATIC global accumulators kept by the installed query (store.ts); undefined: this run's own. */
  statics: Map<string, Accum> | undefined;

  /** `PRINT vset TO_CSV f` writes the vertex ids (TigerGraph 4.2.1 and later, csv.ts). */
  csvVertexSets = false;

  /** Declared primitive types of variables (UINT ones may never hold a negative value). */
  readonly varTypes = new Map<string, string>();

  private checked(name: string, v: QV): QV {
    if (
      this.varTypes.get(name) === 'UINT' &&
      ((typeof v === 'bigint' && v < 0n) || (typeof v === 'number' && v < 0))
    )
      throw new QueryRuntimeError(
        `Runtime Error: UINT variable ${name} cannot hold the negative value ${String(v)}.`,
      );
    return v;
  }

  /** FILE objects by variable name. */
  readonly files = new Map<string, QFile>();

  constructor(
    readonly cat: Catalog,
    readonly graph: Graph,
    readonly def: QueryDef,
    params: Map<string, QV>,
    readonly now: () => number = Date.now,
    /** Host folder FILE objects write into (see files.ts). */
    readonly outputDir = '',
  ) {
    for (const [k, v] of params) this.scopes[0]?.set(k, v);
  }

  /** getvid() numbers per type, built once per run (a scan per call would be quadratic). */
  private vids: Map<string, Map<string, bigint>> | undefined;

  /** getvid(): a stable number per vertex (type ordinal in the high bits, insertion index below). */
  internalId(v: VRef): bigint {
    if (!this.vids) {
      this.vids = new Map();
      for (const [ti, t] of vertexTypesOf(this.cat, this.graph).entries()) {
        const ids = new Map<string, bigint>();
        let i = 0n;
        for (const id of t.data.keys()) ids.set(id, (BigInt(ti + 1) << 32n) + i++);
        this.vids.set(t.name, ids);
      }
    }
    const id = this.vids.get(v.type)?.get(v.id);
    if (id === undefined) throw new QueryRuntimeError(`Runtime Error: vertex ${v.id} does not exist.`);
    return id;
  }

  /** The vertex a getvid() number stands for (the library's tg_to_vertex_list), if any. */
  vertexOfInternalId(vid: bigint): VRef | undefined {
    const types = vertexTypesOf(this.cat, this.graph);
    const t = types[Number(vid >> 32n) - 1];
    if (!t || vid < 0n) return undefined;
    const index = Number(vid & 0xffffffffn);
    let i = 0;
    for (const id of t.data.keys()) if (i++ === index) return new VRef(t.name, id);
    return undefined;
  }

  /** INSERTs wait for the end of the query, as TigerGraph applies a query's writes when it ends. */
  readonly inserts: (() => void)[] = [];

  *run(): Generator<void, void, void> {
    this.openFileParams();
    yield* this.block(this.def.body);
    for (const apply of this.inserts.splice(0)) apply();
  }

  /** Declared EXCEPTION names and their codes. */
  readonly exceptions = new Map<string, bigint>();

  private *tryStmt(s: Extract<Stmt, { k: 'try' }>): Generator<void, Signal, void> {
    try {
      return yield* this.block(s.body);
    } catch (e) {
      if (!(e instanceof RaisedException)) throw e;
      const handler = s.handlers.find(([n]) => n === e.exception)?.[1] ?? s.else;
      if (!handler) throw e;
      return yield* this.block(handler);
    }
  }

  private insert(s: Extract<Stmt, { k: 'insert' }>): void {
    const values = s.values.map((v) => (v === undefined ? undefined : this.ev(v)));
    const names = typeNames(this, s.name);
    const vt =
      s.edge || names.length !== 1 ? undefined : vertexTypeIn(this.cat, this.graph, names[0] as string);
    if (vt) {
      this.inserts.push(() => insertVertexFrom(this.cat, vt, s.columns, values));
      return;
    }
    const row = s.columns ? edgeRow(this.cat, this.graph, names, s.columns, values) : values;
    this.inserts.push(() => insertEdgeFrom(this.cat, this.graph, names, row, s.types));
  }

  // ---- scopes -----------------------------------------------------------------------------

  lookup(name: string): QV | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i] as Map<string, QV>;
      if (s.has(name)) return s.get(name) as QV;
    }
    return undefined;
  }

  setVar(name: string, v: QV): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i] as Map<string, QV>;
      if (s.has(name)) {
        s.set(name, v);
        return;
      }
    }
    (this.scopes[this.scopes.length - 1] as Map<string, QV>).set(name, v);
  }

  withScope<T>(vars: Map<string, QV>, fn: () => T): T {
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

  /** Names of the `EDGE` accumulators (the other `@` ones hang off vertices). */
  readonly edgeAccs = new Set<string>();

  vacc(name: string, v: QV): Accum {
    const t = this.vaccTypes.get(name);
    if (!t) throw new QueryRuntimeError(`Runtime Error: vertex accumulator @${name} is not declared.`);
    const key = attachedKey(name, v, this.edgeAccs.has(name));
    let per = this.vaccs.get(name);
    if (!per) {
      per = new Map();
      this.vaccs.set(name, per);
    }
    let a = per.get(key);
    if (!a) {
      a = this.newAccum(t);
      if (a instanceof ArrayAccum) a.reallocate(this.vaccDims.get(name) ?? []);
      const init = this.vaccInits.get(name);
      if (init !== undefined) a.set(init);
      per.set(key, a);
    }
    return a;
  }

  /** A declared global accumulator: a STATIC one is the installed query's, made on its first run only. */
  private globalAccum(
    s: Extract<Stmt, { k: 'declAccum' }>,
    n: Extract<Stmt, { k: 'declAccum' }>['names'][number],
  ): Accum {
    const kept = s.static ? this.statics?.get(n.name) : undefined;
    if (kept) return kept;
    const a = this.newAccum(s.type);
    if (a instanceof ArrayAccum) a.reallocate(this.sizes(n.dims ?? []));
    if (n.init) a.set(this.ev(n.init));
    if (s.static) this.statics?.set(n.name, a);
    return a;
  }

  private newAccum(t: AccType): Accum {
    if (t.k === 'Array') return new ArrayAccum(() => this.newAccum(t.el));
    return makeAccum(t, this.tuples, (e) => this.ev(e));
  }

  /** Both operands are whole ArrayAccums (`@@a + @@b`, `v.@a + v.@b`): `+` adds them element-wise. */
  private arrayPair(l: Expr, r: Expr): [ArrayAccum, ArrayAccum] | undefined {
    const acc = (x: Expr) =>
      x.k === 'gacc'
        ? this.gacc(x.name)
        : x.k === 'vacc' && !x.prime
          ? this.vacc(x.name, this.ev(x.obj))
          : undefined;
    const a = acc(l);
    const b = a instanceof ArrayAccum ? acc(r) : undefined;
    return a instanceof ArrayAccum && b instanceof ArrayAccum ? [a, b] : undefined;
  }

  private sizes(dims: Expr[]): number[] {
    return dims.map((d) => Number(this.ev(d)));
  }

  /** `@@a[i][j]` / `v.@a[i][j]`: the ArrayAccum element it names. */
  private arrayCell(e: Extract<Expr, { k: 'index' }> | Extract<LValue, { k: 'index' }>): Accum {
    const indices: number[] = [];
    let x: Expr = e.obj;
    indices.unshift(Number(this.ev(e.index)));
    while (x.k === 'index') {
      indices.unshift(Number(this.ev(x.index)));
      x = x.obj;
    }
    const a =
      x.k === 'gacc' ? this.gacc(x.name) : x.k === 'vacc' ? this.vacc(x.name, this.ev(x.obj)) : undefined;
    if (!(a instanceof ArrayAccum))
      throw new QueryRuntimeError(`Runtime Error: [ ] indexes an ArrayAccum only (line ${x.line}).`);
    return a.cell(indices);
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
      case 'declFile':
        this.declFile(s);
        return undefined;
      case 'declAccum':
        this.declAccum(s);
        return undefined;
      case 'declVar':
        this.declVar(s);
        return undefined;
      case 'vset':
        this.setVar(s.name, this.seed(s.seed));
        return undefined;
      case 'vsetOp':
        this.vsetOp(s);
        return undefined;
      case 'select':
        yield* runSelect(this, s.sel);
        return undefined;
      case 'assign':
        this.assign(s.lhs, s.op, this.ev(s.rhs));
        return undefined;
      case 'if':
        for (const [cond, body] of s.branches) {
          if (this.truthy(this.ev(cond))) return yield* this.block(body);
        }
        return s.else ? yield* this.block(s.else) : undefined;
      case 'while':
        return yield* this.whileLoop(s);
      case 'foreach':
        return yield* this.foreachLoop(s);
      case 'print':
        if (s.toCsv !== undefined) printCsv(this, s.items, s.where, s.toCsv);
        else this.print(s.items, s.where);
        return undefined;
      case 'return':
        this.returned = s.e ? this.ev(s.e) : null;
        return 'return';
      case 'break':
        return 'break';
      case 'continue':
        return 'continue';
      case 'insert':
        this.insert(s);
        return undefined;
      case 'declException':
        this.exceptions.set(s.name, s.code);
        return undefined;
      case 'raise':
        return this.raise(s);
      case 'try':
        return yield* this.tryStmt(s);
      case 'expr':
        this.ev(s.e);
        return undefined;
      case 'delete':
        throw new QueryRuntimeError('Runtime Error: DELETE() is allowed in ACCUM/POST-ACCUM only.');
    }
  }

  private declFile(s: Extract<Stmt, { k: 'declFile' }>): void {
    const path = this.ev(s.path);
    if (typeof path !== 'string') throw new QueryRuntimeError('Runtime Error: a FILE path must be a STRING.');
    const f = new QFile(path, outputPath(this.outputDir, path));
    f.open();
    this.files.set(s.name, f);
  }

  /** Global accumulators get their value now; vertex/edge ones record how each cell starts. */
  private declAccum(s: Extract<Stmt, { k: 'declAccum' }>): void {
    for (const n of s.names) {
      if (n.global) this.globals.set(n.name, this.globalAccum(s, n));
      else {
        this.vaccTypes.set(n.name, s.type);
        if (n.dims) this.vaccDims.set(n.name, this.sizes(n.dims));
        if (s.edge) this.edgeAccs.add(n.name);
        else this.edgeAccs.delete(n.name);
        if (n.init) this.vaccInits.set(n.name, this.ev(n.init));
        else this.vaccInits.delete(n.name);
      }
    }
  }

  private declVar(s: Extract<Stmt, { k: 'declVar' }>): void {
    for (const n of s.names) {
      let v: QV;
      if (n.init) v = this.ev(n.init);
      else if (s.type.k === 'coll') v = s.type.coll === 'SET' ? new QSet() : [];
      else if (s.type.k === 'map') v = new QMap();
      else v = typeDefault(s.type);
      if (s.type.k !== 'coll' && s.type.k !== 'map') v = coerce(s.type, v);
      if (s.type.k === 'prim') this.varTypes.set(n.name, s.type.name);
      (this.scopes[this.scopes.length - 1] as Map<string, QV>).set(n.name, this.checked(n.name, v));
    }
  }

  /** `S = A UNION|INTERSECT|MINUS B`. */
  private vsetOp(s: Extract<Stmt, { k: 'vsetOp' }>): void {
    const l = this.vsetOf(s.l, s);
    const r = this.vsetOf(s.r, s);
    let out: VRef[];
    if (s.op === 'UNION') out = [...l.values(), ...r.values()];
    else if (s.op === 'INTERSECT') out = l.values().filter((v) => r.m.has(v.key));
    else out = l.values().filter((v) => !r.m.has(v.key));
    this.setVar(s.name, new VSet(out));
  }

  private *whileLoop(s: Extract<Stmt, { k: 'while' }>): Generator<void, Signal, void> {
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

  private *foreachLoop(s: Extract<Stmt, { k: 'foreach' }>): Generator<void, Signal, void> {
    const items = this.iterable(this.ev(s.src));
    for (const item of items) {
      yield;
      this.scopes.push(this.loopVars(s.vars, item));
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

  private raise(s: Extract<Stmt, { k: 'raise' }>): never {
    const code = this.exceptions.get(s.name);
    if (code === undefined)
      throw new QueryRuntimeError(`Runtime Error: exception ${s.name} is not declared.`);
    const msg = s.message ? this.ev(s.message) : '';
    throw new RaisedException(s.name, code, typeof msg === 'string' ? msg : String(msg));
  }

  /**
   * `FILE f` parameters: a FILE object a calling query passed stays shared (both append to it); a
   * path given to RUN / REST opens (truncates) that file inside outputDir, as a FILE declaration does.
   */
  private openFileParams(): void {
    for (const p of this.def.params) {
      if (p.type.k !== 'file' || this.files.has(p.name)) continue;
      const path = this.scopes[0]?.get(p.name) ?? '';
      if (typeof path !== 'string')
        throw new QueryRuntimeError(`Runtime Error: the FILE parameter ${p.name} takes a path STRING.`);
      const f = new QFile(path, outputPath(this.outputDir, path));
      f.open();
      this.files.set(p.name, f);
    }
  }

  /** Runs another query of the graph as a function (`RETURNS`); undefined when there is none. */
  callQuery(name: string, args: QV[], fileArgs: (QFile | undefined)[] = []): QV | undefined {
    const def = queriesOf(this.graph).get(name)?.def;
    if (!def) return undefined;
    if (args.length > def.params.length)
      throw new QueryRuntimeError(`Runtime Error: ${name}() takes ${def.params.length} arguments.`);
    const params = new Map<string, QV>();
    def.params.forEach((p, i) => {
      const v = args[i] ?? (p.default ? this.ev(p.default) : null);
      params.set(p.name, p.type.k === 'prim' ? coerce(p.type, v) : v);
    });
    const sub = new Interp(this.cat, this.graph, def, params, this.now, this.outputDir);
    def.params.forEach((p, i) => {
      const f = fileArgs[i];
      if (p.type.k === 'file' && f) sub.files.set(p.name, f);
    });
    // An installed callee keeps its STATIC accumulators whoever calls it.
    sub.statics = staticsFor(this.graph, def, false);
    sub.csvVertexSets = this.csvVertexSets;
    // Runs to the end inside this step: a called query's PRINTs are not part of the caller's output.
    for (const _ of sub.run());
    return sub.returned;
  }

  /** FOREACH variables for one item: `x`, or `(k, v)` over map entries / tuple fields. */
  private loopVars(names: string[], item: QV | Arrow): Map<string, QV> {
    const vars = new Map<string, QV>();
    if (names.length === 1) {
      vars.set(names[0] as string, item as QV);
      return vars;
    }
    const parts =
      item instanceof Arrow
        ? [...item.keys, ...item.vals]
        : item instanceof QTuple
          ? [...item.fields.values()]
          : [];
    names.forEach((name, i) => {
      vars.set(name, (parts[i] ?? null) as QV);
    });
    return vars;
  }

  /** Runs ACCUM-clause statements (no yields inside: they are bounded by the edge loop). */
  clause(stmts: Stmt[]): 'break' | 'continue' | undefined {
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
          const sig = hit ? this.clause(hit[1]) : s.else ? this.clause(s.else) : undefined;
          if (sig) return sig;
          break;
        }
        case 'foreach':
          for (const item of this.iterable(this.ev(s.src))) {
            const sig = this.withScope(this.loopVars(s.vars, item), () => this.clause(s.body));
            if (sig === 'break') break;
          }
          break;
        case 'while': {
          const limit = s.limit ? Number(this.ev(s.limit)) : Number.POSITIVE_INFINITY;
          for (let n = 0; n < limit && this.truthy(this.ev(s.cond)); n++)
            if (this.clause(s.body) === 'break') break;
          break;
        }
        case 'insert':
          this.insert(s);
          break;
        case 'delete':
          queueDelete(this, this.ev(s.e));
          break;
        case 'break':
        case 'continue':
          return s.k;
        case 'expr':
          this.ev(s.e);
          break;
        default:
          throw new QueryRuntimeError(`Runtime Error: ${s.k} is not allowed in ACCUM/POST-ACCUM.`);
      }
    }
    return undefined;
  }

  private assign(lhs: LValue, op: '=' | '+=', v: QV | Arrow): void {
    const later = (fn: () => void) => {
      if (this.deferred) this.deferred.push(fn);
      else fn();
    };
    switch (lhs.k) {
      case 'var': {
        const cur = this.lookup(lhs.name);
        const next = op === '=' ? (v as QV) : this.binary('+', cur ?? null, v as QV);
        this.setVar(lhs.name, this.checked(lhs.name, next));
        return;
      }
      case 'gacc': {
        const a = this.gacc(lhs.name);
        later(() => (op === '=' ? a.set(v as QV) : a.add(v)));
        return;
      }
      case 'index': {
        const a = this.arrayCell(lhs);
        later(() => (op === '=' ? a.set(v as QV) : a.add(v)));
        return;
      }
      case 'vacc': {
        const target = this.ev(lhs.obj);
        const a = this.vacc(lhs.name, target);
        const fn = () => {
          this.rememberPrime(lhs.name, target, a);
          if (op === '=') a.set(v as QV);
          else a.add(v);
        };
        if (this.deferVertexWrites) later(fn);
        else fn();
        return;
      }
      case 'attr': {
        const target = this.ev(lhs.obj);
        const fn = () => this.writeAttr(target, lhs.name, op, v as QV);
        // An UPDATE statement's writes, like INSERT's, wait for the end of the query (update.ts).
        if (this.updating) this.inserts.push(fn);
        else if (this.deferVertexWrites) later(fn);
        else fn();
        return;
      }
    }
  }

  private rememberPrime(name: string, target: QV, a: Accum): void {
    if (!this.primes || !(target instanceof VRef)) return;
    const k = `${name}\u0001${target.key}`;
    if (!this.primes.has(k)) this.primes.set(k, a.get());
  }

  private writeAttr(target: QV, name: string, op: '=' | '+=', v: QV): void {
    if (target instanceof VRef) {
      const t = vertexTypeIn(this.cat, this.graph, target.type);
      const rec = t?.data.get(target.id);
      const a = t?.attributes.find((x) => x.name === name);
      if (t && rec && !a && writeVectorAttr(this, t, rec, name, op, v)) return;
      if (!rec || !a) throw new QueryRuntimeError(`Runtime Error: ${target.type} has no attribute ${name}.`);
      const cur = toQV(rec.attrs.get(name) as Value, a.type);
      rec.attrs.set(name, fromQV(op === '=' ? v : this.binary('+', cur, v), a.type));
      return;
    }
    if (target instanceof ERef) {
      const a = target.et.attributes.find((x) => x.name === name);
      if (!a) throw new QueryRuntimeError(`Runtime Error: ${target.et.name} has no attribute ${name}.`);
      const cur = toQV(target.rec.attrs.get(name) as Value, a.type);
      target.rec.attrs.set(name, fromQV(op === '=' ? v : this.binary('+', cur, v), a.type));
      return;
    }
    throw new QueryRuntimeError(`Runtime Error: cannot assign attribute ${name} of a non-vertex value.`);
  }

  // ---- vertex sets ------------------------------------------------------------------------

  allOfType(type: string): VRef[] {
    const t = vertexTypeIn(this.cat, this.graph, type);
    if (!t)
      throw new QueryRuntimeError(`Runtime Error: vertex type ${type} is not in graph ${this.graph.name}.`);
    return [...t.data.keys()].map((id) => new VRef(t.name, id));
  }

  private seed(items: SeedItem[]): VSet {
    const out: VRef[] = [];
    // Loops, not push(...all): a type of a million vertices would overflow the call stack.
    const addAll = (type: string) => {
      for (const v of this.allOfType(type)) out.push(v);
    };
    for (const it of items) {
      if (it.k === 'all') {
        // `{v_type.*}` with a STRING parameter v_type (CREATE accepts it, as for `{v_type}`).
        const held = vertexTypeIn(this.cat, this.graph, it.type) ? undefined : this.lookup(it.type);
        addAll(typeof held === 'string' ? held : it.type);
      } else if (it.k === 'any') for (const t of vertexTypesOf(this.cat, this.graph)) addAll(t.name);
      else {
        // `{v_type}` with a STRING (or SET<STRING>) holding type names: every vertex of them.
        const v = this.ev(it.e);
        for (const x of typeof v === 'string' ? [v] : this.iterable(v)) {
          if (x instanceof VRef) out.push(x);
          else if (typeof x === 'string') addAll(x);
        }
      }
    }
    return new VSet(out);
  }

  vsetOf(name: string, at: { line: number; column: number }): VSet {
    const v = this.lookup(name);
    if (v instanceof VSet) return v;
    if (v instanceof VRef) return new VSet([v]);
    if (v instanceof QSet || Array.isArray(v))
      return new VSet(this.iterable(v).filter((x): x is VRef => x instanceof VRef));
    if (v === undefined && vertexTypeIn(this.cat, this.graph, name)) return new VSet(this.allOfType(name));
    throw new QueryRuntimeError(`Runtime Error: ${name} is not a vertex set (line ${at.line}).`);
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
          if (!it.proj)
            return it.withVector ? withEmbeddings(this, x, vertexJson(this, x)) : vertexJson(this, x);
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
      case 'index':
        return this.arrayCell(e).get();
      case 'vacc': {
        const v = this.ev(e.obj);
        if (e.prime && v instanceof VRef) {
          const before = this.primes?.get(`${e.name}\u0001${v.key}`);
          if (before !== undefined) return before;
        }
        return this.vacc(e.name, v).get();
      }
      case 'attr':
        return this.attr(this.ev(e.obj), e.name, e);
      case 'call':
        return callFunction(this, e.name, e.args, e);
      case 'method':
        return this.method(e);
      case 'bin': {
        const arrays = e.op === '+' ? this.arrayPair(e.l, e.r) : undefined;
        if (arrays) return arrays[0].plus(arrays[1]);
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
      case 'in':
        return this.inExpr(e);
      case 'case':
        return this.caseExpr(e);
      case 'isnull': {
        const v = this.ev(e.e);
        return e.not ? v !== null : v === null;
      }
    }
  }

  /** `x.f(…)`: setAttr, FILE println, accumulator methods, graph traversals, then value methods. */
  private method(e: Extract<Expr, { k: 'method' }>): QV {
    const file = e.obj.k === 'name' ? this.files.get(e.obj.name) : undefined;
    if (e.name.toLowerCase() === 'setattr') {
      // v.setAttr("attr", value): an attribute write whose name is a value.
      const name = this.ev(e.args[0] ?? { ...e, k: 'lit', v: null });
      if (typeof name !== 'string')
        throw new QueryRuntimeError('Runtime Error: setAttr() takes the attribute name as a STRING.');
      this.assign(
        { k: 'attr', obj: e.obj, name },
        '=',
        // 3.0/3.1 docs spell it setAttr(name, type, value): the value is the last argument.
        this.ev(e.args[e.args.length === 3 ? 2 : 1] ?? { ...e, k: 'lit', v: null }),
      );
      return null;
    }
    if (file && e.name.toLowerCase() === 'println') {
      file.println(e.args.map((a) => fileText(this, this.ev(a))).join(','));
      return null;
    }
    if (e.obj.k === 'gacc' || e.obj.k === 'vacc') {
      const acc = e.obj.k === 'gacc' ? this.gacc(e.obj.name) : this.vacc(e.obj.name, this.ev(e.obj.obj));
      const r = acc.method(
        e.name,
        e.args.map((a) => this.ev(a)),
      );
      if (r !== undefined) return r;
    }
    const traversed = graphMethod(this, e);
    if (traversed !== undefined) return traversed;
    return callMethod(this, this.ev(e.obj), e.name, e.args, e);
  }

  private inExpr(e: Extract<Expr, { k: 'in' }>): QV {
    const x = this.ev(e.e);
    const set = this.ev(e.set);
    const hit = this.iterable(set).some((y) => !(y instanceof Arrow) && equals(x, y));
    return e.not ? !hit : hit;
  }

  private caseExpr(e: Extract<Expr, { k: 'case' }>): QV {
    const subject = e.subject ? this.ev(e.subject) : undefined;
    for (const [w, then] of e.whens) {
      const hit = subject === undefined ? this.truthy(this.ev(w)) : equals(subject, this.ev(w));
      if (hit) return this.ev(then);
    }
    return e.else ? this.ev(e.else) : null;
  }

  private attr(obj: QV, name: string, at: Expr): QV {
    if (obj instanceof VRef) {
      if (name.toLowerCase() === 'type') return obj.type;
      const t = vertexTypeIn(this.cat, this.graph, obj.type);
      const rec = t?.data.get(obj.id);
      const a =
        t?.attributes.find((x) => x.name === name) ?? (t?.primaryId.name === name ? t.primaryId : undefined);
      const vector = t && !a ? vectorAttrValue(t, rec, name) : undefined;
      if (vector !== undefined) return vector;
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
    return binaryOp(op, l, r);
  }
}
