// Loading against the emulator (3.x and 4.x layouts): /ddl with every data source kind, streamed
// (one chunked-transfer request) or cut at line ends (several requests), progress, typed statistics,
// and loading-job management. Asserts the requests the server received and what got loaded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuth } from '@tgraph/auth';
import { GsqlError, NotFoundError, TigerGraphError, ValidationError } from '@tgraph/protocol';
import { createTransport } from '@tgraph/transport';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import {
  abortLoadingJobs,
  createLoadingJob,
  dropLoadingJob,
  getLoadingJob,
  getLoadingJobStatus,
  type LoadProgress,
  listLoadingJobs,
  loadData,
  resumeLoadingJob,
  startLoadingJob,
} from '../src/loading.js';
import { header, restppPath, type Setup, setup } from './vertices-edges-helpers.js';

const GSQL = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, age INT)
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since INT)
CREATE GRAPH MyGraph (*)`;

const JOB = `CREATE LOADING JOB load_people FOR GRAPH $graphname {
  DEFINE FILENAME people;
  DEFINE FILENAME knows;
  LOAD people TO VERTEX Person VALUES ($0, $1, $2);
  LOAD knows TO EDGE Knows VALUES ($0, $1, $2);
}`;

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.splice(0)) await close();
});

async function withJob(version: string): Promise<Setup> {
  const s = await setup(version, { seed: 'empty', gsqlScript: GSQL });
  await createLoadingJob(s.ctx, JOB);
  s.clear();
  return s;
}

/** A second, fresh context on the same emulator whose transport streams request bodies (Node's fetch can). */
function streamingCtx(s: Setup) {
  const transport = createTransport({
    restppUrls: [s.line === '3' ? s.emu.restppUrl : s.emu.restppViaGsUrl],
    gsqlUrl: s.emu.gsUrl,
    auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
    line: s.line,
    graph: 'MyGraph',
    retry: { limit: 0 },
    fetch: globalThis.fetch,
    capabilities: { runtime: 'node', streamingRequestBody: true, customCa: false },
  });
  closers.push(() => transport.close());
  return createContext({ transport, graph: 'MyGraph', line: s.line });
}

async function personCount(s: Setup): Promise<number> {
  const r = await s.ctx.transport.request<{ results: { count: number }[] }>({
    service: 'restpp',
    method: 'POST',
    path: '/builtins/MyGraph',
    json: { function: 'stat_vertex_number', type: 'Person' },
  });
  return r.data.results[0]?.count ?? 0;
}

const people = (from: number, to: number) =>
  Array.from(
    { length: to - from },
    (_, i) => `p${from + i},Name ${from + i},${20 + ((from + i) % 50)}\n`,
  ).join('');

async function* generated(lines: number, perChunk: number) {
  for (let i = 0; i < lines; i += perChunk) yield people(i, Math.min(lines, i + perChunk));
}

for (const version of ['3.10', '4.2']) {
  describe(`loading on TigerGraph ${version}`, () => {
    it('loads a string: literal /ddl request, typed statistics, rejected lines counted', async () => {
      const s = await withJob(version);
      const progress: LoadProgress[] = [];
      const result = await loadData(s.ctx, 'load_people', 'people', 'a,Ann,30\nb,Bo,41\nbroken\nc,Cy,25\n', {
        separator: ',',
        eol: '\n',
        gsqlTimeoutMs: 20_000,
        onProgress: (p) => progress.push(p),
      });
      const [req, ...more] = s.sent();
      expect(more).toHaveLength(0);
      expect(req?.method).toBe('POST');
      expect(restppPath(req as never)).toBe('/ddl/MyGraph');
      expect(req?.url.split('?')[1]).toBe('tag=load_people&filename=people&sep=%2C&eol=%0A');
      expect(header(req as never, 'content-type')).toBe('text/plain; charset=utf-8');
      expect(header(req as never, 'content-length')).toBe('32');
      expect(header(req as never, 'gsql-timeout')).toBe('20000');

      expect(result).toMatchObject({ bytes: 32, lines: 4, requests: 1 });
      expect(progress.at(-1)).toEqual({ bytes: 32, lines: 4, requests: 1 });
      const st = result.statistics;
      expect(st.sourceFileName).toBe('Online_POST');
      expect(st.validLines).toBe(3);
      expect(st.rejectedLines).toBe(1);
      expect(st.fileLevel.notEnoughToken).toBe(1);
      expect(st.vertices).toEqual([expect.objectContaining({ typeName: 'Person', validObject: 3 })]);
      expect(await personCount(s)).toBe(3);
    });

    it('streams an async iterable in one chunked request when the adapter streams bodies', async () => {
      const s = await withJob(version);
      const ctx = streamingCtx(s);
      s.clear();
      const progress: LoadProgress[] = [];
      const result = await loadData(ctx, 'load_people', 'people', generated(20_000, 500), {
        onProgress: (p) => progress.push(p),
      });
      // The fresh context first makes one cheap RESTPP call, so that 3.x basic auth can trade the
      // password for a token before the (unrepeatable) streamed body goes out.
      const echoes = s.sent('GET').filter((r) => restppPath(r) === '/echo');
      expect(echoes.map((r) => r.status)).toEqual(s.line === '3' ? [401, 200] : [200]);
      const reqs = s.sent('POST').filter((r) => restppPath(r) === '/ddl/MyGraph');
      expect(reqs).toHaveLength(1);
      expect(header(reqs[0] as never, 'transfer-encoding')).toBe('chunked');
      expect(header(reqs[0] as never, 'content-length')).toBeUndefined();
      expect(reqs[0]?.query).toEqual({ tag: 'load_people', filename: 'people' });
      expect(result.requests).toBe(1);
      expect(result.lines).toBe(20_000);
      expect(result.statistics.validLines).toBe(20_000);
      expect(result.statistics.vertices[0]?.validObject).toBe(20_000);
      // Progress was reported while the body was being sent, not only at the end.
      expect(progress.length).toBeGreaterThan(10);
      expect(progress.map((p) => p.lines)).toEqual([...progress.map((p) => p.lines)].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual({ bytes: result.bytes, lines: 20_000, requests: 1 });
      expect(await personCount(s)).toBe(20_000);
    });

    it('cuts a stream at line ends into several requests without a streaming adapter; sums statistics', async () => {
      const s = await withJob(version);
      const data = people(0, 300);
      const stream = new Blob([data]).stream();
      const result = await loadData(s.ctx, 'load_people', 'people', stream, { chunkBytes: 2_000 });
      const reqs = s.sent('POST');
      expect(reqs.length).toBe(result.requests);
      expect(result.requests).toBeGreaterThanOrEqual(3);
      const sizes = reqs.map((r) => Number(header(r, 'content-length')));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(new TextEncoder().encode(data).length);
      for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(2_000);
      expect(result.statistics.validLines).toBe(300);
      expect(result.statistics.rejectedLines).toBe(0);
      expect(await personCount(s)).toBe(300);
    });

    it('cuts a Blob (a File) into slices of itself at line ends without a streaming adapter', async () => {
      const s = await withJob(version);
      const data = people(0, 300);
      const progress: LoadProgress[] = [];
      const result = await loadData(s.ctx, 'load_people', 'people', new Blob([data]), {
        chunkBytes: 2_000,
        onProgress: (p) => progress.push(p),
      });
      const reqs = s.sent('POST');
      expect(reqs.length).toBe(result.requests);
      expect(result.requests).toBeGreaterThanOrEqual(3);
      // Every body is a run of whole lines, in order, together exactly the data.
      expect(reqs.map((r) => r.body).join('')).toBe(data);
      for (const r of reqs) {
        expect(r.body.endsWith('\n')).toBe(true);
        expect(header(r, 'content-type')).toBe('text/plain; charset=utf-8');
        expect(Number(header(r, 'content-length'))).toBe(new TextEncoder().encode(r.body).length);
      }
      for (const r of reqs.slice(0, -1))
        expect(new TextEncoder().encode(r.body).length).toBeGreaterThanOrEqual(2_000);
      expect(result).toMatchObject({ lines: 300, bytes: new TextEncoder().encode(data).length });
      expect(progress.map((p) => p.requests)).toEqual(reqs.map((_, i) => i + 1));
      expect(progress.at(-1)).toEqual({ bytes: result.bytes, lines: 300, requests: result.requests });
      expect(result.statistics.validLines).toBe(300);
      expect(await personCount(s)).toBe(300);
    });

    it('a Blob larger than its read buffer: parts cut across reads keep every byte in order', async () => {
      const s = await withJob(version);
      const data = people(0, 30_000); // ~600 KB: several reads of the reused 256 KiB buffer
      // Parts stay under 64 KiB, the body prefix the emulator's request log keeps for /ddl.
      const result = await loadData(s.ctx, 'load_people', 'people', new Blob([data]), { chunkBytes: 40_000 });
      const reqs = s.sent('POST');
      expect(reqs.length).toBe(result.requests);
      expect(reqs.length).toBeGreaterThan(5);
      expect(reqs.map((r) => r.body).join('')).toBe(data);
      expect(result.lines).toBe(30_000);
      expect(result.statistics.validLines).toBe(30_000);
    });

    it('a header line is announced on the first request only when the data is cut', async () => {
      const s = await withJob(version);
      const data = `id,name,age\n${people(0, 100)}`;
      const result = await loadData(s.ctx, 'load_people', 'people', new Blob([data]).stream(), {
        header: true,
        chunkBytes: 800,
      });
      const reqs = s.sent('POST');
      expect(reqs.length).toBeGreaterThan(1);
      expect(reqs[0]?.query).toMatchObject({ header: 'true' });
      for (const r of reqs.slice(1)) expect(r.query).not.toHaveProperty('header');
      expect(result.lines).toBe(101);
      expect(result.statistics.validLines).toBe(100);
      expect(await personCount(s)).toBe(100);
    });

    it('takes bytes, Blob, ReadableStream and sync iterables; \\r\\n line ends and a custom separator', async () => {
      const s = await withJob(version);
      const bytes = new TextEncoder().encode('a,Ann,30\nb,Bo,41\n');
      expect((await loadData(s.ctx, 'load_people', 'people', bytes)).statistics.validLines).toBe(2);
      expect(
        (await loadData(s.ctx, 'load_people', 'people', new Blob(['c,Cy,25\n']))).statistics.validLines,
      ).toBe(1);
      const rs = new ReadableStream<string>({
        start(c) {
          c.enqueue('d|Di|33\r\n');
          c.enqueue('e|Ed|34\r\n');
          c.close();
        },
      });
      s.clear();
      const piped = await loadData(s.ctx, 'load_people', 'people', rs, { separator: '|', eol: '\r\n' });
      expect(s.sent()[0]?.url.split('?')[1]).toBe('tag=load_people&filename=people&sep=%7C&eol=%0D%0A');
      expect(piped).toMatchObject({ lines: 2, requests: 1 });
      expect(piped.statistics.validLines).toBe(2);
      const edges = await loadData(s.ctx, 'load_people', 'knows', ['a,b,2019\n', 'b,c,2020\n']);
      expect(edges.statistics.edges).toEqual([
        expect.objectContaining({ typeName: 'Knows', validObject: 2 }),
      ]);
      expect(await personCount(s)).toBe(5);
    });

    it('rejects bad input before sending and surfaces server errors as typed errors', async () => {
      const s = await withJob(version);
      await expect(loadData(s.ctx, 'load_people', 'people', 'x', { eol: '\n\n\n' })).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(loadData(s.ctx, '', 'people', 'x')).rejects.toThrow(/loading job's name/);
      await expect(loadData(s.ctx, 'load_people', 'people', 42 as never)).rejects.toThrow(
        /cannot read data of type number/,
      );
      await expect(loadData(s.ctx, 'load_people', 'people', 'x', { chunkBytes: 0 })).rejects.toThrow(
        /chunkBytes/,
      );
      expect(s.sent()).toHaveLength(0);
      const missing = await loadData(s.ctx, 'no_such_job', 'people', 'a,b,1\n').catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(TigerGraphError);
      expect(s.sent()).toHaveLength(1);
    });

    it('manages loading jobs: list, show, start from a server file, status, pause/resume/stop, drop', async () => {
      const s = await withJob(version);
      expect(await listLoadingJobs(s.ctx)).toEqual(['load_people']);
      const shown = await getLoadingJob(s.ctx, 'load_people');
      expect(shown.name).toBe('load_people');
      expect(shown.text).toContain('DEFINE FILENAME people');

      const dir = mkdtempSync(join(tmpdir(), 'tgraph-load-'));
      const file = join(dir, 'people.csv');
      writeFileSync(file, people(0, 25));
      const knows = join(dir, 'knows.csv');
      writeFileSync(knows, 'p0,p1,2020\np1,p2,2021\n');
      const sources = [
        { filename: 'people', name: 'file', path: file },
        { filename: 'knows', name: 'file', path: knows },
      ];
      s.clear();
      const [jobId] = await startLoadingJob(s.ctx, 'load_people', sources);
      expect(jobId).toEqual(expect.any(String));
      const start = s.sent()[0];
      expect(start?.method).toBe('POST');
      if (s.line === '3') {
        expect(start?.path).toBe('/gsqlserver/gsql/loading-jobs');
        expect(start?.query).toEqual({ action: 'start', graph: 'MyGraph' });
        expect(JSON.parse(start?.body ?? '')).toEqual({
          jobs: [{ streaming: false, name: 'load_people', dataSources: sources }],
        });
      } else {
        expect(start?.path).toBe('/gsql/v1/loading-jobs/run');
        expect(start?.query).toEqual({ graph: 'MyGraph' });
        expect(header(start as never, 'content-type')).toBe('application/json');
        expect(JSON.parse(start?.body ?? '')).toEqual([{ name: 'load_people', dataSources: sources }]);
      }
      expect(await personCount(s)).toBe(25);

      s.clear();
      const [status] = await getLoadingJobStatus(s.ctx, [jobId as string]);
      const statusReq = s.sent()[0];
      if (s.line === '3')
        expect(statusReq?.query).toEqual({ action: 'getprogress', jobId, graph: 'MyGraph' });
      else expect(statusReq?.query).toEqual({ jobIds: jobId, graph: 'MyGraph' });
      expect(status?.jobId).toBe(jobId);
      expect(status?.statistics?.validLines).toBe(27);
      expect(status?.statistics?.edges[0]).toMatchObject({ typeName: 'Knows', validObject: 2 });
      expect(status?.statistics?.vertices[0]).toMatchObject({ typeName: 'Person', validObject: 25 });
      expect(status?.overall.progress).toBe(100);

      s.clear();
      expect(await abortLoadingJobs(s.ctx, [jobId as string], { pause: true })).toContain(jobId);
      expect(await resumeLoadingJob(s.ctx, jobId as string)).toContain(jobId);
      expect(await abortLoadingJobs(s.ctx, [jobId as string])).toContain(jobId);
      const [pause, resume] = s.sent();
      if (s.line === '3') {
        expect(pause?.query).toEqual({ action: 'pause', jobId, graph: 'MyGraph' });
        expect(resume?.query).toEqual({ action: 'resume', jobId, graph: 'MyGraph' });
      } else {
        expect(pause?.path).toBe('/gsql/v1/loading-jobs/abort');
        expect(pause?.query).toEqual({ jobIds: jobId, isPause: 'true', graph: 'MyGraph' });
        expect(resume?.path).toBe(`/gsql/v1/loading-jobs/resume/${encodeURIComponent(jobId as string)}`);
      }

      await dropLoadingJob(s.ctx, 'load_people');
      expect(await listLoadingJobs(s.ctx)).toEqual([]);
      await expect(startLoadingJob(s.ctx, 'load_people', sources)).rejects.toBeInstanceOf(TigerGraphError);
    });

    it('creates jobs from GSQL text (4.x REST with text/plain, 3.x GSQL); a bad job is a typed error', async () => {
      const s = await setup(version, { seed: 'empty', gsqlScript: GSQL });
      s.clear();
      await createLoadingJob(s.ctx, JOB);
      const req = s.sent()[0];
      if (s.line === '4') {
        expect(req?.path).toBe('/gsql/v1/loading-jobs');
        expect(req?.query).toEqual({ graph: 'MyGraph' });
        expect(header(req as never, 'content-type')).toBe('text/plain');
        expect(req?.body).toBe(JOB.replace('$graphname', 'MyGraph'));
      } else {
        expect(req?.path).toBe('/gsqlserver/gsql/file');
      }
      const bad = await createLoadingJob(
        s.ctx,
        'CREATE LOADING JOB bad FOR GRAPH MyGraph { DEFINE FILENAME f; LOAD f TO VERTEX Nope VALUES ($0); }',
      ).catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(TigerGraphError);
      if (s.line === '3') expect(bad).toBeInstanceOf(GsqlError);
      await expect(createLoadingJob(s.ctx, 'DROP ALL')).rejects.toBeInstanceOf(ValidationError);
    });
  });
}

for (const version of ['3.10', '4.2']) {
  describe(`what a load reports on TigerGraph ${version}`, () => {
    it('a filename variable the job does not define is a NotFoundError, never a success', async () => {
      const s = await withJob(version);
      const error = await loadData(s.ctx, 'load_people', 'peeple', 'a,Ann,30\n').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toMatch(
        /Loading job 'load_people' of graph MyGraph has no DEFINE FILENAME peeple: the server loaded nothing/,
      );
      expect(await personCount(s)).toBe(0);
      // What the server answers such a run: no error and an empty results list (GLE-4684).
      const raw = await s.ctx.transport.request<{ error: boolean; results: unknown[] }>({
        service: 'restpp',
        method: 'POST',
        path: '/ddl/MyGraph',
        searchParams: { tag: 'load_people', filename: 'peeple' },
        body: 'a,Ann,30\n',
      });
      expect(raw.data).toMatchObject({ error: false, results: [] });
    });

    it('counts what was loaded and every rejection counter, invalidAttribute included', async () => {
      const s = await withJob(version);
      const result = await loadData(s.ctx, 'load_people', 'people', 'a,Ann,30\nb,Bo,old\nshort\n');
      expect(result.loadedObjects).toBe(1);
      expect(result.rejections).toEqual({ invalidAttribute: 1, notEnoughToken: 1, rejectLine: 1 });
      const clean = await loadData(s.ctx, 'load_people', 'people', 'c,Cy,25\n');
      expect(clean).toMatchObject({ loadedObjects: 1, rejections: {} });
    });
  });
}
