// GSQL's static type checks at CREATE: assignments and accumulator inputs of a declared primitive
// or vertex type, comparisons between incomparable types, attributes that no possible vertex or edge
// type of an alias has, and negative LIMIT literals. Types that cannot be inferred statically are
// never guessed: only definite mismatches are refused.
import { type Catalog, edgeTypeIn, type Graph, vertexTypeIn } from '../store/catalog.js';
import { vectorAttr } from '../store/vectors.js';
import {
  type AccType,
  type BaseType,
  type Expr,
  type Hop,
  hopsOf,
  type PathPattern,
  type PrimName,
  type QueryDef,
  type SelectBlock,
  type Stmt,
  type VarType,
} from './ast.js';
import { insertTargets } from './insert-check.js';
import { JSON_GETTERS, JSON_METHODS } from './json-values.js';
import { refusePartialProjection } from './print-projection-check.js';
import { graphMethodType } from './vertex-methods-check.js';

type At = { line: number; column: number };
type Fail = (msg: string, at: At) => never;

/** A statically known type: a primitive, vertices of some types (undefined = any type), or JSON. */
type T = { prim: PrimName } | { vertex: string[] | undefined } | { json: JsonType } | undefined;
type JsonType = 'JSONOBJECT' | 'JSONARRAY';

const NUMERIC = new Set<PrimName>(['INT', 'UINT', 'FLOAT', 'DOUBLE']);
const name = (t: T): string => {
  if (t === undefined) return '?';
  if ('prim' in t) return t.prim;
  if ('json' in t) return t.json;
  return `VERTEX${t.vertex?.length === 1 ? `<${t.vertex[0]}>` : ''}`;
};

function fromBase(b: BaseType | VarType | undefined): T {
  if (!b) return undefined;
  if (b.k === 'json') return { json: b.name };
  if (b.k === 'prim') return { prim: b.name };
  if (b.k === 'vertex') return { vertex: b.vtype ? [b.vtype] : undefined };
  return undefined;
}

/** Whether a value of type `src` may be stored where `dst` is declared. */
function assignable(dst: T, src: T): boolean {
  if (!dst || !src) return true;
  if ('json' in dst || 'json' in src) return 'json' in dst && 'json' in src && dst.json === src.json;
  if ('prim' in dst && 'prim' in src) {
    if (NUMERIC.has(dst.prim) && NUMERIC.has(src.prim)) return true;
    return dst.prim === src.prim;
  }
  if ('vertex' in dst && 'vertex' in src) {
    if (!dst.vertex || !src.vertex) return true;
    return src.vertex.some((v) => dst.vertex?.includes(v));
  }
  return false;
}

/** The value type an accumulator takes with `+=` (undefined when not a simple element type). */
function accInput(a: AccType | undefined): T {
  if (a?.k !== 'simple' || a.inner) return undefined;
  if (a.kind === 'Or' || a.kind === 'And') return { prim: 'BOOL' };
  if (a.kind === 'BitwiseOr' || a.kind === 'BitwiseAnd') return { prim: 'INT' };
  return fromBase(a.el);
}

function accValue(a: AccType | undefined): T {
  if (a?.k !== 'simple') return undefined;
  if (a.kind === 'Avg') return { prim: 'DOUBLE' };
  if (['Sum', 'Max', 'Min', 'Or', 'And', 'BitwiseOr', 'BitwiseAnd'].includes(a.kind)) return accInput(a);
  return undefined;
}

class Checker {
  readonly vars = new Map<string, VarType | null>();
  readonly gaccs = new Map<string, AccType | null>();
  readonly vaccs = new Map<string, AccType | null>();
  /** Vertex types each vertex-set variable or alias may hold (undefined = unknown). */
  readonly vsets = new Map<string, string[] | undefined>();
  readonly aliases = new Map<string, { vertex: string[] | undefined } | { edge: string[] | undefined }>();

  constructor(
    readonly cat: Catalog,
    readonly g: Graph,
    readonly def: QueryDef,
    readonly fail: Fail,
  ) {
    const typeParams = new Set<string>();
    for (const p of def.params) {
      this.vars.set(p.name, p.type);
      if (p.type.k === 'vertex') this.vsets.set(p.name, p.type.vtype ? [p.type.vtype] : undefined);
      const el = p.type.k === 'coll' ? p.type.el : p.type;
      if (el.k === 'prim' && el.name === 'STRING') typeParams.add(p.name);
    }
    this.typeParams = typeParams;
  }
  readonly typeParams: Set<string>;

  /** First pass: declarations (a name declared twice with different types becomes unknown). */
  declare(stmts: unknown): void {
    const visit = (x: unknown): void => {
      if (Array.isArray(x)) {
        for (const y of x) visit(y);
        return;
      }
      if (!x || typeof x !== 'object') return;
      const s = x as Stmt;
      if (s.k === 'declVar') for (const n of s.names) merge(this.vars, n.name, s.type);
      if (s.k === 'declAccum')
        for (const n of s.names) merge(n.global ? this.gaccs : this.vaccs, n.name, s.type);
      if (s.k === 'vset') this.vsetTypes(s.name, this.seedTypes(s.seed));
      if (s.k === 'select') this.vsetTypes(s.sel.target, this.outTypes(s.sel));
      if (s.k === 'vsetOp') this.vsetTypes(s.name, this.opTypes(s));
      for (const v of Object.values(x)) if (v && typeof v === 'object') visit(v);
    };
    visit(stmts);
  }

  private vsetTypes(n: string, types: string[] | undefined): void {
    if (!this.vsets.has(n)) this.vsets.set(n, types);
    else {
      const cur = this.vsets.get(n);
      this.vsets.set(n, cur && types ? [...new Set([...cur, ...types])] : undefined);
    }
  }

  /** A set operation's vertex types: either side's for UNION, the left side's otherwise (a subset). */
  private opTypes(s: Extract<Stmt, { k: 'vsetOp' }>): string[] | undefined {
    const l = this.vsets.has(s.l) ? this.vsets.get(s.l) : undefined;
    if (s.op !== 'UNION') return l;
    const r = this.vsets.has(s.r) ? this.vsets.get(s.r) : undefined;
    return l && r ? [...new Set([...l, ...r])] : undefined;
  }

  private seedTypes(seed: Extract<Stmt, { k: 'vset' }>['seed']): string[] | undefined {
    const out: string[] = [];
    for (const it of seed) {
      if (it.k !== 'all') return undefined;
      out.push(it.type);
    }
    return out;
  }

  private srcTypes(src: string): string[] | undefined {
    if (this.vsets.has(src)) return this.vsets.get(src);
    return vertexTypeIn(this.cat, this.g, src) ? [src] : undefined;
  }

  private targetTypes(hop: Hop | undefined): string[] | undefined {
    const t = hop?.targets ?? [];
    if (t.length === 0 || t.some((x) => this.typeParams.has(x) || this.vars.has(x))) return undefined;
    return t;
  }

  private outTypes(sel: SelectBlock): string[] | undefined {
    if (sel.out === sel.srcAlias) return this.srcTypes(sel.src);
    // An alias of a conjunctive FROM's further pattern: its type is left open.
    if (!hopsOf(sel).some((h) => h.targetAlias === sel.out)) return undefined;
    const hops = hopsOf(sel);
    // The last hop that binds the alias (a repeated alias names one vertex).
    return this.targetTypes(hops.filter((h) => h.targetAlias === sel.out).at(-1));
  }

  // ---- second pass -------------------------------------------------------------------------

  stmts(list: Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'declVar':
        for (const n of s.names)
          if (n.init) this.assign(s.type, this.expr(n.init), n.init, `variable ${n.name}`);
        return;
      case 'declAccum':
        for (const n of s.names) if (n.init) this.expr(n.init);
        return;
      case 'assign': {
        const t = this.expr(s.rhs);
        const l = s.lhs;
        const vt = l.k === 'var' ? this.vars.get(l.name) : undefined;
        if (l.k === 'var' && s.op === '=' && vt && vt.k !== 'coll' && vt.k !== 'map')
          this.assign(vt, t, s.rhs, `variable ${l.name}`);
        // A JSONOBJECT / JSONARRAY is immutable: only `=` replaces it.
        if (l.k === 'var' && s.op === '+=' && vt?.k === 'json')
          this.fail(`Type mismatch: variable ${l.name} is ${vt.name}, which += cannot change`, s.rhs);
        if (l.k === 'gacc' || l.k === 'vacc') {
          if (l.k === 'vacc') this.expr(l.obj);
          const a = (l.k === 'gacc' ? this.gaccs : this.vaccs).get(l.name) ?? undefined;
          const want = s.op === '+=' ? accInput(a) : accValue(a);
          if (!assignable(want, t))
            this.fail(
              `Type mismatch: ${l.k === 'gacc' ? '@@' : '@'}${l.name} takes ${name(want)}, not ${name(t)}`,
              s.rhs,
            );
        }
        if (l.k === 'attr') {
          const at = this.expr({ ...s, k: 'attr', obj: l.obj, name: l.name });
          // An UPDATE's SET writes the attribute's declared type (update.ts).
          if (this.updating && s.op === '=' && !assignable(at, t))
            this.fail(`Type mismatch: attribute ${l.name} is ${name(at)}, the value is ${name(t)}`, s.rhs);
        }
        return;
      }
      case 'select':
        this.select(s.sel);
        return;
      case 'if':
        for (const [c, b] of s.branches) {
          this.expr(c);
          this.stmts(b);
        }
        if (s.else) this.stmts(s.else);
        return;
      case 'while':
        this.expr(s.cond);
        this.stmts(s.body);
        return;
      case 'foreach':
        this.expr(s.src);
        this.stmts(s.body);
        return;
      case 'print':
        for (const it of s.items) {
          this.expr(it.e);
          if (it.proj) this.projections(it.e, it.proj);
        }
        return;
      case 'expr':
        this.expr(s.e);
        return;
      case 'insert':
        this.insert(s);
        return;
      default:
        return;
    }
  }

  /** `PRINT S[S.a, …]`: each projection reads S as an alias of the vertex types S may hold. */
  private projections(set: Expr, proj: { e: Expr }[]): void {
    const n = set.k === 'name' && !this.aliases.has(set.name) ? set.name : undefined;
    const types = n === undefined ? undefined : this.vsets.get(n);
    if (n !== undefined) this.aliases.set(n, { vertex: types });
    for (const p of proj) {
      if (n !== undefined && types) refusePartialProjection(this.cat, this.g, n, types, p.e);
      this.expr(p.e);
    }
    if (n !== undefined) this.aliases.delete(n);
  }

  /** INSERT values against the declared types of the columns they fill (insert-check.ts). */
  private insert(s: Extract<Stmt, { k: 'insert' }>): void {
    const targets = insertTargets(this.cat, this.g, s);
    s.values.forEach((v, i) => {
      if (v === undefined) return;
      const t = this.expr(v);
      const a = targets[i];
      const want: T = a?.kind === 'primitive' ? { prim: primOf(a.name) } : undefined;
      if (!assignable(want, t))
        this.fail(`Type mismatch: INSERT INTO ${s.name} writes ${name(t)} to a ${name(want)} column`, v);
    });
  }

  private assign(dst: VarType | BaseType, src: T, at: At, what: string): void {
    const d = dst.k === 'coll' || dst.k === 'map' ? undefined : fromBase(dst);
    if (!assignable(d, src)) this.fail(`Type mismatch: ${what} is ${name(d)}, the value is ${name(src)}`, at);
    if (d && 'prim' in d && d.prim === 'UINT' && isNegativeLiteral(at as Expr))
      this.fail(`Type mismatch: ${what} is UINT, the value is negative`, at);
  }

  /** A conjunctive FROM's further pattern: its aliases, a shared one keeping its known type. */
  private patternAliases(p: PathPattern): void {
    const vertex = (alias: string, types: string[] | undefined) => {
      const had = this.aliases.get(alias);
      if (!had || ('vertex' in had && had.vertex === undefined && types !== undefined))
        this.aliases.set(alias, { vertex: types });
    };
    vertex(p.srcAlias, p.src === undefined ? undefined : this.srcTypes(p.src));
    for (const hop of p.hops) {
      vertex(hop.targetAlias, this.targetTypes(hop));
      if (!hop.edgeAlias) continue;
      const names = hop.edges.map((e) => e.name);
      const literal = names.every((n) => n !== '_' && !this.typeParams.has(n) && !this.vars.has(n));
      this.aliases.set(hop.edgeAlias, { edge: literal ? names : undefined });
    }
  }

  /** Inside an UPDATE statement's block. */
  private updating = false;

  private select(sel: SelectBlock): void {
    const saved = new Map(this.aliases);
    this.updating = sel.update === true;
    this.aliases.set(sel.srcAlias, { vertex: this.srcTypes(sel.src) });
    for (const hop of hopsOf(sel)) {
      this.aliases.set(hop.targetAlias, { vertex: this.targetTypes(hop) });
      if (hop.edgeAlias) {
        const names = hop.edges.map((e) => e.name);
        const literal = names.every((n) => n !== '_' && !this.typeParams.has(n) && !this.vars.has(n));
        this.aliases.set(hop.edgeAlias, { edge: literal ? names : undefined });
      }
    }
    for (const p of sel.patterns ?? []) this.patternAliases(p);
    if (sel.where) this.expr(sel.where);
    this.stmts(sel.accum);
    this.stmts(sel.postAccum);
    if (sel.having) this.expr(sel.having);
    for (const o of sel.orderBy) this.expr(o.e);
    if (sel.limit) {
      if (isNegativeLiteral(sel.limit)) this.fail('LIMIT must be a non-negative integer', sel.limit);
      this.expr(sel.limit);
    }
    this.aliases.clear();
    for (const [k, v] of saved) this.aliases.set(k, v);
    this.updating = false;
  }

  expr(e: Expr): T {
    switch (e.k) {
      case 'lit':
        if (typeof e.v === 'bigint') return { prim: 'INT' };
        if (typeof e.v === 'number') return { prim: 'DOUBLE' };
        if (typeof e.v === 'string') return { prim: 'STRING' };
        if (typeof e.v === 'boolean') return { prim: 'BOOL' };
        return undefined;
      case 'name': {
        const a = this.aliases.get(e.name);
        if (a) return 'vertex' in a ? a : undefined;
        const v = this.vars.get(e.name);
        return v && v.k !== 'coll' && v.k !== 'map' ? fromBase(v) : undefined;
      }
      case 'gacc':
        return accValue(this.gaccs.get(e.name) ?? undefined);
      case 'vacc':
        this.expr(e.obj);
        return accValue(this.vaccs.get(e.name) ?? undefined);
      case 'attr':
        return this.attr(e);
      case 'bin':
        return this.bin(e);
      case 'un': {
        const t = this.expr(e.e);
        return e.op === 'NOT' ? { prim: 'BOOL' } : t;
      }
      case 'in':
      case 'isnull':
        this.expr(e.e);
        if (e.k === 'in') this.expr(e.set);
        return { prim: 'BOOL' };
      case 'method': {
        const obj = this.expr(e.obj);
        const args = this.filterScope(e, () => e.args.map((a) => this.expr(a)));
        if (obj && 'json' in obj) return jsonMethodType(obj.json, e, args, this.fail);
        const alias = e.obj.k === 'name' ? this.aliases.get(e.obj.name) : undefined;
        const recv = alias && 'edge' in alias ? 'EDGE' : obj && 'vertex' in obj ? 'VERTEX' : undefined;
        return graphMethodType(this.cat, this.g, { e, recv, args }, this.fail);
      }
      case 'call': {
        for (const a of e.args) this.expr(a);
        const fn = e.name.toLowerCase();
        if (fn === 'parse_json_object') return { json: 'JSONOBJECT' };
        if (fn === 'parse_json_array') return { json: 'JSONARRAY' };
        return fn === 'to_string' ? { prim: 'STRING' } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Inside `.filter(cond)` a vertex or edge type name stands for the far vertex or the traversed
   *  edge of that type (vertex-methods.ts), so its attributes are checked as an alias's are. */
  private filterScope<R>(e: Extract<Expr, { k: 'method' }>, fn: () => R): R {
    if (e.name.toLowerCase() !== 'filter') return fn();
    const saved = new Map(this.aliases);
    const free = (n: string) => !this.aliases.has(n) && !this.vars.has(n);
    for (const n of this.g.vertexNames) if (free(n)) this.aliases.set(n, { vertex: [n] });
    for (const n of this.g.edgeNames) if (free(n)) this.aliases.set(n, { edge: [n] });
    try {
      return fn();
    } finally {
      this.aliases.clear();
      for (const [k, v] of saved) this.aliases.set(k, v);
    }
  }

  private bin(e: Extract<Expr, { k: 'bin' }>): T {
    const l = this.expr(e.l);
    const r = this.expr(e.r);
    const lp = l && 'prim' in l ? l.prim : undefined;
    const rp = r && 'prim' in r ? r.prim : undefined;
    if (['==', '!=', '<', '>', '<=', '>='].includes(e.op)) {
      if (l && r && !assignable(l, r) && !assignable(r, l))
        this.fail(`Type mismatch: cannot compare ${name(l)} with ${name(r)}`, e);
      return { prim: 'BOOL' };
    }
    if (e.op === 'AND' || e.op === 'OR' || e.op === 'LIKE') return { prim: 'BOOL' };
    if (['+', '-', '*', '/', '%'].includes(e.op) && lp && rp) {
      if (NUMERIC.has(lp) && NUMERIC.has(rp))
        return {
          prim: lp === 'FLOAT' || lp === 'DOUBLE' || rp === 'FLOAT' || rp === 'DOUBLE' ? 'DOUBLE' : 'INT',
        };
      if (e.op === '+' && lp === 'STRING' && rp === 'STRING') return { prim: 'STRING' };
    }
    return undefined;
  }

  private attr(e: Extract<Expr, { k: 'attr' }>): T {
    const obj = this.expr(e.obj);
    const alias = e.obj.k === 'name' ? this.aliases.get(e.obj.name) : undefined;
    if (e.name.toLowerCase() === 'type') return { prim: 'STRING' };
    const edges = alias && 'edge' in alias ? alias.edge : undefined;
    if (edges) {
      const types = edges.map((n) => edgeTypeIn(this.cat, this.g, n)).filter((t) => t !== undefined);
      if (types.length === edges.length && !types.some((t) => t.attributes.some((a) => a.name === e.name)))
        this.fail(`The attribute ${e.name} does not exist in edge type ${edges.join(' | ')}`, e);
      return undefined;
    }
    const vtypes = obj && 'vertex' in obj ? obj.vertex : undefined;
    if (!vtypes) return undefined;
    const types = vtypes.map((n) => vertexTypeIn(this.cat, this.g, n)).filter((t) => t !== undefined);
    if (types.length !== vtypes.length) return undefined;
    const found = types.flatMap((t) => [...t.attributes, t.primaryId].filter((a) => a.name === e.name));
    if (found.length === 0 && types.every((t) => vectorAttr(t, e.name))) return undefined;
    if (found.length === 0)
      this.fail(`The attribute ${e.name} does not exist in vertex type ${vtypes.join(' | ')}`, e);
    const a = found[0];
    return a && found.length === types.length && a.type.kind === 'primitive' && isPrim(a.type.name)
      ? { prim: primOf(a.type.name) }
      : undefined;
  }
}

/** A JSONOBJECT / JSONARRAY method call: the method must be the type's, its key a STRING (object) or
 *  its index an INT (array), where the argument's type is known. Returns the method's result type. */
function jsonMethodType(type: JsonType, e: Extract<Expr, { k: 'method' }>, args: T[], fail: Fail): T {
  const n = e.name.toLowerCase();
  if (!JSON_METHODS[type].has(n)) fail(`The method .${e.name}() is not a method of ${type}`, e);
  if (n === 'size') return { prim: 'INT' };
  const arg = args[0];
  const key: T = type === 'JSONOBJECT' ? { prim: 'STRING' } : { prim: 'INT' };
  const ok =
    arg === undefined ||
    ('prim' in arg &&
      (type === 'JSONOBJECT' ? arg.prim === 'STRING' : arg.prim === 'INT' || arg.prim === 'UINT'));
  if (e.args.length !== 1 || !ok)
    fail(`Type mismatch: ${type}.${e.name}() takes one ${name(key)}${arg ? `, not ${name(arg)}` : ''}`, e);
  if (n === 'containskey') return { prim: 'BOOL' };
  const r = JSON_GETTERS[n] as string;
  return r === 'JSONOBJECT' || r === 'JSONARRAY' ? { json: r } : { prim: r as PrimName };
}

const isPrim = (n: string) => ['INT', 'UINT', 'FLOAT', 'DOUBLE', 'STRING', 'BOOL', 'DATETIME'].includes(n);
const primOf = (n: string) => n as PrimName;

function isNegativeLiteral(e: Expr): boolean {
  if (e.k === 'lit') return (typeof e.v === 'bigint' && e.v < 0n) || (typeof e.v === 'number' && e.v < 0);
  return (
    e.k === 'un' &&
    e.op === '-' &&
    e.e.k === 'lit' &&
    (typeof e.e.v === 'bigint' || typeof e.e.v === 'number') &&
    Number(e.e.v) > 0
  );
}

function merge<V>(m: Map<string, V | null>, k: string, v: V): void {
  if (!m.has(k)) m.set(k, v);
  else if (
    JSON.stringify(m.get(k), (_k, x) => (typeof x === 'bigint' ? String(x) : x)) !==
    JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))
  )
    m.set(k, null);
}

export function typeCheck(cat: Catalog, g: Graph, def: QueryDef, fail: Fail): void {
  const c = new Checker(cat, g, def, fail);
  c.declare(def.body);
  c.stmts(def.body);
}
