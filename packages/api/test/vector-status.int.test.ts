// getVectorStatus on 4.2 (the documented envelope → typed status) and on 4.1 (no vector search:
// a TG-UNSUPPORTED error that says which versions have it).
import { TigerGraphError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { getVectorStatus } from '../src/vertices.js';
import { env, thrown } from './schema-helpers.js';

describe('getVectorStatus', () => {
  it('reads the index status of a graph, a type and a vector on 4.2', async () => {
    const e = await env('4.2');
    e.clear();
    expect(await getVectorStatus(e.ctx)).toEqual({
      upToDate: true,
      needRebuildServers: [],
      raw: { NeedRebuildServers: [] },
    });
    expect((await getVectorStatus(e.ctx, 'Patient')).upToDate).toBe(true);
    expect(e.sent('GET').map((r) => r.path)).toEqual([
      '/restpp/vector/status/MyGraph',
      '/restpp/vector/status/MyGraph/Patient',
    ]);
    const missing = await thrown(getVectorStatus(e.ctx, 'Patient', 'embedding'));
    expect(missing).toBeInstanceOf(TigerGraphError);
    expect((missing as TigerGraphError).code).toBe('REST-30000');
    expect(e.one('GET', '/vector/status/MyGraph/Patient/embedding')).toBeDefined();
  });

  it('reports a pending rebuild from the plain and the verbose reply', async () => {
    const e = await env('4.2');
    const verboseKey = 'NeedRebuildInstances({SEGID}_{VECTOR_ID})';
    expect(await getVectorStatus(e.ctx, undefined, undefined, { verbose: true })).toEqual({
      upToDate: true,
      needRebuildServers: [],
      raw: { [verboseKey]: {} },
    });
    e.emu.setVectorRebuildPending(true);
    e.clear();
    expect(await getVectorStatus(e.ctx, 'Patient')).toEqual({
      upToDate: false,
      needRebuildServers: ['GPE_1#1'],
      raw: { NeedRebuildServers: ['GPE_1#1'] },
    });
    expect(await getVectorStatus(e.ctx, 'Patient', undefined, { verbose: true })).toEqual({
      upToDate: false,
      needRebuildServers: ['GPE_1#1'],
      raw: { [verboseKey]: { 'GPE_1#1': ['1_1'] } },
    });
    expect(e.sent('GET').map((r) => r.url.replace(/^.*\/restpp/, ''))).toEqual([
      '/vector/status/MyGraph/Patient',
      '/vector/status/MyGraph/Patient?verbose=true',
    ]);
  });

  it('says which versions have vector search on 4.1', async () => {
    const e = await env('4.1');
    const error = (await thrown(getVectorStatus(e.ctx, 'Patient'))) as TigerGraphError;
    expect(error.code).toBe('TG-UNSUPPORTED');
    expect(error.message).toContain('TigerGraph 4.2 and later');
  });
});
