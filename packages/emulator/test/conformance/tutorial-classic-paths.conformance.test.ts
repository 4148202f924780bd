// The GSQL tutorial's path queries (07_q3b.gsql, written in SYNTAX v3) rewritten in classic syntax
// (the default SYNTAX v2) over the tutorial's data: a two-hop path `-(transfer>:e)- Account:b
// -(transfer>:e2)-` and the Kleene hop `-(transfer>*1..)-` must print TigerGraph's own answers to
// the same SELECTs, recorded in tigergraph/ecosys demos/guru_scripts/docker/tutorial/4.x/cypher/c7.out
// (hop sums at commit 3f9e51ef8cbac24d9630a7eaca67779f8189aa67, shortest-path counts at commit
// dc8a70b5c9578444ddf6ff63fb63db50d4c8f4c4), as tutorial.conformance.test.ts checks the v3 form.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { basic, emulator, gsqlStatements, http } from '../helpers.js';
import { readVendor, vendorPath } from './vendor.js';

const TUTORIAL = ['ecosys-tutorials', 'tutorials'] as const;

/** Rows as sorted JSON lines: TigerGraph does not fix a table's row order. */
const rowSet = (rows: unknown) => (rows as object[]).map((r) => JSON.stringify(r)).sort();

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ dataDir: vendorPath(...TUTORIAL, 'data') });
  for (const file of ['00_schema.gsql', '25_load2.gsql']) {
    const r = await gsqlStatements(e, readVendor(...TUTORIAL, 'gsql', file));
    expect(r.status).toBe(200);
  }
});

async function interpret(body: string): Promise<Record<string, unknown>[]> {
  const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
    body: `INTERPRET QUERY () FOR GRAPH financialGraph {\n${body}\n}`,
  });
  expect(r.json, r.text).toMatchObject({ error: false });
  return (r.json as { results: Record<string, unknown>[] }).results;
}

describe('GSQL tutorial q3b in classic syntax', () => {
  test('a two-hop path with sum(DISTINCT …) per (a, b, c) prints TigerGraph’s hop sums', async () => {
    const [t1] =
      await interpret(`SELECT a, b, c, sum(DISTINCT e.amount) AS hop_1_sum, sum(DISTINCT e2.amount) AS hop_2_sum INTO T1
  FROM Account:a -(transfer>:e)- Account:b -(transfer>:e2)- Account:c
  WHERE e.date >= to_datetime("2024-01-01") AND e.date <= to_datetime("2024-12-31")
  GROUP BY a, b, c;
PRINT T1;`);
    expect(rowSet(t1?.['T1'])).toEqual(
      rowSet([
        { a: 'Ed', b: 'Paul', c: 'Steven', hop_1_sum: 1500, hop_2_sum: 20000 },
        { a: 'Ed', b: 'Paul', c: 'Jenny', hop_1_sum: 1500, hop_2_sum: 653 },
        { a: 'Jenny', b: 'Scott', c: 'Ed', hop_1_sum: 1000, hop_2_sum: 21300 },
        { a: 'Paul', b: 'Jenny', c: 'Scott', hop_1_sum: 653, hop_2_sum: 1000 },
        { a: 'Scott', b: 'Ed', c: 'Paul', hop_1_sum: 21300, hop_2_sum: 1500 },
        { a: 'Steven', b: 'Jenny', c: 'Scott', hop_1_sum: 8560, hop_2_sum: 1000 },
      ]),
    );
  });

  test('-(transfer>*1..)- counts TigerGraph’s shortest paths from Scott', async () => {
    const [t2] = await interpret(`SELECT a, b, count(*) AS path_cnt INTO T2
  FROM Account:a -(transfer>*1..)- Account:b
  WHERE a.name == "Scott"
  GROUP BY a, b;
PRINT T2;`);
    expect(rowSet(t2?.['T2'])).toEqual(
      rowSet(['Scott', 'Ed', 'Steven', 'Jenny', 'Paul'].map((b) => ({ a: 'Scott', b, path_cnt: 3 }))),
    );
  });
});
