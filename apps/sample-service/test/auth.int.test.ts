// Credentials toward TigerGraph: the secret is exchanged for tokens the SDK renews, so tokens
// expiring mid-traffic fail no request; rejected credentials turn into 503 and a failing
// readiness check, and the service recovers by itself once the mounted secret is replaced.
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { json, lastSeq, requestsSince, SECRET, type Stack, startStack } from './helpers.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const HOUR = 3600 * 1000;
const isTokenRequest = (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path === '/gsql/v1/tokens';

describe('token expiry mid-traffic', () => {
  it('serves every request while tokens expire under it', async () => {
    const s = await startStack();
    stack = s;
    const before = lastSeq(s.emulator);
    const paths = [
      '/api/patients?limit=5',
      '/api/patients/1000000003',
      '/api/cities/stats?province=Seoul',
      '/api/chain?from=1000000009&to=1000000004',
    ];
    const statuses: number[] = [];
    let sent = 0;
    const total = 240;
    const worker = async () => {
      while (sent < total) {
        const n = sent++;
        // Every 40 requests the emulator's clock jumps past the token lifetime (1 h).
        if (n > 0 && n % 40 === 0) s.emulator.clock.advance(2 * HOUR);
        const res = await s.get(paths[n % paths.length] as string);
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(statuses).toHaveLength(total);
    expect(statuses.filter((st) => st !== 200)).toEqual([]);
    const traffic = requestsSince(s.emulator, before);
    // Tokens did expire on the server (RESTPP said so) and were renewed from the secret.
    expect(traffic.filter((r) => r.path.startsWith('/restpp') && r.status === 401).length).toBeGreaterThan(0);
    const issued = traffic.filter(isTokenRequest);
    expect(issued.length).toBeGreaterThanOrEqual(5);
    expect(issued.every((r) => r.status === 200)).toBe(true);
    expect(JSON.parse(issued[0]?.body ?? '{}')).toMatchObject({
      secret: SECRET,
      lifetime: expect.anything(),
    });
    expect(s.logs.join('\n')).not.toContain(SECRET);
  });
});

describe('rejected credentials', () => {
  it('answers 503 and fails readiness, then recovers when a new secret is mounted', async () => {
    const s = await startStack();
    stack = s;
    expect((await s.get('/api/patients?limit=1')).status).toBe(200);

    // The operator revokes the secret; the token obtained from it runs out.
    expect(s.emulator.gsql('DROP SECRET sample_service')).toContain('Successfully dropped');
    s.emulator.clock.advance(2 * HOUR);

    const failed = await s.get('/api/patients?limit=1');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('application/problem+json');
    const body = await failed.text();
    expect(JSON.parse(body)).toMatchObject({
      type: 'https://tgraph.dev/problems/tigergraph-auth',
      status: 503,
      detail: 'The graph database rejected the service credentials; the operators have to renew them.',
    });
    // Nothing of TigerGraph's answer or our credentials reaches the caller.
    expect(body).not.toMatch(/REST-|GSQL|secret|token|tigergraph:/i);
    const notReady = await s.get('/readyz');
    expect(notReady.status).toBe(503);
    expect(await json(notReady)).toEqual({ status: 'unavailable', tigergraph: 'credentials rejected' });
    expect((await s.get('/healthz')).status).toBe(200);

    // A new secret is created and mounted (as a Kubernetes secret update would).
    const created = s.emulator.gsql('CREATE SECRET sample_service_2');
    const fresh = /The secret: (\S+) has been created/.exec(created)?.[1];
    expect(fresh).toMatch(/^\w{16,}$/);
    await writeFile(s.secretFile, `${fresh}\n`);

    // Ordinary traffic picks the new secret up (at most one file read per second while rejected).
    let recovered: Response | undefined;
    for (let i = 0; i < 30; i++) {
      recovered = await s.get('/api/patients/1000000003');
      if (recovered.status !== 503) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered?.status).toBe(200);
    const ready = await s.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: 'ok', tigergraph: 'ok' });
    expect((await s.get('/api/patients?limit=1')).status).toBe(200);
    const log = s.logs.join('\n');
    expect(log).toContain('tigergraph credentials changed; client rebuilt');
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(fresh);
  });
});

describe('unreachable TigerGraph', () => {
  it('answers 503 problem+json and fails readiness without leaking the address', async () => {
    const s = await startStack();
    stack = s;
    expect((await s.get('/api/patients?limit=1')).status).toBe(200);
    await s.emulator.stop();
    const res = await s.get('/api/patients?limit=1');
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({
      type: 'https://tgraph.dev/problems/tigergraph-unreachable',
      detail: 'The graph database cannot be reached.',
    });
    expect(body).not.toContain('127.0.0.1');
    expect(body).not.toMatch(/ECONNREFUSED|restpp/i);
    const ready = await s.get('/readyz');
    expect(ready.status).toBe(503);
    expect(await json(ready)).toEqual({ status: 'unavailable', tigergraph: 'unreachable' });
  });
});
