// generateQueryTypes: installed queries' signatures (and texts) → the text of a TypeScript module
// declaring each query's parameters and result, for `createClient<Schema & { queries: … }>()`.
// Pure string building, like generateSchemaTypes; describeQueriesForCodegen fetches the input.
import { ValidationError } from '@tgraph/protocol/errors';
import type { QueryField } from '../queries/manage.js';
import { type GsqlType, parseGsqlType } from './gsql-type.js';
import { printGroups } from './print-groups.js';
import { parametersWithDefaults } from './query-header.js';
import { type TupleField, tupleTypes } from './query-tuples.js';

/** What the generator needs to know of one installed query. */
export interface QueryTypeSource {
  name: string;
  /** The signature's `input`, in declaration order (`describeQuery().parameters`). */
  parameters: readonly QueryField[];
  /** The signature's `output`, one entry per printed item (`describeQuery().output`). */
  output: readonly QueryField[];
  /** The query's GSQL text: tells defaults (optional parameters) and how PRINT items group. */
  text?: string | undefined;
}

/** Options of {@link generateQueryTypes}. */
export interface GenerateQueryTypesOptions {
  /** Name of the exported interface (default `<Graph>Queries`, or `Queries` without `graph`). */
  typeName?: string | undefined;
  /** The graph, for the default type name and the header comment. */
  graph?: string | undefined;
  /** TypeScript type of printed INT/UINT values, as in generateSchemaTypes (default `number`). */
  integers?: 'number' | 'bigint' | 'auto' | 'string' | undefined;
  /** Module the parameter helper types come from (default `@tgraph/api/queries`). */
  queriesImport?: string | undefined;
  /**
   * Vector attribute names per vertex type (TigerGraph 4.2+), for vertex sets printed `WITH VECTOR`:
   * their `Embeddings` are then `{ <name>: number[] }`; without it, `Record<string, number[]>`.
   */
  vectors?: Readonly<Record<string, readonly string[]>> | undefined;
}

const TS_IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (TS_IDENT.test(name) ? name : JSON.stringify(name));
const literal = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const arrayOf = (t: string) => (/^[A-Za-z0-9_$]+$/.test(t) ? `${t}[]` : `Array<${t}>`);
const INTS = new Set([
  'int',
  'uint',
  'int64',
  'uint64',
  'int32',
  'uint32',
  'int8',
  'uint8',
  'int16',
  'uint16',
]);
const HELPER_TYPES = ['AnyVertexParam', 'DatetimeParam', 'MapParam', 'TupleParam', 'VertexParam'];
const INT_TS = { number: 'number', bigint: 'bigint', auto: 'number | bigint', string: 'string' } as const;

/** A parameter's TypeScript type: the shapes `runQuery` accepts for that GSQL type. */
function paramType(t: GsqlType): string {
  const head = t.head.toLowerCase();
  if (INTS.has(head)) return 'number | bigint';
  if (head === 'float' || head === 'double') return 'number';
  if (head === 'bool') return 'boolean';
  if (head === 'string') return 'string';
  if (head === 'datetime') return 'Date | string | DatetimeParam';
  if (head === 'vertex') return t.args[0] ? `VertexParam<${literal(t.args[0].head)}>` : 'AnyVertexParam';
  if (head === 'set' || head === 'bag' || head === 'list')
    return `readonly (${t.args[0] ? paramType(t.args[0]) : 'unknown'})[]`;
  if (head === 'map') return 'MapParam';
  return 'TupleParam';
}

/** A printed value's TypeScript type, from the signature's type string or vertex-set shape. */
function outputType(type: unknown, c: Emit, withVector: boolean): string {
  // `PRINT … WITH VECTOR` prints vertex sets only: one the signature cannot type (e.g. the result
  // of vectorSearch()) is still a vertex set.
  const set = Array.isArray(type)
    ? type
    : withVector && (type === 'unknown' || type === undefined)
      ? [{}]
      : undefined;
  if (set !== undefined) {
    const typed = vertexSetType(set[0], c);
    return withVector ? withEmbeddings(typed, set[0], c) : typed;
  }
  if (typeof type !== 'string') return 'unknown';
  return printedType(parseGsqlType(type), c);
}

/** What one generation run collects while it writes. */
interface Emit {
  typeName: string;
  ints: string;
  vertices: VertexShapes;
  /** The tuple types of the query being written (from its text), by lower-case name. */
  tuples: Map<string, TupleField[]>;
  vectors: Readonly<Record<string, readonly string[]>> | undefined;
}

/** `Array<V>` of a vertex set printed `WITH VECTOR` → `Array<V & { Embeddings: … }>` (vectors as `number[]`). */
function withEmbeddings(setType: string, shape: unknown, c: Emit): string {
  const vType = (shape as { v_type?: unknown } | undefined)?.v_type;
  const known = typeof vType === 'string' && vType !== 'vertex' && c.vectors?.[vType] !== undefined;
  // A set of unknown vertex type may hold any type's vectors: every name, each optional.
  const names = known
    ? (c.vectors?.[vType as string] ?? [])
    : [...new Set(Object.values(c.vectors ?? {}).flat())];
  const mark = known ? '' : '?';
  const embeddings =
    names.length === 0
      ? 'Record<string, number[]>'
      : `{ ${names.map((n) => `${key(n)}${mark}: number[]`).join('; ')} }`;
  return `Array<${setType.slice('Array<'.length, -1)} & { Embeddings: ${embeddings} }>`;
}

/** A printed tuple: an object of its fields (vertices print as their ids). */
function tupleType(fields: readonly TupleField[], c: Emit): string {
  const body = fields.map((f) => `${key(f.name)}: ${printedType(parseGsqlType(f.type), c)}`);
  return body.length === 0 ? 'Record<string, never>' : `{ ${body.join('; ')} }`;
}

function printedType(t: GsqlType, c: Emit): string {
  const head = t.head.toLowerCase();
  const ints = c.ints;
  const arg = (i: number) => (t.args[i] ? printedType(t.args[i] as GsqlType, c) : 'unknown');
  const tuple = c.tuples.get(head);
  if (tuple !== undefined && t.args.length === 0) return tupleType(tuple, c);
  if (INTS.has(head)) return ints;
  if (head === 'float' || head === 'double' || head === 'avgaccum') return 'number';
  if (head === 'bitwiseoraccum' || head === 'bitwiseandaccum') return ints;
  if (head === 'bool' || head === 'oraccum' || head === 'andaccum') return 'boolean';
  if (head === 'string' || head === 'datetime' || head === 'vertex') return 'string';
  if (head === 'sumaccum' || head === 'maxaccum' || head === 'minaccum') return arg(0);
  if (head === 'setaccum' || head === 'bagaccum' || head === 'listaccum') return arrayOf(arg(0));
  if (head === 'mapaccum') return `Record<string, ${arg(1)}>`;
  if (head === 'edge') return 'Record<string, unknown>';
  if (head === 'heapaccum' && t.args[0] && c.tuples.has(t.args[0].head.toLowerCase())) return arrayOf(arg(0));
  if (head === 'heapaccum' || head === 'groupbyaccum' || head === 'arrayaccum')
    return 'Array<Record<string, unknown>>';
  return 'unknown';
}

const ATTRIBUTE_TS: Record<string, string> = {
  BOOL: 'boolean',
  FLOAT: 'number',
  DOUBLE: 'number',
  STRING: 'string',
  DATETIME: 'string',
};

/** Vertex types printed in vertex sets, declared once: name → `{ v_id; v_type; attributes }`. */
type VertexShapes = Map<string, string>;

function vertexSetType(shape: unknown, c: Emit): string {
  const s = (shape ?? {}) as { v_type?: unknown; attributes?: Record<string, unknown> };
  if (typeof s.v_type !== 'string' || s.v_type === 'vertex')
    return 'Array<{ v_id: string; v_type: string; attributes: Record<string, unknown> }>';
  if (!c.vertices.has(s.v_type)) {
    const attrs = Object.entries(s.attributes ?? {}).map(([name, t]) => {
      const upper = String(t).toUpperCase();
      return `${key(name)}: ${/^U?INT/.test(upper) ? c.ints : (ATTRIBUTE_TS[upper] ?? 'unknown')}`;
    });
    const body = attrs.length === 0 ? '{}' : `{ ${attrs.join('; ')} }`;
    c.vertices.set(s.v_type, `{ v_id: string; v_type: ${literal(s.v_type)}; attributes: ${body} }`);
  }
  return `Array<${c.typeName}Vertex[${literal(s.v_type)}]>`;
}

/** The `result` type: a tuple when every PRINT runs once, else an array of the possible objects. */
function resultType(q: QueryTypeSource, c: Emit): string[] {
  c.tuples = q.text === undefined ? new Map() : tupleTypes(q.text);
  const groups = q.text === undefined ? undefined : printGroups(q.text);
  const total = groups?.reduce((n, g) => n + g.items, 0);
  // Which printed items come from a PRINT … WITH VECTOR (known only when the text agrees).
  const vectorItems = new Set<number>();
  if (groups && total === q.output.length) {
    let at = 0;
    for (const g of groups) {
      if (g.withVector) for (let i = at; i < at + g.items; i++) vectorItems.add(i);
      at += g.items;
    }
  }
  const items = q.output.map((f, i) => `${key(f.name)}: ${outputType(f.type, c, vectorItems.has(i))}`);
  if (items.length === 0) return ['[]'];
  // Without the text, or when it disagrees with the signature, each item may be its own object.
  if (!groups || total !== items.length) return union(items.map((i) => `{ ${i} }`));
  const objects: string[] = [];
  let at = 0;
  for (const g of groups) {
    objects.push(`{ ${items.slice(at, at + g.items).join('; ')} }`);
    at += g.items;
  }
  return groups.every((g) => g.unconditional)
    ? ['[', ...objects.map((o) => `  ${o},`), ']']
    : union([...new Set(objects)]);
}

const union = (objects: string[]) =>
  objects.length === 1
    ? [`ReadonlyArray<${objects[0]}>`]
    : ['ReadonlyArray<', ...objects.map((o) => `  | ${o}`), '>'];

function paramsType(q: QueryTypeSource): string {
  const defaults = q.text === undefined ? new Set<string>() : parametersWithDefaults(q.text);
  const fields = q.parameters.map(
    (p) =>
      `${key(p.name)}${defaults.has(p.name) ? '?' : ''}: ${typeof p.type === 'string' ? paramType(parseGsqlType(p.type)) : 'unknown'}`,
  );
  return fields.length === 0 ? 'Record<string, never>' : `{ ${fields.join('; ')} }`;
}

function checkOptions(options: GenerateQueryTypesOptions): { typeName: string; ints: string } {
  const typeName =
    options.typeName ??
    `${(options.graph ?? '').replace(/[^A-Za-z0-9_$]/g, '').replace(/^[a-z]/, (c) => c.toUpperCase())}Queries`;
  if (!TS_IDENT.test(typeName))
    throw new ValidationError(`typeName must be a TypeScript identifier, got ${JSON.stringify(typeName)}`, {
      field: 'typeName',
    });
  const ints = INT_TS[options.integers ?? 'number'];
  if (ints === undefined)
    throw new ValidationError(
      `integers must be 'number', 'bigint', 'auto' or 'string', got ${JSON.stringify(options.integers)}`,
      { field: 'integers' },
    );
  return { typeName, ints };
}

/**
 * Turns installed queries' signatures into the text of a `.ts` module that declares, per query,
 * `params` (VERTEX<T> → `VertexParam<'T'>`, SET/BAG → arrays, DATETIME → `Date | string`, parameters
 * with a default optional) and `result` (one object per PRINT, keys and types from the signature,
 * vertex sets with their attribute types). Pass it to `createClient` through the schema type's
 * `queries` member and `tg.queries.run` checks names and parameters and types the result.
 *
 * @example
 * const sources = await describeQueriesForCodegen(ctx);
 * const text = generateQueryTypes(sources, { graph: 'MyGraph' });
 * // export interface MyGraphQueries { neighbourhood: { params: { p: VertexParam<'Patient'> }; … } }
 */
export function generateQueryTypes(
  queries: readonly QueryTypeSource[],
  options: GenerateQueryTypesOptions = {},
): string {
  if (!Array.isArray(queries))
    throw new ValidationError('generateQueryTypes() needs an array of query signatures', {
      field: 'queries',
    });
  const { typeName, ints } = checkOptions(options);
  const c: Emit = { typeName, ints, vertices: new Map(), tuples: new Map(), vectors: options.vectors };
  const from = options.queriesImport ?? '@tgraph/api/queries';
  const out = [
    `// Generated by tgraph (generateQueryTypes) from the installed queries${options.graph ? ` of graph ${options.graph}` : ''}.`,
    '// Do not edit: regenerate after a query changes.',
    '',
    `/** Installed queries${options.graph ? ` of graph \`${options.graph}\`` : ''}: parameters and results. */`,
    `export interface ${typeName} {`,
  ];
  for (const q of [...queries].sort((a, b) => a.name.localeCompare(b.name))) {
    const [first, ...rest] = resultType(q, c);
    out.push(
      `  ${key(q.name)}: {`,
      `    params: ${paramsType(q)};`,
      `    result: ${first}${rest.length ? '' : ';'}`,
    );
    if (rest.length) out.push(...rest.slice(0, -1).map((l) => `    ${l}`), `    ${rest.at(-1)};`);
    out.push('  };');
  }
  out.push('}', '');
  if (c.vertices.size > 0) {
    out.push(
      `/** Vertices as the queries of \`${typeName}\` print them. */`,
      `export interface ${typeName}Vertex {`,
    );
    for (const [name, shape] of c.vertices) out.push(`  ${key(name)}: ${shape};`);
    out.push('}', '');
  }
  const body = out.slice(2).join('\n');
  const used = HELPER_TYPES.filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  if (used.length > 0) out.splice(2, 0, `import type { ${used.join(', ')} } from ${literal(from)};`);
  return out.join('\n');
}
