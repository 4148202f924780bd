// Batched bulk writes against the emulator: how the input is cut (count and bytes), the literal
// requests the server received (one `POST /graph/{graph}` per batch, §4.4 payloads), bounded
// reading of async inputs, progress, per-batch results and failures.
import { type TigerGraphError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { type EdgeInput, getEdges, upsertEdgesInBatches } from '../src/edges.js';
import type { BatchProgress } from '../src/vertices.js';
import {
  countVertices,
  getVerticesById,
  upsertVerticesInBatches,
  type VertexInput,
} from '../src/vertices.js';
import { header, restppPath, setup } from './vertices-edges-helpers.js';
import { RICH_GSQL, type RichSchema } from './vertices-edges-schema.js';

const rich = () => setup<RichSchema>('4.2', { seed: 'empty', gsqlScript: RICH_GSQL });

type PersonInput = VertexInput<RichSchema['vertices']['Person']['attributes']>;

const people = (n: number, from = 0): PersonInput[] =>
  Array.from({ length: n }, (_, i) => [`p${from + i}`, { name: `person ${from + i}`, visits: from + i }]);

/** The vertex ids of an upsert body, in the order sent. */
const vertexIds = (body: string, type = 'Person'): string[] =>
  Object.keys(
    (JSON.parse(body) as { vertices: Record<string, Record<string, unknown>> }).vertices[type] ?? {},
  );

describe('upsertVerticesInBatches', () => {
  it('cuts by count: one POST per batch with the §4.4 payload, totals and one result per batch', async () => {
    const s = await rich();
    s.clear();
    const progress: BatchProgress[] = [];
    const r = await upsertVerticesInBatches(s.ctx, 'Person', people(25), {
      batchSize: 10,
      concurrency: 2,
      atomic: true,
      onProgress: (p) => progress.push(p),
    });
    const sent = s.sent('POST');
    expect(sent).toHaveLength(3);
    for (const req of sent) {
      expect(restppPath(req)).toBe('/graph/MyGraph');
      expect(req.query).toEqual({});
      expect(header(req, 'content-type')).toBe('application/json');
      expect(header(req, 'gsql-atomic-level')).toBe('atomic');
    }
    const bodies = sent.map((req) => req.body).sort((a, b) => vertexIds(a).length - vertexIds(b).length);
    expect(JSON.parse(bodies[0] as string)).toEqual({
      vertices: {
        Person: Object.fromEntries(
          Array.from({ length: 5 }, (_, i) => [
            `p${20 + i}`,
            { name: { value: `person ${20 + i}` }, visits: { value: 20 + i } },
          ]),
        ),
      },
    });
    expect(sent.flatMap((req) => vertexIds(req.body)).sort()).toEqual(
      people(25)
        .map((p) => (p as readonly [string])[0])
        .sort(),
    );
    expect(r.accepted_vertices).toBe(25);
    expect(r.accepted_edges).toBe(0);
    expect(r.items).toBe(25);
    expect(r.batches.map((b) => [b.index, b.firstItem, b.items, b.summary?.accepted_vertices])).toEqual([
      [0, 0, 10, 10],
      [1, 10, 10, 10],
      [2, 20, 5, 5],
    ]);
    expect(r.batches.every((b) => b.bytes > 0 && b.error === undefined)).toBe(true);
    expect(progress.map((p) => p.batchesDone)).toEqual([1, 2, 3]);
    expect(progress.at(-1)).toEqual({
      itemsDone: 25,
      itemsFailed: 0,
      batchesDone: 3,
      bytesDone: r.batches.reduce((n, b) => n + b.bytes, 0),
    });
    expect(await countVertices(s.ctx, 'Person')).toBe(25);
    const [p7] = await getVerticesById(s.ctx, 'Person', ['p7'], { select: ['name', 'visits'] });
    expect(p7?.attributes).toEqual({ name: 'person 7', visits: 7 });
  });

  it('cuts by payload bytes: no body above batchBytes unless one vertex alone is bigger', async () => {
    const s = await rich();
    s.clear();
    const input: PersonInput[] = [
      ...people(12),
      ['big', { name: 'x'.repeat(600) }],
      ['ünï', { name: '😀 é' }],
      ...people(6, 12),
    ];
    const r = await upsertVerticesInBatches(s.ctx, 'Person', input, { batchBytes: 200, concurrency: 1 });
    const sent = s.sent('POST');
    expect(sent.length).toBe(r.batches.length);
    expect(sent.length).toBeGreaterThan(4);
    for (const req of sent) {
      const size = new TextEncoder().encode(req.body).byteLength;
      if (vertexIds(req.body).includes('big')) expect(vertexIds(req.body)).toEqual(['big']);
      else expect(size).toBeLessThanOrEqual(200);
    }
    // concurrency 1: batches go out in input order, every vertex exactly once.
    expect(sent.flatMap((req) => vertexIds(req.body))).toEqual(input.map((v) => (v as readonly [string])[0]));
    expect(r.accepted_vertices).toBe(20);
    const [u] = await getVerticesById(s.ctx, 'Person', ['ünï'], { select: ['name'] });
    expect(u?.attributes).toEqual({ name: '😀 é' });
  });

  it('reads an async iterable only as fast as batches are sent (bounded read-ahead)', async () => {
    const s = await rich();
    s.clear();
    let produced = 0;
    const readAhead: number[] = [];
    async function* source(): AsyncGenerator<PersonInput> {
      for (let i = 0; i < 60; i++) {
        produced++;
        yield [`a${i}`, { visits: i }];
      }
    }
    const r = await upsertVerticesInBatches(s.ctx, 'Person', source(), {
      batchSize: 5,
      concurrency: 2,
      onProgress: (p) => readAhead.push(produced - p.itemsDone),
    });
    expect(r.accepted_vertices).toBe(60);
    expect(s.sent('POST')).toHaveLength(12);
    // In flight: at most `concurrency` batches, plus the batch being filled.
    expect(Math.max(...readAhead)).toBeLessThanOrEqual(5 * 3);
    expect(await countVertices(s.ctx, 'Person')).toBe(60);
  });

  it('merges a repeated id inside one batch, as upsertVertices does', async () => {
    const s = await rich();
    s.clear();
    await upsertVerticesInBatches(s.ctx, 'Person', [
      ['m', { name: 'first', visits: 1 }],
      ['n', { visits: 2 }],
      ['m', { visits: 3 }],
    ]);
    const [req] = s.sent('POST');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      vertices: {
        Person: { m: { name: { value: 'first' }, visits: { value: 3 } }, n: { visits: { value: 2 } } },
      },
    });
  });

  it('sends the flags with every batch and adds up the skipped lists', async () => {
    const s = await rich();
    await upsertVerticesInBatches(s.ctx, 'Person', [['a'], ['c']]);
    s.clear();
    const r = await upsertVerticesInBatches(s.ctx, 'Person', [['a'], ['b'], ['c'], ['d']], {
      newVertexOnly: true,
      ack: 'all',
      batchSize: 2,
      concurrency: 1,
    });
    const sent = s.sent('POST');
    expect(sent.map((req) => req.query)).toEqual([
      { ack: 'all', new_vertex_only: 'true' },
      { ack: 'all', new_vertex_only: 'true' },
    ]);
    expect(r.accepted_vertices).toBe(2);
    expect(r.skipped_vertices).toBe(2);
    expect(r.vertices_already_exist).toEqual([
      { v_type: 'Person', v_id: 'a' },
      { v_type: 'Person', v_id: 'c' },
    ]);
  });

  it('stops at the first failed batch and rejects with its typed error once in-flight batches settle', async () => {
    const s = await rich();
    s.clear();
    const input = people(40);
    // Batch 2 (items 10–19) names an attribute the type does not have: the server refuses it.
    input[14] = ['bad', { nope: 1 } as never];
    const progress: BatchProgress[] = [];
    const error = (await upsertVerticesInBatches(s.ctx, 'Person', input, {
      batchSize: 10,
      concurrency: 1,
      onProgress: (p) => progress.push(p),
    }).catch((e: unknown) => e)) as TigerGraphError;
    expect(error.name).toMatch(/Error$/);
    expect(error.message).toMatch(/nope/);
    // concurrency 1: batch 1 succeeded, batch 2 failed, nothing after it was sent.
    expect(s.sent('POST')).toHaveLength(2);
    expect(progress.at(-1)).toEqual(
      expect.objectContaining({ itemsDone: 20, itemsFailed: 10, batchesDone: 2 }),
    );
    expect(await countVertices(s.ctx, 'Person')).toBe(10);
  });

  it('with continueOnError, reports each failed batch in its result and writes the rest', async () => {
    const s = await rich();
    s.clear();
    const input = people(30);
    input[14] = ['bad', { nope: 1 } as never];
    const r = await upsertVerticesInBatches(s.ctx, 'Person', input, {
      batchSize: 10,
      concurrency: 3,
      continueOnError: true,
    });
    expect(s.sent('POST')).toHaveLength(3);
    expect(r.batches.map((b) => (b.error === undefined ? 'ok' : b.error.name))).toEqual([
      'ok',
      expect.stringMatching(/Error$/),
      'ok',
    ]);
    expect(r.batches[1]?.error?.message).toMatch(/nope/);
    expect(r.accepted_vertices).toBe(20);
    expect(r.items).toBe(30);
    expect(await countVertices(s.ctx, 'Person')).toBe(20);
  });

  it('refuses bad options and bad input with ValidationError before sending anything', async () => {
    const s = await rich();
    s.clear();
    const bad = [
      upsertVerticesInBatches(s.ctx, 'Person', people(3), { batchSize: 0 }),
      upsertVerticesInBatches(s.ctx, 'Person', people(3), { batchBytes: 1.5 }),
      upsertVerticesInBatches(s.ctx, 'Person', people(3), { concurrency: -1 }),
      upsertVerticesInBatches(s.ctx, 'Person', people(3), { onProgress: 'yes' as never }),
      upsertVerticesInBatches(s.ctx, 'Person', people(3), { ack: 'some' as never }),
      upsertVerticesInBatches(s.ctx, 'Person', 'p1' as never),
      upsertVerticesInBatches(s.ctx, '' as 'Person', people(3)),
      upsertVerticesInBatches(s.ctx, 'Person', people(3), { newVertexOnly: true, updateVertexOnly: true }),
    ];
    const errors = await Promise.all(bad.map((p) => p.catch((e: unknown) => e)));
    for (const e of errors) expect(e).toBeInstanceOf(ValidationError);
    expect((errors[0] as Error).message).toBe('batchSize must be a whole number ≥ 1, got 0');
    expect((errors[5] as Error).message).toMatch(
      /vertices must be an array, an iterable or an async iterable/,
    );
    expect(s.sent()).toEqual([]);
    // An invalid item stops the write there: the batches before it were sent, the rest was not.
    const input = people(12);
    input[11] = [null as never, {}];
    await expect(
      upsertVerticesInBatches(s.ctx, 'Person', input, { batchSize: 5, concurrency: 1 }),
    ).rejects.toThrow(/vertices\[11\] id must be a string, number or bigint, got object/);
    expect(s.sent('POST')).toHaveLength(2);
  });
});

describe('upsertEdgesInBatches', () => {
  it('groups each batch by source and target, keeps parallel edges as a list, sends the flags', async () => {
    const s = await rich();
    await upsertVerticesInBatches(s.ctx, 'Person', [['ann'], ['bob']]);
    s.clear();
    const edges: EdgeInput<{ day: string; amount: number }>[] = [
      ['ann', 7, { day: '2024-01-01 00:00:00', amount: 10 }],
      ['ann', 7, { day: '2024-01-02 00:00:00', amount: 20 }],
      ['bob', 8, { day: '2024-01-01 00:00:00', amount: 5 }],
      { from: 'ann', to: 9, attributes: { day: '2024-01-03 00:00:00', amount: 1 } },
    ];
    const progress: BatchProgress[] = [];
    const r = await upsertEdgesInBatches(s.ctx, 'Person', 'Pays', 'Account', edges, {
      batchSize: 3,
      concurrency: 1,
      onProgress: (p) => progress.push(p),
    });
    const sent = s.sent('POST');
    expect(sent.map((req) => restppPath(req))).toEqual(['/graph/MyGraph', '/graph/MyGraph']);
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      edges: {
        Person: {
          ann: {
            Pays: {
              Account: {
                '7': [
                  { day: { value: '2024-01-01 00:00:00' }, amount: { value: 10 } },
                  { day: { value: '2024-01-02 00:00:00' }, amount: { value: 20 } },
                ],
              },
            },
          },
          bob: {
            Pays: { Account: { '8': { day: { value: '2024-01-01 00:00:00' }, amount: { value: 5 } } } },
          },
        },
      },
    });
    expect(JSON.parse(sent[1]?.body ?? '')).toEqual({
      edges: {
        Person: {
          ann: {
            Pays: { Account: { '9': { day: { value: '2024-01-03 00:00:00' }, amount: { value: 1 } } } },
          },
        },
      },
    });
    expect(r.accepted_edges).toBe(4);
    expect(r.batches.map((b) => [b.firstItem, b.items, b.summary?.accepted_edges])).toEqual([
      [0, 3, 3],
      [3, 1, 1],
    ]);
    expect(progress.map((p) => p.itemsDone)).toEqual([3, 4]);
    const pays = await getEdges(s.ctx, 'Person', 'ann', { edgeType: 'Pays' });
    expect(pays).toHaveLength(3);
  });

  it('streams a large generated edge list in bounded batches with vertexMustExist', async () => {
    const s = await rich();
    await upsertVerticesInBatches(
      s.ctx,
      'Person',
      Array.from({ length: 200 }, (_, i) => [`v${i}`] as const),
    );
    s.clear();
    function* ring(): Generator<EdgeInput<{ since: number }>> {
      for (let i = 0; i < 1000; i++) yield [`v${i % 200}`, `v${(i * 7 + 1) % 200}`, { since: i }];
    }
    const r = await upsertEdgesInBatches(s.ctx, 'Person', 'Knows', 'Person', ring(), {
      vertexMustExist: true,
      batchSize: 300,
      batchBytes: 8 * 1024,
    });
    const sent = s.sent('POST');
    expect(sent.length).toBe(r.batches.length);
    for (const req of sent) {
      expect(req.query).toEqual({ vertex_must_exist: 'true' });
      expect(new TextEncoder().encode(req.body).byteLength).toBeLessThanOrEqual(8 * 1024);
    }
    expect(r.items).toBe(1000);
    expect(r.batches.reduce((n, b) => n + b.items, 0)).toBe(1000);
    // Pairs repeat (i and i+200 share source and target): every edge is accepted, the graph keeps one per pair.
    expect(r.accepted_edges).toBe(1000);
  });

  it('refuses contradicting flags and non-iterable input before sending', async () => {
    const s = await rich();
    s.clear();
    await expect(
      upsertEdgesInBatches(s.ctx, 'Person', 'Knows', 'Person', [], {
        vertexMustExist: true,
        sourceVertexMustExist: true,
      }),
    ).rejects.toThrow(/vertexMustExist already covers both ends/);
    await expect(upsertEdgesInBatches(s.ctx, 'Person', 'Knows', 'Person', 42 as never)).rejects.toThrow(
      ValidationError,
    );
    expect(s.sent()).toEqual([]);
  });
});
