// Secrets (reference §3.4). 3.x manages them with GSQL statements whose text output is parsed
// here; 4.1+ has REST endpoints under /gsql/v1/secrets whose list reply is an array (a doc
// example shows a bare object, so both are accepted).

import * as z from 'zod/mini';
import { errorFlagSchema } from './common.js';
import { parseGsqlOutput } from './gsql-output.js';

/** One secret as the 4.x REST API returns it. */
export interface SecretEntry {
  alias: string;
  /** The secret (4.x returns it in clear to its owner; 3.x SHOW SECRET masks it). */
  value: string;
}

/** `{alias, value}` of a 4.x secret. */
export const secretEntrySchema = z.looseObject({ alias: z.string(), value: z.string() });

/** 4.x `POST /gsql/v1/secrets` and `GET /gsql/v1/secrets/{alias}` reply. */
export const createSecretReplySchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: secretEntrySchema,
});

/** 4.x `GET /gsql/v1/secrets` reply: `results` is a list (or, per one doc example, one object). */
export const listSecretsReplySchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
  results: z.optional(z.union([z.array(secretEntrySchema), secretEntrySchema])),
});

/** 4.x `DELETE /gsql/v1/secrets[/{alias}]` reply. */
export const dropSecretsReplySchema = z.looseObject({
  error: errorFlagSchema,
  message: z.optional(z.string()),
});

/**
 * The list of secrets of a 4.x `GET /gsql/v1/secrets` reply, list or single object alike.
 *
 * @example
 * secretsFromResults({ alias: 's1', value: 'x' }); // [{ alias: 's1', value: 'x' }]
 */
export function secretsFromResults(results: SecretEntry | readonly SecretEntry[] | undefined): SecretEntry[] {
  if (results === undefined) return [];
  return Array.isArray(results) ? [...results] : [results as SecretEntry];
}

/**
 * Secret aliases must be plain identifiers: they are pasted into GSQL statements on 3.x
 * (`CREATE SECRET <alias>`), so anything else could inject GSQL.
 */
export const secretAliasSchema = z.string().check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, {
    error: 'must be an identifier (letters, digits and _, not starting with a digit, at most 128 characters)',
  }),
);

/** True when `alias` is a safe secret alias (see {@link secretAliasSchema}). */
export function isValidSecretAlias(alias: string): boolean {
  return secretAliasSchema.safeParse(alias).success;
}

/** What `CREATE SECRET` printed (3.x). */
export interface CreateSecretOutput {
  /** The new secret, when the output contains `The secret: <secret>`. */
  secret: string | undefined;
  /** The alias, when the output names one. */
  alias: string | undefined;
  /** The output says the alias is taken. */
  alreadyExists: boolean;
  /** The readable output (control lines removed), for error messages. */
  text: string;
}

/**
 * Parses the GSQL output of `CREATE SECRET [alias]` (pyTigerGraph: the first space-delimited token
 * after `The secret: `).
 *
 * @example
 * parseCreateSecretOutput('The secret: n35lsqofc1if62fld2rmnb9hocqbh8ia has been created for user "tigergraph".\n__GSQL__RETURN__CODE__,0');
 * // { secret: 'n35lsqofc1if62fld2rmnb9hocqbh8ia', alias: undefined, alreadyExists: false, text: '…' }
 */
export function parseCreateSecretOutput(output: string): CreateSecretOutput {
  const { text } = parseGsqlOutput(output);
  const flat = text.replace(/\s+/g, ' ');
  const secret = /The secret: ?(\S+)/i.exec(flat)?.[1]?.replace(/[.,;"']+$/, '');
  const alias = /\balias[: ]+["']?([A-Za-z_][A-Za-z0-9_]*)/i.exec(flat)?.[1];
  return { secret, alias, alreadyExists: /already exists/i.test(flat), text };
}

/** One secret as 3.x `SHOW SECRET` lists it (value masked: first 3 chars, `****`, last 3). */
export interface ShownSecret {
  masked: string;
  alias: string | undefined;
  graph: string | undefined;
}

/**
 * Parses the GSQL output of `SHOW SECRET` (3.x):
 * `    - Secret: s7s****3k5` / `      - Alias: HH` / `      - GraphName: Hogwarts`.
 *
 * @example
 * parseShowSecretOutput('    - Secret: s7s****3k5\n      - Alias: HH\n      - GraphName: Hogwarts\n');
 * // [{ masked: 's7s****3k5', alias: 'HH', graph: 'Hogwarts' }]
 */
export function parseShowSecretOutput(output: string): ShownSecret[] {
  const out: ShownSecret[] = [];
  let current: ShownSecret | undefined;
  for (const line of parseGsqlOutput(output).text.split('\n')) {
    const m = /^\s*-\s*(Secret|Alias|GraphName)\s*:\s*(.*?)\s*$/i.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!;
    if (key === 'secret') {
      current = { masked: value, alias: undefined, graph: undefined };
      out.push(current);
    } else if (current && key === 'alias') current.alias = value;
    else if (current && key === 'graphname') current.graph = value;
  }
  return out;
}

/**
 * Masks a secret the way 3.x `SHOW SECRET` does (first 3, `****`, last 3), to find the alias of a
 * secret just created.
 *
 * @example
 * maskSecret('n35lsqofc1if62fld2rmnb9hocqbh8ia'); // 'n35****8ia'
 */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 3)}****${secret.slice(-3)}`;
}
