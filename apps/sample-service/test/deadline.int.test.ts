// Deadlines: a request that outlives its deadline is answered 504 and its TigerGraph call is
// aborted (here a CSV upload whose body stalls half-way).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../src/routes/import.js';
import { type Stack, startStack } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { IMPORT_TIMEOUT_MS: '500' } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('request deadline', () => {
  it('answers 504 problem+json when an import stalls past its deadline', async () => {
    // node:http, because fetch only shows a response after the whole (half-duplex) body is sent.
    const req = request(`${stack.url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
    });
    const response = new Promise<{ status: number | undefined; type: string | undefined; body: string }>(
      (resolve, reject) => {
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
        });
        req.on('error', reject);
      },
    );
    // The header and one row, then nothing more: the uploader hangs.
    req.write(`${CSV_HEADER}\n8000000001,male,1990,stall,2020-01-01,,\n`);
    const res = await response;
    req.destroy();
    expect(res.status).toBe(504);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'https://tgraph.dev/problems/deadline',
      status: 504,
      detail: 'The request took longer than the service allows; try again or narrow it.',
      instance: '/api/import',
    });
    // The stalled load did not wedge anything: the next requests are served.
    expect((await stack.get('/readyz')).status).toBe(200);
    expect((await stack.get('/api/patients?limit=1')).status).toBe(200);
  });
});
