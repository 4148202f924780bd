// The vertex and edge methods of GSQL (docs.tigergraph.com/gsql-ref/3.11/querying/func/vertex-methods,
// /gsql-ref/current/querying/func/edge-methods): outdegree(), neighbors(), edgeAttribute(),
// neighborAttribute(), their .filter(), and isDirected(), installed and run on 3.10 and 4.2. Each
// answer is checked against the same method computed here from the test's own edge list: a vertex's
// outgoing edges of a directed type, both ends of an undirected one, and the incoming edges of a
// directed type seen through its reverse type.
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, country STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX Company (PRIMARY_ID id STRING, country STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE Follows (FROM Person, TO Person, since INT) WITH REVERSE_EDGE="Follows_rev"
CREATE DIRECTED EDGE WorksFor (FROM Person, TO Company, startYear INT)
CREATE UNDIRECTED EDGE Knows (FROM Person, TO Person, weight DOUBLE)
CREATE UNDIRECTED EDGE Likes (FROM Person, TO Person | FROM Person, TO Company, w INT)
CREATE GRAPH g (*)`;

const PEOPLE: Record<string, { name: string; country: string }> = {
  p1: { name: 'Ann', country: 'US' },
  p2: { name: 'Bob', country: 'FR' },
  p3: { name: 'Cid', country: 'US' },
  p4: { name: 'Dee', country: 'DE' },
  p5: { name: 'Eve', country: 'JP' },
};
const COMPANIES: Record<string, { country: string }> = {
  c1: { country: 'US' },
  c2: { country: 'FR' },
  c3: { country: 'DE' },
};
const typeOf = (id: string) => (id in PEOPLE ? 'Person' : 'Company');
const attrsOf = (id: string): Record<string, string> => ({ id, ...(PEOPLE[id] ?? COMPANIES[id]) });

interface Edge {
  type: string;
  from: string;
  to: string;
  attrs: Record<string, number>;
}
const EDGES: Edge[] = [
  { type: 'Follows', from: 'p1', to: 'p2', attrs: { since: 2010 } },
  { type: 'Follows', from: 'p1', to: 'p3', attrs: { since: 2015 } },
  { type: 'Follows', from: 'p2', to: 'p3', attrs: { since: 2018 } },
  { type: 'Follows', from: 'p3', to: 'p1', attrs: { since: 2020 } },
  { type: 'WorksFor', from: 'p1', to: 'c1', attrs: { startYear: 2012 } },
  { type: 'WorksFor', from: 'p1', to: 'c2', attrs: { startYear: 2017 } },
  { type: 'WorksFor', from: 'p2', to: 'c1', attrs: { startYear: 2019 } },
  { type: 'WorksFor', from: 'p4', to: 'c3', attrs: { startYear: 2016 } },
  { type: 'Knows', from: 'p1', to: 'p2', attrs: { weight: 0.5 } },
  { type: 'Knows', from: 'p2', to: 'p4', attrs: { weight: 1.5 } },
  { type: 'Likes', from: 'p1', to: 'p4', attrs: { w: 1 } },
  { type: 'Likes', from: 'p2', to: 'c2', attrs: { w: 2 } },
  { type: 'Likes', from: 'p3', to: 'c1', attrs: { w: 3 } },
  { type: 'Likes', from: 'p1', to: 'c3', attrs: { w: 4 } },
];
const REVERSE: Record<string, string> = { Follows_rev: 'Follows' };
const UNDIRECTED = new Set(['Knows', 'Likes']);
const ALL_TYPES = ['Follows', 'Follows_rev', 'WorksFor', 'Knows', 'Likes'];

/** The edges a method walks from `v` (brute force over EDGES): [edge type as walked, edge, far end]. */
function walk(v: string, types: string[] = ALL_TYPES): [string, Edge, string][] {
  const out: [string, Edge, string][] = [];
  for (const t of types) {
    const base = REVERSE[t] ?? t;
    for (const e of EDGES.filter((x) => x.type === base)) {
      if (REVERSE[t]) {
        if (e.to === v) out.push([t, e, e.from]);
      } else if (e.from === v) out.push([t, e, e.to]);
      else if (UNDIRECTED.has(t) && e.to === v) out.push([t, e, e.from]);
    }
  }
  return out;
}

const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => String(a).localeCompare(String(b)));
const SET_TYPES = ['Knows', 'WorksFor'];
const YEAR = 2016;

/** What each accumulator of METHODS_QUERY must hold for vertex `v`. */
function expected(v: string): Record<string, unknown> {
  const far = (types?: string[]) => walk(v, types).map(([, , t]) => t);
  const edgeAttr = (t: string, a: string) => walk(v, [t]).map(([, e]) => e.attrs[a]);
  const nbAttr = (t: string, vt: string, a: string) =>
    far([t])
      .filter((x) => typeOf(x) === vt)
      .map((x) => attrsOf(x)[a]);
  const jobs = walk(v, ['WorksFor']);
  return {
    'S.@nbAll': sorted(far()),
    'S.@nbAcc': sorted(far(SET_TYPES)),
    'S.@nbSet': sorted(far(SET_TYPES)),
    'S.@nbRev': sorted(far(['Follows_rev'])),
    'S.@since': sorted(edgeAttr('Follows', 'since')),
    'S.@revSince': sorted(edgeAttr('Follows_rev', 'since')),
    'S.@weights': sorted(edgeAttr('Knows', 'weight')),
    'S.@likeW': sorted(edgeAttr('Likes', 'w')),
    'S.@countries': sorted(nbAttr('Likes', 'Company', 'country')),
    'S.@names': sorted(nbAttr('Follows_rev', 'Person', 'name')),
    'S.@deg': walk(v).length,
    'S.@degSet': walk(v, SET_TYPES).length,
    'S.@recent': sorted(jobs.filter(([, e]) => (e.attrs['startYear'] ?? 0) >= YEAR).map(([, , c]) => c)),
    'S.@foreign': sorted(
      jobs.filter(([, , c]) => attrsOf(c)['country'] !== attrsOf(v)['country']).map(([, , c]) => c),
    ),
  };
}

const METHODS_QUERY = `CREATE QUERY methods(SET<STRING> ets, INT yr) FOR GRAPH g {
  BagAccum<VERTEX> @nbAll, @nbSet, @nbRev, @nbAcc;
  SetAccum<STRING> @@ets;
  SetAccum<VERTEX> @recent;
  BagAccum<INT> @since, @revSince, @likeW;
  BagAccum<DOUBLE> @weights;
  BagAccum<STRING> @countries, @names, @foreign;
  SumAccum<INT> @deg, @degSet;
  FOREACH t IN ets DO @@ets += t; END;
  S = {Person.*};
  S = SELECT s FROM S:s
      ACCUM s.@nbAll += s.neighbors(), s.@nbAcc += s.neighbors(@@ets), s.@nbSet += s.neighbors(ets), s.@nbRev += s.neighbors("Follows_rev"),
            s.@since += s.edgeAttribute("Follows", "since"), s.@revSince += s.edgeAttribute("Follows_rev", "since"),
            s.@weights += s.edgeAttribute("Knows", "weight"), s.@likeW += s.edgeAttribute("Likes", "w"),
            s.@countries += s.neighborAttribute("Likes", "Company", "country"),
            s.@names += s.neighborAttribute("Follows_rev", "Person", "name"),
            s.@deg += s.outdegree(), s.@degSet += s.outdegree(ets),
            s.@recent += s.neighbors("WorksFor").filter(WorksFor.startYear >= yr),
            s.@foreign += s.neighborAttribute("WorksFor", "Company", "id").filter(s.country != Company.country);
  PRINT S[S.@nbAll, S.@nbAcc, S.@nbSet, S.@nbRev, S.@since, S.@revSince, S.@weights, S.@likeW, S.@countries,
          S.@names, S.@deg, S.@degSet, S.@recent, S.@foreign];
}`;

const DIRECTED_QUERY = `CREATE QUERY directed() FOR GRAPH g {
  MapAccum<STRING, AndAccum> @@directed;
  S = {Person.*};
  A = SELECT t FROM S:s -(Follows>:e)- Person:t ACCUM @@directed += (e.type -> e.isDirected());
  B = SELECT t FROM S:s -(Follows_rev>:e)- Person:t ACCUM @@directed += (e.type -> e.isDirected());
  C = SELECT t FROM S:s -(Knows:e)- Person:t ACCUM @@directed += (e.type -> e.isDirected());
  D = SELECT t FROM S:s -(Likes:e)- :t ACCUM @@directed += (e.type -> e.isDirected());
  PRINT @@directed;
}`;

type Tree = { [k: string]: Tree | unknown };
/** The object under `key`, created when missing. */
function child(o: Tree, key: string): Tree {
  if (!(key in o)) o[key] = {};
  return o[key] as Tree;
}

/** Upserts PEOPLE, COMPANIES and EDGES in RESTPP's upsert JSON. */
async function load(e: RunningEmulator): Promise<void> {
  const vertices: Tree = {};
  for (const id of [...Object.keys(PEOPLE), ...Object.keys(COMPANIES)]) {
    const { id: _id, ...rest } = attrsOf(id);
    child(vertices, typeOf(id))[id] = Object.fromEntries(
      Object.entries(rest).map(([k, x]) => [k, { value: x }]),
    );
  }
  const edges: Tree = {};
  for (const x of EDGES) {
    const to = child(child(child(child(edges, typeOf(x.from)), x.from), x.type), typeOf(x.to));
    to[x.to] = Object.fromEntries(Object.entries(x.attrs).map(([k, v]) => [k, { value: v }]));
  }
  const r = await http(`${e.restppUrl}/graph/g`, {
    method: 'POST',
    body: JSON.stringify({ vertices, edges }),
  });
  expect(r.status).toBe(200);
}

/** CREATE + INSTALL through the shell endpoint each version has. */
async function install(
  e: RunningEmulator,
  version: string,
  text: string,
  name: string,
  graph = 'g',
): Promise<void> {
  const gsql = `USE GRAPH ${graph}\n${text}\nINSTALL QUERY ${name}`;
  const r = version.startsWith('3') ? await gsqlFile(e, gsql) : await gsqlStatements(e, gsql);
  expect(r.text).toContain('Query installation finished');
}

for (const version of ['3.10', '4.2']) {
  describe(`vertex and edge methods on ${version}`, () => {
    it('answers as the edge list does, for every vertex', async () => {
      const e = await emulator({ version, gsqlScript: SCHEMA });
      await load(e);
      await install(e, version, METHODS_QUERY, 'methods');
      const qs = `${SET_TYPES.map((t) => `ets=${t}`).join('&')}&yr=${YEAR}`;
      const r = await http(`${e.restppUrl}/query/g/methods?${qs}`);
      const body = r.json as {
        error: boolean;
        results: [{ S: { v_id: string; attributes: Record<string, unknown> }[] }];
      };
      expect(body.error).toBe(false);
      const got = Object.fromEntries(
        body.results[0].S.map((row) => [
          row.v_id,
          Object.fromEntries(
            Object.entries(row.attributes).map(([k, x]) => [k, Array.isArray(x) ? sorted(x) : x]),
          ),
        ]),
      );
      expect(got).toEqual(Object.fromEntries(Object.keys(PEOPLE).map((p) => [p, expected(p)])));
    });

    it('isDirected() is true on directed and reverse edges, false on undirected ones', async () => {
      const e = await emulator({ version, gsqlScript: SCHEMA });
      await load(e);
      await install(e, version, DIRECTED_QUERY, 'directed');
      const r = await http(`${e.restppUrl}/query/g/directed`);
      expect(r.json).toMatchObject({
        error: false,
        results: [{ '@@directed': { Follows: true, Follows_rev: true, Knows: false, Likes: false } }],
      });
    });
  });
}

describe('interpreted mode', () => {
  it('runs edgeAttribute() and refuses neighborAttribute(), as "Interpreted GSQL Limitations" lists', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
    await load(e);
    const interpret = (body: string) =>
      http(`${e.gsUrl}/gsql/v1/queries/interpret`, {
        method: 'POST',
        headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
        body: `INTERPRET QUERY () FOR GRAPH g {\n${body}\n}`,
      });
    const ok = await interpret(
      'SumAccum<INT> @@s; S = {Person.*}; S = SELECT s FROM S:s ACCUM FOREACH y IN s.edgeAttribute("Follows", "since") DO @@s += y END; PRINT @@s;',
    );
    const since = EDGES.filter((x) => x.type === 'Follows').reduce((a, x) => a + (x.attrs['since'] ?? 0), 0);
    expect(ok.json).toMatchObject({ error: false, results: [{ '@@s': since }] });
    const refused = await interpret(
      'BagAccum<STRING> @@c; S = {Person.*};\nS = SELECT s FROM S:s ACCUM @@c += s.neighborAttribute("Likes", "Company", "country");',
    );
    expect(refused.json).toMatchObject({
      error: true,
      message: expect.stringContaining(
        'The vertex function .neighborAttribute() is not supported in interpreted mode (line 3, column 36)',
      ),
    });
  });
});

// The filter() example of docs.tigergraph.com/gsql-ref/3.6/querying/func/vertex-methods#_filter, on the
// Work_Net graph of …/appendix/example-graphs (schema names as that page's query spells them): its
// printed result is the oracle (sets and bags compared without order).
const WORK_NET = `CREATE VERTEX person (PRIMARY_ID personId STRING, id STRING, locationId STRING)
CREATE VERTEX company (PRIMARY_ID clientId STRING, id STRING, country STRING)
CREATE UNDIRECTED EDGE worksFor (FROM person, TO company, startYear INT, startMonth INT, fullTime BOOL)
CREATE GRAPH workNet (*)`;
const WORK_PERSONS = 'person1,us person2,chn person3,jp person4,us person5,can person6,jp';
const WORK_COMPANIES = 'company1,us company2,chn company3,jp';
const WORK_EDGES =
  'person1,company1,2016,1,1 person1,company2,2014,3,0 person2,company1,2015,7,1 person2,company2,2012,6,0 person3,company1,2016,6,1 person4,company2,2013,2,1 person5,company2,2016,4,0 person6,company1,2015,1,1';

const FILTER_EX = `CREATE QUERY filterEx (SET<STRING> pIds, INT yr) FOR GRAPH workNet api("v2") {
  SetAccum<vertex<company>> @recentEmplr, @allEmplr;
  BagAccum<string> @diffCountry, @allCountry;
  Start = {person.*};
  L0 = SELECT v
       FROM Start:v
       WHERE v.id IN pIds
       ACCUM
         # filter using edge attribute
         v.@recentEmplr += v.neighbors("worksFor").filter(worksFor.startYear >= yr),
         v.@allEmplr += v.neighbors("worksFor").filter(true),
         # vertex alias attribute and neighbor type attribute
         v.@diffCountry += v.neighborAttribute("worksFor", "company", "id")
                            .filter(v.locationId != company.country),
         v.@allCountry += v.neighborAttribute("worksFor", "company", "id");
  PRINT yr, L0[L0.@recentEmplr, L0.@allEmplr, L0.@diffCountry, L0.@allCountry];
}`;

describe("the docs' filterEx example", () => {
  it('prints what the docs print for RUN QUERY filterEx(["person1","person2"], 2016)', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: WORK_NET });
    const rows = (s: string) => s.split(' ').map((r) => r.split(','));
    const value = (x: string | number | boolean) => ({ value: x });
    const person = Object.fromEntries(
      rows(WORK_PERSONS).map(([id = '', loc]) => [id, { id: value(id), locationId: value(loc ?? '') }]),
    );
    const company = Object.fromEntries(
      rows(WORK_COMPANIES).map(([id = '', c]) => [id, { id: value(id), country: value(c ?? '') }]),
    );
    const edges: Tree = {};
    for (const [p = '', c = '', y, m, f] of rows(WORK_EDGES)) {
      const to = child(child(child(child(edges, 'person'), p), 'worksFor'), 'company');
      to[c] = { startYear: value(Number(y)), startMonth: value(Number(m)), fullTime: value(f === '1') };
    }
    const up = await http(`${e.restppUrl}/graph/workNet`, {
      method: 'POST',
      body: JSON.stringify({ vertices: { person, company }, edges }),
    });
    expect(up.status).toBe(200);
    await install(e, '3.10', FILTER_EX, 'filterEx', 'workNet');
    const r = await http(`${e.restppUrl}/query/workNet/filterEx?pIds=person1&pIds=person2&yr=2016`);
    const body = r.json as {
      error: boolean;
      results: [{ yr: number; L0: { v_id: string; attributes: Tree }[] }];
    };
    expect(body.error).toBe(false);
    const printed = body.results[0].L0.map((v) => ({
      v_id: v.v_id,
      attributes: Object.fromEntries(
        Object.entries(v.attributes).map(([k, x]) => [k, sorted(x as string[])]),
      ),
    }));
    expect(body.results[0].yr).toBe(2016);
    expect(sorted(printed.map((p) => p.v_id))).toEqual(['person1', 'person2']);
    // The docs' printed L0 (3.6 vertex-methods page, "Results").
    expect(printed.find((p) => p.v_id === 'person1')?.attributes).toEqual({
      'L0.@diffCountry': ['company2'],
      'L0.@recentEmplr': ['company1'],
      'L0.@allCountry': ['company1', 'company2'],
      'L0.@allEmplr': ['company1', 'company2'],
    });
    expect(printed.find((p) => p.v_id === 'person2')?.attributes).toEqual({
      'L0.@diffCountry': ['company1'],
      'L0.@recentEmplr': [],
      'L0.@allCountry': ['company1', 'company2'],
      'L0.@allEmplr': ['company1', 'company2'],
    });
  });
});
