// TigerGraph's SQL-like SELECT (`SELECT … INTO T … GROUP BY …`, docs: gsql-ref querying/
// select-statement/sql-like-select-statement) over a small graph of payments, through GSQL over real
// HTTP: on 4.x with SYNTAX v3 patterns, on 3.10 with the classic one-hop pattern (the docs' SYNTAX
// v2 form). Every table is checked against the same SELECT worked out by brute force over the
// payments below; the CREATE-time refusals against the rules the docs give for the form.
import { describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX P (PRIMARY_ID id STRING, city STRING, age INT) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE Pay (FROM P, TO P, DISCRIMINATOR(k INT), amount UINT) WITH REVERSE_EDGE="Pay_rev"
CREATE GRAPH G (*)`;

const PEOPLE: [string, string, number][] = [
  ['ann', 'A', 30],
  ['bob', 'A', 40],
  ['cat', 'B', 25],
  ['dan', 'B', 35],
  ['eve', 'C', 50],
];
// from, to, discriminator, amount: ann pays bob three times, twice the same amount (DISTINCT).
const PAYS: [string, string, number, number][] = [
  ['ann', 'bob', 1, 100],
  ['ann', 'bob', 2, 100],
  ['ann', 'bob', 3, 50],
  ['ann', 'cat', 1, 200],
  ['bob', 'cat', 1, 300],
  ['cat', 'dan', 1, 100],
  ['dan', 'ann', 1, 400],
  ['eve', 'ann', 1, 100],
];
const cityOf = new Map(PEOPLE.map(([id, city]) => [id, city]));
const ageOf = new Map(PEOPLE.map(([id, , age]) => [id, age]));

async function payments(version?: '3.10'): Promise<RunningEmulator> {
  const e = await emulator({ gsqlScript: SCHEMA, ...(version ? { version } : {}) });
  const vertices = {
    P: Object.fromEntries(
      PEOPLE.map(([id, city, age]) => [id, { city: { value: city }, age: { value: age } }]),
    ),
  };
  // Upsert form: from id → edge type → target type → target id → one object per discriminator.
  const byFrom: Record<string, { Pay: { P: Record<string, unknown[]> } }> = {};
  for (const [from, to, k, amount] of PAYS) {
    const targets = (byFrom[from] ?? { Pay: { P: {} } }).Pay.P;
    targets[to] = [...(targets[to] ?? []), { k: { value: k }, amount: { value: amount } }];
    byFrom[from] = { Pay: { P: targets } };
  }
  const edges = { P: byFrom };
  const r = await http(`${e.restppUrl}/graph/G`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.json, r.text).toMatchObject({
    error: false,
    results: [{ accepted_vertices: 5, accepted_edges: 8 }],
  });
  return e;
}

/** GSQL text through the version's endpoint (4.x /gsql/v1/statements, 3.x /gsqlserver/gsql/file). */
async function gsql(e: RunningEmulator, text: string, v3: boolean): Promise<string> {
  if (v3) return (await gsqlStatements(e, text)).text;
  const r = await http(`${e.gsUrl}/gsqlserver/gsql/file`, {
    method: 'POST',
    headers: { Authorization: basic(), Cookie: '{"fromGsqlClient":true}' },
    body: encodeURIComponent(text).replace(/%20/g, '+'),
  });
  return r.text;
}

let n = 0;
/** Creates, installs and runs a query whose body is `body`; its results, or the text when refused. */
async function run(
  e: RunningEmulator,
  body: string,
  v3 = true,
): Promise<{ results?: Record<string, unknown>[]; text: string }> {
  const name = `q${++n}`;
  const syntax = v3 ? ' SYNTAX v3' : '';
  const text = await gsql(
    e,
    `USE GRAPH G\nCREATE QUERY ${name}() FOR GRAPH G${syntax} {\n${body}\n}\nINSTALL QUERY ${name}\nRUN QUERY ${name}()`,
    v3,
  );
  const at = text.lastIndexOf('\n{\n');
  if (!text.includes(`Successfully created queries: [${name}]`) || at < 0) return { text };
  // 3.x ends the file's output with its return-code line.
  const end = text.lastIndexOf('\n}') + 2;
  const json = JSON.parse(text.slice(at + 1, end)) as { error: boolean; results: Record<string, unknown>[] };
  return json.error ? { text } : { results: json.results, text };
}

async function table(e: RunningEmulator, body: string, v3 = true): Promise<Record<string, unknown>[]> {
  const r = await run(e, body, v3);
  expect(r.results, r.text).toBeDefined();
  return (r.results?.[0]?.['T'] ?? []) as Record<string, unknown>[];
}

/** Rows as sorted JSON lines: TigerGraph fixes no row order without ORDER BY. */
const rowSet = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Groups the payments by `key` and folds each group with `row`. */
function grouped<K>(key: (p: (typeof PAYS)[number]) => K, row: (k: K, ps: typeof PAYS) => object): object[] {
  const groups = new Map<string, { k: K; ps: typeof PAYS }>();
  for (const p of PAYS) {
    const k = key(p);
    const id = JSON.stringify(k);
    const g = groups.get(id) ?? { k, ps: [] };
    g.ps.push(p);
    groups.set(id, g);
  }
  return [...groups.values()].map((g) => row(g.k, g.ps));
}

const amounts = (ps: typeof PAYS) => ps.map((p) => p[3]);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('SQL-like SELECT … INTO with aggregates (4.x, SYNTAX v3)', () => {
  test('GROUP BY a, b: COUNT(*), SUM, SUM(DISTINCT), COUNT(DISTINCT), AVG, MIN, MAX per pair', async () => {
    const e = await payments();
    const got = await table(
      e,
      'SELECT a, b, count(*) AS n, sum(e.amount) AS total, sum(DISTINCT e.amount) AS distinct_total, count(DISTINCT e.amount) AS kinds, avg(e.amount) AS mean, min(e.amount) AS low, max(e.amount) AS high INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a, b; PRINT T;',
    );
    const expected = grouped(
      (p) => [p[0], p[1]],
      ([a, b], ps) => {
        const xs = amounts(ps);
        const unique = [...new Set(xs)];
        return {
          a,
          b,
          n: ps.length,
          total: sum(xs),
          distinct_total: sum(unique),
          kinds: unique.length,
          mean: sum(xs) / xs.length,
          low: Math.min(...xs),
          high: Math.max(...xs),
        };
      },
    );
    expect(rowSet(got)).toEqual(rowSet(expected));
    // ann→bob has three payments of two amounts.
    expect(got.find((r) => r['a'] === 'ann' && r['b'] === 'bob')).toMatchObject({
      n: 3,
      total: 250,
      distinct_total: 150,
    });
  });

  test('aggregates without GROUP BY make one row; GROUP BY an attribute expression', async () => {
    const e = await payments();
    expect(
      await table(
        e,
        'SELECT count(*) AS n, sum(e.amount) AS total INTO T FROM (a:P)-[e:Pay]->(b:P); PRINT T;',
      ),
    ).toEqual([{ n: PAYS.length, total: sum(amounts(PAYS)) }]);
    const byCity = await table(
      e,
      'SELECT a.city AS city, count(*) AS n, max(b.age) AS oldest INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a.city; PRINT T;',
    );
    const expected = grouped(
      (p) => cityOf.get(p[0]),
      (city, ps) => ({ city, n: ps.length, oldest: Math.max(...ps.map((p) => ageOf.get(p[1]) as number)) }),
    );
    expect(rowSet(byCity)).toEqual(rowSet(expected));
  });

  test('an unaliased aggregate of alias.attr prints under TigerGraph’s name for it', async () => {
    const e = await payments();
    const got = await table(
      e,
      'SELECT a, sum(e.amount) INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a; PRINT T;',
    );
    // tigergraph/ecosys demos/guru_scripts/docker/tutorial/4.x/cypher/c3.out (commit
    // 9d841a6e13c6fa255b7a99ab2f52192838c4b57e) prints sum(e.amount) as sum_lparen_e_dot_amount_rparen_.
    const expected = grouped(
      (p) => p[0],
      (a, ps) => ({ a, sum_lparen_e_dot_amount_rparen_: sum(amounts(ps)) }),
    );
    expect(rowSet(got)).toEqual(rowSet(expected));
  });

  test('unaliased, count(*) prints as count_lparen_1_rparen_ and alias.attr as attr', async () => {
    const e = await payments();
    const byCity = await table(
      e,
      'SELECT a.city, count(*) INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a.city; PRINT T;',
    );
    // TigerGraph's shell answers `select count(*) from (s:_)` with {"count_lparen_1_rparen_": 0}
    // (tigergraph/ecosys tutorials/Cypher.md); its docs print `SELECT c.country, w.fullTime, p INTO T`
    // under the keys country, fullTime, p (tigergraph/gsql-docs modules/querying/pages/
    // select-statement/sql-like-select-statement.adoc).
    const expected = grouped(
      (p) => cityOf.get(p[0]),
      (city, ps) => ({ city, count_lparen_1_rparen_: ps.length }),
    );
    expect(rowSet(byCity)).toEqual(rowSet(expected));
    // An edge alias's attribute too (the docs' `l.actionTime` prints as actionTime); one row per match.
    const rows = await table(e, 'SELECT a, e.amount, b INTO T FROM (a:P)-[e:Pay]->(b:P); PRINT T;');
    expect(rowSet(rows)).toEqual(rowSet(PAYS.map(([a, b, , amount]) => ({ a, amount, b }))));
  });

  test('HAVING on a column name and on an alias attribute; ORDER BY … DESC LIMIT', async () => {
    const e = await payments();
    const totals = grouped(
      (p) => p[0],
      (a, ps) => ({ a, total: sum(amounts(ps)) }),
    ) as { a: string; total: number }[];
    const having = await table(
      e,
      'SELECT a, sum(e.amount) AS total INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a HAVING total > 150 AND a.age >= 30; PRINT T;',
    );
    expect(rowSet(having)).toEqual(
      rowSet(totals.filter((t) => t.total > 150 && (ageOf.get(t.a) as number) >= 30)),
    );
    const top = await table(
      e,
      'SELECT a, sum(e.amount) AS total INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a ORDER BY total DESC LIMIT 2; PRINT T;',
    );
    expect(top).toEqual([...totals].sort((x, y) => y.total - x.total).slice(0, 2));
  });

  test('without aggregates: one row per match, SELECT DISTINCT rows once, ORDER BY … LIMIT … OFFSET', async () => {
    const e = await payments();
    const all = await table(e, 'SELECT a, b INTO T FROM (a:P)-[e:Pay]->(b:P); PRINT T;');
    expect(rowSet(all)).toEqual(rowSet(PAYS.map(([a, b]) => ({ a, b }))));
    const distinct = await table(e, 'SELECT DISTINCT a, b INTO T FROM (a:P)-[e:Pay]->(b:P); PRINT T;');
    expect(rowSet(distinct)).toEqual([...new Set(rowSet(PAYS.map(([a, b]) => ({ a, b }))))]);
    const page = await table(
      e,
      'SELECT a, e.amount AS amount INTO T FROM (a:P)-[e:Pay]->(b:P) ORDER BY amount DESC LIMIT 2 OFFSET 1; PRINT T;',
    );
    const byAmount = [...PAYS].sort((x, y) => y[3] - x[3]).map(([a, , , amount]) => ({ a, amount }));
    expect(page).toEqual(byAmount.slice(1, 3));
  });

  test('SUM over a STRING fails at run time saying what it needs', async () => {
    const e = await payments();
    const r = await run(
      e,
      'SELECT a, sum(b.city) AS s INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a; PRINT T;',
    );
    expect(r.text).toContain('SUM() needs numbers');
  });
});

describe('SQL-like SELECT on 3.10 (the classic one-hop pattern)', () => {
  test('GROUP BY with COUNT(*) and SUM(DISTINCT) agrees with the brute force', async () => {
    const e = await payments('3.10');
    const got = await table(
      e,
      'SELECT a, count(*) AS n, sum(DISTINCT e.amount) AS distinct_total INTO T FROM P:a -(Pay>:e)- P:b GROUP BY a; PRINT T;',
      false,
    );
    const expected = grouped(
      (p) => p[0],
      (a, ps) => ({ a, n: ps.length, distinct_total: sum([...new Set(amounts(ps))]) }),
    );
    expect(rowSet(got)).toEqual(rowSet(expected));
  });
});

describe('SQL-like SELECT: what CREATE refuses, with the position', () => {
  // The body is the third line of the text sent (after USE GRAPH and CREATE QUERY).
  const at = (body: string, token: string) => `line 3, column ${body.indexOf(token) + 1}`;
  const CASES: [string, string, string, string][] = [
    [
      'ORDER BY without LIMIT (the docs require one)',
      'SELECT a, sum(e.amount) AS total INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a ORDER BY total; PRINT T;',
      'ORDER',
      'Semantic Check Fails: A SQL-like SELECT with ORDER BY must also have a LIMIT clause',
    ],
    [
      'a grouping column after an aggregated one',
      'SELECT a, count(*) AS n, b INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a, b; PRINT T;',
      'b INTO',
      'Semantic Check Fails: The grouping column b follows an aggregated column',
    ],
    [
      'ACCUM in the SQL-like form',
      'SumAccum<INT> @@n; SELECT a, count(*) AS n INTO T FROM (a:P)-[e:Pay]->(b:P) ACCUM @@n += 1 GROUP BY a; PRINT T;',
      'ACCUM',
      'Semantic Check Fails: A SQL-like SELECT … INTO a table takes no ACCUM clause',
    ],
    [
      'POST-ACCUM in the SQL-like form',
      'SELECT a, count(*) AS n INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a POST-ACCUM a.age = 1; PRINT T;',
      'POST',
      'Semantic Check Fails: A SQL-like SELECT … INTO a table takes no POST-ACCUM clause',
    ],
    [
      'an unaliased expression column',
      'SELECT a.age + 1, count(*) AS n INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a.age + 1; PRINT T;',
      'a.age',
      'The column a.age + 1 without AS (add AS name) is outside the GSQL subset',
    ],
    [
      'two columns printed under one name',
      'SELECT a.city, b.city INTO T FROM (a:P)-[e:Pay]->(b:P); PRINT T;',
      'b.city',
      'Two columns printed as city in one SQL-like SELECT (name one with AS) is outside the GSQL subset',
    ],
    [
      'an unaliased aggregate with DISTINCT',
      'SELECT a, sum(DISTINCT e.amount) INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a; PRINT T;',
      'sum',
      'The column sum(DISTINCT e.amount) without AS (add AS name) is outside the GSQL subset',
    ],
    [
      'a column neither aggregated nor grouped',
      'SELECT a, b, count(*) AS n INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a; PRINT T;',
      'b,',
      'The column b, neither aggregated nor in GROUP BY, is outside the GSQL subset',
    ],
    [
      'an aggregate inside HAVING',
      'SELECT a, count(*) AS n INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a HAVING count(*) > 1; PRINT T;',
      'count(*) >',
      'An aggregate inside HAVING of a SQL-like SELECT (compare the column name) is outside the GSQL subset',
    ],
    [
      'an aggregator TigerGraph does not list',
      'SELECT a, collect(b) AS bs INTO T FROM (a:P)-[e:Pay]->(b:P) GROUP BY a; PRINT T;',
      'collect',
      'The aggregate collect() in a SQL-like SELECT',
    ],
  ];

  test.each(CASES)('%s', async (_name, body, token, message) => {
    const e = await payments();
    const r = await run(e, body);
    expect(r.results).toBeUndefined();
    expect(r.text).toContain(`${message}`);
    expect(r.text).toContain(at(body, token));
    expect(r.text).toMatch(/Failed to create queries: \[q\d+\]/);
  });
});
