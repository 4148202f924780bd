// Every query of TigerGraph's graph-algorithm library (gsql-graph-algorithms/algorithms/**/tg_*.gsql)
// CREATEs and INSTALLs on the emulator, on a graph whose schema fits the library (weighted edges of
// both kinds, the attributes its parameters name). The few the emulator still refuses are listed in
// REFUSED with the exact construct, line and column CREATE names; any other refusal fails, and so
// does a listed query that starts to install (the list must shrink with the emulator).
// Line numbers count the `USE GRAPH Lib` line sent before each query: they are the file's plus one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/index.js';
import { emulator, gsqlStatements } from '../helpers.js';
import { libraryQuery, libraryQueryFiles } from './vendor.js';

const SCHEMA = [
  'CREATE VERTEX Person (PRIMARY_ID id STRING, score FLOAT, label INT, name STRING, embedding LIST<DOUBLE>) WITH primary_id_as_attribute="true"',
  'CREATE UNDIRECTED EDGE Friend (FROM Person, TO Person, weight FLOAT)',
  'CREATE DIRECTED EDGE Follows (FROM Person, TO Person, weight FLOAT) WITH REVERSE_EDGE="reverse_Follows"',
  'CREATE GRAPH Lib (*)',
].join('\n');

/**
 * Queries CREATE refuses, with the message it gives. TigerGraph refuses them too: tg_kmeans_sub
 * assigns `rangeDiv` (it declares `range_div`) and reads `array_istance` (for `array_distance`),
 * names GSQL's semantic check finds undeclared; tg_kmeans calls tg_kmeans_sub, which then does not
 * exist.
 */
const REFUSED: Record<string, string> = {
  tg_kmeans_sub: 'The variable rangeDiv is not declared (line 53, column 3).',
  tg_kmeans: 'The function tg_kmeans_sub() is not supported by the emulator (line 51, column 30).',
};

const stem = (path: string) => (path.split('/').pop() as string).replace(/\.gsql$/, '');

/** Library files in an order where a query comes after the queries it calls. */
function installOrder(): string[] {
  const files = libraryQueryFiles().map(stem);
  const byName = new Map(files.map((f) => [libraryQuery(f).name, f]));
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (f: string) => {
    if (done.has(f)) return;
    done.add(f);
    const { name, text } = libraryQuery(f);
    for (const [callee, file] of byName)
      if (callee !== name && new RegExp(`\\b${callee}\\s*\\(`).test(text)) visit(file);
    out.push(f);
  };
  for (const f of files) visit(f);
  return out;
}

let e: RunningEmulator;

beforeAll(async () => {
  e = await emulator();
  expect((await gsqlStatements(e, SCHEMA)).text).toContain('The graph Lib is created');
});

describe('the graph-algorithm library on the emulator', () => {
  it('has 69 queries', () => {
    expect(libraryQueryFiles()).toHaveLength(69);
  });

  for (const file of installOrder()) {
    it(`${file} ${file in REFUSED ? 'is refused precisely' : 'creates and installs'}`, async () => {
      const { name, text } = libraryQuery(file);
      const r = await gsqlStatements(e, `USE GRAPH Lib\n${text}\nINSTALL QUERY ${name}`);
      const refused = REFUSED[file];
      if (refused === undefined) {
        expect(r.text).toContain(`Successfully created queries: [${name}]`);
        expect(r.text).toContain('Query installation finished');
      } else {
        expect(r.text).toContain(refused);
        expect(r.text).toContain(`Failed to create queries: [${name}]`);
      }
    });
  }
});
