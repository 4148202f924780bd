// Credentials at rest, for real: on this machine no Secret Service answers (the test home points
// D-Bus at a socket that does not exist), so login falls back to profiles.json (0600) and says so,
// as do status and doctor. The keychain path itself is covered in profiles.unit.test.ts.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Home, plain, tempHome, tgraph, tgraphJson, tgraphPty } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
const homes: Home[] = [];
const newHome = () => {
  const h = tempHome();
  homes.push(h);
  return h;
};
const profilesFile = (h: Home) => join(h.configDir, 'tgraph', 'profiles.json');

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
});
afterAll(async () => {
  await em.stop();
  for (const h of homes) h.cleanup();
});

const loginEnv = () => ({
  TG_HOST: em.gsUrl,
  TG_GRAPH: 'MyGraph',
  TG_USERNAME: 'tigergraph',
  TG_PASSWORD: 'tigergraph',
});

describe('where credentials are kept', () => {
  it('falls back to profiles.json without a keychain, and login, status and doctor say so', async () => {
    const home = newHome();
    // A config folder that already exists with a wide mode is tightened.
    mkdirSync(join(home.configDir, 'tgraph'), { recursive: true });
    chmodSync(join(home.configDir, 'tgraph'), 0o755);
    const login = await tgraph(['login', '--no-input'], { home, env: loginEnv() });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(
      /credentials saved in \S+profiles\.json \(mode 0600; no OS keychain available: .+\)/,
    );
    expect(statSync(join(home.configDir, 'tgraph')).mode & 0o777).toBe(0o700);
    expect(statSync(profilesFile(home)).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(profilesFile(home), 'utf8')) as {
      profiles: Record<string, Record<string, unknown>>;
    };
    expect(saved.profiles['default']).toMatchObject({ password: 'tigergraph' });
    expect(saved.profiles['default']).not.toHaveProperty('keychain');

    expect(await tgraphJson(['status'], { home })).toMatchObject({ credentials: 'profiles.json' });
    const doctor = await tgraphJson<{ step: string; detail: string }[]>(['doctor'], { home });
    expect(doctor[0]!.detail).toContain('credentials from profiles.json');
    const shown = await tgraphJson<Record<string, unknown>>(['profile', 'show'], { home });
    expect(shown).toMatchObject({ password: '***', credentials: 'profiles.json' });
  });

  it('TG_CREDENTIAL_STORE=keychain fails without a keychain and saves nothing', async () => {
    const home = newHome();
    const r = await tgraph(['login', '--no-input'], {
      home,
      env: { ...loginEnv(), TG_CREDENTIAL_STORE: 'keychain' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the OS keychain cannot store credentials');
    expect(existsSync(profilesFile(home))).toBe(false);
  });

  it('a broken profiles.json is reported by position only', async () => {
    const home = newHome();
    mkdirSync(join(home.configDir, 'tgraph'), { recursive: true });
    writeFileSync(profilesFile(home), '{"profiles": {"a": {"password": "s3cr3t-pw" "host": "x"}}}');
    const r = await tgraph(['profile', 'list'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid JSON at line 1, column 45');
    expect(r.stderr).not.toContain('s3cr3t');
  });
});

describe('GSQL shell history', () => {
  it('is tightened to 0600 when it already exists', async () => {
    const home = newHome();
    const history = join(home.dir, 'data', 'tgraph', 'gsql_history');
    mkdirSync(join(home.dir, 'data', 'tgraph'), { recursive: true });
    writeFileSync(history, 'ls\n', { mode: 0o644 });
    chmodSync(history, 0o644);
    const r = await tgraphPty(['gsql'], [{ expect: 'GSQL \\(MyGraph\\) > ', send: 'exit\r' }], {
      home,
      env: loginEnv(),
    });
    expect(r.code, plain(r.output)).toBe(0);
    expect(statSync(history).mode & 0o777).toBe(0o600);
  });
});
