// The `Queries:` part of GSQL `ls`. GSQL 101 lists a created query as `hello(vertex<person> p)`
// (https://docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query): type
// keywords in lower case, and no status until it is installed; an installed one reads
// `(installed v2)` (https://docs.tigergraph.com/gsql-ref/4.1/querying/query-operations#_show_query).
import { expect, test } from 'vitest';
import { emulator, gsqlFile } from './helpers.js';

const SCHEMA = `CREATE VERTEX Station (PRIMARY_ID code STRING, zone INT)
CREATE GRAPH metro (*)`;

const QUERY = `USE GRAPH metro
CREATE QUERY trips(VERTEX<Station> start, SET<STRING> lines, INT hops, DATETIME after) SYNTAX v2 {
  PRINT hops;
}`;

const queriesPart = (ls: string) => ls.slice(ls.indexOf('Queries:')).split('\n').slice(0, 2).join('\n');

test('a created query has no status; installed, it shows its syntax; types in lower case', async () => {
  const e = await emulator({ version: '3.10' });
  await gsqlFile(e, SCHEMA);
  expect((await gsqlFile(e, QUERY)).text).toContain('Successfully created queries: [trips].');
  const created = await gsqlFile(e, 'USE GRAPH metro\nls');
  expect(queriesPart(created.text)).toBe(
    'Queries:\n  - trips(vertex<Station> start, set<string> lines, int hops, datetime after)',
  );
  await gsqlFile(e, 'USE GRAPH metro\nINSTALL QUERY trips');
  const installed = await gsqlFile(e, 'USE GRAPH metro\nls');
  expect(queriesPart(installed.text)).toBe(
    'Queries:\n  - trips(vertex<Station> start, set<string> lines, int hops, datetime after) (installed v2)',
  );
});
