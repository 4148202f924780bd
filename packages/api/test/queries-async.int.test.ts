// Detached query runs (GSQL-ASYNC), their status and result, the running-query list and aborting —
// through an AbortSignal (which also aborts the run on the server) and explicitly.
import { AbortError, NotFoundError, TigerGraphError, TimeoutError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  abortQuery,
  createQuery,
  getQueryResult,
  getQueryStatus,
  installQueries,
  listRunningQueries,
  runQuery,
  runQueryAsync,
  vertexParam,
  waitForQuery,
} from '../src/queries.js';
import { header, only, restppPath, type Setup, setup } from './vertices-edges-helpers.js';

// Counts to n, one step at a time: long enough to be seen running and aborted.
const SLOW = `CREATE QUERY slow(INT n) FOR GRAPH $graphname {
  SumAccum<INT> @@steps;
  WHILE @@steps < n LIMIT 1000000000 DO
    @@steps += 1;
  END;
  PRINT @@steps AS steps;
}`;

async function withSlow(version: string): Promise<Setup> {
  const s = await setup(version);
  await createQuery(s.ctx, SLOW);
  await installQueries(s.ctx, 'slow');
  s.clear();
  return s;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const version of ['3.10', '4.2']) {
  describe(`detached queries on TigerGraph ${version}`, () => {
    it('runs detached: GSQL-ASYNC header, request id, status, result (typed)', async () => {
      const s = await withSlow(version);
      const job = await runQueryAsync(s.ctx, 'neighbourhood', { p: vertexParam('Patient', '1000000001') });
      const submit = only(s.sent());
      expect(submit.method).toBe('POST');
      expect(restppPath(submit)).toBe('/query/MyGraph/neighbourhood');
      expect(header(submit, 'gsql-async')).toBe('true');
      expect(submit.body).toBe('{"p":{"id":"1000000001"}}');
      expect(job.requestId).toMatch(/^\d+\.RESTPP_1_1\.\d+\.N$/);
      expect(job).toMatchObject({ graph: 'MyGraph', query: 'neighbourhood' });

      s.clear();
      const statuses: string[] = [];
      const results = await waitForQuery<[{ patient: { v_id: string }[] }, ...object[]]>(s.ctx, job, {
        pollIntervalMs: 20,
        onProgress: (st) => statuses.push(String(st.status)),
      });
      expect(statuses.at(-1)).toBe('success');
      expect(results[0].patient[0]?.v_id).toBe('1000000001');
      const [status] = s.sent('GET', '/query_status');
      expect(status?.query).toEqual({ requestid: job.requestId, graph_name: 'MyGraph' });
      const [result] = s.sent('GET', '/query_result');
      expect(result?.query).toEqual({ requestid: job.requestId, graph_name: 'MyGraph' });

      expect((await getQueryStatus(s.ctx, job.requestId)).status).toBe('success');
      expect(await getQueryResult(s.ctx, job.requestId)).toEqual(results);
      await expect(getQueryStatus(s.ctx, '1.RESTPP_1_1.1.N')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('an AbortSignal while waiting aborts the run on the server with its request id', async () => {
      const s = await withSlow(version);
      const job = await runQueryAsync(s.ctx, 'slow', { n: 1_000_000_000 }, { gsqlTimeoutMs: 60_000 });
      const running = await listRunningQueries(s.ctx);
      expect(running.map((r) => r.requestid)).toContain(job.requestId);
      expect(running.find((r) => r.requestid === job.requestId)?.url).toMatch(/^\/query\/MyGraph\/slow/);

      const controller = new AbortController();
      const waiting = waitForQuery(s.ctx, job, { pollIntervalMs: 20, signal: controller.signal });
      await sleep(60);
      s.clear();
      controller.abort();
      await expect(waiting).rejects.toBeInstanceOf(AbortError);
      const abort = only(s.sent('GET', '/abortquery/MyGraph'));
      expect(abort.query).toEqual({ requestid: job.requestId });
      expect((await getQueryStatus(s.ctx, job.requestId)).status).toBe('aborted');
      expect((await listRunningQueries(s.ctx)).map((r) => r.requestid)).not.toContain(job.requestId);
    });

    it('abortQuery by id and by URL pattern; a bounded wait gives up with TimeoutError and aborts', async () => {
      const s = await withSlow(version);
      const a = await runQueryAsync(s.ctx, 'slow', { n: 1_000_000_000 }, { gsqlTimeoutMs: 60_000 });
      const b = await runQueryAsync(
        s.ctx,
        'slow',
        { n: 1_000_000_000 },
        { method: 'GET', gsqlTimeoutMs: 60_000 },
      );
      s.clear();
      const aborted = await abortQuery(s.ctx, { requestIds: [a.requestId] });
      expect(aborted.map((x) => x.requestid)).toEqual([a.requestId]);
      expect(only(s.sent()).url).toBe(
        `${s.line === '3' ? '' : '/restpp'}/abortquery/MyGraph?requestid=${encodeURIComponent(a.requestId)}`,
      );
      await expect(waitForQuery(s.ctx, a, { pollIntervalMs: 10 })).rejects.toThrow(/aborted on the server/);

      s.clear();
      const byUrl = await abortQuery(s.ctx, { url: '/query/MyGraph/slow.*' });
      expect(byUrl.map((x) => x.requestid)).toEqual([b.requestId]);
      expect(only(s.sent()).query).toEqual({ url: '/query/MyGraph/slow.*' });
      expect(await abortQuery(s.ctx, { requestIds: 'all' })).toEqual([]);

      const c = await runQueryAsync(s.ctx, 'slow', { n: 1_000_000_000 }, { gsqlTimeoutMs: 60_000 });
      const timedOut = await waitForQuery(s.ctx, c, { pollIntervalMs: 10, maxWaitMs: 50 }).catch(
        (e: unknown) => e,
      );
      expect(timedOut).toBeInstanceOf(TimeoutError);
      expect((await getQueryStatus(s.ctx, c.requestId)).status).toBe('aborted');
      await expect(abortQuery(s.ctx, {})).rejects.toBeInstanceOf(TigerGraphError);
    });

    it('aborting a synchronous run mid-way finds it in /showprocesslist and aborts it on the server', async () => {
      const s = await withSlow(version);
      const controller = new AbortController();
      const run = runQuery(
        s.ctx,
        'slow',
        { n: 1_000_000_000 },
        { gsqlTimeoutMs: 60_000, signal: controller.signal },
      );
      // Wait until the server lists the run, then abort.
      let listed: string | undefined;
      for (let i = 0; i < 100 && listed === undefined; i++) {
        await sleep(10);
        listed = (await listRunningQueries(s.ctx)).find((r) =>
          r.url?.startsWith('/query/MyGraph/slow'),
        )?.requestid;
      }
      expect(listed).toMatch(/^\d+\.RESTPP_1_1\.\d+\.N$/);
      s.clear();
      controller.abort();
      await expect(run).rejects.toBeInstanceOf(AbortError);
      // The SDK looked the run up and aborted it by its id (best effort, after the rejection).
      for (let i = 0; i < 100 && s.sent('GET', '/abortquery/MyGraph').length === 0; i++) await sleep(10);
      expect(only(s.sent('GET', '/abortquery/MyGraph')).query).toEqual({ requestid: listed });
      expect(s.sent('GET', '/showprocesslist/MyGraph').length).toBeGreaterThan(0);
      expect(await listRunningQueries(s.ctx)).toEqual([]);
    });

    it('a signal aborted before a synchronous run sends nothing (no run to abort on the server)', async () => {
      const s = await withSlow(version);
      const running = await runQueryAsync(s.ctx, 'slow', { n: 1_000_000_000 }, { gsqlTimeoutMs: 60_000 });
      s.clear();
      const error = await runQuery(s.ctx, 'slow', { n: 1 }, { signal: AbortSignal.abort() }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AbortError);
      expect(s.sent()).toHaveLength(0);
      // The other (detached) run of the same query was left alone.
      expect((await getQueryStatus(s.ctx, running.requestId)).status).toBe('running');
      await abortQuery(s.ctx, { requestIds: [running.requestId] });
    });
  });
}
