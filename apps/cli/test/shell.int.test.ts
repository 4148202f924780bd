// GSQL in a graph: the server decides USE GRAPH, error lines are the user's own, and
// `tgraph gsql "…"` runs in the profile's graph like the shell does.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Home, plain, tempHome, tgraph, tgraphPty } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let em: RunningEmulator;
let home: Home;
let env: Record<string, string>;

beforeAll(async () => {
  em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
  home = tempHome();
  env = { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' };
});
afterAll(async () => {
  await em.stop();
  home.cleanup();
});
beforeEach(() => {
  em.requests.length = 0;
});

describe('interactive shell', () => {
  it('lets the server refuse USE GRAPH Nope and reports errors on the line the user typed', async () => {
    const r = await tgraphPty(
      ['gsql'],
      [
        { expect: 'GSQL \\(MyGraph\\) > ', send: 'USE GRAPH Nope\r' },
        {
          expect: 'does not exist[\\s\\S]*GSQL \\(MyGraph\\) > ',
          send: 'CREATE VERTX Oops(PRIMARY_ID id STRING)\r',
        },
        { expect: 'column 8[\\s\\S]*GSQL \\(MyGraph\\) > ', send: 'exit\r' },
      ],
      { home, env },
    );
    const screen = plain(r.output);
    expect(r.timedOut, screen).toBe(false);
    expect(screen).toContain('The graph Nope does not exist');
    expect(screen).not.toContain("Using graph 'Nope'");
    expect(screen).toContain('at line 1, column 8');
    expect(em.requests.some((q) => q.path === '/gsql/v1/statements' && q.body === 'USE GRAPH Nope')).toBe(
      true,
    );
  });
});

describe('tgraph gsql "…"', () => {
  it("runs in the profile's graph and numbers error lines as typed", async () => {
    const login = await tgraph(['login', '--no-input'], { home, env });
    expect(login.code, login.stderr).toBe(0);
    em.requests.length = 0;
    const shown = await tgraph(['gsql', 'SHOW QUERY *'], { home });
    expect(shown.code, shown.stderr).toBe(0);
    const sent = em.requests.find((q) => q.path === '/gsql/v1/statements');
    expect(sent?.body).toBe('USE GRAPH MyGraph\nSHOW QUERY *');
    expect(shown.stdout).toContain('CREATE QUERY city_stats');
    expect(shown.stdout).not.toContain("Using graph 'MyGraph'");

    const bad = await tgraph(['gsql', 'CREATE VERTX Oops(PRIMARY_ID id STRING)'], { home });
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('at line 1, column 8');
    expect(bad.stderr).not.toContain('line 2');
  });
});
