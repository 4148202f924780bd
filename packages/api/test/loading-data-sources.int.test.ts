// Data sources against the emulator (4.x; 3.x refuses with the reason before sending): the request
// the server received and the typed result.
import { NotFoundError, TigerGraphError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  createDataSource,
  dropAllDataSources,
  dropDataSource,
  getDataSource,
  grantDataSource,
  listDataSources,
  revokeDataSource,
  updateDataSource,
} from '../src/loading.js';
import { header, only, setup } from './vertices-edges-helpers.js';

describe('data sources on TigerGraph 4.2', () => {
  it('creates, lists, reads, updates, grants, revokes and drops data sources', async () => {
    const s = await setup('4.2');
    s.clear();
    expect(
      await createDataSource(s.ctx, 's3_raw', { type: 's3', 'access.key': 'AKIA1', 'secret.key': 'shh' }),
    ).toBe('Data source s3_raw is created');
    const create = only(s.sent());
    expect(create.method).toBe('POST');
    expect(create.path).toBe('/gsql/v1/data-sources');
    expect(create.query).toEqual({});
    expect(header(create, 'content-type')).toBe('application/json');
    expect(create.body).toBe(
      '{"name":"s3_raw","config":{"type":"s3","access.key":"AKIA1","secret.key":"shh"}}',
    );

    await createDataSource(s.ctx, 'kafka_in', { type: 'kafka', broker: 'k:9092' }, { graph: 'MyGraph' });
    expect(s.sent().at(-1)?.url).toBe('/gsql/v1/data-sources?graph=MyGraph');

    const list = await listDataSources(s.ctx);
    expect(list.map((d) => d.name)).toEqual(['s3_raw', 'kafka_in']);
    const one = await getDataSource(s.ctx, 's3_raw');
    expect(one).toMatchObject({ name: 's3_raw', type: 's3' });
    expect(JSON.stringify(one)).not.toContain('shh'); // the server masks credentials

    s.clear();
    expect(
      await updateDataSource(s.ctx, 's3_raw', { type: 's3', 'access.key': 'AKIA2', 'secret.key': 'new' }),
    ).toBe('Data source s3_raw is updated');
    const put = only(s.sent());
    expect(put.method).toBe('PUT');
    expect(put.path).toBe('/gsql/v1/data-sources');
    expect(JSON.parse(put.body)).toEqual({
      name: 's3_raw',
      config: { type: 's3', 'access.key': 'AKIA2', 'secret.key': 'new' },
    });

    s.clear();
    expect(await grantDataSource(s.ctx, 's3_raw', ['MyGraph'])).toContain('granted');
    expect(only(s.sent()).body).toBe('{"graphs":["MyGraph"],"datasource":"s3_raw"}');
    expect((await getDataSource(s.ctx, 's3_raw')).graphs).toEqual(['MyGraph']);
    expect(await revokeDataSource(s.ctx, 's3_raw', ['MyGraph'])).toContain('revoked');
    expect((await getDataSource(s.ctx, 's3_raw')).graphs).toEqual([]);

    s.clear();
    expect(await dropDataSource(s.ctx, 's3_raw')).toBe('Data source s3_raw is dropped.');
    expect(only(s.sent())).toMatchObject({ method: 'DELETE', path: '/gsql/v1/data-sources/s3_raw' });
    await expect(getDataSource(s.ctx, 's3_raw')).rejects.toBeInstanceOf(NotFoundError);
    s.clear();
    await dropAllDataSources(s.ctx, { graph: 'MyGraph' });
    expect(only(s.sent()).url).toBe('/gsql/v1/data-sources/dropAll?graph=MyGraph');
    expect(await listDataSources(s.ctx)).toEqual([]);
  });
});

describe('data sources on TigerGraph 3.10', () => {
  it('refuses with the GSQL alternative and sends nothing', async () => {
    const s = await setup('3.10');
    s.clear();
    const error = await createDataSource(s.ctx, 's3_raw', { type: 's3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TigerGraphError);
    expect((error as TigerGraphError).code).toBe('TG-UNSUPPORTED');
    expect((error as TigerGraphError).message).toMatch(/CREATE DATA_SOURCE/);
    expect(s.sent()).toHaveLength(0);
  });
});
