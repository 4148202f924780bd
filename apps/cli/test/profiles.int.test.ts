// Login from flags/env and from prompts (in a pseudo-terminal), profile storage with mode 0600,
// profile list/use/show/remove, and saved tokens.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Home, plain, tempHome, tgraph, tgraphJson, tgraphPty } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
let em3: RunningEmulator;
const homes: Home[] = [];
const newHome = () => {
  const h = tempHome();
  homes.push(h);
  return h;
};
const profilesFile = (h: Home) => join(h.configDir, 'tgraph', 'profiles.json');
const readProfiles = (h: Home) =>
  JSON.parse(readFileSync(profilesFile(h), 'utf8')) as {
    current?: string;
    profiles: Record<string, Record<string, unknown>>;
  };

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
  em3 = await startEmulator({ seed: 'covid', version: '3.10', auth: true });
});
afterAll(async () => {
  await em.stop();
  await em3.stop();
  for (const h of homes) h.cleanup();
});

describe('tgraph login (flags and env) and profile storage', () => {
  it('saves a password profile with mode 0600 in a 0700 folder and never prints the password', async () => {
    const home = newHome();
    const r = await tgraph(['login', '--no-input'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' },
    });
    expect(r.stderr).toContain(`logged in to ${em.gsUrl} with tigergraph (profile 'default' saved`);
    expect(r.code).toBe(0);
    expect(statSync(profilesFile(home)).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.configDir, 'tgraph')).mode & 0o777).toBe(0o700);
    expect(readProfiles(home)).toEqual({
      current: 'default',
      profiles: {
        default: { host: em.gsUrl, graph: 'MyGraph', username: 'tigergraph', password: 'tigergraph' },
      },
    });
    expect(r.stdout + r.stderr).not.toContain('tigergraph\n');
    // Verification reached the GSQL server with Basic auth.
    const secretsCall = em.requests.find((q) => q.path === '/gsql/v1/secrets' && q.method === 'GET');
    expect(secretsCall?.headers['authorization']).toBe(
      `Basic ${Buffer.from('tigergraph:tigergraph').toString('base64')}`,
    );

    // The profile is used by later commands without any flag.
    const rows = await tgraphJson<{ v_id: string }[]>(['vertices', 'list', 'Patient', '--limit', '2'], {
      home,
    });
    expect(rows.map((v) => v.v_id)).toEqual(['6100000100', '6023000024']);
  });

  it('with a secret: gets a token with the requested lifetime, saves it, and reuses it', async () => {
    const home = newHome();
    const secret = /The secret: (\S+)/.exec(em3.gsql('USE GRAPH MyGraph\nCREATE SECRET cli_login'))![1]!;
    em3.requests.length = 0;
    const r = await tgraph(['login', '--profile', 'three', '--no-input', '--token-lifetime', '3600'], {
      home,
      env: { TG_HOST: em3.gsUrl, TG_GRAPH: 'MyGraph', TG_SECRET: secret },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(secret);
    const tokenCall = em3.requests.find((q) => q.path.endsWith('/requesttoken'));
    expect(tokenCall?.method).toBe('POST');
    expect(JSON.parse(tokenCall!.body)).toEqual({ secret, lifetime: '3600' });
    const saved = readProfiles(home).profiles['three']!;
    expect(saved['secret']).toBe(secret);
    expect(typeof saved['token']).toBe('string');
    expect(Date.parse(saved['tokenExpiresAt'] as string) - Date.now()).toBeGreaterThan(3500_000);
    expect(Date.parse(saved['tokenExpiresAt'] as string) - Date.now()).toBeLessThanOrEqual(3600_000);

    em3.requests.length = 0;
    const rows = await tgraphJson<unknown[]>(['vertices', 'list', 'Patient', '--limit', '1'], { home });
    expect(rows).toHaveLength(1);
    // No new token was requested: the saved one was sent as Bearer.
    expect(em3.requests.some((q) => q.path.endsWith('/requesttoken'))).toBe(false);
    const list = em3.requests.find((q) => q.path.endsWith('/vertices/Patient'));
    expect(list?.headers['authorization']).toBe(`Bearer ${saved['token']}`);
  });

  it('replaces an expired saved token with a new one and saves it', async () => {
    const home = newHome();
    const secret = /The secret: (\S+)/.exec(em3.gsql('USE GRAPH MyGraph\nCREATE SECRET cli_refresh'))![1]!;
    const env = { TG_HOST: em3.gsUrl, TG_GRAPH: 'MyGraph', TG_SECRET: secret };
    expect((await tgraph(['login', '--no-input', '--token-lifetime', '120'], { home, env })).code).toBe(0);
    const first = readProfiles(home).profiles['default']!;
    // Pretend the token is about to expire (the CLI renews within 60 s of expiry).
    const file = readProfiles(home);
    file.profiles['default']!['tokenExpiresAt'] = new Date(Date.now() + 30_000).toISOString();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(profilesFile(home), JSON.stringify(file), { mode: 0o600 });
    em3.requests.length = 0;
    const r = await tgraph(['vertices', 'count', 'Patient', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ type: 'Patient', count: 24 }]);
    expect(em3.requests.filter((q) => q.path.endsWith('/requesttoken')).map((q) => q.method)).toEqual([
      'POST',
    ]);
    const renewed = readProfiles(home).profiles['default']!;
    expect(renewed['token']).not.toBe(first['token']);
    expect(Date.parse(renewed['tokenExpiresAt'] as string)).toBeGreaterThan(Date.now() + 60_000);
    expect(statSync(profilesFile(home)).mode & 0o777).toBe(0o600);
  });

  it('fails with exit code 3 on a wrong password and saves nothing', async () => {
    const home = newHome();
    const r = await tgraph(['login', '--no-input'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_USERNAME: 'tigergraph', TG_PASSWORD: 'wrong-password' },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("the server rejected the password of user 'tigergraph'");
    expect(r.stderr).not.toContain('wrong-password');
    expect(() => statSync(profilesFile(home))).toThrow();
  });

  it('fails with exit code 2 when --no-input and no host is given', async () => {
    const r = await tgraph(['login', '--no-input'], { home: newHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no server address');
  });

  it('lists, shows (masked), switches and removes profiles', async () => {
    const home = newHome();
    const base = { TG_HOST: em.gsUrl, TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' };
    expect(
      (
        await tgraph(['login', '--no-input', '--profile', 'a'], {
          home,
          env: { ...base, TG_GRAPH: 'MyGraph' },
        })
      ).code,
    ).toBe(0);
    expect(
      (
        await tgraph(['login', '--no-input', '--profile', 'b', '--no-verify'], {
          home,
          env: { TG_HOST: 'http://127.0.0.1:1', TG_TOKEN: 'tok-123' },
        })
      ).code,
    ).toBe(0);
    expect(await tgraphJson(['profile', 'list'], { home })).toEqual([
      { current: '', name: 'a', host: em.gsUrl, graph: 'MyGraph', auth: 'password' },
      { current: '*', name: 'b', host: 'http://127.0.0.1:1', graph: '', auth: 'token' },
    ]);
    const shown = await tgraphJson<Record<string, unknown>>(['profile', 'show', 'a'], { home });
    expect(shown).toMatchObject({
      name: 'a',
      current: false,
      host: em.gsUrl,
      username: 'tigergraph',
      password: '***',
    });
    expect(JSON.stringify(shown)).not.toContain('"tigergraph"}');
    const shownB = await tgraph(['profile', 'show', '--table'], { home });
    expect(shownB.stdout).toContain('***');
    expect(shownB.stdout).not.toContain('tok-123');

    expect((await tgraph(['profile', 'use', 'a'], { home })).code).toBe(0);
    expect(readProfiles(home).current).toBe('a');
    expect((await tgraph(['profile', 'use', 'zzz'], { home })).code).toBe(4);
    expect((await tgraph(['profile', 'use', '../etc'], { home })).code).toBe(2);
    expect((await tgraph(['profile', 'remove', 'b'], { home })).code).toBe(0);
    expect(Object.keys(readProfiles(home).profiles)).toEqual(['a']);
    expect(statSync(profilesFile(home)).mode & 0o777).toBe(0o600);
    // --profile selects a profile for one command.
    const viaB = await tgraph(['--profile', 'b', 'status'], { home });
    expect(viaB.code).toBe(4);
    expect(viaB.stderr).toContain("no profile named 'b'");
  });
});

describe('tgraph token on 3.x', () => {
  it('get, refresh (PUT /requesttoken) and delete a token with a secret', async () => {
    const home = newHome();
    const secret = /The secret: (\S+)/.exec(em3.gsql('USE GRAPH MyGraph\nCREATE SECRET cli_token3'))![1]!;
    const env = { TG_HOST: em3.gsUrl, TG_GRAPH: 'MyGraph', TG_SECRET: secret };
    em3.requests.length = 0;
    const issued = await tgraphJson<{ token: string; expiresAt: string; line: string }>(
      ['token', 'get', '--lifetime', '600'],
      { home, env },
    );
    expect(issued.line).toBe('3');
    const post = em3.requests.find((q) => q.method === 'POST' && q.path.endsWith('/requesttoken'))!;
    expect(JSON.parse(post.body)).toEqual({ secret, lifetime: '600' });

    const refreshed = await tgraphJson<{ token: string; expiresAt: string }>(
      ['token', 'refresh', issued.token, '--lifetime', '7200'],
      { home, env },
    );
    expect(refreshed.token).toBe(issued.token);
    expect(Date.parse(refreshed.expiresAt)).toBeGreaterThan(Date.parse(issued.expiresAt));
    const put = em3.requests.find((q) => q.method === 'PUT' && q.path.endsWith('/requesttoken'))!;
    expect(JSON.parse(put.body)).toMatchObject({ token: issued.token, secret, lifetime: '7200' });

    expect(await tgraphJson(['token', 'delete', issued.token], { home, env })).toEqual({ deleted: true });
    const del = em3.requests.find((q) => q.method === 'DELETE' && q.path.endsWith('/requesttoken'))!;
    expect(JSON.parse(del.body)).toEqual({ token: issued.token, secret });
    const missing = await tgraph(['token', 'delete', issued.token], { home, env });
    expect(missing.code).toBe(4);
    expect((await tgraph(['token', 'delete', issued.token, '--ignore-missing'], { home, env })).code).toBe(0);
  });

  it('demo on 3.10 uses POST /requesttoken and explains why GSQL-Secret is skipped', async () => {
    const r = await tgraph(['demo', '--server-version', '3.10'], { home: newHome() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('/restpp/requesttoken');
    expect(r.stdout).toContain('USE+GRAPH+MyGraph%0ACREATE+SECRET+demo_secret');
    expect(r.stdout).toContain('The secret: *** has been created');
    expect(r.stdout).toContain('skipped: TigerGraph 3.10.0 RESTPP accepts tokens only');
  });
});

describe('tgraph login (interactive, in a pseudo-terminal)', () => {
  it('asks for host, graph, method and password; the password is not echoed', async () => {
    const home = newHome();
    const r = await tgraphPty(
      ['login', '--profile', 'tty'],
      [
        { expect: 'Server address', send: `\x15${em.gsUrl}\r` },
        { expect: 'Graph', send: '\r' },
        { expect: 'How do you authenticate', send: '\r' },
        { expect: 'Username', send: '\r' },
        { expect: 'Password', send: 'tigergraph\r' },
      ],
      { home },
    );
    const screen = plain(r.output);
    expect(r.timedOut, screen).toBe(false);
    expect(r.code, screen).toBe(0);
    expect(screen).toContain("tgraph login — profile 'tty'");
    expect(screen).toContain(`logged in to ${em.gsUrl} with tigergraph`);
    // The typed password shows as mask characters only.
    expect(screen.split('Password')[1]).not.toContain('tigergraph\n');
    expect(screen).toContain('••••••••••');
    expect(readProfiles(home).profiles['tty']).toEqual({
      host: em.gsUrl,
      graph: 'MyGraph',
      username: 'tigergraph',
      password: 'tigergraph',
    });
    expect(statSync(profilesFile(home)).mode & 0o777).toBe(0o600);
  });

  it('asks for a secret, masked, and saves the token it exchanged', async () => {
    const home = newHome();
    const secret = /The secret: (\S+)/.exec(em3.gsql('USE GRAPH MyGraph\nCREATE SECRET cli_tty'))![1]!;
    const r = await tgraphPty(
      ['login'],
      [
        { expect: 'Server address', send: `\x15${em3.gsUrl}\r` },
        { expect: 'Graph', send: '\r' },
        { expect: 'How do you authenticate', send: '\x1b[B\r' },
        { expect: 'Secret', send: `${secret}\r` },
      ],
      { home },
    );
    const screen = plain(r.output);
    expect(r.code, screen).toBe(0);
    expect(screen).not.toContain(secret);
    const saved = readProfiles(home).profiles['default']!;
    expect(saved['secret']).toBe(secret);
    expect(saved['token']).toMatch(/^[a-z0-9]{32}$/);
  });

  it('exits 130 when the prompt is cancelled with Ctrl-C', async () => {
    const home = newHome();
    const r = await tgraphPty(['login'], [{ expect: 'Server address', send: '\x03' }], { home });
    expect(r.code).toBe(130);
    expect(plain(r.output)).toContain('login cancelled');
  });
});
