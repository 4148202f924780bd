// HTTPS with a private CA: doctor says the certificate is not trusted and how to fix it; a profile
// with --ca-file trusts it for every command.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Home, tempHome, tgraph, tgraphJson } from './helpers/cli.js';
import { createPki, type Pki } from './helpers/pki.js';

// Each test spawns the CLI several times; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

let pki: Pki;
let em: RunningEmulator;
let home: Home;

beforeAll(async () => {
  pki = createPki();
  em = await startEmulator({
    seed: 'covid',
    version: '4.2',
    tls: { key: pki.serverKey, cert: pki.serverCert },
  });
  home = tempHome();
});
afterAll(async () => {
  await em.stop();
  pki.cleanup();
  home.cleanup();
});

describe('TLS with a private CA', () => {
  it('doctor stops at TLS with exit 6 and suggests --ca-file; the command fails with a network error', async () => {
    expect(em.gsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const env = {
      TG_HOST: em.gsUrl,
      TG_GRAPH: 'MyGraph',
      TG_USERNAME: 'tigergraph',
      TG_PASSWORD: 'tigergraph',
    };
    const doctor = await tgraph(['doctor', '--json'], { home, env });
    expect(doctor.code).toBe(6);
    const steps = JSON.parse(doctor.stdout) as {
      step: string;
      status: string;
      detail: string;
      fix?: string;
    }[];
    expect(steps.map((s) => s.step)).toEqual(['config', 'dns', 'tcp', 'tls']);
    expect(steps[3]).toMatchObject({ status: 'fail', fix: expect.stringContaining('--ca-file') });
    expect(steps[3]!.detail).toContain('not trusted');
    const list = await tgraph(['vertices', 'count', 'Patient'], { home, env });
    expect(list.code).toBe(6);
  });

  it('login --ca-file saves the CA path; doctor and commands then trust the server', async () => {
    const login = await tgraph(['login', '--no-input', '--ca-file', pki.caPath], {
      home,
      env: { TG_HOST: em.gsUrl, TG_GRAPH: 'MyGraph', TG_USERNAME: 'tigergraph', TG_PASSWORD: 'tigergraph' },
    });
    expect(login.code, login.stderr).toBe(0);
    const steps = await tgraphJson<{ step: string; status: string; detail: string }[]>(['doctor'], { home });
    // Trusted, with a warning: the test certificate is valid for two days only.
    expect(steps.find((s) => s.step === 'tls')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('certificate for 127.0.0.1 trusted'),
      fix: expect.stringContaining('renew'),
    });
    expect(steps.filter((s) => s.status === 'fail')).toEqual([]);
    expect(await tgraphJson(['vertices', 'count', 'Patient'], { home })).toEqual([
      { type: 'Patient', count: 24 },
    ]);
  });
});
