// Input checks for anything that ends up inside GSQL text, so nothing can be injected through it.
import { ValidationError } from '@tgraph/protocol/errors';
import { lifetimeSecondsSchema, parseOptions } from '@tgraph/protocol/options';
import { describe } from './credential.js';

export { requireCredential } from './credential.js';

/** What a secret alias may look like: a GSQL identifier (letter or `_` first, then letters, digits, `_`). */
export const ALIAS_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** What may be named in DROP SECRET: an alias or a secret value (letters, digits, `_`). */
export const SECRET_OR_ALIAS_PATTERN = /^[A-Za-z0-9_]+$/;
/** A graph name in `USE GRAPH`. */
export const GRAPH_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const MAX_NAME = 128;

/** Throws a ValidationError unless `alias` is a valid secret alias; returns it otherwise. */
export function validateAlias(alias: unknown, field = 'alias'): string {
  if (typeof alias !== 'string' || alias.length > MAX_NAME || !ALIAS_PATTERN.test(alias)) {
    throw new ValidationError(
      `Invalid secret alias ${describe(alias)}: an alias must start with a letter or "_" and contain only ` +
        `letters, digits and "_" (at most ${MAX_NAME} characters), e.g. "reporting_app".`,
      { field, code: 'TG-INVALID-ALIAS' },
    );
  }
  return alias;
}

/**
 * Throws a ValidationError unless `value` can name a secret in DROP SECRET (an alias or a secret
 * value: letters, digits and "_"). The message never repeats the value, which may be a secret.
 */
export function validateSecretOrAlias(value: unknown, field = 'alias'): string {
  if (typeof value !== 'string' || value.length > MAX_NAME || !SECRET_OR_ALIAS_PATTERN.test(value)) {
    const what = typeof value === 'string' ? `a ${value.length}-character string` : describe(value);
    throw new ValidationError(
      `Invalid secret alias (${what}): name a secret by its alias or value, using only letters, digits ` +
        `and "_" (at most ${MAX_NAME} characters).`,
      { field, code: 'TG-INVALID-ALIAS' },
    );
  }
  return value;
}

/** Throws a ValidationError unless `graph` is a valid graph name; returns it otherwise. */
export function validateGraphName(graph: unknown, field = 'graph'): string {
  if (typeof graph !== 'string' || graph.length > MAX_NAME || !GRAPH_NAME_PATTERN.test(graph)) {
    throw new ValidationError(
      `Invalid graph name ${describe(graph)}: a graph name must start with a letter or "_" and contain ` +
        `only letters, digits and "_".`,
      { field, code: 'TG-INVALID-GRAPH' },
    );
  }
  return graph;
}

/** Throws a ValidationError unless `value` is a positive whole number of seconds (protocol's lifetime rule). */
export function validateSeconds(value: unknown, field: string): number {
  return parseOptions(lifetimeSecondsSchema, value, field);
}
