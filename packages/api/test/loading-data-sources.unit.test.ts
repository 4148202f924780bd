// Data-source management builds its requests as the reference shows (§4.14, pyTigerGraph §6.3):
// the real transport over a fetch that records each request and answers with the reference's reply
// shapes. `/gsql/v1/sample-data` is checked only here (the emulator does not serve it); the other
// calls also run against the emulator in loading-data-sources.int.test.ts.
import { TigerGraphError, ValidationError } from '@tgraph/protocol';
import { createTransport } from '@tgraph/transport';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import {
  createDataSource,
  dropAllDataSources,
  dropDataSource,
  getDataSource,
  listDataSources,
  previewSampleData,
  updateDataSource,
} from '../src/loading.js';

interface Seen {
  method: string;
  url: string;
  contentType: string | null;
  body: string;
}

function recorded(reply: unknown, line: '3' | '4' = '4') {
  const seen: Seen[] = [];
  const fetch = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    seen.push({
      method: init?.method ?? 'GET',
      url,
      contentType: headers.get('content-type'),
      body:
        typeof init?.body === 'string'
          ? init.body
          : init?.body
            ? new TextDecoder().decode(init.body as Uint8Array)
            : '',
    });
    return new Response(JSON.stringify(reply), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const transport = createTransport({
    restppUrls: ['http://tg.test:9000'],
    gsqlUrl: 'http://tg.test:14240',
    fetch,
    retry: { limit: 0 },
  });
  return { seen, ctx: createContext({ transport, graph: 'MyGraph', line }) };
}

describe('data sources (4.1+) request building', () => {
  it('create / update send {"name", "config"} as JSON, graph only when given', async () => {
    const { seen, ctx } = recorded({ error: false, message: 'Data source s4 is created' });
    const config = { type: 's3', 'access.key': 'AK', 'secret.key': '' };
    expect(await createDataSource(ctx, 's4', config)).toBe('Data source s4 is created');
    expect(await createDataSource(ctx, 's5', config, { graph: 'MyGraph' })).toBe('Data source s4 is created');
    await updateDataSource(ctx, 's4', { type: 'kafka', broker: 'b:9092' });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: 'http://tg.test:14240/gsql/v1/data-sources',
        contentType: 'application/json',
        body: '{"name":"s4","config":{"type":"s3","access.key":"AK","secret.key":""}}',
      },
      {
        method: 'POST',
        url: 'http://tg.test:14240/gsql/v1/data-sources?graph=MyGraph',
        contentType: 'application/json',
        body: '{"name":"s5","config":{"type":"s3","access.key":"AK","secret.key":""}}',
      },
      {
        method: 'PUT',
        url: 'http://tg.test:14240/gsql/v1/data-sources',
        contentType: 'application/json',
        body: '{"name":"s4","config":{"type":"kafka","broker":"b:9092"}}',
      },
    ]);
  });

  it('list / get / drop / dropAll use the documented paths and return results', async () => {
    const list = recorded({ error: false, message: '', results: [{ name: 's4', type: 's3' }] });
    expect(await listDataSources(list.ctx)).toEqual([{ name: 's4', type: 's3' }]);
    const one = recorded({ error: false, message: '', results: { name: 's4', type: 's3' } });
    expect(await getDataSource(one.ctx, 's4')).toEqual({ name: 's4', type: 's3' });
    const drop = recorded({ error: false, message: 'Data source s4 is dropped.' });
    expect(await dropDataSource(drop.ctx, 's4')).toBe('Data source s4 is dropped.');
    await dropAllDataSources(drop.ctx, { graph: 'MyGraph' });
    expect([...list.seen, ...one.seen, ...drop.seen].map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET http://tg.test:14240/gsql/v1/data-sources',
      'GET http://tg.test:14240/gsql/v1/data-sources/s4',
      'DELETE http://tg.test:14240/gsql/v1/data-sources/s4',
      'DELETE http://tg.test:14240/gsql/v1/data-sources/dropAll?graph=MyGraph',
    ]);
  });

  it('previewSampleData sends graphName, dataSource, path, size and parsing', async () => {
    const { seen, ctx } = recorded({ error: false, message: '', results: [['a', 'b']] });
    expect(await previewSampleData(ctx, 's4', 'bucket/f.csv', { size: 5 })).toEqual([['a', 'b']]);
    expect(seen[0]?.url).toBe('http://tg.test:14240/gsql/v1/sample-data');
    expect(seen[0]?.body).toBe(
      '{"graphName":"MyGraph","dataSource":"s4","path":"bucket/f.csv","size":5,"parsing":{"fileFormat":"none","eol":"\\\\n"}}',
    );
  });

  it('validates before sending and refuses 3.x with the reason', async () => {
    const { seen, ctx } = recorded({ error: false, message: '' });
    await expect(createDataSource(ctx, 'bad name', { type: 's3' })).rejects.toBeInstanceOf(ValidationError);
    await expect(createDataSource(ctx, 's4', {} as never)).rejects.toThrow(/needs a `type`/);
    const v3 = recorded({ error: false, message: '' }, '3');
    const unsupported = await listDataSources(v3.ctx).catch((e: unknown) => e);
    expect(unsupported).toBeInstanceOf(TigerGraphError);
    expect((unsupported as TigerGraphError).code).toBe('TG-UNSUPPORTED');
    expect((unsupported as TigerGraphError).message).toMatch(/SHOW DATA_SOURCE/);
    expect([...seen, ...v3.seen]).toHaveLength(0);
  });
});
