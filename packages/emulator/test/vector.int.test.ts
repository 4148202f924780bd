// GET /vector/status (4.2+): the reference's envelope, REST-1000 before 4.2, errors for unknown
// graph, type and vector attribute.
import { describe, expect, test } from 'vitest';
import { connectControl } from '../src/client.js';
import { startControlServer } from '../src/index.js';
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

  test('a pending rebuild is reported plain and verbose, then clears', async () => {
    const e = await emulator({ version: '4.2', seed: 'covid' });
    const envelope = (results: unknown) => ({
      version: VERSION_BLOCK,
      error: false,
      message: 'fetched status success',
      results,
      code: 'REST-0000',
    });
    const verboseKey = 'NeedRebuildInstances({SEGID}_{VECTOR_ID})';
    expect((await http(`${e.restppUrl}/vector/status/MyGraph?verbose=true`)).json).toEqual(
      envelope({ [verboseKey]: {} }),
    );
    e.setVectorRebuildPending(true);
    expect((await http(`${e.restppUrl}/vector/status/MyGraph/Patient`)).json).toEqual(
      envelope({ NeedRebuildServers: ['GPE_1#1'] }),
    );
    expect((await http(`${e.restppUrl}/vector/status/MyGraph?verbose=true`)).json).toEqual(
      envelope({ [verboseKey]: { 'GPE_1#1': ['1_1'] } }),
    );
    e.setVectorRebuildPending(false);
    expect((await http(`${e.restppUrl}/vector/status`)).json).toEqual(envelope({ NeedRebuildServers: [] }));
  });

  test('the control API sets the pending rebuild', async () => {
    const control = await startControlServer();
    try {
      const client = connectControl(control.url);
      const h = await client.create({ version: '4.2', seed: 'covid' });
      await client.setVectorRebuildPending(h.id, true);
      const r = await http(`${h.restppUrl}/vector/status/MyGraph`);
      expect(r.json).toMatchObject({ results: { NeedRebuildServers: ['GPE_1#1'] } });
    } finally {
      await control.stop();
    }
  });

  test('before 4.2 the endpoint does not exist', async () => {
    const e = await emulator({ version: '4.1', seed: 'covid' });
    const r = await http(`${e.restppUrl}/vector/status/MyGraph`);
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ error: true, code: 'REST-1000' });
  });
});
