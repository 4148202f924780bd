// Compiles a loading job against the catalogue (every error is found at CREATE time) and applies
// lines to the graph, counting TigerGraph's loading statistics. Lines are processed as they
// arrive; nothing but the current partial line is kept.
import type { EmulatorState } from '../state.js';
import {
  type AttrType,
  parseDatetime,
  primitiveFromText,
  type TupleValue,
  type Udt,
  type Value,
} from '../store/attr-types.js';
import {
  type AttributeDef,
  type Catalog,
  type EdgeType,
  edgeTypeIn,
  type Graph,
  type VertexType,
  vertexTypeIn,
  vertexTypesOf,
} from '../store/catalog.js';
import { canonicalId, findEdge, insertEdge, newVertex } from '../store/data.js';
import { LineSplitter, quoteChar, tokenizeLine } from './csv.js';
import type { Condition, LoadingJobDef, LoadStatementDef, LoadTarget, TokenExpr } from './job-ast.js';
import { type FileStats, MAX_SAMPLES, newFileStats, type ObjectStats, objectStats } from './stats.js';
import { conditionFunction, SUPPORTED_TOKEN_FUNCTIONS, tokenFunction } from './token-functions.js';

/** A loading-job definition error (reported by CREATE LOADING JOB). */
export class LoadingError extends Error {}

/** Longest line kept (characters); longer lines are rejected as `tokenExceedsBuffer`. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

interface Env {
  tokens: string[];
  columns: Map<string, number> | undefined;
  now: () => number;
}

type Evaluated = string | string[] | TupleValue;

// ---- expressions --------------------------------------------------------------------------------

function evalExpr(e: TokenExpr, env: Env, udts: Map<string, Udt>): Evaluated {
  switch (e.kind) {
    case 'position':
      return env.tokens[e.index] ?? '';
    case 'column': {
      const i = env.columns?.get(e.name);
      return i === undefined ? '' : (env.tokens[i] ?? '');
    }
    case 'literal':
      return e.value;
    case 'skip':
      return '';
    case 'call': {
      const udt = udts.get(e.name);
      if (udt)
        return tupleOf(
          udt,
          e.args.map((a) => str(evalExpr(a, env, udts))),
        );
      const f = tokenFunction(e.name);
      const args = e.args.map((a) => str(evalExpr(a, env, udts)));
      return f ? f.fn(args, env.now) : '';
    }
  }
}

const str = (v: Evaluated): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : '');

function tupleOf(udt: Udt, args: string[]): TupleValue {
  const tuple = new Map<string, Value>();
  udt.fields.forEach((f, i) => {
    const raw = args[i] ?? '';
    const v = raw === '' ? undefined : fromText({ kind: 'primitive', name: f.type }, raw);
    tuple.set(f.name, v ?? (f.type === 'STRING' ? '' : f.type === 'BOOL' ? false : 0));
  });
  return { tuple };
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

function evalCondition(c: Condition, env: Env, udts: Map<string, Udt>): boolean {
  switch (c.kind) {
    case 'and':
      return evalCondition(c.left, env, udts) && evalCondition(c.right, env, udts);
    case 'or':
      return evalCondition(c.left, env, udts) || evalCondition(c.right, env, udts);
    case 'not':
      return !evalCondition(c.operand, env, udts);
    case 'is': {
      const v = str(evalExpr(c.operand, env, udts));
      const r = c.test === 'NUMERIC' ? NUMBER.test(v) : v.trim() === '';
      return c.negated ? !r : r;
    }
    case 'in': {
      const v = str(evalExpr(c.operand, env, udts));
      const r = c.values.some((x) => str(evalExpr(x, env, udts)) === v);
      return c.negated ? !r : r;
    }
    case 'call': {
      const e = c.expr as Extract<TokenExpr, { kind: 'call' }>;
      const f = conditionFunction(e.name);
      return f ? f.fn(e.args.map((a) => str(evalExpr(a, env, udts)))) : false;
    }
    case 'compare': {
      const l = str(evalExpr(c.left, env, udts));
      const r = str(evalExpr(c.right, env, udts));
      const numeric = NUMBER.test(l) && NUMBER.test(r);
      const cmp = numeric ? Number(l) - Number(r) : l < r ? -1 : l > r ? 1 : 0;
      switch (c.op) {
        case '==':
          return cmp === 0;
        case '!=':
          return cmp !== 0;
        case '<':
          return cmp < 0;
        case '<=':
          return cmp <= 0;
        case '>':
          return cmp > 0;
        default:
          return cmp >= 0;
      }
    }
  }
}

// ---- values -------------------------------------------------------------------------------------

/**
 * A copy of `s` that does not share memory with the chunk it was cut from. V8 represents longer
 * substrings as slices of their parent: a stored token would keep a whole received chunk alive.
 * Concatenating and slicing forces a flat copy of just this token.
 */
export const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Text → stored value for a primitive type, as the loader reads it (INT from "12", DATETIME from epoch or date). */
function fromText(t: AttrType, raw: string): Value | undefined {
  if (t.kind === 'fixed_binary') return own(raw);
  if (t.kind !== 'primitive') return undefined;
  if (t.name === 'STRING') return own(raw);
  const text = raw.trim();
  if (t.name === 'DATETIME') {
    if (/^\d+$/.test(text)) return Number(text);
    return parseDatetime(text);
  }
  if (t.name === 'INT' || t.name === 'UINT') {
    const small = smallInt(text);
    if (small !== undefined) return small;
    if (/^[-+]?\d+\.0*$/.test(text)) return primitiveFromText(t.name, text.split('.')[0] as string);
  }
  const v = primitiveFromText(t.name, text);
  if (t.name === 'UINT' && typeof v === 'bigint' && v < 0n) return undefined;
  return v;
}

/** Shared BigInt instances for small integers (BigInts are immutable, so sharing is safe). */
const SMALL_INTS: bigint[] = Array.from({ length: 4096 }, (_v, i) => BigInt(i));

function smallInt(text: string): bigint | undefined {
  if (text.length === 0 || text.length > 4) return undefined;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return SMALL_INTS[n];
}

const EMPTY_DEFAULTS: Record<string, Value> = {
  INT: 0n,
  UINT: 0n,
  FLOAT: 0,
  DOUBLE: 0,
  DATETIME: 0,
  BOOL: false,
};

/** The value to store, or undefined when the token does not convert (→ invalidAttribute). */
function convert(def: AttributeDef, v: Evaluated): { value: Value; append: boolean } | undefined {
  const t = def.type;
  if (typeof v === 'object' && !Array.isArray(v))
    return t.kind === 'udt' ? { value: v, append: false } : undefined;
  if (t.kind === 'collection') {
    const items = Array.isArray(v) ? v : [v];
    const el: AttrType | undefined =
      t.element.kind === 'primitive' ? { kind: 'primitive', name: t.element.name } : undefined;
    if (!el) return undefined;
    const out: Value[] = [];
    for (const item of items) {
      const x = fromText(el, item);
      if (x === undefined) return undefined;
      out.push(x);
    }
    return { value: out, append: true };
  }
  if (Array.isArray(v)) return undefined;
  if (t.kind === 'primitive' && v.trim() === '' && t.name !== 'STRING') {
    return { value: EMPTY_DEFAULTS[t.name] as Value, append: false };
  }
  const x = fromText(t, v);
  return x === undefined ? undefined : { value: x, append: false };
}

function appendTo(current: Value | undefined, items: Value[], set: boolean): Value[] {
  const base = Array.isArray(current) ? [...current] : [];
  for (const item of items) {
    if (set && base.some((b) => b === item || (typeof b === typeof item && String(b) === String(item))))
      continue;
    base.push(item);
  }
  return base;
}

function writeAttr(attrs: Map<string, Value>, def: AttributeDef, c: { value: Value; append: boolean }): void {
  if (c.append && def.type.kind === 'collection') {
    attrs.set(def.name, appendTo(attrs.get(def.name), c.value as Value[], def.type.name === 'SET'));
  } else if (attrs.get(def.name) !== c.value) {
    // Rewriting an equal value would only turn the stored one into old-generation garbage.
    attrs.set(def.name, c.value);
  }
}

/** The key RESTPP upserts use for discriminated edges (same encoding, so both paths meet). */
function discriminatorKey(et: EdgeType, values: Map<string, Value>): string {
  if (et.discriminators.length === 0) return '';
  return et.discriminators
    .map((d) => {
      const v = values.get(d);
      return typeof v === 'bigint' ? v.toString() : JSON.stringify(v ?? null);
    })
    .join('\u0002');
}

/**
 * The stored id for a raw key token. Plain decimal INT/UINT ids are already canonical (the common
 * case of a bulk load), so they skip the BigInt round trip.
 */
function canonicalKey(t: VertexType, raw: string): string | undefined {
  const k = t.keyStyle === 'composite' ? undefined : t.primaryId.type;
  if (k?.kind === 'primitive' && (k.name === 'INT' || k.name === 'UINT') && raw.length <= 15) {
    let plain = raw.length > 0 && (raw.charCodeAt(0) !== 48 || raw.length === 1);
    for (let i = 0; plain && i < raw.length; i++) {
      const d = raw.charCodeAt(i) - 48;
      plain = d >= 0 && d <= 9;
    }
    if (plain) return own(raw);
  }
  return canonicalId(t, own(raw));
}

// ---- compilation --------------------------------------------------------------------------------

interface Slot {
  def: AttributeDef;
  expr: TokenExpr;
}

interface CompiledTarget {
  kind: 'vertex' | 'edge';
  typeName: string;
  where: Condition | undefined;
  /** Applies one tokenized line; counts into `s`. */
  apply(env: Env, s: ObjectStats, line: string): void;
}

function sample(s: ObjectStats, line: string): void {
  if (s.invalidAttributeLinesData.length < MAX_SAMPLES) s.invalidAttributeLinesData.push(own(line));
}

function checkExpr(e: TokenExpr, hasHeader: boolean, udts: Map<string, Udt>, where: string): void {
  if (e.kind === 'column' && !hasHeader) {
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the column name $"${e.name}" needs HEADER="true" or USER_DEFINED_HEADER in the USING clause.`,
    );
  }
  if (e.kind !== 'call') return;
  if (!udts.has(e.name)) {
    const f = tokenFunction(e.name);
    if (!f) {
      throw new LoadingError(
        `Semantic Check Fails: ${where}: the token function ${e.name} is not supported by the emulator (supported: ${SUPPORTED_TOKEN_FUNCTIONS.join(', ')}, SPLIT, tuple constructors).`,
      );
    }
    if (e.args.length < f.arity[0] || e.args.length > f.arity[1]) {
      throw new LoadingError(`Semantic Check Fails: ${where}: wrong number of arguments for ${e.name}.`);
    }
  }
  for (const a of e.args) checkExpr(a, hasHeader, udts, where);
}

function checkCondition(c: Condition, hasHeader: boolean, udts: Map<string, Udt>, where: string): void {
  switch (c.kind) {
    case 'and':
    case 'or':
      checkCondition(c.left, hasHeader, udts, where);
      checkCondition(c.right, hasHeader, udts, where);
      return;
    case 'not':
      checkCondition(c.operand, hasHeader, udts, where);
      return;
    case 'is':
      checkExpr(c.operand, hasHeader, udts, where);
      return;
    case 'in':
      for (const e of [c.operand, ...c.values]) checkExpr(e, hasHeader, udts, where);
      return;
    case 'compare':
      checkExpr(c.left, hasHeader, udts, where);
      checkExpr(c.right, hasHeader, udts, where);
      return;
    case 'call': {
      const e = c.expr as Extract<TokenExpr, { kind: 'call' }>;
      if (!conditionFunction(e.name)) {
        throw new LoadingError(
          `Semantic Check Fails: ${where}: ${e.name} is not a condition function supported in WHERE.`,
        );
      }
      for (const a of e.args) checkExpr(a, hasHeader, udts, where);
    }
  }
}

function checkSlot(slot: Slot, where: string): void {
  const e = slot.expr;
  const t = slot.def.type;
  if (e.kind === 'call' && e.name.toLowerCase() === 'split' && t.kind !== 'collection') {
    throw new LoadingError(
      `Semantic Check Fails: ${where}: SPLIT can only load a LIST/SET/BAG attribute (${slot.def.name}).`,
    );
  }
  if (t.kind === 'map') {
    throw new LoadingError(
      `Semantic Check Fails: ${where}: loading MAP attribute ${slot.def.name} is not supported by the emulator.`,
    );
  }
  if (t.kind === 'collection' && t.element.kind !== 'primitive') {
    throw new LoadingError(
      `Semantic Check Fails: ${where}: loading a collection of tuples (${slot.def.name}) is not supported by the emulator.`,
    );
  }
}

function valueCountError(where: string, kind: string, name: string, got: number, want: number): LoadingError {
  return new LoadingError(
    `Semantic Check Fails: ${where}: the ${kind} type ${name} expects ${want} values (the id${kind === 'edge' ? 's' : ''} and every attribute in order), but ${got} were given.`,
  );
}

function compileVertex(
  cat: Catalog,
  g: Graph,
  target: LoadTarget,
  hasHeader: boolean,
  where: string,
): CompiledTarget {
  const t = vertexTypeIn(cat, g, target.type);
  if (!t)
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the vertex type ${target.type} does not exist in graph ${g.name}.`,
    );
  const values = target.values.map((v) => v.expr);
  const primaryId = t.keyStyle === 'primary_id';
  const want = (primaryId ? 1 : 0) + t.attributes.length;
  if (values.length !== want) throw valueCountError(where, 'vertex', t.name, values.length, want);
  const udts = cat.udts;
  for (const e of values) checkExpr(e, hasHeader, udts, where);
  if (target.where) checkCondition(target.where, hasHeader, udts, where);
  const idExpr = primaryId ? (values[0] as TokenExpr) : undefined;
  if (idExpr?.kind === 'skip')
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the primary id of ${t.name} cannot be skipped with _.`,
    );
  const attrExprs = primaryId ? values.slice(1) : values;
  const slots: Slot[] = [];
  t.attributes.forEach((def, i) => {
    const expr = attrExprs[i] as TokenExpr;
    if (expr.kind !== 'skip') slots.push({ def, expr });
  });
  for (const s of slots) checkSlot(s, where);
  const keyNames = t.keyStyle === 'composite' ? t.compositeKey : [t.primaryId.name];
  const keyExprs = primaryId
    ? [idExpr as TokenExpr]
    : keyNames.map((k) => attrExprs[t.attributes.findIndex((a) => a.name === k)] as TokenExpr);
  if (keyExprs.some((e) => e.kind === 'skip'))
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the primary key of ${t.name} cannot be skipped with _.`,
    );
  return {
    kind: 'vertex',
    typeName: t.name,
    where: target.where,
    apply(env, s, line) {
      const raw =
        keyExprs.length === 1
          ? str(evalExpr(keyExprs[0] as TokenExpr, env, udts))
          : keyExprs.map((e) => str(evalExpr(e, env, udts))).join(',');
      if (raw === '' || (keyExprs.length > 1 && raw.split(',').includes(''))) {
        s.noIdFound++;
        return;
      }
      const id = canonicalKey(t, raw);
      if (id === undefined) {
        s.invalidPrimaryId++;
        return;
      }
      const converted: { def: AttributeDef; c: { value: Value; append: boolean } }[] = [];
      for (const slot of slots) {
        const c = convert(slot.def, evalExpr(slot.expr, env, udts));
        if (!c) {
          s.invalidAttribute++;
          sample(s, line);
          return;
        }
        converted.push({ def: slot.def, c });
      }
      if (t.permanentlyDeleted.has(id)) return;
      const existing = t.data.get(id);
      const rec = existing ?? newVertex(cat, t, id);
      for (const { def, c } of converted) writeAttr(rec.attrs, def, c);
      if (!existing) t.data.set(id, rec);
      s.validObject++;
    },
  };
}

function endpointType(
  cat: Catalog,
  g: Graph,
  et: EdgeType,
  given: string | undefined,
  end: 'from' | 'to',
  where: string,
): VertexType {
  const star = end === 'from' ? et.fromStar : et.toStar;
  const allowed = star
    ? vertexTypesOf(cat, g).map((v) => v.name)
    : [...new Set(et.pairs.map((p) => (end === 'from' ? p.from : p.to)))];
  const name = given ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (name === undefined) {
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the edge type ${et.name} has several ${end === 'from' ? 'source' : 'target'} vertex types; name one after the token, e.g. ($0 ${allowed[0] ?? 'Type'}, …).`,
    );
  }
  const t = allowed.includes(name) ? vertexTypeIn(cat, g, name) : undefined;
  if (!t) {
    throw new LoadingError(
      `Semantic Check Fails: ${where}: ${name} is not a valid ${end === 'from' ? 'source' : 'target'} vertex type of edge ${et.name}.`,
    );
  }
  return t;
}

function compileEdge(
  cat: Catalog,
  g: Graph,
  target: LoadTarget,
  hasHeader: boolean,
  where: string,
): CompiledTarget {
  const et = edgeTypeIn(cat, g, target.type);
  if (!et)
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the edge type ${target.type} does not exist in graph ${g.name}.`,
    );
  if (et.reverseOf)
    throw new LoadingError(
      `Semantic Check Fails: ${where}: ${et.name} is a reverse edge; load ${et.reverseOf} instead.`,
    );
  const want = 2 + et.attributes.length;
  if (target.values.length !== want)
    throw valueCountError(where, 'edge', et.name, target.values.length, want);
  const udts = cat.udts;
  for (const v of target.values) checkExpr(v.expr, hasHeader, udts, where);
  if (target.where) checkCondition(target.where, hasHeader, udts, where);
  const [fromItem, toItem, ...attrItems] = target.values;
  if (!fromItem || !toItem || fromItem.expr.kind === 'skip' || toItem.expr.kind === 'skip')
    throw new LoadingError(
      `Semantic Check Fails: ${where}: the source and target ids of ${et.name} cannot be skipped with _.`,
    );
  const fromType = endpointType(cat, g, et, fromItem.vertexType, 'from', where);
  const toType = endpointType(cat, g, et, toItem.vertexType, 'to', where);
  const slots: Slot[] = [];
  et.attributes.forEach((def, i) => {
    const expr = (attrItems[i] as { expr: TokenExpr }).expr;
    if (expr.kind !== 'skip') slots.push({ def, expr });
    else if (et.discriminators.includes(def.name))
      throw new LoadingError(
        `Semantic Check Fails: ${where}: the discriminator ${def.name} cannot be skipped with _.`,
      );
  });
  for (const s of slots) checkSlot(s, where);
  return {
    kind: 'edge',
    typeName: et.name,
    where: target.where,
    apply(env, s, line) {
      const rawFrom = str(evalExpr(fromItem.expr, env, udts));
      const rawTo = str(evalExpr(toItem.expr, env, udts));
      if (rawFrom === '' || rawTo === '') {
        s.noIdFound++;
        return;
      }
      const fromId = canonicalKey(fromType, rawFrom);
      const toId = canonicalKey(toType, rawTo);
      if (fromId === undefined || toId === undefined) {
        s.invalidPrimaryId++;
        return;
      }
      const values = new Map<string, Value>();
      const converted: { def: AttributeDef; c: { value: Value; append: boolean } }[] = [];
      for (const slot of slots) {
        const c = convert(slot.def, evalExpr(slot.expr, env, udts));
        if (!c) {
          s.invalidAttribute++;
          sample(s, line);
          return;
        }
        values.set(slot.def.name, c.value);
        converted.push({ def: slot.def, c });
      }
      if (fromType.permanentlyDeleted.has(fromId) || toType.permanentlyDeleted.has(toId)) return;
      // Loading an edge creates absent endpoints with default attributes, as TigerGraph does.
      if (!fromType.data.has(fromId)) fromType.data.set(fromId, newVertex(cat, fromType, fromId));
      if (!toType.data.has(toId)) toType.data.set(toId, newVertex(cat, toType, toId));
      const disc = discriminatorKey(et, values);
      const record =
        findEdge(et, fromType.name, fromId, toType.name, toId, disc) ??
        insertEdge(cat, et, fromType.name, fromId, toType.name, toId, disc).record;
      for (const { def, c } of converted) writeAttr(record.attrs, def, c);
      s.validObject++;
    },
  };
}

function hasHeaderOption(st: LoadStatementDef): boolean {
  return st.using.get('HEADER')?.toLowerCase() === 'true' || st.using.has('USER_DEFINED_HEADER');
}

const UNSUPPORTED_OPTIONS = ['JSON_FILE', 'VERTEX_MUST_EXIST', 'NEW_VERTEX_ONLY'];

/** Checks a whole job against the graph; throws LoadingError naming the first problem. */
export function validateJob(cat: Catalog, g: Graph, job: LoadingJobDef): void {
  const names = new Set(job.filenames.map((f) => f.name));
  job.statements.forEach((st, i) => {
    const where = `LOAD statement ${i + 1} of job ${job.name}`;
    if (st.literalPath === undefined && !names.has(st.filename)) {
      throw new LoadingError(
        `Semantic Check Fails: ${where}: the file variable ${st.filename} is not defined (DEFINE FILENAME ${st.filename};).`,
      );
    }
    for (const k of st.using.keys()) {
      if (UNSUPPORTED_OPTIONS.includes(k) && st.using.get(k)?.toLowerCase() === 'true')
        throw new LoadingError(
          `Semantic Check Fails: ${where}: USING ${k}="true" is not supported by the emulator.`,
        );
    }
    const udh = st.using.get('USER_DEFINED_HEADER');
    if (udh !== undefined && !job.headers.has(udh))
      throw new LoadingError(
        `Semantic Check Fails: ${where}: the header ${udh} is not defined (DEFINE HEADER ${udh} = …;).`,
      );
    const q = st.using.get('QUOTE');
    if (q !== undefined && quoteChar(q) === undefined)
      throw new LoadingError(
        `Semantic Check Fails: ${where}: QUOTE must be "double" or "single", not "${q}".`,
      );
    for (const target of st.targets) {
      if (target.kind === 'vertex') compileVertex(cat, g, target, hasHeaderOption(st), where);
      else compileEdge(cat, g, target, hasHeaderOption(st), where);
    }
  });
}

// ---- running --------------------------------------------------------------------------------------

export interface FileOptions {
  /** Separator/EOL overrides (the /ddl `sep`, `eol` parameters). */
  separator?: string;
  eol?: string;
  /** 3.x /ddl `header=true`. */
  header?: boolean;
}

/** Feeds the lines of one file variable of a job into the graph. */
export class FileLoader {
  readonly stats: FileStats = newFileStats();
  private readonly targets: { t: CompiledTarget; s: ObjectStats; st: LoadStatementDef }[] = [];
  private readonly splitter: LineSplitter;
  private readonly sep: string;
  private readonly quote: string | undefined;
  private needsHeader: boolean;
  private columns: Map<string, number> | undefined;
  private needed = 0;
  private readonly now: () => number;
  private readonly udts: Map<string, Udt>;
  /** Bytes received so far. */
  size = 0;

  constructor(state: EmulatorState, g: Graph, job: LoadingJobDef, filename: string, opts: FileOptions) {
    const cat = state.catalog;
    this.now = () => state.clock.now();
    this.udts = cat.udts;
    const statements = job.statements.filter((s) => s.filename === filename);
    const first = statements[0];
    this.sep = opts.separator ?? first?.using.get('SEPARATOR') ?? ',';
    if (this.sep === '') throw new LoadingError('The separator must not be empty.');
    const eol = opts.eol ?? first?.using.get('EOL') ?? '\n';
    this.splitter = new LineSplitter(eol === '' ? '\n' : eol, MAX_LINE_CHARS);
    this.quote = quoteChar(first?.using.get('QUOTE'));
    const udh = first?.using.get('USER_DEFINED_HEADER');
    const userHeader = udh === undefined ? undefined : job.headers.get(udh);
    if (userHeader) this.columns = new Map(userHeader.map((n, i) => [n, i]));
    this.needsHeader = opts.header ?? (first ? first.using.get('HEADER')?.toLowerCase() === 'true' : false);
    statements.forEach((st) => {
      const where = `LOAD statement ${job.statements.indexOf(st) + 1} of job ${job.name}`;
      for (const target of st.targets) {
        const t =
          target.kind === 'vertex'
            ? compileVertex(cat, g, target, true, where)
            : compileEdge(cat, g, target, true, where);
        const list = t.kind === 'vertex' ? this.stats.vertex : this.stats.edge;
        this.targets.push({ t, s: objectStats(list, t.typeName), st });
      }
    });
    this.computeNeeded(statements);
  }

  /** How many tokens a line needs: one past the largest position any statement reads. */
  private computeNeeded(statements: LoadStatementDef[]): void {
    let max = -1;
    const visit = (e: TokenExpr): void => {
      if (e.kind === 'position') max = Math.max(max, e.index);
      if (e.kind === 'column') max = Math.max(max, this.columns?.get(e.name) ?? -1);
      if (e.kind === 'call') e.args.forEach(visit);
    };
    for (const st of statements) for (const t of st.targets) for (const v of t.values) visit(v.expr);
    this.needed = max + 1;
  }

  private statements(): LoadStatementDef[] {
    return [...new Set(this.targets.map((x) => x.st))];
  }

  write(chunk: Buffer): void {
    this.size += chunk.length;
    this.splitter.write(chunk, this.onLine, this.onOverflow);
  }

  end(): FileStats {
    this.splitter.end(this.onLine, this.onOverflow);
    return this.stats;
  }

  private readonly onOverflow = (): void => {
    this.stats.tokenExceedsBuffer++;
    this.stats.rejectLine++;
  };

  private readonly onLine = (raw: string): void => {
    const line = raw.endsWith('\r') && this.sep !== '\r' ? raw.slice(0, -1) : raw;
    if (this.needsHeader) {
      this.needsHeader = false;
      const names = tokenizeLine(line, this.sep, this.quote);
      this.columns = new Map(names.map((n, i) => [n.trim(), i]));
      this.computeNeeded(this.statements());
      return;
    }
    const s = this.stats;
    if (line === '') {
      s.emptyLine++;
      return;
    }
    const tokens = tokenizeLine(line, this.sep, this.quote);
    if (tokens.length < this.needed) {
      s.notEnoughToken++;
      s.rejectLine++;
      return;
    }
    s.validLine++;
    const env: Env = { tokens, columns: this.columns, now: this.now };
    let failedAll = this.targets.length > 0;
    for (const { t, s: os } of this.targets) {
      if (t.where) {
        if (!evalCondition(t.where, env, this.udts)) {
          os.failedCondition++;
          continue;
        }
        os.passedCondition++;
      }
      failedAll = false;
      t.apply(env, os, line);
    }
    if (failedAll && this.targets.every((x) => x.t.where)) s.failedConditionLine++;
  };
}
