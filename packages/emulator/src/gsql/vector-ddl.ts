// Vector DDL (TigerGraph 4.2): `ALTER VERTEX T ADD VECTOR ATTRIBUTE emb(DIMENSION=3, METRIC="L2")` and
// `ALTER VERTEX T DROP VECTOR ATTRIBUTE emb` in global and local schema-change jobs, their `ls`
// lines, and the package statements the vector tutorial starts with (`import package gds`,
// `install function gds.**`, `show package gds.vector`). Before 4.2 the GSQL parser has no VECTOR
// keyword, so the job is refused with the syntax error that parser gives.
import type { Catalog, Graph, VertexType } from '../store/catalog.js';
import { SemanticError } from '../store/ddl.js';
import {
  MAX_DIMENSION,
  type VectorAttrDef,
  type VectorMetric,
  vectorAttr,
  vectorAttrs,
  versionHasVectors,
} from '../store/vectors.js';
import type { JobAction, Statement } from './ast.js';
import { type Cursor, encountered } from './parser-base.js';
import { type GsqlSession, StatementError } from './session.js';

type VectorAction = Extract<JobAction, { kind: 'alterAddVector' | 'alterDropVector' }>;

/** After `ALTER VERTEX T`: `ADD VECTOR ATTRIBUTE name(k=v, …)` / `DROP VECTOR ATTRIBUTE a, b`; else undefined. */
export function parseVectorAlter(c: Cursor, type: string): JobAction | undefined {
  if (!(c.isKw('ADD') || c.isKw('DROP')) || !c.isKw('VECTOR', 1)) return undefined;
  const add = c.next().text.toUpperCase() === 'ADD';
  const kw = c.next();
  const at = { line: kw.line, column: kw.column };
  c.expectKw('ATTRIBUTE');
  if (!add) {
    // `DROP VECTOR ATTRIBUTE emb2` (VectorSearch.md) or `DROP VECTOR ATTRIBUTE ( emb2 )` (the 4.x docker tutorial).
    const paren = c.acceptPunct('(');
    const names = c.identList();
    if (paren) c.expectPunct(')');
    return { kind: 'alterDropVector', type, names, at };
  }
  const name = c.ident();
  const params: [string, string][] = [];
  c.expectPunct('(');
  if (!c.isPunct(')')) {
    do {
      const key = c.ident().toUpperCase();
      c.expectPunct('=');
      const v = c.next();
      if (v.kind !== 'number' && v.kind !== 'string' && v.kind !== 'ident') throw c.error(v);
      params.push([key, v.text]);
    } while (c.acceptPunct(','));
  }
  c.expectPunct(')');
  return { kind: 'alterAddVector', type, name, params, at };
}

const isVectorAction = (a: JobAction): a is VectorAction =>
  a.kind === 'alterAddVector' || a.kind === 'alterDropVector';

/** CREATE … SCHEMA_CHANGE JOB: refuses vector actions before 4.2 and checks the parameters. */
export function checkVectorJob(s: GsqlSession, actions: JobAction[]): void {
  const vector = actions.filter(isVectorAction);
  const first = vector[0];
  if (first === undefined) return;
  if (!versionHasVectors(s.state.version))
    throw new StatementError(
      encountered({ ...first.at, kind: 'ident', text: 'VECTOR', newline: false, start: 0, end: 0 }),
      211,
    );
  for (const a of vector) {
    if (a.kind !== 'alterAddVector') continue;
    try {
      vectorAttrDef(a.name, new Map(a.params));
    } catch (e) {
      if (e instanceof SemanticError)
        throw new StatementError(`Semantic Check Fails: ${e.message}\nFailed to create schema change job.`);
      throw e;
    }
  }
}

/** Runs one vector action on the vertex type (global job: g undefined). False when not a vector action. */
export function applyVectorAction(cat: Catalog, g: Graph | undefined, a: JobAction): boolean {
  if (!isVectorAction(a)) return false;
  const t: VertexType | undefined = g
    ? ((g.local.get(a.type) as VertexType | undefined) ?? cat.vertices.get(a.type))
    : cat.vertices.get(a.type);
  if (t?.kind !== 'vertex') throw new SemanticError(`The vertex type ${a.type} does not exist.`);
  if (g && t.graph === undefined)
    throw new SemanticError(
      `The vertex type ${a.type} is global; change it in a GLOBAL SCHEMA_CHANGE JOB (USE GLOBAL).`,
    );
  if (a.kind === 'alterAddVector') addVectorAttr(t, vectorAttrDef(a.name, new Map(a.params)));
  else for (const n of a.names) dropVectorAttr(t, n);
  return true;
}

/** `ls` lines under "Vector Embeddings:" for the listed vertex types (none when no type has vectors). */
export function vectorLsLines(types: VertexType[]): string[] {
  const withVectors = types.filter((t) => vectorAttrs(t).length > 0);
  if (withVectors.length === 0) return [];
  const lines = ['Vector Embeddings:'];
  for (const t of withVectors) {
    lines.push(`  - ${t.name}:`);
    for (const a of vectorAttrs(t))
      lines.push(
        `    - ${a.name}(Dimension=${a.dimension}, IndexType="${a.indexType}", DataType="${a.dataType}", Metric="${a.metric}")`,
      );
  }
  return lines;
}

const METRICS: VectorMetric[] = ['COSINE', 'L2', 'IP'];

/** A parsed `name(DIMENSION=3, METRIC="L2", INDEXTYPE="HNSW", DATATYPE="FLOAT")` with defaults. */
function vectorAttrDef(name: string, params: Map<string, string>): VectorAttrDef {
  for (const k of params.keys()) {
    if (!['DIMENSION', 'METRIC', 'INDEXTYPE', 'DATATYPE'].includes(k))
      throw new SemanticError(
        `Unknown parameter ${k} of vector attribute ${name}: use DIMENSION, METRIC, INDEXTYPE or DATATYPE.`,
      );
  }
  const dimText = params.get('DIMENSION');
  if (dimText === undefined)
    throw new SemanticError(`The vector attribute ${name} needs a DIMENSION, e.g. ${name}(DIMENSION=1536).`);
  const dimension = Number(dimText);
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > MAX_DIMENSION)
    throw new SemanticError(
      `The DIMENSION of vector attribute ${name} must be an integer from 1 to ${MAX_DIMENSION}, not ${dimText}.`,
    );
  const metric = (params.get('METRIC') ?? 'COSINE').toUpperCase();
  if (!METRICS.includes(metric as VectorMetric))
    throw new SemanticError(
      `The METRIC of vector attribute ${name} must be one of COSINE, L2, IP, not "${params.get('METRIC')}".`,
    );
  const indexType = (params.get('INDEXTYPE') ?? 'HNSW').toUpperCase();
  if (indexType !== 'HNSW')
    throw new SemanticError(`The INDEXTYPE of vector attribute ${name} must be HNSW, not "${indexType}".`);
  const dataType = (params.get('DATATYPE') ?? 'FLOAT').toUpperCase();
  if (dataType !== 'FLOAT')
    throw new SemanticError(`The DATATYPE of vector attribute ${name} must be FLOAT, not "${dataType}".`);
  return { name, dimension, metric: metric as VectorMetric, indexType: 'HNSW', dataType: 'FLOAT' };
}

/** ALTER VERTEX … ADD VECTOR ATTRIBUTE: the name must be free among attributes and vectors. */
function addVectorAttr(t: VertexType, def: VectorAttrDef): void {
  if (t.attributes.some((a) => a.name === def.name) || t.primaryId.name === def.name)
    throw new SemanticError(`The attribute name ${def.name} is already used in vertex type ${t.name}.`);
  if (vectorAttr(t, def.name))
    throw new SemanticError(`The vector attribute ${def.name} already exists in vertex type ${t.name}.`);
  t.vectorAttributes = [...vectorAttrs(t), def];
}

/** ALTER VERTEX … DROP VECTOR ATTRIBUTE: the vectors go with it. */
function dropVectorAttr(t: VertexType, name: string): void {
  if (!vectorAttr(t, name))
    throw new SemanticError(`The vector attribute ${name} does not exist in vertex type ${t.name}.`);
  t.vectorAttributes = vectorAttrs(t).filter((a) => a.name !== name);
  t.vectorRebuildUntil?.delete(name);
  for (const rec of t.data.values()) rec.vectors?.delete(name);
}

// ---- packages: `import package gds`, `install function gds.**`, `show package gds.vector` -----

type PackageStatement = Extract<Statement, { kind: 'package' }>;

/** The rest of the line as written (`gds.**`, `gds.vector`). */
function dottedName(c: Cursor): string {
  let text = '';
  const first = c.peek();
  if (first.kind === 'eof' || first.newline) throw c.error();
  do text += c.next().text;
  while (c.peek().kind !== 'eof' && !c.peek().newline && !c.isPunct(';'));
  return text;
}

/** `IMPORT PACKAGE p`, `INSTALL FUNCTION f`, `SHOW PACKAGE p`, `SHOW FUNCTION f`; else undefined. */
export function parsePackageStatement(
  c: Cursor,
): Omit<PackageStatement, 'line' | 'column' | 'text'> | undefined {
  const cmd =
    c.isKw('IMPORT') && c.isKw('PACKAGE', 1)
      ? 'import'
      : c.isKw('INSTALL') && c.isKw('FUNCTION', 1)
        ? 'installFunction'
        : c.isKw('SHOW') && c.isKw('PACKAGE', 1)
          ? 'showPackage'
          : undefined;
  if (cmd === undefined) return undefined;
  c.next();
  c.next();
  return { kind: 'package', cmd, name: dottedName(c) };
}

/** The gds.vector functions as `show package gds.vector` lists them (VectorSearch.md). */
const GDS_VECTOR_FUNCTIONS = [
  'cosine_distance(list<double> list1, list<double> list2) RETURNS (float)',
  'dimension_count(list<double> list1) RETURNS (int)',
  'distance(list<double> list1, list<double> list2, string metric) RETURNS (float)',
  'elements_sum(list<double> list1) RETURNS (float)',
  'ip_distance(list<double> list1, list<double> list2) RETURNS (float)',
  'kth_element(list<double> list1, int kth_index) RETURNS (float)',
  'l2_distance(list<double> list1, list<double> list2) RETURNS (float)',
  'norm(list<double> list1, string metric) RETURNS (float)',
];

export function execPackageStatement(s: GsqlSession, st: PackageStatement): void {
  if (!st.name.toLowerCase().startsWith('gds'))
    throw new StatementError(`Semantic Check Fails: The package ${st.name} does not exist.`);
  if (st.cmd === 'import') {
    s.out.push(`Successfully imported package ${st.name}.`);
    return;
  }
  if (st.cmd === 'installFunction') {
    s.out.push(`Successfully installed functions: ${st.name}.`);
    return;
  }
  if (!versionHasVectors(s.state.version) || st.name.toLowerCase() !== 'gds.vector')
    throw new StatementError(`Semantic Check Fails: The package ${st.name} does not exist.`);
  s.out.push('Packages "gds.vector":', '  - Object:', '    - Functions:');
  for (const f of GDS_VECTOR_FUNCTIONS) s.out.push(`        - gds.vector.${f} (installed)`);
}
