// GET /vector/status (4.2+): the reference's envelope, REST-1000 before 4.2, errors for unknown
// graph, type and vector attribute.
import { describe, expect, test } from 'vitest';
import { emulator, http, VERSION_BLOCK } from './helpers.js';

describe('GET /vector/status', () => {
  test('4.2 answers with the documented envelope', async () => {
    const e = await emulator({ version: '4.2', seed: 'covid' });
    for (const path of ['/vector/status', '/vector/status/MyGraph', '/vector/status/MyGraph/Patient']) {
      const r = await http(`${e.restppUrl}${path}`);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        version: VERSION_BLOCK,
        error: false,
        message: 'fetched status success',
        results: { NeedRebuildServers: [] },
        code: 'REST-0000',
      });
    }
    const bad = await http(`${e.restppUrl}/vector/status/MyGraph/Patient/emb`);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: true, code: 'REST-30000' });
    expect((await http(`${e.restppUrl}/vector/status/Nope`)).json).toMatchObject({ code: 'REST-1004' });
    expect((await http(`${e.restppUrl}/vector/status/MyGraph/Doctor`)).json).toMatchObject({
      code: 'REST-30000',
    });
  });

  test('before 4.2 the endpoint does not exist', async () => {
    const e = await emulator({ version: '4.1', seed: 'covid' });
    const r = await http(`${e.restppUrl}/vector/status/MyGraph`);
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: true, code: 'REST-1000' });
  });
});
