// What the CLI says when something goes wrong: flags and commands rather than SDK names, login
// errors about the login, and overrides that say what they did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Home, tempHome, tgraph } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
const homes: Home[] = [];
const newHome = () => {
  const h = tempHome();
  homes.push(h);
  return h;
};
const SDK_WORDS =
  /AuthError|ValidationError|NetworkError|GsqlError|apiToken|gsqlSecret|restppPort|gsPort|getToken\(\)|\.\./;

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
});
afterAll(async () => {
  await em.stop();
  for (const h of homes) h.cleanup();
});

describe('errors speak flags and commands', () => {
  it('no credentials, a bad type and a closed port', async () => {
    const home = newHome();
    const none = await tgraph(['vertices', 'count', 'Patient'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph' },
    });
    expect(none.code).toBe(3);
    expect(none.stderr).not.toMatch(SDK_WORDS);
    expect(none.stderr).toMatch(/^error: /);
    expect(none.stderr).toContain('`tgraph login`');
    expect(none.stderr).toContain('TG_TOKEN');

    const env = {
      TG_HOST: em.gsUrl,
      TG_GRAPH: 'MyGraph',
      TG_USERNAME: 'tigergraph',
      TG_PASSWORD: 'tigergraph',
    };
    const badType = await tgraph(['vertices', 'get', 'Patien', '1'], { home, env });
    expect(badType.code).toBe(2);
    expect(badType.stderr).not.toMatch(SDK_WORDS);
    expect(badType.stderr).toContain("'Patien' is not a valid vertex type");

    const closed = await tgraph(['vertices', 'count', 'Patient', '--timeout', '3000'], {
      home,
      env: { ...env, TG_HOST: 'http://127.0.0.1:9' },
    });
    expect(closed.code).toBe(6);
    expect(closed.stderr).not.toMatch(SDK_WORDS);
    expect(closed.stderr).toContain('tgraph doctor');
  });

  it('a wrong password at login talks about the password, not about listing secrets', async () => {
    const home = newHome();
    const r = await tgraph(['login', '--no-input'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_USERNAME: 'tigergraph', TG_PASSWORD: 'wrong-password' },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("the server rejected the password of user 'tigergraph'");
    expect(r.stderr).not.toMatch(/Listing secrets|give the connection/);
    expect(r.stderr).not.toMatch(SDK_WORDS);
    expect(r.stderr).not.toContain('wrong-password');
  });
});

describe('overrides and profiles say what they did', () => {
  it('--host drops the profile credentials with a note, and the hint does not send you back to the same command', async () => {
    const home = newHome();
    const login = await tgraph(['login', '--no-input'], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' },
    });
    expect(login.code, login.stderr).toBe(0);
    const other = `${em.gsUrl}/`; // the same server, written differently: still another host string
    const r = await tgraph(['--host', other, 'status'], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      "note: --host names another server than profile 'default', so the profile's saved credentials are not sent there",
    );
    expect(r.stderr).toContain("hint: the profile 'default' was not used");
    expect(r.stderr).not.toContain('tgraph status');
  });

  it('login --profile says it became the current profile', async () => {
    const home = newHome();
    const env = { TG_HOST: em.gsUrl, TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' };
    expect((await tgraph(['login', '--no-input', '--profile', 'first'], { home, env })).code).toBe(0);
    const second = await tgraph(['login', '--no-input', '--profile', 'second'], { home, env });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(
      "'second' is now the current profile (it was 'first'; `tgraph profile use first` switches back)",
    );
    const again = await tgraph(['login', '--no-input', '--profile', 'second'], { home, env });
    expect(again.stderr).not.toContain('is now the current profile');
  });
});

describe('a host with credentials in it', () => {
  it('is refused by login and by --host/TG_HOST, shown masked, and masked in profile show', async () => {
    const home = newHome();
    const r = await tgraph(
      ['login', '--no-input', '--no-verify', '--host', 'http://ann:pa55word@127.0.0.1:1'],
      {
        home,
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('http://***@127.0.0.1:1');
    expect(r.stderr).not.toContain('pa55word');
    const viaEnv = await tgraph(['status'], { home, env: { TG_HOST: 'http://ann:pa55word@127.0.0.1:1' } });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).not.toContain('pa55word');

    // A profile written before this check (or by hand) is shown masked.
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(home.configDir, 'tgraph'), { recursive: true });
    const file = join(home.configDir, 'tgraph', 'profiles.json');
    writeFileSync(
      file,
      JSON.stringify({ current: 'old', profiles: { old: { host: 'http://ann:pa55word@127.0.0.1:1' } } }),
    );
    const shown = await tgraph(['profile', 'show', '--json'], { home });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ host: 'http://***@127.0.0.1:1' });
    expect(readFileSync(file, 'utf8')).toContain('pa55word'); // untouched, but never echoed
  });
});
