// No secret, password or token text in any thrown error (message, stack, toString, JSON, and the
// whole `cause` chain) nor in the debug log, across every credential style and failure the facade
// produces. The logger is captured through the client's `logger` option.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { createClient, type TigerGraphClient } from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'redactsecret0123456789abcdefghij';
const PASSWORD = 'Pa55-word-that-must-not-leak';
const PRESET_TOKEN = 'redacttoken0123456789abcdefghijk';
const WRONG_PASSWORD = 'wrong-Pa55-word-must-not-leak';
const WRONG_SECRET = 'wrongsecret0123456789abcdefghijk';
const BAD_TOKEN = 'badtoken0123456789abcdefghijklmn';

/** Every text an error exposes: message, stack, String(), JSON and the same for each cause. */
function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 8 || error === null || error === undefined) return [];
  if (typeof error !== 'object') return [String(error)];
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown };
  let json = '';
  try {
    json = JSON.stringify(error);
  } catch {
    json = '';
  }
  return [String(e.message), String(e.stack), String(error), json, ...errorTexts(e.cause, depth + 1)];
}

describe('redaction across the facade (Node, TigerGraph 3.10 and 4.2, RESTPP auth on)', () => {
  const emulators: RunningEmulator[] = [];
  const clients: TigerGraphClient[] = [];
  const logLines: string[] = [];
  const thrown: unknown[] = [];
  const issuedTokens: string[] = [];
  const createdSecrets: string[] = [];
  const logger = {
    debug(message: string, fields?: Record<string, unknown>) {
      logLines.push(
        `${message} ${JSON.stringify(fields ?? {}, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`,
      );
    },
  };

  async function expectFailure(p: Promise<unknown>): Promise<void> {
    try {
      await p;
    } catch (error) {
      thrown.push(error);
      return;
    }
    throw new Error('expected the call to fail');
  }

  beforeAll(async () => {
    for (const version of ['3.10', '4.2']) {
      emulators.push(
        await startEmulator({
          version,
          auth: true,
          seed: 'covid',
          users: [{ username: 'alice', password: PASSWORD, roles: ['superuser'] }],
          secrets: [{ secret: SECRET, username: 'alice', graph: 'MyGraph' }],
          tokens: [{ token: PRESET_TOKEN, graph: 'MyGraph' }],
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(emulators.map((e) => e.stop()));
  });

  it('runs every credential style and failure with a capturing logger', async () => {
    for (const emu of emulators) {
      const connect = (options: Parameters<typeof createClient>[0]) => {
        const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', retries: 0, logger, ...options });
        clients.push(tg);
        return tg;
      };
      const list = (tg: TigerGraphClient) => tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });

      // Successful styles (their requests are logged too).
      const byPassword = connect({ username: 'alice', password: PASSWORD });
      expect(await list(byPassword)).toHaveLength(5);
      const bySecret = connect({ gsqlSecret: SECRET, exchange: true });
      expect(await list(bySecret)).toHaveLength(5);
      const byToken = connect({ apiToken: PRESET_TOKEN });
      expect(await list(byToken)).toHaveLength(5);
      const seed = connect({});
      const issued = await seed.auth.getToken({ secret: SECRET, lifetime: 100000 });
      issuedTokens.push(issued.token);
      expect(await list(seed)).toHaveLength(5);
      const created = await byPassword.auth.createSecret({ alias: 'redaction_alias' });
      createdSecrets.push(created.secret);
      await byPassword.auth.dropSecret('redaction_alias');

      // Failures.
      await expectFailure(list(connect({ username: 'alice', password: WRONG_PASSWORD })));
      await expectFailure(connect({ username: 'alice', password: WRONG_PASSWORD }).auth.getSecrets());
      await expectFailure(connect({ gsqlSecret: WRONG_SECRET, exchange: true }).vertices.get('Patient'));
      await expectFailure(seed.auth.getToken({ secret: WRONG_SECRET }));
      await expectFailure(list(connect({ apiToken: BAD_TOKEN })));
      await expectFailure(list(connect({ jwtToken: `${BAD_TOKEN}.x.y` })));
      await seed.auth.deleteToken({ secret: SECRET });
      await expectFailure(list(seed));
      await expectFailure(
        list(
          createClient({
            host: 'http://127.0.0.1:9',
            graph: 'MyGraph',
            password: PASSWORD,
            username: 'alice',
            retries: 0,
            logger,
          }),
        ),
      );
    }
    // Option validation errors never echo a credential either.
    for (const bad of [
      { password: 42 as unknown as string, username: 'alice' },
      { host: `http://alice:${PASSWORD}@127.0.0.1` },
      { gsqlSecret: SECRET, apiToken: '' },
    ]) {
      try {
        createClient(bad);
      } catch (error) {
        thrown.push(error);
      }
    }

    expect(thrown.length).toBeGreaterThanOrEqual(18);
    expect(logLines.length).toBeGreaterThan(20);
    const secrets = [
      SECRET,
      PASSWORD,
      PRESET_TOKEN,
      WRONG_PASSWORD,
      WRONG_SECRET,
      BAD_TOKEN,
      ...issuedTokens,
      ...createdSecrets,
    ];
    const basic = (user: string, pw: string) => btoa(`${user}:${pw}`);
    secrets.push(basic('alice', PASSWORD), basic('alice', WRONG_PASSWORD));
    for (const error of thrown) {
      for (const text of errorTexts(error)) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
    }
    for (const line of logLines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
    }
  });
});
