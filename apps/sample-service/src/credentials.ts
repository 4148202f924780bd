// Credentials from the environment or from mounted files (`TG_SECRET_FILE`, Kubernetes/Docker
// secrets). A file is read again when TigerGraph rejects the current credentials, so rotating the
// mounted secret recovers the service without a restart. Values never reach logs: `describe()`
// names the kind and source only.
import { readFile } from 'node:fs/promises';

/** One credential set, in the facade's option names. */
export type Credentials =
  | { kind: 'gsqlSecret'; gsqlSecret: string }
  | { kind: 'apiToken'; apiToken: string }
  | { kind: 'password'; username: string; password: string }
  | { kind: 'none' };

export interface CredentialSource {
  /** Reads the current credentials (files are read each time). */
  read(): Promise<Credentials>;
  /** For logs: which kind, from where; never the value. */
  describe(): string;
}

type Env = Record<string, string | undefined>;

/** What a credential source may be built from (env values or file paths). */
export interface CredentialSettings {
  secret?: string | undefined;
  secretFile?: string | undefined;
  token?: string | undefined;
  tokenFile?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  passwordFile?: string | undefined;
  /** Names where an in-memory value came from, for logs (default: the environment variable). */
  origin?: string | undefined;
}

export function credentialSettingsFromEnv(env: Env = process.env): CredentialSettings {
  return {
    secret: env['TG_SECRET'],
    secretFile: env['TG_SECRET_FILE'],
    token: env['TG_TOKEN'],
    tokenFile: env['TG_TOKEN_FILE'],
    username: env['TG_USERNAME'],
    password: env['TG_PASSWORD'],
    passwordFile: env['TG_PASSWORD_FILE'],
  };
}

async function fileValue(path: string, variable: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new Error(`${variable}: cannot read ${path} (${code})`);
  }
  const value = text.trim();
  if (value === '') throw new Error(`${variable}: ${path} is empty`);
  return value;
}

/** Picks one source: a secret (preferred: exchanged for tokens), a token, or username/password. */
export function credentialSource(settings: CredentialSettings): CredentialSource {
  const { secret, secretFile, token, tokenFile, username, password, passwordFile, origin } = settings;
  if (secret !== undefined || secretFile !== undefined) {
    return {
      read: async () => ({
        kind: 'gsqlSecret',
        gsqlSecret:
          secretFile === undefined ? (secret as string) : await fileValue(secretFile, 'TG_SECRET_FILE'),
      }),
      describe: () =>
        `GSQL secret from ${secretFile === undefined ? (origin ?? 'TG_SECRET') : `file ${secretFile}`}`,
    };
  }
  if (token !== undefined || tokenFile !== undefined) {
    return {
      read: async () => ({
        kind: 'apiToken',
        apiToken: tokenFile === undefined ? (token as string) : await fileValue(tokenFile, 'TG_TOKEN_FILE'),
      }),
      describe: () => `API token from ${tokenFile === undefined ? 'TG_TOKEN' : `file ${tokenFile}`}`,
    };
  }
  if (username !== undefined) {
    if (password === undefined && passwordFile === undefined) {
      throw new Error('TG_USERNAME is set without TG_PASSWORD or TG_PASSWORD_FILE');
    }
    return {
      read: async () => ({
        kind: 'password',
        username,
        password:
          passwordFile === undefined
            ? (password as string)
            : await fileValue(passwordFile, 'TG_PASSWORD_FILE'),
      }),
      describe: () =>
        `user ${username} with password from ${passwordFile === undefined ? 'TG_PASSWORD' : `file ${passwordFile}`}`,
    };
  }
  return { read: async () => ({ kind: 'none' }), describe: () => 'no credentials (RESTPP auth off)' };
}

/** True when two credential sets are the same (compared in memory, never logged). */
export function sameCredentials(a: Credentials, b: Credentials): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
