// The default start (run.ts, what `pnpm start` calls): without TG_HOST it boots the embedded
// emulator with RESTPP auth and serves it through a secret; with TG_HOST it uses that server
// and the credentials from the environment.

import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { json } from './helpers.js';

describe('embedded default', () => {
  it('serves the covid graph from an in-process emulator and hands the demo page a token', async () => {
    const logs: string[] = [];
    const running = await run({ env: { PORT: '0' }, webDir: '/nonexistent', write: (l) => logs.push(l) });
    try {
      expect(running.embedded).toBe(true);
      const url = running.service.url;
      expect(await json(await fetch(`${url}/readyz`))).toEqual({ status: 'ok', tigergraph: 'ok' });
      const page = await json<{ items: unknown[] }>(await fetch(`${url}/api/patients?limit=50`));
      expect(page.items).toHaveLength(24);
      const demo = await json<{ host: string; graph: string; version: string; apiToken: string }>(
        await fetch(`${url}/browser-sdk/config.json`),
      );
      expect(demo).toMatchObject({
        graph: 'MyGraph',
        version: '4.2.0',
        apiToken: expect.stringMatching(/^\w{20,}$/),
      });
      // RESTPP auth is on: the demo token is what opens it.
      const direct = await fetch(`${demo.host}/restpp/graph/MyGraph/vertices/Patient?limit=1`);
      expect(direct.status).toBe(401);
      const withToken = await fetch(`${demo.host}/restpp/graph/MyGraph/vertices/Patient?limit=1`, {
        headers: { authorization: `Bearer ${demo.apiToken}` },
      });
      expect(withToken.status).toBe(200);
      const started = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'tigergraph client ready');
      expect(started).toMatchObject({
        graph: 'MyGraph',
        credentials: 'GSQL secret from the embedded emulator',
      });
    } finally {
      await running.stop();
    }
  });
});

describe('with TG_HOST', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 'covid',
      auth: true,
      users: [{ username: 'svc', password: 'svc-password-1', roles: { MyGraph: ['designer'] } }],
    });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('uses the configured server and credentials, and hands out no demo token', async () => {
    const running = await run({
      env: {
        PORT: '0',
        TG_HOST: emulator.gsUrl,
        TG_USERNAME: 'svc',
        TG_PASSWORD: 'svc-password-1',
        LOG_LEVEL: 'error',
      },
      webDir: '/nonexistent',
      write: () => {},
    });
    try {
      expect(running.embedded).toBe(false);
      const url = running.service.url;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const n = await json<{ chain: string[] }>(await fetch(`${url}/api/patients/1000000007`));
      expect(n.chain).toEqual(['1000000003', '1000000001']);
      expect((await fetch(`${url}/browser-sdk/config.json`)).status).toBe(404);
      const sent = emulator.requests.filter((r) => r.path.startsWith('/restpp/query/'));
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((r) => r.headers['x-request-id'] !== undefined)).toBe(true);
      expect(sent.every((r) => String(r.headers['authorization']).startsWith('Basic '))).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
