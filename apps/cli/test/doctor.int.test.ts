// doctor's suggestions are checked before they are made: port 9000 only when TigerGraph answers
// there, and secrets only where RESTPP needs them (3.x), not on 4.x where Basic works.
import { createServer, type Server } from 'node:http';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { restppAuthFix } from '../src/commands/doctor.js';
import { type Home, tempHome, tgraph } from './helpers/cli.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

interface Step {
  step: string;
  status: string;
  detail: string;
  fix?: string;
}

let home: Home;
const stops: (() => Promise<unknown>)[] = [];
beforeAll(() => {
  home = tempHome();
});
afterAll(async () => {
  for (const stop of stops) await stop();
  home.cleanup();
});

/** A loopback address of its own (127.0.0.2–254), so port 9000 there is this test's alone. */
const loopback = () => `127.0.0.${2 + Math.floor(Math.random() * 252)}`;

async function listenOn9000(handler: Parameters<typeof createServer>[1]): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const host = loopback();
    const server: Server = createServer(handler);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(9000, host, resolve);
      });
      stops.push(() => new Promise((r) => server.close(r)));
      return host;
    } catch (error) {
      if (attempt > 10) throw error;
    }
  }
}

const doctor = async (env: Record<string, string>) => {
  const r = await tgraph(['doctor', '--json', '--timeout', '3000'], { home, env });
  return { code: r.code, steps: JSON.parse(r.stdout) as Step[] };
};

describe('doctor on a closed port', () => {
  it('does not suggest port 9000 when something other than TigerGraph listens there', async () => {
    const host = await listenOn9000((_req, res) => res.end('<html>not TigerGraph</html>'));
    const { code, steps } = await doctor({ TG_HOST: `http://${host}:9` });
    expect(code).toBe(6);
    expect(steps.find((s) => s.step === 'ports')).toBeUndefined();
  });

  it('suggests port 9000 when TigerGraph RESTPP answers there', async () => {
    let em: RunningEmulator | undefined;
    for (let attempt = 0; !em; attempt++) {
      em = await startEmulator({
        seed: 'empty',
        version: '3.10',
        host: loopback(),
        restppPort: 9000,
        port: 0,
      }).catch((error: unknown) => {
        if (attempt > 10) throw error;
        return undefined;
      });
    }
    stops.push(() => em.stop());
    const host = new URL(em.restppUrl).hostname;
    const { code, steps } = await doctor({ TG_HOST: `http://${host}:9` });
    expect(code).toBe(6);
    expect(steps).toContainEqual(
      expect.objectContaining({ step: 'ports', detail: 'port 9000 is open instead' }),
    );
  });
});

describe('doctor when RESTPP rejects the credentials', () => {
  it('says the token was rejected, not to switch to secrets', async () => {
    const em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
    stops.push(() => em.stop());
    const { code, steps } = await doctor({ TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_TOKEN: 'not-a-token' });
    expect(code).toBe(3);
    const failed = steps.find((s) => s.status === 'fail');
    expect(failed?.step).toBe('restpp');
    expect(failed?.fix).toContain('RESTPP rejects the token');
  });

  it('on 4.x does not tell a password user to switch to secrets (Basic works there); on 3.x it does', () => {
    const settings = { graph: 'MyGraph', username: 'ann', password: 'pw', secret: undefined } as never;
    expect(restppAuthFix('4', settings)).not.toMatch(/secret/i);
    expect(restppAuthFix('4', settings)).toContain("user 'ann' lacks privileges");
    expect(restppAuthFix('3', settings)).toContain('log in with a secret');
  });
});
