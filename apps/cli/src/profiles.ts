// Named connection profiles in the user's config dir (env-paths: $XDG_CONFIG_HOME/tgraph on Linux,
// ~/Library/Preferences/tgraph on macOS, %APPDATA%\tgraph\Config on Windows). Credentials go to
// the OS keychain when one answers (credential-store.ts), else into the file; either way the file
// is written with mode 0600 in a 0700 folder, atomically (an exclusive temp file + rename).
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import {
  accountOf,
  CREDENTIAL_FIELDS,
  type CredentialField,
  type Credentials,
  keychain,
  readKeychain,
  reason,
  storeChoice,
} from './credential-store.js';
import { CliError, EXIT } from './exit-codes.js';
import { maskUrl } from './host.js';
import { jsonErrorPosition } from './json-position.js';

export interface Profile {
  host?: string | undefined;
  graph?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  secret?: string | undefined;
  token?: string | undefined;
  /** When `token` expires (ISO 8601). */
  tokenExpiresAt?: string | undefined;
  restppPort?: number | undefined;
  gsPort?: number | undefined;
  tgCloud?: boolean | undefined;
  /** Server version, when known (skips detection). */
  version?: string | undefined;
  /** Path of a PEM CA bundle to trust. */
  certPath?: string | undefined;
  /** The credential fields kept in the OS keychain instead of this file. */
  keychain?: CredentialField[] | undefined;
}

export interface ProfileFile {
  current?: string | undefined;
  profiles: Record<string, Profile>;
}

/** Fields that are credentials: never printed, masked by `profile show`. */
export const SECRET_FIELDS = CREDENTIAL_FIELDS;

/** Where `saveProfile` put the credentials, and why not the keychain when it could not. */
export interface SavedTo {
  store: 'keychain' | 'file' | 'none';
  /** Why the keychain was not used (auto mode only). */
  fallback?: string | undefined;
}

export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function configDir(): string {
  return envPaths('tgraph', { suffix: '' }).config;
}

export function profilesPath(): string {
  return join(configDir(), 'profiles.json');
}

export function readProfiles(): ProfileFile {
  let text: string;
  try {
    text = readFileSync(profilesPath(), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw error;
  }
  // Only the position of a syntax error is reported: JSON.parse's message quotes the text.
  const at = jsonErrorPosition(text);
  const parsed = at === undefined ? (JSON.parse(text) as ProfileFile) : undefined;
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.profiles !== 'object') {
    throw new CliError(
      `${profilesPath()} is not a valid profiles file (${at ? `invalid JSON at line ${at.line}, column ${at.column}` : 'no "profiles" object'})`,
      EXIT.invalidInput,
      'fix or delete the file, then run `tgraph login` again',
    );
  }
  return parsed;
}

export function writeProfiles(file: ProfileFile): void {
  const path = profilesPath();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  chmodSync(dirname(path), 0o700); // an existing folder keeps its mode through mkdir: tighten it
  // An unpredictable name, created exclusively: nothing planted at the path is followed or reused.
  const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600); // mode is masked by umask on create; make it exact
  renameSync(temp, path);
}

export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new CliError(
      `'${name.slice(0, 64)}' is not a valid profile name`,
      EXIT.invalidInput,
      'use letters, digits, dot, dash and underscore (e.g. prod, staging-eu)',
    );
  }
  return name;
}

export function getProfile(file: ProfileFile, name: string): Profile {
  const profile = file.profiles[name];
  if (!profile) {
    const known = Object.keys(file.profiles);
    throw new CliError(
      `no profile named '${name}'`,
      EXIT.notFound,
      known.length ? `known profiles: ${known.join(', ')}` : 'create one with `tgraph login`',
    );
  }
  return profile;
}

/** The profile with its credentials, read from the keychain when they are kept there. */
export function withCredentials(name: string, profile: Profile): Profile {
  if (!profile.keychain?.length) return profile;
  const { keychain: _where, ...rest } = profile;
  return { ...rest, ...readKeychain(name) };
}

/**
 * Saves `patch` into profile `name` (creating it); `undefined` values remove fields. Credentials
 * go where the profile keeps them; `fresh` (a login) decides anew, trying the keychain first.
 */
export function saveProfile(
  name: string,
  patch: Profile,
  options: { makeCurrent?: boolean; fresh?: boolean } = {},
): { file: ProfileFile; savedTo: SavedTo } {
  const file = readProfiles();
  const before = file.profiles[name] ?? {};
  const merged: Profile = { ...withCredentials(name, before), ...patch };
  const credentials: Credentials = {};
  for (const field of CREDENTIAL_FIELDS) {
    if (merged[field] !== undefined) credentials[field] = merged[field];
    delete merged[field];
  }
  delete merged.keychain;
  for (const key of Object.keys(merged) as (keyof Profile)[])
    if (merged[key] === undefined) delete merged[key];
  const wantKeychain = options.fresh ? storeChoice() !== 'file' : (before.keychain?.length ?? 0) > 0;
  const savedTo = storeCredentials(name, credentials, wantKeychain, merged);
  file.profiles[name] = merged;
  if (options.makeCurrent || file.current === undefined) file.current = name;
  writeProfiles(file);
  return { file, savedTo };
}

/** Puts credentials into the keychain (listing their fields in the profile) or into the profile. */
function storeCredentials(
  name: string,
  credentials: Credentials,
  wantKeychain: boolean,
  into: Profile,
): SavedTo {
  const fields = Object.keys(credentials) as CredentialField[];
  if (fields.length === 0) {
    if (wantKeychain) forget(name);
    return { store: 'none' };
  }
  let fallback: string | undefined;
  if (wantKeychain) {
    try {
      keychain().set(accountOf(name), JSON.stringify(credentials));
      into.keychain = fields;
      return { store: 'keychain' };
    } catch (error) {
      if (storeChoice() === 'keychain') {
        throw new CliError(`the OS keychain cannot store credentials (${reason(error)})`, EXIT.failure);
      }
      fallback = reason(error);
    }
  }
  Object.assign(into, credentials);
  return { store: 'file', fallback };
}

/** Deletes a profile's keychain entry, if the keychain answers (a stale entry is harmless). */
function forget(name: string): void {
  try {
    keychain().delete(accountOf(name));
  } catch {}
}

export function removeProfile(name: string): ProfileFile {
  const file = readProfiles();
  const profile = getProfile(file, name);
  if (profile.keychain?.length) forget(name);
  delete file.profiles[name];
  if (file.current === name) delete file.current;
  if (Object.keys(file.profiles).length === 0) rmSync(profilesPath(), { force: true });
  else writeProfiles(file);
  return file;
}

/** A copy safe to print: credentials replaced by `***`, credentials in a host URL masked. */
export function maskProfile(profile: Profile): Record<string, unknown> {
  const { keychain: inKeychain, ...out } = profile as Profile & Record<string, unknown>;
  for (const key of SECRET_FIELDS) if (out[key] !== undefined || inKeychain?.includes(key)) out[key] = '***';
  if (typeof out.host === 'string') out.host = maskUrl(out.host);
  const any = SECRET_FIELDS.some((key) => out[key] !== undefined);
  return { ...out, credentials: inKeychain?.length ? 'OS keychain' : any ? 'profiles.json' : '(none)' };
}
