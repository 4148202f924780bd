// TigerGraph's Cypher tutorial query c12/c13 (tigergraph/ecosys
// demos/guru_scripts/docker/tutorial/4.x/cypher/c13.out at commit
// dc8a70b5c9578444ddf6ff63fb63db50d4c8f4c4) joins two MATCH clauses on their shared vertex `tgt1`
// and counts the joined rows per source account. The same join as a conjunctive GSQL FROM, in SYNTAX
// v3 and in classic syntax, over the tutorial's data, must give TigerGraph's recorded counts (after
// c13's ORDER BY tgt2Cnt DESC, srcAccountName DESC SKIP 1 LIMIT 3), and every count must equal a
// brute-force join of transfer.csv with itself.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { basic, emulator, gsqlStatements, http } from '../helpers.js';
import { readVendor, vendorPath } from './vendor.js';

const TUTORIAL = ['ecosys-tutorials', 'tutorials'] as const;

/** c13.out's rows: what TigerGraph printed for the query. */
const C13_OUT = [
  { srcAccountName: 'Jenny', tgt2Cnt: 3 },
  { srcAccountName: 'Paul', tgt2Cnt: 2 },
  { srcAccountName: 'Ed', tgt2Cnt: 2 },
];

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ dataDir: vendorPath(...TUTORIAL, 'data') });
  for (const file of ['00_schema.gsql', '25_load2.gsql']) {
    const r = await gsqlStatements(e, readVendor(...TUTORIAL, 'gsql', file));
    expect(r.status).toBe(200);
  }
});

/** Joined 2-hop rows per source account, by brute force over transfer.csv. */
function bruteCounts(): Map<string, number> {
  const transfers = readVendor(...TUTORIAL, 'data', 'transfer.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((x) => x.trim()));
  const counts = new Map<string, number>();
  for (const [src, tgt1] of transfers)
    for (const [from] of transfers)
      if (from === tgt1) counts.set(src as string, (counts.get(src as string) ?? 0) + 1);
  return counts;
}

type CountRow = { srcAccountName: string; tgt2Cnt: number };

/** c13's ORDER BY tgt2Cnt DESC, srcAccountName DESC SKIP 1 LIMIT 3. */
const c13Order = (rows: CountRow[]) =>
  [...rows]
    .sort((a, b) => b.tgt2Cnt - a.tgt2Cnt || (a.srcAccountName < b.srcAccountName ? 1 : -1))
    .slice(1, 4);

async function counts(from: string, syntax: string): Promise<CountRow[]> {
  const r = await http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
    method: 'POST',
    headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
    body: `INTERPRET QUERY () FOR GRAPH financialGraph ${syntax} {
  SELECT src.name AS srcAccountName, count(tgt2) AS tgt2Cnt INTO T
  FROM ${from}
  GROUP BY src.name;
  PRINT T;
}`,
  });
  expect(r.json, r.text).toMatchObject({ error: false });
  const [out] = (r.json as { results: Record<string, unknown>[] }).results;
  return out?.['T'] as CountRow[];
}

describe('Cypher tutorial c12/c13 as a conjunctive GSQL FROM', () => {
  test.each([
    ['SYNTAX v3', '(src:Account)-[e:transfer]->(tgt1), (tgt1)-[e2:transfer]->(tgt2)'],
    ['', 'Account:src -(transfer>:e)- Account:tgt1, :tgt1 -(transfer>:e2)- Account:tgt2'],
  ])('%s FROM %s', async (syntax, from) => {
    const rows = await counts(from, syntax);
    expect(Object.fromEntries(rows.map((r) => [r.srcAccountName, r.tgt2Cnt]))).toEqual(
      Object.fromEntries(bruteCounts()),
    );
    expect(c13Order(rows)).toEqual(C13_OUT);
  });
});
