// Profile storage in process: credentials in a keychain (an in-memory one injected through
// useKeychain, standing in for the OS keychain), the fallback to the 0600 file when the keychain
// fails, exclusive temp files, and a broken file reported by position only.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Keychain, useKeychain } from '../src/credential-store.js';
import {
  maskProfile,
  profilesPath,
  readProfiles,
  removeProfile,
  saveProfile,
  withCredentials,
  writeProfiles,
} from '../src/profiles.js';

let dir: string;
// Restored key by key: env-paths keeps a reference to the original process.env object.
const saved = {
  XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'],
  TG_CREDENTIAL_STORE: process.env['TG_CREDENTIAL_STORE'],
};

function memoryKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: (account) => entries.get(account),
    set: (account, value) => void entries.set(account, value),
    delete: (account) => void entries.delete(account),
  };
}

const brokenKeychain: Keychain = {
  get: () => {
    throw new Error('Platform secure storage failure: no Secret Service');
  },
  set: () => {
    throw new Error('Platform secure storage failure: no Secret Service');
  },
  delete: () => {},
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tgraph-profiles-'));
  process.env['XDG_CONFIG_HOME'] = dir;
  delete process.env['TG_CREDENTIAL_STORE'];
});
afterEach(() => {
  useKeychain(undefined);
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

const onDisk = () =>
  JSON.parse(readFileSync(profilesPath(), 'utf8')) as { profiles: Record<string, unknown> };

describe('credentials in the keychain', () => {
  it('keeps password, secret and token out of profiles.json and reads them back', () => {
    const kc = memoryKeychain();
    useKeychain(kc);
    const { savedTo } = saveProfile(
      'prod',
      { host: 'https://tg.example.com', username: 'ann', password: 'pw-1', secret: 's-1' },
      { makeCurrent: true, fresh: true },
    );
    expect(savedTo).toEqual({ store: 'keychain' });
    expect(onDisk().profiles['prod']).toEqual({
      host: 'https://tg.example.com',
      username: 'ann',
      keychain: ['password', 'secret'],
    });
    expect(readFileSync(profilesPath(), 'utf8')).not.toContain('pw-1');
    expect(JSON.parse(kc.entries.get('profile:prod')!)).toEqual({ password: 'pw-1', secret: 's-1' });
    expect(withCredentials('prod', readProfiles().profiles['prod']!)).toEqual({
      host: 'https://tg.example.com',
      username: 'ann',
      password: 'pw-1',
      secret: 's-1',
    });
    expect(maskProfile(readProfiles().profiles['prod']!)).toMatchObject({
      password: '***',
      secret: '***',
      credentials: 'OS keychain',
    });

    // A renewed token (not a login) joins the others in the keychain.
    saveProfile('prod', { token: 't-2', tokenExpiresAt: '2030-01-01T00:00:00.000Z' });
    expect(JSON.parse(kc.entries.get('profile:prod')!)).toEqual({
      password: 'pw-1',
      secret: 's-1',
      token: 't-2',
    });
    expect(onDisk().profiles['prod']).toMatchObject({ keychain: ['password', 'secret', 'token'] });

    removeProfile('prod');
    expect(kc.entries.has('profile:prod')).toBe(false);
  });

  it('falls back to the 0600 file and says why when the keychain fails', () => {
    useKeychain(brokenKeychain);
    const { savedTo } = saveProfile('a', { host: 'http://h', password: 'pw' }, { fresh: true });
    expect(savedTo).toEqual({
      store: 'file',
      fallback: 'Platform secure storage failure: no Secret Service',
    });
    expect(onDisk().profiles['a']).toEqual({ host: 'http://h', password: 'pw' });
    expect(maskProfile(readProfiles().profiles['a']!)).toMatchObject({
      password: '***',
      credentials: 'profiles.json',
    });
  });

  it('TG_CREDENTIAL_STORE=keychain refuses the fallback; =file never tries the keychain', () => {
    useKeychain(brokenKeychain);
    process.env['TG_CREDENTIAL_STORE'] = 'keychain';
    expect(() => saveProfile('a', { host: 'http://h', password: 'pw' }, { fresh: true })).toThrow(
      /the OS keychain cannot store credentials/,
    );
    expect(existsSync(profilesPath())).toBe(false);
    const kc = memoryKeychain();
    useKeychain(kc);
    process.env['TG_CREDENTIAL_STORE'] = 'file';
    expect(saveProfile('a', { host: 'http://h', password: 'pw' }, { fresh: true }).savedTo.store).toBe(
      'file',
    );
    expect(kc.entries.size).toBe(0);
  });

  it('a profile whose keychain cannot be read is an auth error, not an empty password', () => {
    useKeychain(memoryKeychain());
    saveProfile('a', { host: 'http://h', password: 'pw' }, { fresh: true });
    useKeychain(brokenKeychain);
    expect(() => withCredentials('a', readProfiles().profiles['a']!)).toThrow(
      /keeps its credentials in the OS keychain, which cannot be read/,
    );
  });
});

describe('profiles.json on disk', () => {
  it('never writes through a file planted at a temp path', () => {
    const folder = join(dir, 'tgraph');
    mkdirSync(folder, { recursive: true });
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'untouched');
    // The old temp name was predictable (<file>.<pid>.tmp) and opened without O_EXCL.
    symlinkSync(victim, `${profilesPath()}.${process.pid}.tmp`);
    writeProfiles({ current: 'a', profiles: { a: { host: 'http://h' } } });
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(onDisk().profiles).toEqual({ a: { host: 'http://h' } });
  });

  it('reports a syntax error by line and column, never with the text around it', () => {
    mkdirSync(join(dir, 'tgraph'), { recursive: true });
    writeFileSync(profilesPath(), '{"profiles": {"a": {\n  "password": "hunter2" "host": 1}}}');
    let message = '';
    try {
      readProfiles();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('invalid JSON at line 2, column 25');
    expect(message).not.toContain('hunter2');
  });
});
