// Compiles a loading job against the catalogue: every error is found at CREATE time, and each
// LOAD target becomes a function that applies one tokenized line to the graph.
import type { Udt, Value } from '../store/attr-types.js';
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
import { findEdge, insertEdge, newVertex } from '../store/data.js';
import { quoteChar } from './csv.js';
import type { Condition, LoadingJobDef, LoadStatementDef, LoadTarget, TokenExpr } from './job-ast.js';
import { MAX_SAMPLES, type ObjectStats } from './stats.js';
import { type Env, evalExpr, str } from './token-eval.js';
import { conditionFunction, SUPPORTED_TOKEN_FUNCTIONS, tokenFunction } from './token-functions.js';
import { canonicalKey, convert, discriminatorKey, own, writeAttr } from './values.js';
import { compileVectorTarget } from './vector-load.js';

/** A loading-job definition error (reported by CREATE LOADING JOB). */
export class LoadingError extends Error {}

/** What vector-load.ts needs from here, handed over so that it imports no values of this file. */
export const VECTOR_HELPERS = {
  error: (msg: string): Error => new LoadingError(msg),
  checkExpr: (...a: Parameters<typeof checkExpr>) => checkExpr(...a),
};

interface Slot {
  def: AttributeDef;
  expr: TokenExpr;
}

export interface CompiledTarget {
  kind: 'vertex' | 'edge';
  typeName: string;
  where: Condition | undefined;
  /** Applies one tokenized line; counts into `s`. */
  apply(env: Env, s: ObjectStats, line: string): void;
}

function sample(s: ObjectStats, line: string): void {
  if (s.invalidAttributeLinesData.length < MAX_SAMPLES) s.invalidAttributeLinesData.push(own(line));
}

export function checkExpr(e: TokenExpr, hasHeader: boolean, udts: Map<string, Udt>, where: string): void {
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

export function compileVertex(
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

export function compileEdge(
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
      else if (target.kind === 'vector')
        compileVectorTarget(cat, g, target, hasHeaderOption(st), where, VECTOR_HELPERS);
      else compileEdge(cat, g, target, hasHeaderOption(st), where);
    }
  });
}
