// TLS in Node: the emulator serves HTTPS with a self-signed CA certificate (test/fixtures). The
// client trusts it when given as `ca` (PEM text) or `certPath` (a file) and refuses it otherwise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { createClient, NetworkError, type TigerGraphClient, type TigerGraphError } from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const certPath = fileURLToPath(new URL('./fixtures/tls-cert.pem', import.meta.url));
const keyPath = fileURLToPath(new URL('./fixtures/tls-key.pem', import.meta.url));
const ca = readFileSync(certPath, 'utf8');

describe('createClient over HTTPS with a self-signed CA (Node)', () => {
  let emu: RunningEmulator;
  const clients: TigerGraphClient[] = [];
  const connect = (options: Parameters<typeof createClient>[0]) => {
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      username: 'tigergraph',
      password: 'tigergraph',
      retries: 0,
      ...options,
    });
    clients.push(tg);
    return tg;
  };

  beforeAll(async () => {
    emu = await startEmulator({
      version: '4.2',
      auth: true,
      seed: 'covid',
      tls: { key: readFileSync(keyPath), cert: ca },
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await emu.stop();
  });

  it('trusts the CA given as PEM text (`ca`)', async () => {
    expect(emu.gsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const tg = connect({ ca });
    expect(tg.connection.restppUrls).toEqual([`${emu.gsUrl}/restpp`]);
    const before = emu.requests.length;
    const rows = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
    expect(rows).toHaveLength(5);
    const listing = emu.requests
      .slice(before)
      .find((r) => r.path === '/restpp/graph/MyGraph/vertices/Patient');
    expect(listing?.status).toBe(200);
    expect(listing?.query).toEqual({ limit: '5', select: 'birth_year' });
  });

  it('trusts the CA given as a file (`certPath`)', async () => {
    const tg = connect({ certPath });
    expect(await tg.line()).toBe('4');
    expect(await tg.vertices.get('Patient', { limit: 2 })).toHaveLength(2);
  });

  it('refuses the server without the CA, with a NetworkError that says to pass `ca`', async () => {
    const tg = connect({});
    const before = emu.requests.length;
    let error: unknown;
    try {
      await tg.vertices.get('Patient', { limit: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NetworkError);
    const message = (error as TigerGraphError).message;
    expect(message).toMatch(/certificate/i);
    expect(message).toMatch(/\bca\b|certPath/);
    // The TLS handshake failed, so no request reached the server.
    expect(emu.requests.length).toBe(before);
  });

  it('rejects `ca` text that is not PEM with a ValidationError before connecting', () => {
    expect(() => connect({ ca: 'not a certificate' })).toThrow(/options\.ca must be PEM text/);
  });
});
