// Zod's issues in the API's words: a missing field "is required", a value of the wrong kind says
// what the field takes (zod's own "Invalid input: expected string, received undefined" reads like
// a stack trace to an API caller). Messages the schemas chose themselves are kept as they are.
import type { z } from '@hono/zod-openapi';

type Issue = z.core.$ZodIssue;

/** What the caller sent at `path` (hono hands the hook the raw input next to zod's result). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
};

const article = (expected: string): string =>
  expected === 'object' ? 'an object' : expected === 'array' ? 'a list' : `a ${expected}`;

/** One issue as the API states it. */
export function issueMessage(issue: Issue, data: unknown): string {
  if (issue.code === 'invalid_type') {
    const sent = valueAt(data, issue.path);
    if (sent === undefined) return 'is required';
    return `must be ${article(issue.expected)}, not ${kindOf(sent)}`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    const exclusive = issue.inclusive === false;
    const word =
      issue.code === 'too_small'
        ? exclusive
          ? 'more than'
          : 'at least'
        : exclusive
          ? 'less than'
          : 'at most';
    const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
    return `must be ${word} ${String(bound)}${unit}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}`;
  return issue.message;
}
