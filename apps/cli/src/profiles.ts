// Named connection profiles in the user's config dir (env-paths: $XDG_CONFIG_HOME/tgraph on Linux,
// ~/Library/Preferences/tgraph on macOS, %APPDATA%\tgraph\Config on Windows). The file holds
// credentials, so it is written with mode 0600 (its folder 0700), atomically (temp file + rename).
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import { CliError, EXIT } from './exit-codes.js';

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
}

export interface ProfileFile {
  current?: string | undefined;
  profiles: Record<string, Profile>;
}

/** Fields that are credentials: never printed, masked by `profile show`. */
export const SECRET_FIELDS = ['password', 'secret', 'token'] as const;

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
  try {
    const parsed = JSON.parse(text) as ProfileFile;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.profiles !== 'object') {
      throw new Error('no "profiles" object');
    }
    return parsed;
  } catch (error) {
    throw new CliError(
      `${profilesPath()} is not a valid profiles file (${(error as Error).message})`,
      EXIT.invalidInput,
      'fix or delete the file, then run `tgraph login` again',
    );
  }
}

export function writeProfiles(file: ProfileFile): void {
  const path = profilesPath();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
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

/** Saves `patch` into profile `name` (creating it); `undefined` values remove fields. */
export function saveProfile(name: string, patch: Profile, makeCurrent = false): ProfileFile {
  const file = readProfiles();
  const merged: Profile = { ...(file.profiles[name] ?? {}), ...patch };
  for (const key of Object.keys(merged) as (keyof Profile)[])
    if (merged[key] === undefined) delete merged[key];
  file.profiles[name] = merged;
  if (makeCurrent || file.current === undefined) file.current = name;
  writeProfiles(file);
  return file;
}

export function removeProfile(name: string): ProfileFile {
  const file = readProfiles();
  getProfile(file, name);
  delete file.profiles[name];
  if (file.current === name) delete file.current;
  if (Object.keys(file.profiles).length === 0) rmSync(profilesPath(), { force: true });
  else writeProfiles(file);
  return file;
}

/** A copy safe to print: credentials replaced by `***` (or "set"). */
export function maskProfile(profile: Profile): Record<string, unknown> {
  const out: Record<string, unknown> = { ...profile };
  for (const key of SECRET_FIELDS) if (out[key] !== undefined) out[key] = '***';
  return out;
}
