// HTTPS: the emulator serves TLS with the key/cert it is given (a self-signed fixture here).
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { expect, test } from 'vitest';
import { emulator } from './helpers.js';

const key = readFileSync(new URL('./fixtures/tls-key.pem', import.meta.url));
const cert = readFileSync(new URL('./fixtures/tls-cert.pem', import.meta.url));

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: cert }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('tls option serves https on every listener', async () => {
  const e = await emulator({ version: '4.2', tls: { key, cert } });
  expect(e.restppUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(e.gsUrl).toMatch(/^https:/);
  expect(await get(`${e.restppUrl}/echo`)).toEqual({
    status: 200,
    body: '{"error":false,"message":"Hello GSQL"}',
  });
  expect((await get(`${e.gsUrl}/restpp/echo`)).status).toBe(200);
  await expect(fetch(`${e.restppUrl.replace('https', 'http')}/echo`)).rejects.toThrow();
});
