// Validation at the boundary: a reply that does not have the expected shape becomes one
// ResponseShapeError naming the endpoint and the field, instead of an `undefined` deep in user
// code. Messages are built here from issue codes (zod/mini ships no locale), and never echo
// values from the response — they could be tokens or user data — only their types.
//
// Cost: validation walks what the schema describes. The envelope schemas leave `results` as
// `unknown`, so checking only the envelope is O(1) and is the default on hot paths; pass a
// deep schema (e.g. `restppEnvelope(z.array(vertexSchema))`) where the shape matters more than speed.

import type * as z from 'zod/mini';
import { type ErrorEndpoint, ResponseShapeError } from './errors.js';

/** Where the value came from, for the error message. */
export interface ParseResponseOptions {
  endpoint: ErrorEndpoint;
  requestId?: string | undefined;
  /** How many issues to list in the message (default 3). */
  maxIssues?: number | undefined;
}

/**
 * Checks `value` against `schema` and returns the typed output, or throws `ResponseShapeError`.
 *
 * @example
 * parseResponse(restppEnvelope(z.array(vertexSchema)), body, {
 *   endpoint: { method: 'GET', path: '/restpp/graph/MyGraph/vertices/Patient' },
 * });
 * // throws: GET /restpp/graph/MyGraph/vertices/Patient: results[0].v_id: expected string, got number
 */
export function parseResponse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  options: ParseResponseOptions,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.output<S>;
  const issues = result.error.issues;
  const max = options.maxIssues ?? 3;
  const listed = issues.slice(0, max).map((issue) => describeIssue(issue, value));
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  const path = options.endpoint.path.split(/[?#]/)[0]!;
  throw new ResponseShapeError(
    `${options.endpoint.method.toUpperCase()} ${path}: ${listed.join('; ')}${more}. The server's reply does not have the shape this SDK expects for this endpoint; check the server version option.`,
    {
      endpoint: { ...options.endpoint, path },
      requestId: options.requestId,
      code: 'TG-RESPONSE-SHAPE',
    },
  );
}

/** Issue as zod reports it (the fields used here). */
interface Issue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  errors?: readonly (readonly Issue[])[];
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
}

/**
 * `results[0].v_id: expected string, got number`. Exported for callers that validate with their
 * own schema and want the same wording.
 */
export function describeIssue(issue: Issue, root: unknown): string {
  const where = formatPath(issue.path);
  const got = typeName(valueAt(root, issue.path));
  const prefix = where === '' ? '' : `${where}: `;
  switch (issue.code) {
    case 'invalid_type':
      return got === 'undefined'
        ? `${prefix}missing (expected ${issue.expected})`
        : `${prefix}expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `${prefix}expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'invalid_union': {
      // Report the branch that got furthest, else name the alternatives.
      const branches = issue.errors ?? [];
      const expected = branches
        .map((b) =>
          b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0
            ? b[0]!.expected
            : undefined,
        )
        .filter((e): e is string => e !== undefined);
      if (expected.length === branches.length && expected.length > 0) {
        return `${prefix}expected ${[...new Set(expected)].join(' or ')}, got ${got}`;
      }
      const deepest = [...branches].sort((a, b) => depth(b) - depth(a))[0];
      if (deepest?.[0]) {
        return describeIssue({ ...deepest[0], path: [...issue.path, ...deepest[0].path] }, root);
      }
      return `${prefix}does not match any allowed shape, got ${got}`;
    }
    case 'unrecognized_keys':
      return `${prefix}unexpected keys ${(issue.keys ?? []).join(', ')}`;
    case 'too_small':
      return `${prefix}too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `${prefix}too big (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return `${prefix}invalid format, got ${got}`;
    default:
      return `${prefix}${issue.message && issue.message !== 'Invalid input' ? issue.message : 'invalid value'}`;
  }
}

function depth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

/** `results[0].attributes["birth year"]` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key))
      out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
