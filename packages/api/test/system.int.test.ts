// System utilities against the emulator: what the server received and the typed results.
import { TigerGraphError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../src/schema.js';
import {
  clearGraphStore,
  dropAll,
  echo,
  exportDatabase,
  getEndpoints,
  getGsqlVersion,
  getLicenseInfo,
  getQueryPerformance,
  getServiceStatus,
  getStatistics,
  getSystemMetrics,
  getVersion,
  importDatabase,
  ping,
  rebuildGraph,
  recoverCatalog,
} from '../src/system.js';
import { env, header, thrown, VERSIONS } from './schema-helpers.js';

for (const version of VERSIONS) {
  describe(`system utilities on TigerGraph ${version}`, async () => {
    const e = await env(version);
    const restpp = e.line === '4' ? '/restpp' : '';

    it('echo: GET and POST /echo', async () => {
      e.clear();
      expect(await echo(e.ctx)).toBe('Hello GSQL');
      expect(await echo(e.ctx, { method: 'POST' })).toBe('Hello GSQL');
      expect(e.sent().map((r) => `${r.method} ${r.url}`)).toEqual([
        `GET ${restpp}/echo`,
        `POST ${restpp}/echo`,
      ]);
      expect(e.sent()[1]?.body).toBe('');
    });

    it('ping: GET /api/ping on the GSQL port', async () => {
      e.clear();
      expect(await ping(e.ctx)).toEqual({ error: false, message: 'pong' });
      expect(e.one('GET', '/api/ping').listener).toBe('gs');
    });

    it('version: GET /version parsed into the product version and components', async () => {
      e.clear();
      const v = await getVersion(e.ctx);
      expect(e.one('GET', '/version').url).toBe(`${restpp}/version`);
      expect(v.version).toBe(e.emu.version);
      expect(v.components[0]).toEqual({
        name: 'product',
        version: `release_${e.emu.version}_01-15-2025`,
        hash: 'e0a5c4d5b3f2a1908f7e6d5c4b3a29181706f5e4',
        datetime: '2025-01-15 10:00:00 -0800',
      });
      expect(v.components.map((c) => c.name)).toContain('gpe');
      expect(v.message.startsWith('TigerGraph RESTPP:\n')).toBe(true);
      const g = await getGsqlVersion(e.ctx);
      expect(g.version).toBe(e.emu.version);
      expect(g.text.split('\n')[0]).toBe(`GSQL version: ${e.emu.version}`);
      expect(e.one('GET', e.line === '4' ? '/gsql/v1/version' : '/gsqlserver/gsql/version').listener).toBe(
        'gs',
      );
    });

    it('endpoints: GET /endpoints/{graph} with the selected kinds as flags', async () => {
      e.clear();
      const eps = await getEndpoints(e.ctx, { builtin: true });
      expect(e.one('GET', '/endpoints/MyGraph').url).toBe(`${restpp}/endpoints/MyGraph?builtin=true`);
      expect(eps['GET /echo']).toEqual({ parameters: { sleep: { default: '0', type: 'INT32' } } });
      expect(eps['GET /version']).toBeNull();
    });

    it('statistics and query performance: GET /statistics/{graph}', async () => {
      await echo(e.ctx);
      await getSchema(e.ctx, { refresh: true });
      // Count some vertex reads so that the statistics have an endpoint to report.
      await e.ctx.transport.request({
        service: 'restpp',
        method: 'GET',
        path: '/graph/MyGraph/vertices/Patient',
        searchParams: { limit: 1 },
      });
      e.clear();
      const stats = await getStatistics(e.ctx, { seconds: 60, segments: 4 });
      expect(e.one('GET', '/statistics/MyGraph').url).toBe(
        `${restpp}/statistics/MyGraph?seconds=60&segments=4`,
      );
      const reads = stats['GET /graph/{graph_name}/vertices/{vertex_type}'];
      expect(reads?.CompletedRequests).toBeGreaterThanOrEqual(1);
      expect(reads?.LatencyPercentile).toHaveLength(4);
      e.clear();
      await getQueryPerformance(e.ctx, 5);
      expect(e.one('GET', '/statistics/MyGraph').url).toBe(`${restpp}/statistics/MyGraph?seconds=5`);
      expect(await thrown(getStatistics(e.ctx, { seconds: 61 }))).toBeInstanceOf(ValidationError);
    });

    it('license: GET /showlicenseinfo', async () => {
      e.clear();
      const before = e.emu.clock.now();
      const info = await getLicenseInfo(e.ctx);
      const after = e.emu.clock.now();
      expect(e.one('GET', '/showlicenseinfo').url).toBe(`${restpp}/showlicenseinfo`);
      expect(info).toMatchObject({ licensed: true, daysRemaining: 365, message: '' });
      // A year from when the server answered, stated to the second (toUTCString).
      const expires = Date.parse(info.expirationDate ?? '');
      expect(new Date(expires).toUTCString()).toBe(info.expirationDate);
      expect(expires).toBeGreaterThanOrEqual(Math.floor((before + 365 * 86_400_000) / 1000) * 1000);
      expect(expires).toBeLessThanOrEqual(after + 365 * 86_400_000);
    });

    it('rebuild: GET /rebuildnow/{graph} with its parameters', async () => {
      e.clear();
      const r = await rebuildGraph(e.ctx, {
        threads: 2,
        vertexType: 'Patient',
        segmentId: 0,
        path: '/tmp/rb',
        force: true,
      });
      expect(e.one('GET', '/rebuildnow/MyGraph').url).toBe(
        `${restpp}/rebuildnow/MyGraph?threadnum=2&vertextype=Patient&segid=0&path=%2Ftmp%2Frb&force=true`,
      );
      expect(r.message).toBe('RebuildNow finished, please check details in the folder: /tmp/rb');
    });

    it('system metrics per line', async () => {
      e.clear();
      if (e.line === '4') {
        const m = await getSystemMetrics(e.ctx, {
          what: 'mem',
          latest: 3,
          fromNs: 1n,
          toNs: 2_000_000_000_000_000_000n,
          where: 'm1',
        });
        const r = e.one('POST', '/informant/metrics/get/cpu-memory');
        expect(r.listener).toBe('gs');
        expect(header(r, 'content-type')).toBe('application/json');
        expect(JSON.parse(r.body)).toEqual({
          TimeRange: { StartTimestampNS: '1', EndTimestampNS: '2000000000000000000' },
          LatestNum: '3',
          HostID: 'm1',
        });
        expect(m.line).toBe('4');
        if (m.line === '4') expect(Array.isArray(m.metrics.CPUMemoryMetrics)).toBe(true);
        expect(await thrown(getSystemMetrics(e.ctx, { what: 'servicestate' }))).toBeInstanceOf(
          ValidationError,
        );
      } else {
        const m = await getSystemMetrics(e.ctx, { what: 'mem', latest: 2, who: 'GPE#1', where: 'm1' });
        expect(e.one('GET', '/ts3/api/datapoints').url).toBe(
          '/ts3/api/datapoints?what=mem&latest=2&who=GPE%231&where=m1',
        );
        expect(m.line).toBe('3');
        if (m.line === '3') {
          expect(m.datapoints).toHaveLength(2);
          expect(m.datapoints[0]).toMatchObject({ what: 'mem', who: 'GPE#1', where: 'm1' });
        }
      }
    });

    it('service status: POST /informant/current-service-status', async () => {
      e.clear();
      const events = await getServiceStatus(e.ctx, [{ ServiceName: 'GPE', Partition: 1, Replica: 1 }]);
      const r = e.one('POST', '/informant/current-service-status');
      expect(JSON.parse(r.body)).toEqual({
        ServiceDescriptors: [{ ServiceName: 'GPE', Partition: 1, Replica: 1 }],
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        ServiceDescriptor: { ServiceName: 'GPE' },
        ServiceStatus: 'Online',
        ProcessState: 'Running',
      });
    });

    if (version === '4.2') {
      it('export and import the database (4.1+)', async () => {
        e.clear();
        const out = await exportDatabase(e.ctx, {
          path: '/tmp/tg-export',
          schema: true,
          data: true,
          password: 'exp0rt-pw',
        });
        const r = e.one('POST', '/gsql/v1/db-export');
        expect(JSON.parse(r.body)).toEqual({
          path: '/tmp/tg-export',
          graphNames: ['*'],
          schema: true,
          template: false,
          data: true,
          users: false,
          separator: '\u001d',
          eol: '\u001c',
          password: 'exp0rt-pw',
        });
        expect(r.body).toContain('"separator":"\\u001d"');
        expect(out.message).toBe('Successfully exported database.');
        e.clear();
        expect(await importDatabase(e.ctx, { path: '/tmp/tg-export', keepUsers: true })).toEqual({
          message: 'Successfully imported database.',
        });
        expect(JSON.parse(e.one('POST', '/gsql/v1/db-import').body)).toEqual({
          path: '/tmp/tg-export',
          graphNames: ['*'],
          keepUsers: true,
        });
        const missing = await thrown(importDatabase(e.ctx, { path: '/tmp/nothing' }));
        expect(missing).toBeInstanceOf(TigerGraphError);
        expect(missing.message).toContain('does not hold an export');
        // A password the server echoes never reaches the error.
        const echoed = await thrown(
          importDatabase(e.ctx, { path: '/tmp/pw-Imp0rtSecret', password: 'Imp0rtSecret' }),
        );
        expect(echoed).toBeInstanceOf(TigerGraphError);
        expect(echoed.message).toContain('/tmp/pw-***');
        expect(echoed.message).not.toContain('Imp0rtSecret');
        expect(JSON.stringify(echoed)).not.toContain('Imp0rtSecret');
      });
    } else {
      it('export and import are 4.1+ only', async () => {
        e.clear();
        const error = await thrown(exportDatabase(e.ctx, { path: '/tmp/x' }));
        expect((error as TigerGraphError).code).toBe('TG-UNSUPPORTED');
        expect(error.message).toContain('EXPORT GRAPH ALL');
        expect(e.sent()).toHaveLength(0);
      });
    }

    it('recovers the catalog on 4.1+', async () => {
      e.clear();
      if (e.line === '4') {
        expect(await recoverCatalog(e.ctx)).toEqual({ message: 'Recover schema succeed!' });
        const r = e.one('POST', '/gsql/v1/schema/recover');
        expect(header(r, 'content-type')).toBe('text/plain');
        expect(r.body).toBe('');
      } else {
        expect(((await thrown(recoverCatalog(e.ctx))) as TigerGraphError).code).toBe('TG-UNSUPPORTED');
        expect(e.sent()).toHaveLength(0);
      }
    });

    it('clear the graph store, then drop everything', async () => {
      e.clear();
      expect(await clearGraphStore(e.ctx)).toEqual({ message: 'Successfully cleared graph store.' });
      expect(
        e.one('GET', e.line === '4' ? '/gsql/v1/clear-store' : '/gsqlserver/gsql/clear-store').listener,
      ).toBe('gs');
      const count = await e.ctx.transport.request<{ results: { count: number }[] }>({
        service: 'restpp',
        method: 'POST',
        path: '/builtins/MyGraph',
        json: { function: 'stat_vertex_number', type: 'Patient' },
      });
      expect(count.data.results[0]?.count).toBe(0);
      e.clear();
      await dropAll(e.ctx);
      if (e.line === '4') expect(e.one('GET', '/gsql/v1/drop-all').url).toBe('/gsql/v1/drop-all');
      else expect(e.one('POST', '/gsqlserver/gsql/file').body).toBe('DROP+ALL');
      expect(await thrown(getSchema(e.ctx, { refresh: true }))).toBeInstanceOf(TigerGraphError);
    });
  });
}
