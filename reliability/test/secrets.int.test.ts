// The secret sweep: trigger every error path the SDK has — auth, network, timeout, shape, GSQL
// and validation failures, on TigerGraph 3.10 and 4.2 with RESTPP auth on — with a capturing debug
// logger and hooks, then search every thrown error (message, stack, String(), JSON,
// util.inspect, the whole cause chain), every log line and every hook view for any password,
// secret or token the run used or obtained (raw, Base64 in Basic credentials, URL-encoded). The
// CLI's output (stdout and stderr, --verbose included) gets the same search.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import {
  AuthError,
  createClient,
  GsqlError,
  NetworkError,
  type NodeClientOptions,
  ResponseShapeError,
  type TigerGraphClient,
  type TigerGraphError,
  TimeoutError,
  ValidationError,
} from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../src/fault-proxy.js';
import { REL_SCHEMA } from './support.js';

const PASSWORD = 'Sw33p-pa55word-never-printed';
const SECRET = 'sweepsecret0123456789abcdefghijk';
const TOKEN = 'sweeptoken0123456789abcdefghijkl';
const WRONG_PASSWORD = 'Wr0ng-pa55word-never-printed';
const WRONG_SECRET = 'wrongsweepsecret0123456789abcdef';
const BAD_TOKEN = 'badsweeptoken0123456789abcdefghi';

const CLI = join(import.meta.dirname, '../../apps/cli/bin/tgraph.js');

/** Every text an error exposes, down its cause chain. */
function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 8 || error === null || error === undefined) return [];
  if (typeof error !== 'object') return [String(error)];
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown; serverMessage?: unknown };
  let json = '';
  try {
    json = JSON.stringify(error, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  } catch {
    json = '';
  }
  return [
    String(e.message),
    String(e.stack),
    String(error),
    json,
    String(e.serverMessage),
    inspect(error, { depth: 6, showHidden: true }),
    ...errorTexts(e.cause, depth + 1),
  ];
}

/** The forms a secret can leak in. */
function leakForms(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    out.add(s);
    out.add(encodeURIComponent(s));
    out.add(btoa(`alice:${s}`));
    out.add(btoa(`tigergraph:${s}`));
    out.add(btoa(`__GSQL__secret:${s}`));
  }
  return [...out];
}

/** One CLI run. The sweep starts nine at once: on a loaded 2-core machine each may take tens of seconds. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        resolve({ code, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe('secret sweep: errors, debug log and hook views (TigerGraph 3.10 and 4.2, RESTPP auth on)', () => {
  const emulators: RunningEmulator[] = [];
  const proxies: FaultProxy[] = [];
  const clients: TigerGraphClient[] = [];
  const thrown: unknown[] = [];
  const logLines: string[] = [];
  const hookViews: string[] = [];
  const obtained: string[] = [];

  const logger = {
    debug(message: string, fields?: Record<string, unknown>) {
      logLines.push(`${message} ${inspect(fields ?? {}, { depth: 6 })}`);
    },
  };
  const record = (view: unknown) => {
    hookViews.push(inspect(view, { depth: 6, showHidden: true }));
  };
  const hooks = { beforeRequest: record, afterResponse: record, onError: record };

  const expectFailure = async (kind: new (...args: never[]) => TigerGraphError, p: Promise<unknown>) => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'expected the call to fail').toBeInstanceOf(kind);
    thrown.push(error);
  };

  beforeAll(async () => {
    for (const version of ['3.10', '4.2']) {
      const emu = await startEmulator({
        version,
        auth: true,
        gsqlScript: REL_SCHEMA,
        users: [{ username: 'alice', password: PASSWORD, roles: ['superuser'] }],
        secrets: [{ secret: SECRET, username: 'alice', graph: 'Rel', alias: 'sweep' }],
        tokens: [{ token: TOKEN, username: 'alice', graph: 'Rel', lifetime: 3600 }],
        maxRecordedRequests: 5000,
      });
      emulators.push(emu);
      // 3.x RESTPP lives at the root of its own port; 4.x under /restpp on the nginx port.
      proxies.push(await startFaultProxy(version === '3.10' ? emu.restppUrl : emu.gsUrl));
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(proxies.map((p) => p.stop()));
    await Promise.all(emulators.map((e) => e.stop()));
  });

  it('triggers every SDK error path with secrets in play and finds none of them in what it exposes', async () => {
    for (const [i, emu] of emulators.entries()) {
      const proxy = proxies[i]!;
      const v3 = emu.version.startsWith('3');
      const connect = (options: NodeClientOptions, via: 'direct' | 'proxy' = 'direct') => {
        const tg = createClient({
          host: via === 'proxy' ? proxy.url : emu.gsUrl,
          graph: 'Rel',
          version: v3 ? '3.10.1' : '4.2.0',
          ...(v3 ? { restppPort: via === 'direct' ? emu.restppPort : proxy.port } : {}),
          retries: 0,
          timeoutMs: 2000,
          logger,
          hooks,
          ...options,
        });
        clients.push(tg);
        return tg;
      };
      const list = (tg: TigerGraphClient) => tg.vertices.get('Item', { limit: 5 });

      // Successes first: their requests are logged and observed too.
      const byPassword = connect({ username: 'alice', password: PASSWORD });
      await byPassword.vertices.upsert('Item', 'sweep', { name: 'x', n: 1 });
      const bySecret = connect({ gsqlSecret: SECRET, exchange: true });
      expect(await list(bySecret)).toHaveLength(1);
      const byToken = connect({ apiToken: TOKEN });
      expect(await list(byToken)).toHaveLength(1);
      const issued = await connect({}).auth.getToken({ secret: SECRET, lifetime: 600 });
      obtained.push(issued.token);
      const created = await byPassword.auth.createSecret({ alias: `sweep_${i}` });
      obtained.push(created.secret);

      // Auth failures.
      await expectFailure(AuthError, list(connect({ username: 'alice', password: WRONG_PASSWORD })));
      await expectFailure(AuthError, connect({ username: 'alice', password: WRONG_PASSWORD }).gsql('ls'));
      await expectFailure(AuthError, list(connect({ gsqlSecret: WRONG_SECRET, exchange: true })));
      await expectFailure(AuthError, connect({}).auth.getToken({ secret: WRONG_SECRET }));
      await expectFailure(AuthError, list(connect({ apiToken: BAD_TOKEN })));
      const expiring = connect({ apiToken: issued.token });
      emu.clock.advance(601_000);
      await expectFailure(AuthError, list(expiring)); // a fixed token is never refreshed
      await byPassword.auth.dropSecret(`sweep_${i}`);

      // Network failures: refused, and reset mid-body (through the proxy) with credentials sent.
      await expectFailure(
        NetworkError,
        list(
          createClient({
            host: 'http://127.0.0.1:9',
            graph: 'Rel',
            username: 'alice',
            password: PASSWORD,
            retries: 0,
            logger,
            hooks,
          }),
        ),
      );
      proxy.inject({ kind: 'reset-mid-body' }, { times: 1 });
      await expectFailure(NetworkError, list(connect({ apiToken: TOKEN }, 'proxy')));

      // Timeout: the proxy stalls.
      proxy.inject({ kind: 'stall', forward: false });
      await expectFailure(TimeoutError, list(connect({ apiToken: TOKEN, timeoutMs: 200 }, 'proxy')));

      // Shape: HTML and non-JSON answers, a body cut in half.
      proxy.inject({
        kind: 'non-json',
        status: 200,
        contentType: 'text/html',
        forward: false,
        body: `<html><title>Login</title><p>${TOKEN}</p></html>`,
      });
      await expectFailure(ResponseShapeError, list(connect({ apiToken: TOKEN }, 'proxy')));
      proxy.inject({
        kind: 'non-json',
        status: 200,
        contentType: 'text/plain',
        forward: false,
        body: `token=${TOKEN}`,
      });
      await expectFailure(ResponseShapeError, list(connect({ apiToken: TOKEN }, 'proxy')));
      proxy.inject({ kind: 'cut-json' });
      await expectFailure(ResponseShapeError, list(connect({ apiToken: TOKEN }, 'proxy')));

      // GSQL errors: a syntax error, a semantic error, and a query runtime error.
      await expectFailure(GsqlError, byPassword.gsql('USE GRAPH Rel\nCREATE VERTEX ('));
      await expectFailure(
        GsqlError,
        byPassword.gsql(`USE GRAPH Rel\nCREATE QUERY q${i}() FOR GRAPH Rel { PRINT nope; }`),
      );
      expect(
        (
          await byPassword.gsql(
            `USE GRAPH Rel\nCREATE QUERY need_v${i}(VERTEX<Item> v) FOR GRAPH Rel { PRINT v.name; }\nINSTALL QUERY need_v${i}`,
          )
        ).output,
      ).toContain('Query installation finished');
      await expectFailure(GsqlError, connect({ apiToken: TOKEN }).queries.run(`need_v${i}`, {}));

      // Validation: bad request arguments with credentials configured.
      await expectFailure(ValidationError, bySecret.vertices.get('Item', { limit: -1 }));
    }

    // Option validation never echoes a credential either.
    for (const bad of [
      { host: `http://alice:${PASSWORD}@127.0.0.1` },
      { username: 'alice', password: PASSWORD, timeoutMs: -1 },
      { gsqlSecret: SECRET, apiToken: '' },
      { apiToken: TOKEN, retries: 'x' as unknown as number },
      { password: PASSWORD },
    ]) {
      try {
        createClient(bad);
      } catch (error) {
        thrown.push(error);
      }
    }

    // Every token the servers saw (including those the SDK obtained itself) counts as a secret.
    for (const emu of emulators) {
      for (const r of emu.requests) {
        const auth = r.headers['authorization'];
        const m = typeof auth === 'string' ? /^Bearer (\S+)$/.exec(auth) : null;
        if (m?.[1]) obtained.push(m[1]);
      }
    }
    const secrets = leakForms([
      PASSWORD,
      SECRET,
      TOKEN,
      WRONG_PASSWORD,
      WRONG_SECRET,
      BAD_TOKEN,
      ...new Set(obtained),
    ]);

    expect(thrown.length).toBeGreaterThanOrEqual(2 * 16 + 4);
    expect(logLines.length).toBeGreaterThan(60);
    expect(hookViews.length).toBeGreaterThan(60);
    const leaks: string[] = [];
    const search = (where: string, text: string) => {
      for (const s of secrets)
        if (text.includes(s))
          leaks.push(`${where}: …${text.slice(Math.max(0, text.indexOf(s) - 60), text.indexOf(s))}<SECRET>`);
    };
    // The search itself works: a planted Basic credential is found.
    search('probe', `Authorization: Basic ${btoa(`alice:${PASSWORD}`)}`);
    expect(leaks).toHaveLength(1);
    leaks.length = 0;
    for (const [k, error] of thrown.entries())
      for (const text of errorTexts(error)) search(`error ${k}`, text);
    for (const line of logLines) search('log', line);
    for (const view of hookViews) search('hook', view);
    expect(leaks).toEqual([]);
    // The sweep did see the credentials travel (so the search was meaningful).
    expect(emulators[1]!.requests.some((r) => String(r.headers['authorization']).includes(TOKEN))).toBe(true);
  });
});

describe('secret sweep: the CLI', () => {
  let emu: RunningEmulator;
  let config: string;
  beforeAll(async () => {
    emu = await startEmulator({
      version: '4.2',
      auth: true,
      gsqlScript: REL_SCHEMA,
      users: [{ username: 'alice', password: PASSWORD, roles: ['superuser'] }],
      secrets: [{ secret: SECRET, username: 'alice', graph: 'Rel', alias: 'sweep' }],
      tokens: [{ token: TOKEN, username: 'alice', graph: 'Rel', lifetime: 3600 }],
    });
    config = mkdtempSync(join(tmpdir(), 'tgraph-sweep-'));
  });
  afterAll(async () => {
    await emu?.stop();
    if (config) rmSync(config, { recursive: true, force: true });
  });

  it('prints no password, secret or token on success, failure, --verbose, status, doctor or profile show', async () => {
    expect(existsSync(CLI), `the CLI binary ${CLI} (build apps/cli first)`).toBe(true);
    const base = { XDG_CONFIG_HOME: config, HOME: config, TG_HOST: emu.gsUrl, TG_GRAPH: 'Rel' };
    const withPassword = { ...base, TG_USERNAME: 'alice', TG_PASSWORD: PASSWORD };
    const runs = await Promise.all([
      runCli(['--verbose', '--json', 'vertices', 'list', 'Item', '--limit', '2'], withPassword),
      runCli(['--verbose', 'status'], withPassword),
      runCli(['--json', 'doctor'], withPassword),
      runCli(['--verbose', 'vertices', 'list', 'Item'], {
        ...base,
        TG_USERNAME: 'alice',
        TG_PASSWORD: WRONG_PASSWORD,
      }),
      runCli(['--verbose', 'vertices', 'list', 'Item'], { ...base, TG_SECRET: WRONG_SECRET }),
      runCli(['--verbose', '--json', 'vertices', 'list', 'Item'], { ...base, TG_TOKEN: TOKEN }),
      runCli(['--verbose', 'vertices', 'list', 'Item'], { ...base, TG_TOKEN: BAD_TOKEN }),
      runCli(['--verbose', 'gsql', 'USE GRAPH Rel CREATE VERTEX ('], withPassword),
      runCli(['--verbose', 'vertices', 'list', 'Item'], { ...withPassword, TG_HOST: 'http://127.0.0.1:9' }),
    ]);
    const login = await runCli(['login', '--no-input', '--profile', 'sweep'], { ...base, TG_SECRET: SECRET });
    const show = await runCli(['profile', 'show', 'sweep'], { XDG_CONFIG_HOME: config, HOME: config });
    const outputs = [...runs, login, show];
    // The failing runs failed and the good ones worked (so the output is the real thing).
    expect(runs.map((r) => r.code === 0)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(login.code).toBe(0);
    expect(show.out).toContain('sweep');
    const secrets = leakForms([PASSWORD, SECRET, TOKEN, WRONG_PASSWORD, WRONG_SECRET, BAD_TOKEN]);
    for (const r of emu.requests) {
      const m = /^Bearer (\S+)$/.exec(String(r.headers['authorization'] ?? ''));
      if (m?.[1]) secrets.push(m[1]);
    }
    for (const [k, { out }] of outputs.entries()) {
      for (const s of secrets) expect(out.includes(s), `run ${k} printed a secret:\n${out}`).toBe(false);
    }
  }, 240_000);
});
