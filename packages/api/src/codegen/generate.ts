// generateSchemaTypes: a live schema → the text of a TypeScript module declaring a `SchemaShape`
// type, so that `createClient<MyGraphSchema>()` type-checks type names, attribute names and values.
// Pure string building: runs in every runtime (the CLI writes the text to a file).
import { ValidationError } from '@tgraph/protocol/errors';
import type { GraphSchema } from '@tgraph/protocol/schemas/graph-schema';
import {
  type AttributeTypeModel,
  type GraphSchemaModel,
  toSchemaModel,
  type UdtModel,
} from '../schema/model.js';

/** Options of {@link generateSchemaTypes}. */
export interface GenerateSchemaTypesOptions {
  /** Name of the exported schema type (default: `<Graph>Schema` in PascalCase, e.g. `MyGraphSchema`). */
  typeName?: string | undefined;
  /**
   * TypeScript type of INT/UINT values and ids, matching the client's `integers` option:
   * `'number'` (default), `'bigint'`, `'auto'` (`number | bigint`: bigint only beyond 2^53) or `'string'`.
   */
  integers?: 'number' | 'bigint' | 'auto' | 'string' | undefined;
  /** Module the `SchemaShape` type is imported from (default `@tgraph/api/schema-types`). */
  schemaTypesImport?: string | undefined;
}

const TS_IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Words a generated interface must not be named after.
const TS_RESERVED = new Set([
  'any',
  'bigint',
  'boolean',
  'never',
  'number',
  'object',
  'string',
  'symbol',
  'undefined',
  'unknown',
  'void',
  'Array',
  'Date',
  'Map',
  'Object',
  'Record',
  'Set',
  'String',
  'Number',
  'Boolean',
  'Promise',
  'SchemaShape',
]);

const key = (name: string) => (TS_IDENT.test(name) ? name : JSON.stringify(name));
const literal = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function pascal(name: string): string {
  const p = name
    .split(/[^A-Za-z0-9]+/)
    .filter((x) => x !== '')
    .map((x) => x[0]!.toUpperCase() + x.slice(1))
    .join('');
  return /^[0-9]/.test(p) || p === '' ? `G${p}` : p;
}

function intType(mode: GenerateSchemaTypesOptions['integers']): string {
  switch (mode ?? 'number') {
    case 'number':
      return 'number';
    case 'bigint':
      return 'bigint';
    case 'auto':
      return 'number | bigint';
    case 'string':
      return 'string';
    default:
      throw new ValidationError(
        `integers must be 'number', 'bigint', 'auto' or 'string', got ${JSON.stringify(mode)}`,
        {
          field: 'integers',
        },
      );
  }
}

interface Ctx {
  int: string;
  udtNames: Map<string, string>;
}

function primitive(name: string, c: Ctx): string {
  switch (name.toUpperCase()) {
    case 'INT':
    case 'UINT':
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'UINT8':
    case 'UINT16':
    case 'UINT32':
    case 'UINT64':
      return c.int;
    case 'FLOAT':
    case 'DOUBLE':
      return 'number';
    case 'BOOL':
      return 'boolean';
    case 'STRING':
    case 'STRING COMPRESS':
    case 'DATETIME':
    case 'FIXED_BINARY':
      return 'string';
    default:
      return c.udtNames.get(name) ?? 'unknown';
  }
}

const element = (name: string | undefined, tuple: string | undefined, c: Ctx) =>
  name === 'UDT'
    ? tuple !== undefined
      ? (c.udtNames.get(tuple) ?? 'unknown')
      : 'unknown'
    : primitive(name ?? '', c);

const arrayOf = (t: string) => (/^[A-Za-z0-9_$]+$/.test(t) ? `${t}[]` : `Array<${t}>`);

function tsType(t: AttributeTypeModel, c: Ctx): string {
  switch (t.name) {
    case 'LIST':
    case 'SET':
      return arrayOf(element(t.valueType, t.valueTupleName, c));
    case 'MAP':
      // JSON object keys are strings whatever the GSQL key type.
      return `Record<string, ${element(t.valueType, t.valueTupleName, c)}>`;
    case 'UDT':
      return t.tupleName !== undefined ? (c.udtNames.get(t.tupleName) ?? 'unknown') : 'unknown';
    default:
      return primitive(t.name, c);
  }
}

function udtInterfaceNames(udts: readonly UdtModel[], typeName: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const u of udts) {
    let n = TS_IDENT.test(u.name) ? u.name : pascal(u.name);
    if (TS_RESERVED.has(n) || n === typeName) n = `${n}Tuple`;
    names.set(u.name, n);
  }
  return names;
}

function lines(fields: readonly { name: string; type: string }[], indent: string): string[] {
  return fields.map((f) => `${indent}${key(f.name)}: ${f.type};`);
}

/**
 * Turns a graph schema (the server's JSON with `UDTs`, as `getSchema(ctx).raw` holds it, or the
 * model itself) into the text of a `.ts` module that declares the graph's schema type:
 * vertex types with their id and attribute types, edge types with endpoints and direction, and an
 * interface per UDT. Types: INT/UINT → per `integers`, FLOAT/DOUBLE → number, BOOL → boolean,
 * STRING/DATETIME/FIXED_BINARY → string (DATETIME travels as `"YYYY-MM-DD HH:MM:SS"`),
 * LIST/SET → arrays, MAP → Record (JSON keys are strings), UDT → its interface.
 *
 * @example
 * const schema = await getSchema(ctx);
 * const source = generateSchemaTypes(schema.raw, { integers: 'auto' });
 * // export interface MyGraphSchema extends SchemaShape { vertices: { Patient: { id: string; … } } … }
 */
export function generateSchemaTypes(
  schemaJson: GraphSchema | GraphSchemaModel,
  options: GenerateSchemaTypesOptions = {},
): string {
  if (typeof schemaJson !== 'object' || schemaJson === null) {
    throw new ValidationError(
      'generateSchemaTypes() needs the schema JSON, e.g. (await getSchema(ctx)).raw',
      {
        field: 'schemaJson',
      },
    );
  }
  const model: GraphSchemaModel =
    'vertexTypes' in schemaJson && Array.isArray(schemaJson.vertexTypes)
      ? (schemaJson as GraphSchemaModel)
      : 'VertexTypes' in schemaJson && Array.isArray((schemaJson as GraphSchema).VertexTypes)
        ? toSchemaModel(schemaJson as GraphSchema)
        : (() => {
            throw new ValidationError(
              'schemaJson must be the schema JSON (GraphName, VertexTypes, EdgeTypes) or a schema model',
              { field: 'schemaJson' },
            );
          })();
  const typeName = options.typeName ?? `${pascal(model.graph)}Schema`;
  if (!TS_IDENT.test(typeName)) {
    throw new ValidationError(`typeName must be a TypeScript identifier, got ${JSON.stringify(typeName)}`, {
      field: 'typeName',
    });
  }
  const c: Ctx = { int: intType(options.integers), udtNames: udtInterfaceNames(model.udts, typeName) };
  const out: string[] = [
    `// Generated by tgraph (generateSchemaTypes) from the schema of graph ${model.graph}. Do not edit:`,
    '// regenerate after the schema changes.',
    `import type { SchemaShape } from ${literal(options.schemaTypesImport ?? '@tgraph/api/schema-types')};`,
    '',
  ];
  for (const u of model.udts) {
    out.push(`/** UDT \`${u.name}\`. */`, `export interface ${c.udtNames.get(u.name)} {`);
    out.push(
      ...lines(
        u.fields.map((f) => ({ name: f.name, type: primitive(f.type, c) })),
        '  ',
      ),
      '}',
      '',
    );
  }
  out.push(
    `/** Schema of graph \`${model.graph}\`. */`,
    `export interface ${typeName} extends SchemaShape {`,
    '  vertices: {',
  );
  for (const v of model.vertexTypes) {
    const attrs = [
      ...(v.primaryId.asAttribute && !v.attributes.some((a) => a.name === v.primaryId.name)
        ? [{ name: v.primaryId.name, type: tsType(v.primaryId.type, c) }]
        : []),
      ...v.attributes.map((a) => ({ name: a.name, type: tsType(a.type, c) })),
    ];
    out.push(
      `    ${key(v.name)}: {`,
      `      id: ${v.compositeKey.length > 0 ? 'string' : tsType(v.primaryId.type, c)};`,
    );
    out.push(
      attrs.length === 0 ? '      attributes: {};' : '      attributes: {',
      ...lines(attrs, '        '),
    );
    if (attrs.length > 0) out.push('      };');
    // 4.2 vector attributes (`EmbeddingAttributes`): written and read by `@tgraph/api/vectors`.
    if (v.embeddings.length > 0) {
      out.push(`      vectors: { ${v.embeddings.map((e) => `${key(e.Name)}: number[]`).join('; ')} };`);
    }
    out.push('    };');
  }
  out.push('  };', '  edges: {');
  for (const e of model.edgeTypes) {
    const attrs = e.attributes.map((a) => ({ name: a.name, type: tsType(a.type, c) }));
    out.push(
      `    ${key(e.name)}: {`,
      `      from: ${e.from.map(literal).join(' | ')};`,
      `      to: ${e.to.map(literal).join(' | ')};`,
      `      directed: ${e.directed};`,
    );
    if (e.discriminators.length > 0)
      out.push(`      discriminator: [${e.discriminators.map(literal).join(', ')}];`);
    out.push(
      attrs.length === 0 ? '      attributes: {};' : '      attributes: {',
      ...lines(attrs, '        '),
    );
    if (attrs.length > 0) out.push('      };');
    out.push('    };');
  }
  out.push('  };', '}', '');
  return out.join('\n');
}
