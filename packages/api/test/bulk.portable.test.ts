// Batched bulk writes in Node, Chromium and Deno on the runtime's own fetch: an async generator
// cut into bounded batches, progress, per-batch results, and the bodies the server received.
// No node: imports here.
import { basicAuth } from '@tgraph/auth';
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiContext, createContext } from '../src/context.ts';
import { upsertEdgesInBatches } from '../src/edges.ts';
import { type BatchProgress, countVertices, upsertVerticesInBatches } from '../src/vertices.ts';

const control = connectControl(inject('tgraphControlUrl'));

describe('batched upserts in this runtime', () => {
  let emu: EmulatorHandle;
  let transport: Transport;
  let ctx: ApiContext;
  let seen = 0;
  /** Upserts received since the last call (counts are POSTs too, to /builtins). */
  const posts = async (): Promise<ControlRecordedRequest[]> => {
    const all = await control.requests(emu.id);
    const fresh = all.filter(
      (r) => r.seq > seen && r.method === 'POST' && r.path === '/restpp/graph/MyGraph',
    );
    seen = all.at(-1)?.seq ?? seen;
    return fresh;
  };

  beforeAll(async () => {
    emu = await control.create({
      version: '4.2',
      seed: 'empty',
      auth: true,
      cors: { origins: '*' },
      gsqlScript: `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, n INT)
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since INT)
CREATE GRAPH MyGraph (*)`,
    });
    transport = createTransport({
      restppUrls: [emu.restppViaGsUrl],
      gsqlUrl: emu.gsUrl,
      auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
      line: '4',
      graph: 'MyGraph',
      retry: { limit: 0 },
    });
    ctx = createContext({ transport, graph: 'MyGraph', line: '4' });
    await posts();
  });
  afterAll(async () => {
    await transport.close();
    await control.destroy(emu.id);
  });

  it('writes an async generator of vertices in bounded batches, reporting progress', async () => {
    async function* people(): AsyncGenerator<readonly [string, { name: string; n: number }]> {
      for (let i = 0; i < 45; i++) yield [`p${i}`, { name: `ünï ${i}`, n: i }];
    }
    const progress: BatchProgress[] = [];
    const r = await upsertVerticesInBatches(ctx, 'Person', people(), {
      batchSize: 20,
      concurrency: 2,
      onProgress: (p) => progress.push(p),
    });
    expect(r.accepted_vertices).toBe(45);
    expect(r.batches.map((b) => [b.firstItem, b.items])).toEqual([
      [0, 20],
      [20, 20],
      [40, 5],
    ]);
    expect(progress.at(-1)).toMatchObject({ itemsDone: 45, itemsFailed: 0, batchesDone: 3 });
    const sent = await posts();
    expect(sent.map((q) => q.path)).toEqual([
      '/restpp/graph/MyGraph',
      '/restpp/graph/MyGraph',
      '/restpp/graph/MyGraph',
    ]);
    const ids = sent.flatMap((q) => Object.keys(JSON.parse(q.body).vertices.Person));
    expect(ids.sort()).toEqual(Array.from({ length: 45 }, (_, i) => `p${i}`).sort());
    const p44 = sent.map((q) => JSON.parse(q.body).vertices.Person['p44']).find((v) => v !== undefined);
    expect(p44).toEqual({ name: { value: 'ünï 44' }, n: { value: 44 } });
    expect(await countVertices(ctx, 'Person')).toBe(45);
  });

  it('writes edges in batches with the vertex_must_exist flag', async () => {
    const edges = Array.from({ length: 30 }, (_, i) => [`p${i}`, `p${i + 1}`, { since: 2000 + i }] as const);
    const r = await upsertEdgesInBatches(ctx, 'Person', 'Knows', 'Person', edges, {
      batchSize: 16,
      vertexMustExist: true,
    });
    expect(r.accepted_edges).toBe(30);
    const sent = await posts();
    expect(sent).toHaveLength(2);
    for (const q of sent) expect(q.query).toEqual({ vertex_must_exist: 'true' });
    expect(JSON.parse(sent.find((q) => q.body.includes('"p0"'))?.body ?? '{}')).toMatchObject({
      edges: { Person: { p0: { Knows: { Person: { p1: { since: { value: 2000 } } } } } } },
    });
  });
});
