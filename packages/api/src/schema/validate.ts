// Comparing a desired schema with the live one (what a migration tool or a start-up check needs),
// and 4.1+'s server-side consistency check.

import * as endpoints from '@tgraph/protocol/endpoints/schema';
import { errorFlagSchema } from '@tgraph/protocol/schemas/common';
import * as z from 'zod/mini';
import type { ApiContext } from '../context.js';
import { abortOf, callParsed, type RequestOptions } from '../internal/call.js';
import { ABORT_KEYS, checkOptions, REQUEST_KEYS } from '../internal/options.js';
import type { SchemaShape } from '../schema-types.js';
import { type GetSchemaOptions, getSchema } from './get.js';
import type { SchemaOperationResult } from './graphs.js';
import type { AttributeModel, GraphSchemaModel } from './model.js';

/** Option keys each function accepts (unknown ones are rejected). */
const VALIDATE_SCHEMA_KEYS: readonly string[] = [...REQUEST_KEYS, 'refresh', 'strict', 'udts'];
const CHECK_SCHEMA_KEYS: readonly string[] = ABORT_KEYS;

/** Attribute types in pyTigerGraph's text form (`INT`, `LIST<STRING>`, `MAP<INT,DOUBLE>`), by name. */
export type DesiredAttributes = Readonly<Record<string, string>>;

/** The schema a program expects; everything not stated is not checked. */
export interface DesiredSchema {
  vertexTypes?: Readonly<
    Record<
      string,
      {
        primaryId?: { name?: string | undefined; type?: string | undefined } | undefined;
        attributes?: DesiredAttributes | undefined;
      }
    >
  >;
  edgeTypes?: Readonly<
    Record<
      string,
      {
        from?: string | readonly string[] | undefined;
        to?: string | readonly string[] | undefined;
        directed?: boolean | undefined;
        reverseEdge?: string | undefined;
        discriminators?: readonly string[] | undefined;
        attributes?: DesiredAttributes | undefined;
      }
    >
  >;
}

export type SchemaDifferenceKind =
  | 'missing-vertex-type'
  | 'missing-edge-type'
  | 'missing-attribute'
  | 'attribute-type'
  | 'primary-id'
  | 'edge-endpoints'
  | 'edge-direction'
  | 'reverse-edge'
  | 'discriminators'
  | 'extra-vertex-type'
  | 'extra-edge-type'
  | 'extra-attribute';

/** One way the live schema differs from the desired one. */
export interface SchemaDifference {
  kind: SchemaDifferenceKind;
  /** `Type` or `Type.attribute`. */
  path: string;
  expected: string | undefined;
  actual: string | undefined;
  /** A sentence saying what differs. */
  message: string;
}

export interface SchemaValidation {
  /** True when there are no differences. */
  ok: boolean;
  differences: SchemaDifference[];
}

/** Options of {@link validateSchema}. */
export interface ValidateSchemaOptions extends GetSchemaOptions {
  /** Also report live types and attributes the desired schema does not mention (default false). */
  strict?: boolean | undefined;
}

const norm = (t: string) => t.replace(/\s+/g, '').toUpperCase();
const listOf = (v: string | readonly string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? [v] : [...v];
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function compareAttributes(
  out: SchemaDifference[],
  owner: string,
  desired: DesiredAttributes | undefined,
  live: readonly AttributeModel[],
  strict: boolean,
): void {
  if (desired === undefined) return;
  for (const [name, type] of Object.entries(desired)) {
    const found = live.find((a) => a.name === name);
    const path = `${owner}.${name}`;
    if (!found) {
      out.push({
        kind: 'missing-attribute',
        path,
        expected: type,
        actual: undefined,
        message: `${path} does not exist (expected ${type})`,
      });
    } else if (norm(found.type.text) !== norm(type)) {
      out.push({
        kind: 'attribute-type',
        path,
        expected: type,
        actual: found.type.text,
        message: `${path} is ${found.type.text}, expected ${type}`,
      });
    }
  }
  if (strict) {
    for (const a of live) {
      if (!(a.name in desired)) {
        const path = `${owner}.${a.name}`;
        out.push({
          kind: 'extra-attribute',
          path,
          expected: undefined,
          actual: a.type.text,
          message: `${path} (${a.type.text}) is not in the desired schema`,
        });
      }
    }
  }
}

/**
 * Compares a desired schema with a schema model (no I/O); see {@link validateSchema}.
 *
 * @example
 * compareSchema({ vertexTypes: { Patient: { attributes: { birth_year: 'INT' } } } }, schema).ok; // true
 */
export function compareSchema(
  desired: DesiredSchema,
  live: GraphSchemaModel,
  strict = false,
): SchemaValidation {
  const out: SchemaDifference[] = [];
  for (const [name, want] of Object.entries(desired.vertexTypes ?? {})) {
    const v = live.vertexTypes.find((t) => t.name === name);
    if (!v) {
      out.push({
        kind: 'missing-vertex-type',
        path: name,
        expected: name,
        actual: undefined,
        message: `vertex type ${name} does not exist in graph ${live.graph}`,
      });
      continue;
    }
    const pid = want.primaryId;
    if (pid?.name !== undefined && pid.name !== v.primaryId.name) {
      out.push({
        kind: 'primary-id',
        path: name,
        expected: pid.name,
        actual: v.primaryId.name,
        message: `${name}'s primary id is ${v.primaryId.name}, expected ${pid.name}`,
      });
    }
    if (pid?.type !== undefined && norm(pid.type) !== norm(v.primaryId.type.text)) {
      out.push({
        kind: 'primary-id',
        path: name,
        expected: pid.type,
        actual: v.primaryId.type.text,
        message: `${name}'s primary id is ${v.primaryId.type.text}, expected ${pid.type}`,
      });
    }
    compareAttributes(out, name, want.attributes, v.attributes, strict);
  }
  for (const [name, want] of Object.entries(desired.edgeTypes ?? {})) {
    const e = live.edgeTypes.find((t) => t.name === name);
    if (!e) {
      out.push({
        kind: 'missing-edge-type',
        path: name,
        expected: name,
        actual: undefined,
        message: `edge type ${name} does not exist in graph ${live.graph}`,
      });
      continue;
    }
    for (const [side, wantList, actual] of [
      ['from', listOf(want.from), e.from],
      ['to', listOf(want.to), e.to],
    ] as const) {
      if (wantList !== undefined && !sameSet(wantList, actual)) {
        out.push({
          kind: 'edge-endpoints',
          path: name,
          expected: wantList.join('|'),
          actual: actual.join('|'),
          message: `${name} goes ${side} ${actual.join('|')}, expected ${wantList.join('|')}`,
        });
      }
    }
    if (want.directed !== undefined && want.directed !== e.directed) {
      const d = (b: boolean) => (b ? 'directed' : 'undirected');
      out.push({
        kind: 'edge-direction',
        path: name,
        expected: d(want.directed),
        actual: d(e.directed),
        message: `${name} is ${d(e.directed)}, expected ${d(want.directed)}`,
      });
    }
    if (want.reverseEdge !== undefined && want.reverseEdge !== e.reverseEdge) {
      out.push({
        kind: 'reverse-edge',
        path: name,
        expected: want.reverseEdge,
        actual: e.reverseEdge,
        message: `${name}'s reverse edge is ${e.reverseEdge ?? 'none'}, expected ${want.reverseEdge}`,
      });
    }
    if (want.discriminators !== undefined && !sameSet(want.discriminators, e.discriminators)) {
      out.push({
        kind: 'discriminators',
        path: name,
        expected: want.discriminators.join(','),
        actual: e.discriminators.join(','),
        message: `${name}'s discriminators are [${e.discriminators.join(', ')}], expected [${want.discriminators.join(', ')}]`,
      });
    }
    compareAttributes(
      out,
      name,
      want.attributes,
      e.attributes.filter((a) => !a.discriminator || want.attributes?.[a.name] !== undefined),
      strict,
    );
  }
  if (strict) {
    const reverse = new Set(live.edgeTypes.map((e) => e.reverseEdge).filter((r) => r !== undefined));
    for (const v of live.vertexTypes) {
      if (!desired.vertexTypes || !(v.name in desired.vertexTypes)) {
        out.push({
          kind: 'extra-vertex-type',
          path: v.name,
          expected: undefined,
          actual: v.name,
          message: `vertex type ${v.name} is not in the desired schema`,
        });
      }
    }
    for (const e of live.edgeTypes) {
      if (reverse.has(e.name)) continue;
      if (!desired.edgeTypes || !(e.name in desired.edgeTypes)) {
        out.push({
          kind: 'extra-edge-type',
          path: e.name,
          expected: undefined,
          actual: e.name,
          message: `edge type ${e.name} is not in the desired schema`,
        });
      }
    }
  }
  return { ok: out.length === 0, differences: out };
}

/**
 * Reads the live schema (cached unless `refresh`) and lists how it differs from `desired`:
 * missing types and attributes, attribute types, primary ids, edge endpoints, direction, reverse
 * edges and discriminators; with `strict`, also what the live schema has in addition.
 *
 * @example
 * const check = await validateSchema(ctx, {
 *   vertexTypes: { Patient: { primaryId: { type: 'STRING' }, attributes: { birth_year: 'INT' } } },
 *   edgeTypes: { INFECTED_BY: { from: 'Patient', to: 'Patient', directed: true } },
 * });
 * if (!check.ok) console.log(check.differences.map((d) => d.message));
 */
export async function validateSchema(
  ctx: ApiContext<SchemaShape>,
  desired: DesiredSchema,
  options: ValidateSchemaOptions = {},
): Promise<SchemaValidation> {
  checkOptions(options, VALIDATE_SCHEMA_KEYS, 'validateSchema');
  const { strict, ...read } = options;
  const live = await getSchema(ctx, { ...read, udts: false });
  return compareSchema(desired, live, strict === true);
}

const messageReply = z.looseObject({ error: errorFlagSchema, message: z.optional(z.string()) });

/**
 * Asks a 4.1+ server to check its catalog's consistency (pyTigerGraph `validateGraphSchema()`,
 * `POST /gsql/v1/schema/check`).
 *
 * @throws TigerGraphError (TG-UNSUPPORTED) on 3.x, which has no such endpoint.
 *
 * @example
 * (await checkSchema(ctx)).message; // 'Schema Check succeeded.'
 */
export async function checkSchema(
  ctx: ApiContext<SchemaShape>,
  options: Omit<RequestOptions, 'graph'> = {},
): Promise<SchemaOperationResult> {
  checkOptions(options, CHECK_SCHEMA_KEYS, 'checkSchema');
  const reply = await callParsed(ctx, endpoints.schemaCheck, messageReply, {
    ...abortOf(options),
    noGraph: true,
    headers: { 'Content-Type': 'text/plain' },
  });
  return { message: reply.message ?? '' };
}
