// tg_fpm: frequent sequential patterns over transactions whose `item_list` holds the items' internal
// ids (getvid()) in order. The answer below is worked by hand: in
//   T1 = a b c,  T2 = a b,  T3 = a c,  T4 = b c
// with support 0.5 (at least 2 of 4 transactions) the frequent patterns are a, b, c (3 of 4) and the
// ordered pairs a→b, a→c, b→c (2 of 4); a→b→c occurs only in T1. The query's rolling hashes (the
// library's FPM UDFs, __int128 arithmetic modulo a 63-bit prime) only index patterns, so any slip
// in them shows up as missing or wrong patterns.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { emulator, gsqlStatements, http } from '../helpers.js';
import { GRAPH, install, runQuery } from './library.js';

const TXNS: Record<string, string[]> = {
  T1: ['a', 'b', 'c'],
  T2: ['a', 'b'],
  T3: ['a', 'c'],
  T4: ['b', 'c'],
};

const SCHEMA = [
  'CREATE VERTEX Item (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"',
  'CREATE VERTEX Txn (PRIMARY_ID id STRING, item_list LIST<INT>) WITH primary_id_as_attribute="true"',
  'CREATE DIRECTED EDGE in_txn (FROM Item, TO Txn)',
  `CREATE GRAPH ${GRAPH} (*)`,
].join('\n');

const VIDS = `CREATE QUERY item_vids() FOR GRAPH ${GRAPH} {
  MapAccum<STRING, INT> @@vid;
  S = {Item.*};
  S = SELECT s FROM S:s ACCUM @@vid += (s.id -> getvid(s));
  PRINT @@vid AS vid;
}`;

async function upsert(e: RunningEmulator, body: unknown): Promise<void> {
  const r = await http(`${e.restppUrl}/graph/${GRAPH}`, { method: 'POST', body: JSON.stringify(body) });
  expect(r.json).toMatchObject({ error: false });
}

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator();
  expect((await gsqlStatements(e, SCHEMA)).text).toContain(`The graph ${GRAPH} is created`);
  await upsert(e, { vertices: { Item: { a: {}, b: {}, c: {} } } });
  expect((await gsqlStatements(e, `USE GRAPH ${GRAPH}\n${VIDS}\nINSTALL QUERY item_vids`)).text).toContain(
    'Query installation finished',
  );
  const vid = printedVids(await runQuery(e, 'item_vids', {}));
  const txns: Record<string, object> = {};
  const edges: Record<string, object> = {};
  for (const [t, items] of Object.entries(TXNS)) {
    txns[t] = { item_list: { value: items.map((i) => vid[i]) } };
    for (const i of items)
      edges[i] = {
        in_txn: { Txn: { ...((edges[i] as { in_txn?: { Txn: object } })?.in_txn?.Txn ?? {}), [t]: {} } },
      };
  }
  await upsert(e, { vertices: { Txn: txns }, edges: { Item: edges } });
  await install(e, 'tg_fpm');
});

function printedVids(r: Record<string, unknown>[]): Record<string, number> {
  return (r[0] as { vid: Record<string, number> }).vid;
}

describe('tg_fpm', () => {
  test('support 0.5: a, b, c at 0.75 and a→b, a→c, b→c at 0.5', async () => {
    const r = await runQuery(e, 'tg_fpm', {
      unify_vertex_type: 'Txn',
      item_vertex_type: 'Item',
      connect_edge: 'in_txn',
      support: 0.5,
      min_length: 1,
    });
    const found = (r as { support: number; pattern: string[] }[]).map(
      (x) => `${x.pattern.join('>')}@${x.support}`,
    );
    expect(found.sort()).toEqual(['a>b@0.5', 'a>c@0.5', 'a@0.75', 'b>c@0.5', 'b@0.75', 'c@0.75']);
    // The heap pops by frequency, then length, both descending.
    expect((r as { support: number }[]).map((x) => x.support)).toEqual([0.75, 0.75, 0.75, 0.5, 0.5, 0.5]);
  });

  test('min_length 2 keeps the pairs only; support 0.25 adds a→b→c', async () => {
    const pairs = await runQuery(e, 'tg_fpm', {
      unify_vertex_type: 'Txn',
      item_vertex_type: 'Item',
      connect_edge: 'in_txn',
      support: 0.5,
      min_length: 2,
    });
    expect((pairs as { pattern: string[] }[]).map((x) => x.pattern.join('>')).sort()).toEqual([
      'a>b',
      'a>c',
      'b>c',
    ]);
    const all = await runQuery(e, 'tg_fpm', {
      unify_vertex_type: 'Txn',
      item_vertex_type: 'Item',
      connect_edge: 'in_txn',
      support: 0.25,
      min_length: 3,
    });
    expect(all).toEqual([{ support: 0.25, pattern: ['a', 'b', 'c'] }]);
  });
});
