// RESTPP data endpoints: vertices, edges, upsert flags and ops, builtins, utilities.
import { describe, expect, test } from 'vitest';
import { emulator, http } from './helpers.js';

const SCHEMA = `
TYPEDEF TUPLE <f1 INT(4), f2 STRING(10)> Pair
CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, age INT, score DOUBLE, big INT, ok BOOL, born DATETIME, tags SET<STRING>, nums LIST<INT>, m MAP<STRING, INT>, p Pair)
CREATE VERTEX Account (PRIMARY_ID num UINT, balance UINT) WITH PRIMARY_ID_AS_ATTRIBUTE="true"
CREATE VERTEX City (name STRING PRIMARY KEY, pop INT)
CREATE VERTEX Member (first STRING, last STRING, since INT, PRIMARY KEY (first, last))
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since INT) WITH REVERSE_EDGE="Known_by"
CREATE UNDIRECTED EDGE Lives (FROM Person, TO City)
CREATE DIRECTED EDGE Pays (FROM Person, TO Account, DISCRIMINATOR(day DATETIME), amount DOUBLE)
CREATE GRAPH g (*)
`;

const V = { edition: 'enterprise', api: 'v2', schema: 0 };

async function graph() {
  const e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
  const post = (q: string, body: unknown, headers: Record<string, string> = {}) =>
    http(`${e.restppUrl}/graph/g${q}`, { method: 'POST', body: JSON.stringify(body), headers });
  const get = (p: string) => http(`${e.restppUrl}${p}`);
  const del = (p: string) => http(`${e.restppUrl}${p}`, { method: 'DELETE' });
  return { e, post, get, del };
}

describe('upsert', () => {
  test('vertices and edges → accepted counts and code by payload', async () => {
    const { post } = await graph();
    const r = await post('', {
      vertices: { Person: { a: { name: { value: 'Ann' }, age: { value: 30 } }, b: {} } },
      edges: { Person: { a: { Knows: { Person: { b: { since: { value: 2020 } } } } } } },
    });
    expect(r.json).toEqual({
      version: V,
      error: false,
      message: '',
      results: [{ accepted_vertices: 2, accepted_edges: 1 }],
      code: 'REST-0003',
    });
    expect((await post('', { vertices: { Person: { c: {} } } })).json).toMatchObject({ code: 'REST-0001' });
    expect(
      (await post('', { edges: { Person: { a: { Knows: { Person: { c: {} } } } } } })).json,
    ).toMatchObject({
      results: [{ accepted_vertices: 0, accepted_edges: 1 }],
      code: 'REST-0002',
    });
  });

  test('new_vertex_only / update_vertex_only / vertex_must_exist extras (exact key order)', async () => {
    const { post } = await graph();
    await post('', { vertices: { Person: { '7000': {}, '7001': {} } } });
    const n = await post('?new_vertex_only=true', {
      vertices: { Person: { '7000': {}, '7001': {}, '7002': {} } },
    });
    expect((n.json as { results: unknown[] }).results[0]).toEqual({
      accepted_vertices: 1,
      skipped_vertices: 2,
      vertices_already_exist: [
        { v_type: 'Person', v_id: '7000' },
        { v_type: 'Person', v_id: '7001' },
      ],
      accepted_edges: 0,
    });
    const u = await post('?update_vertex_only=true', { vertices: { Person: { '7000': {}, '7003': {} } } });
    expect((u.json as { results: unknown[] }).results[0]).toEqual({
      accepted_vertices: 1,
      skipped_vertices: 1,
      vertices_not_exist: [{ v_type: 'Person', v_id: '7003' }],
      accepted_edges: 0,
    });
    const m = await post('?vertex_must_exist=true', {
      edges: { Person: { '7002': { Knows: { Person: { '7001': { since: { value: 1 } }, '7009': {} } } } } },
    });
    expect(m.json).toEqual({
      version: V,
      error: false,
      message: '',
      results: [
        {
          accepted_vertices: 0,
          accepted_edges: 1,
          skipped_edges: 1,
          edge_vertices_not_exist: [{ v_type: 'Person', v_id: '7009' }],
        },
      ],
      code: 'REST-0002',
    });
  });

  test('collections, maps, tuples, datetimes and 64-bit ints beyond 2^53 round-trip exactly', async () => {
    const { e, get } = await graph();
    const body =
      '{"vertices":{"Person":{"x":{"age":{"value":10},"score":{"value":1.5},"big":{"value":9223372036854775807},"ok":{"value":true},' +
      '"born":{"value":"2024-01-15 10:30:00"},"tags":{"value":["a","b","a"]},"nums":{"value":[3,1]},' +
      '"m":{"value":{"keylist":["k1","k2"],"valuelist":[1,2]}},"p":{"value":{"keylist":["f1","f2"],"valuelist":[7,"hi"]}}}},' +
      '"Account":{"18446744073709551615":{"balance":{"value":18446744073709551615}}}}}';
    const r = await http(`${e.restppUrl}/graph/g`, { method: 'POST', body });
    expect(r.json).toMatchObject({ results: [{ accepted_vertices: 2, accepted_edges: 0 }] });
    const v = await get('/graph/g/vertices/Person/x');
    expect(v.text).toBe(
      '{"version":{"edition":"enterprise","api":"v2","schema":0},"error":false,"message":"","results":[{"v_id":"x","v_type":"Person","attributes":' +
        '{"name":"","age":10,"score":1.5,"big":9223372036854775807,"ok":true,"born":"2024-01-15 10:30:00","tags":["a","b"],"nums":[3,1],' +
        '"m":{"k1":1,"k2":2},"p":{"f1":7,"f2":"hi"}}}]}',
    );
    const a = await get('/graph/g/vertices/Account/18446744073709551615');
    expect(a.text).toContain(
      '"v_id":"18446744073709551615","v_type":"Account","attributes":{"num":18446744073709551615,"balance":18446744073709551615}',
    );
  });

  test('attribute ops: add, max, min, ignore_if_exists, or/and', async () => {
    const { post, get } = await graph();
    await post('', {
      vertices: { Person: { x: { age: { value: 10 }, name: { value: 'a' }, ok: { value: false } } } },
    });
    await post('', {
      vertices: {
        Person: {
          x: {
            age: { value: 5, op: 'add' },
            name: { value: 'b', op: '~' },
            ok: { value: true, op: 'or' },
            score: { value: 2, op: 'max' },
          },
        },
      },
    });
    expect(
      ((await get('/graph/g/vertices/Person/x?select=age,name,ok,score')).json as { results: unknown[] })
        .results[0],
    ).toEqual({
      v_id: 'x',
      v_type: 'Person',
      attributes: { age: 15, name: 'a', ok: true, score: 2 },
    });
    await post('', { vertices: { Person: { x: { age: { value: 3, op: '<' } } } } });
    expect((await get('/graph/g/vertices/Person/x?select=age')).json).toMatchObject({
      results: [{ attributes: { age: 3 } }],
    });
  });

  test('strict value types and unknown names reject the whole request', async () => {
    const { post, get } = await graph();
    const cases: [unknown, string, string][] = [
      [
        { vertices: { Person: { a: { name: { value: 5 } } } } },
        'REST-30200',
        'value cannot be converted to STRING',
      ],
      [
        { vertices: { Person: { a: { age: { value: '5' } } } } },
        'REST-30200',
        'value cannot be converted to INT',
      ],
      [
        { vertices: { Person: { a: { born: { value: 1700000000 } } } } },
        'REST-30200',
        'value cannot be converted to Datetime',
      ],
      [{ vertices: { Person: { a: { name: { value: null } } } } }, 'REST-30200', 'Null JSON value'],
      [
        { vertices: { Person: { a: { attributes: { value: 1 } } } } },
        'REST-10004',
        'Unknown vertex attribute "attributes"',
      ],
      [
        { vertices: { Nope: { a: {} } } },
        'REST-30200',
        "The vertex type 'Nope' is not a valid vertex type in graph g.",
      ],
      [
        { edges: { Person: { a: { Lives: { Person: { b: {} } } } } } },
        'REST-30200',
        "from vertex type 'Person' and to vertex type 'Person' is not valid for edge type 'Lives'",
      ],
    ];
    for (const [body, code, message] of cases) {
      const r = await post('', body);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ version: V, error: true, message, code });
    }
    expect((await get('/graph/g/vertices/Person?count_only=true')).json).toMatchObject({
      results: [{ v_type: 'Person', count: 0 }],
    });
  });

  test('flags and headers: ack, atomic level, conflicting must_exist flags', async () => {
    const { post } = await graph();
    expect(
      (await post('?ack=none', { vertices: { Person: { a: {} } } }, { 'gsql-atomic-level': 'atomic' }))
        .status,
    ).toBe(200);
    expect((await post('?ack=maybe', {})).json).toMatchObject({ error: true, code: 'REST-30000' });
    expect((await post('?vertex_must_exist=true&source_vertex_must_exist=true', {})).json).toMatchObject({
      error: true,
      code: 'REST-30000',
    });
  });
});

describe('vertices', () => {
  async function people() {
    const g = await graph();
    await g.post('', {
      vertices: {
        Person: {
          p1: { name: { value: 'Tom' }, age: { value: 30 } },
          p2: { name: { value: 'Ann' }, age: { value: 25 } },
          p3: { name: { value: 'Bob' }, age: { value: 40 } },
          'a/b ?#%+ é': { name: { value: 'Odd' }, age: { value: 1 } },
        },
      },
    });
    return g;
  }

  test('select, filter, sort, limit, count_only', async () => {
    const { get } = await people();
    const r = await get('/graph/g/vertices/Person?select=name&filter=age%3E20&sort=-age&limit=2');
    expect(r.json).toEqual({
      version: V,
      error: false,
      message: '',
      results: [
        { v_id: 'p3', v_type: 'Person', attributes: { name: 'Bob' } },
        { v_id: 'p1', v_type: 'Person', attributes: { name: 'Tom' } },
      ],
    });
    const q = await get('/graph/g/vertices/Person?filter=name=%22Ann%22&select=age');
    expect((q.json as { results: unknown[] }).results).toEqual([
      { v_id: 'p2', v_type: 'Person', attributes: { age: 25 } },
    ]);
    const c = await get('/graph/g/vertices/Person?count_only=true&filter=age>=30');
    expect(c.json).toEqual({
      version: V,
      error: false,
      message: '',
      results: [{ v_type: 'Person', count: 2 }],
    });
    const bad = await get('/graph/g/vertices/Person?select=nope');
    expect(bad.json).toMatchObject({ error: true, code: 'REST-30000' });
  });

  test('ids with / ? # % + spaces and non-ASCII round-trip', async () => {
    const { get, del } = await people();
    const id = 'a/b ?#%+ é';
    const r = await get(`/graph/g/vertices/Person/${encodeURIComponent(id)}?select=name`);
    expect((r.json as { results: unknown[] }).results).toEqual([
      { v_id: id, v_type: 'Person', attributes: { name: 'Odd' } },
    ]);
    const d = await del(`/graph/g/vertices/Person/${encodeURIComponent(id)}`);
    expect(d.json).toEqual({
      version: V,
      error: false,
      message: '',
      results: { v_type: 'Person', deleted_vertices: 1 },
    });
  });

  test('DELETE with filter/limit/sort, permanent, delete_by_type', async () => {
    const { get, del, post } = await people();
    const d = await del('/graph/g/vertices/Person?filter=age>20&sort=age&limit=1');
    expect((d.json as { results: unknown }).results).toEqual({ v_type: 'Person', deleted_vertices: 1 });
    expect((await get('/graph/g/vertices/Person/p2')).json).toMatchObject({ code: '601' });
    await del('/graph/g/vertices/Person/p1?permanent=true');
    expect((await post('', { vertices: { Person: { p1: {} } } })).json).toMatchObject({
      results: [{ accepted_vertices: 0 }],
    });
    const all = await del('/graph/g/delete_by_type/vertices/Person');
    expect((all.json as { results: unknown }).results).toEqual({ v_type: 'Person', deleted_vertices: 2 });
  });

  test('PRIMARY KEY and composite keys', async () => {
    const { post, get } = await graph();
    await post('', {
      vertices: { City: { Paris: { pop: { value: 2 } } }, Member: { 'Tom,Lee': { since: { value: 2001 } } } },
    });
    expect(((await get('/graph/g/vertices/City/Paris')).json as { results: unknown[] }).results).toEqual([
      { v_id: 'Paris', v_type: 'City', attributes: { name: 'Paris', pop: 2 } },
    ]);
    expect(((await get('/graph/g/vertices/Member/Tom,Lee')).json as { results: unknown[] }).results).toEqual([
      { v_id: 'Tom,Lee', v_type: 'Member', attributes: { first: 'Tom', last: 'Lee', since: 2001 } },
    ]);
  });
});

describe('edges', () => {
  async function social() {
    const g = await graph();
    await g.post('', {
      edges: {
        Person: {
          a: {
            Knows: { Person: { b: { since: { value: 1 } }, c: { since: { value: 5 } } } },
            Lives: { City: { Rome: {} } },
            Pays: {
              Account: {
                '1': [
                  { day: { value: '2024-01-01 00:00:00' }, amount: { value: 5 } },
                  { day: { value: '2024-01-02 00:00:00' }, amount: { value: 7 } },
                ],
              },
            },
          },
        },
      },
    });
    return g;
  }

  test('every path depth, reverse and undirected edges', async () => {
    const { get } = await social();
    const all = (await get('/graph/g/edges/Person/a')).json as { results: { e_type: string }[] };
    expect(all.results.map((x) => x.e_type)).toEqual(['Knows', 'Knows', 'Lives', 'Pays', 'Pays']);
    const knows = await get('/graph/g/edges/Person/a/Knows/Person/b');
    expect(knows.json).toEqual({
      version: V,
      error: false,
      message: '',
      results: [
        {
          e_type: 'Knows',
          directed: true,
          from_id: 'a',
          from_type: 'Person',
          to_id: 'b',
          to_type: 'Person',
          attributes: { since: 1 },
        },
      ],
    });
    const rev = await get('/graph/g/edges/Person/b/Known_by');
    expect((rev.json as { results: unknown[] }).results).toEqual([
      {
        e_type: 'Known_by',
        directed: true,
        from_id: 'b',
        from_type: 'Person',
        to_id: 'a',
        to_type: 'Person',
        attributes: { since: 1 },
      },
    ]);
    const und = await get('/graph/g/edges/City/Rome/Lives');
    expect((und.json as { results: unknown[] }).results).toEqual([
      {
        e_type: 'Lives',
        directed: false,
        from_id: 'Rome',
        from_type: 'City',
        to_id: 'a',
        to_type: 'Person',
        attributes: {},
      },
    ]);
    const byType = await get('/graph/g/edges/Person/a/Pays/Account');
    expect((byType.json as { results: unknown[] }).results).toHaveLength(2);
    const disc = await get('/graph/g/edges/Person/a/Pays/Account/1/2024-01-02%2000:00:00');
    expect((disc.json as { results: { attributes: unknown }[] }).results.map((x) => x.attributes)).toEqual([
      { day: '2024-01-02 00:00:00', amount: 7 },
    ]);
    const wild = await get('/graph/g/edges/Person/a/_?filter=since>2');
    expect((wild.json as { results: unknown[] }).results).toHaveLength(1);
    const count = await get('/graph/g/edges/Person/a/Knows?count_only=true');
    expect((count.json as { results: unknown[] }).results).toEqual([{ e_type: 'Knows', count: 2 }]);
    const missing = await get('/graph/g/edges/Person/zz');
    expect(missing.json).toEqual({
      version: V,
      error: true,
      message: "The input source_vertex_id 'zz' is not a valid vertex id for vertex type = Person.",
      code: '601',
    });
    const badType = await get('/graph/g/edges/Person/a/Nope');
    expect(badType.json).toMatchObject({
      code: 'REST-30000',
      message: "The input parameter edge_type = 'Nope' is not a valid edge type in graph g.",
    });
  });

  test('DELETE edges: one entry per edge type, zeros included; vertex delete cascades', async () => {
    const { get, del } = await social();
    const d = await del('/graph/g/edges/Person/a/Knows?filter=since>2');
    expect((d.json as { results: unknown[] }).results).toEqual([{ e_type: 'Knows', deleted_edges: 1 }]);
    const all = await del('/graph/g/edges/Person/a');
    expect((all.json as { results: unknown[] }).results).toEqual([
      { e_type: 'Knows', deleted_edges: 1 },
      { e_type: 'Known_by', deleted_edges: 0 },
      { e_type: 'Lives', deleted_edges: 1 },
      { e_type: 'Pays', deleted_edges: 2 },
    ]);
    const g2 = await social();
    await g2.del('/graph/g/vertices/Person/a');
    expect((await g2.get('/graph/g/edges/City/Rome')).json).toMatchObject({ results: [] });
    void get;
  });
});

describe('builtins and utilities', () => {
  test('stat_vertex_number / stat_edge_number / unknown type', async () => {
    const { post, e } = await graph();
    await post('', { edges: { Person: { a: { Knows: { Person: { b: {} } } } } } });
    const b = (body: unknown) =>
      http(`${e.restppUrl}/builtins/g`, { method: 'POST', body: JSON.stringify(body) });
    expect((await b({ function: 'stat_vertex_number', type: 'Person' })).json).toEqual({
      version: V,
      error: false,
      message: '',
      results: [{ v_type: 'Person', count: 2 }],
    });
    const all = (await b({ function: 'stat_vertex_number', type: '*' })).json as { results: unknown[] };
    expect(all.results).toEqual([
      { v_type: 'Person', count: 2 },
      { v_type: 'Account', count: 0 },
      { v_type: 'City', count: 0 },
      { v_type: 'Member', count: 0 },
    ]);
    expect(
      ((await b({ function: 'stat_edge_number', type: 'Knows' })).json as { results: unknown[] }).results,
    ).toEqual([{ e_type: 'Knows', count: 1 }]);
    const nope = await b({ function: 'stat_vertex_number', type: 'nope' });
    expect(nope.json).toMatchObject({ error: true, code: 'GSQL-7004' });
  });

  test('/endpoints, /statistics, /rebuildnow, /deleted_vertex_check', async () => {
    const { e, get } = await graph();
    const ep = (await get('/endpoints')).json as Record<string, unknown>;
    expect(ep['GET /echo']).toEqual({ parameters: { sleep: { default: '0', type: 'INT32' } } });
    expect(ep['GET /version']).toBeNull();
    expect(ep['POST /graph/{graph_name}']).toBeDefined();
    expect(Object.keys(ep)).toEqual(
      expect.arrayContaining([
        'POST /ddl/{graph_name}',
        'POST /shortestpath/{graph_name}',
        'POST /allpaths/{graph_name}',
      ]),
    );
    expect((await get('/statistics/g')).json).toEqual({});
    await get('/graph/g/vertices/Person');
    const st = (await get('/statistics/g?seconds=10&segments=4')).json as Record<
      string,
      Record<string, unknown>
    >;
    const s = st['GET /graph/{graph_name}/vertices/{vertex_type}'];
    expect(s?.['CompletedRequests']).toBe(1);
    expect(s?.['LatencyPercentile']).toHaveLength(4);
    expect((await get('/statistics/g?seconds=99')).json).toMatchObject({ error: true, code: 'REST-30400' });
    expect((await get('/rebuildnow/g')).json).toEqual({
      version: V,
      error: false,
      message: 'RebuildNow finished, please check details in the folder: /tmp/rebuildnow',
      results: [],
      code: 'REST-0000',
    });
    expect((await get('/deleted_vertex_check')).json).toEqual({
      version: V,
      error: false,
      message: 'check passed',
      results: [{ GPE: 'GPE_1_1', PassCheck: true, UnSyncList: [] }],
      code: 'REST-0000',
    });
    void e;
  });
});
