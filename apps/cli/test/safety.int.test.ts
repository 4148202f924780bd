// Commands that must not pass for success when they did not do what was asked, and a delete of a
// whole type that asks first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Home, plain, tempHome, tgraph, tgraphJson, tgraphPty } from './helpers/cli.js';

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

const count = async (type: string) =>
  (await tgraphJson<{ count: number }[]>(['vertices', 'count', type], { home, env }))[0]!.count;

describe('secrets drop', () => {
  it('exits 4 for an alias that does not exist, unless --ignore-missing', async () => {
    const r = await tgraph(['secrets', 'drop', 'no_such_alias', '--json'], { home, env });
    expect(r.code, r.stderr).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ dropped: [], failed: ['no_such_alias'] });
    expect(r.stderr).toContain("no secret with the alias 'no_such_alias'");
    const ignored = await tgraph(['secrets', 'drop', 'no_such_alias', '--ignore-missing'], { home, env });
    expect(ignored.code).toBe(0);
  });
});

describe('vertices delete --all', () => {
  it('refuses without --yes when no one can confirm, and deletes with --yes', async () => {
    const before = await count('Province');
    expect(before).toBeGreaterThan(0);
    em.requests.length = 0;
    const refused = await tgraph(['vertices', 'delete', 'Province', '--all'], { home, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('deleting every Province vertex needs --yes');
    expect(em.requests.some((q) => q.method === 'DELETE')).toBe(false);
    expect(await count('Province')).toBe(before);
  });

  it('asks on a terminal: no keeps the vertices, yes deletes them', async () => {
    const before = await count('City');
    const no = await tgraphPty(
      ['vertices', 'delete', 'City', '--all'],
      [{ expect: '\\[y/N\\]', send: 'n\r' }],
      {
        home,
        env,
      },
    );
    expect(plain(no.output)).toContain('Delete every City vertex? This cannot be undone.');
    expect(no.code).toBe(130);
    expect(await count('City')).toBe(before);
    const yes = await tgraphPty(
      ['vertices', 'delete', 'City', '--all', '--json'],
      [{ expect: '\\[y/N\\]', send: 'y\r' }],
      { home, env },
    );
    expect(yes.code, plain(yes.output)).toBe(0);
    expect(await count('City')).toBe(0);
    const skip = await tgraph(['vertices', 'delete', 'InfectionCase', '--all', '--yes', '--json'], {
      home,
      env,
    });
    expect(skip.code, skip.stderr).toBe(0);
    expect(await count('InfectionCase')).toBe(0);
  });
});

describe('load that loaded nothing', () => {
  it('fails and shows invalidAttribute when every value was rejected', async () => {
    const job = await tgraph(
      [
        'gsql',
        'CREATE LOADING JOB safe_load FOR GRAPH MyGraph { DEFINE FILENAME f; LOAD f TO VERTEX Province VALUES ($0, $1, $2, $3); }',
      ],
      { home, env },
    );
    expect(job.code, job.stderr).toBe(0);
    const file = join(home.dir, 'bad.csv');
    writeFileSync(file, 'p_bad,Bad,not-a-number,zz\n');
    const r = await tgraph(['load', 'safe_load', 'f', file, '--table'], { home, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing loaded:');
    expect(r.stdout).toContain('vertex Province: 0 loaded, 1 invalidAttribute');
    expect(r.stderr).toContain('nothing was loaded from 1 line(s)');
    const asJson = await tgraph(['load', 'safe_load', 'f', file, '--json'], { home, env });
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      objectsLoaded: 0,
      rejectedObjects: { Province: { invalidAttribute: 1 } },
    });
  });

  it('fails for a FILENAME variable the job does not define', async () => {
    const file = join(home.dir, 'good.csv');
    writeFileSync(file, 'p_good,Good,100,1.5\n');
    const r = await tgraph(['load', 'safe_load', 'nope', file], { home, env });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/^Loaded /m);
  });
});
