// Where a profile's password, secret and token are kept: the OS keychain when one answers (macOS
// Keychain, Windows Credential Manager, the Secret Service on Linux — through @napi-rs/keyring, as
// `gh` does), else profiles.json (mode 0600). TG_CREDENTIAL_STORE=file forces the file;
// TG_CREDENTIAL_STORE=keychain makes a missing keychain an error instead of a fallback.
import { createRequire } from 'node:module';
import { CliError, EXIT } from './exit-codes.js';

export const CREDENTIAL_FIELDS = ['password', 'secret', 'token'] as const;
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number];
export type Credentials = Partial<Record<CredentialField, string>>;

/** The few keychain operations the CLI needs (one entry per profile, holding its credentials). */
export interface Keychain {
  get(account: string): string | undefined;
  set(account: string, value: string): void;
  delete(account: string): void;
}

export type StoreChoice = 'auto' | 'keychain' | 'file';

const SERVICE = 'tgraph';
let override: Keychain | undefined;

/** Tests replace the OS keychain with their own (the CLI itself never calls this). */
export function useKeychain(keychain: Keychain | undefined): void {
  override = keychain;
}

export function storeChoice(): StoreChoice {
  const value = process.env['TG_CREDENTIAL_STORE'];
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'file' || value === 'keychain') return value;
  throw new CliError(
    `TG_CREDENTIAL_STORE must be auto, keychain or file, got '${value.slice(0, 20)}'`,
    EXIT.invalidInput,
  );
}

interface EntryClass {
  new (
    service: string,
    account: string,
  ): {
    getPassword(): string | null;
    setPassword(value: string): void;
    deletePassword(): boolean;
  };
}

/** The OS keychain through @napi-rs/keyring (loaded on first use), or an error saying why not. */
export function keychain(): Keychain {
  if (override) return override;
  let Entry: EntryClass;
  try {
    Entry = (createRequire(import.meta.url)('@napi-rs/keyring') as { Entry: EntryClass }).Entry;
  } catch (error) {
    throw new Error(`the keychain library did not load (${(error as Error).message.split('\n')[0]})`);
  }
  const entry = (account: string) => new Entry(SERVICE, account);
  return {
    get: (account) => entry(account).getPassword() ?? undefined,
    set: (account, value) => entry(account).setPassword(value),
    delete: (account) => {
      entry(account).deletePassword();
    },
  };
}

export function accountOf(profile: string): string {
  return `profile:${profile}`;
}

/** Reads a profile's credentials from the keychain; a keychain that does not answer is an error. */
export function readKeychain(profile: string): Credentials {
  let text: string | undefined;
  try {
    text = keychain().get(accountOf(profile));
  } catch (error) {
    throw new CliError(
      `profile '${profile}' keeps its credentials in the OS keychain, which cannot be read (${reason(error)})`,
      EXIT.auth,
      'unlock the keychain, or log in again with `tgraph login` (TG_CREDENTIAL_STORE=file keeps them in profiles.json)',
    );
  }
  if (text === undefined) return {};
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const out: Credentials = {};
    for (const field of CREDENTIAL_FIELDS)
      if (typeof parsed[field] === 'string') out[field] = parsed[field] as string;
    return out;
  } catch {
    return {};
  }
}

/** Why a keychain call failed, without anything it was given. */
export function reason(error: unknown): string {
  return ((error as Error | undefined)?.message ?? String(error)).split('\n')[0]!.slice(0, 160);
}
