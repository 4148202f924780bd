// CREATE QUERY refuses vertex and edge method calls that cannot be right (docs.tigergraph.com/
// gsql-ref/3.11/querying/func/vertex-methods gives each method's argument count and STRING
// arguments; an edge type, vertex type or attribute written as a literal must exist in the graph),
// and the result types GSQL fixes (outdegree() INT, isDirected() BOOL) take part in type checks.
// What a parameter names is checked when the query runs.
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING) WITH primary_id_as_attribute="true"
CREATE VERTEX Company (PRIMARY_ID id STRING, country STRING) WITH primary_id_as_attribute="true"
CREATE DIRECTED EDGE Follows (FROM Person, TO Person, since INT) WITH REVERSE_EDGE="Follows_rev"
CREATE DIRECTED EDGE WorksFor (FROM Person, TO Company, startYear INT)
CREATE GRAPH g (*)`;

const SELECT = 'BagAccum<STRING> @@b; S = {Person.*}; S = SELECT s FROM S:s ACCUM @@b += ';

/** [body, the part of it the error points at (a method call is placed at its dot, a comparison at
 *  its operator), message]. */
const CASES: [string, string, string][] = [
  [
    `${SELECT}s.edgeAttribute("Follows", "nope");`,
    '"nope"',
    'The attribute nope does not exist in edge type Follows',
  ],
  [
    `${SELECT}s.neighborAttribute("WorksFor", "Company", "nope");`,
    '"nope"',
    'The attribute nope does not exist in vertex type Company',
  ],
  [
    `${SELECT}s.neighborAttribute("WorksFor", "Nope", "id");`,
    '"Nope"',
    'The vertex type Nope is not defined in graph g.',
  ],
  [`${SELECT}s.edgeAttribute("Nope", "since");`, '"Nope"', 'The edge type Nope is not defined in graph g.'],
  [
    `${SELECT}s.edgeAttribute(1, "since");`,
    '1, "since"',
    'Type mismatch: argument 1 of .edgeAttribute() is INT, not STRING',
  ],
  [
    `${SELECT}s.edgeAttribute("Follows");`,
    '.edgeAttribute',
    'The method .edgeAttribute() takes 2 argument(s), not 1',
  ],
  [
    'ListAccum<INT> @@l; PRINT @@l.filter(true);',
    '.filter',
    '.filter() follows neighbors(), neighborAttribute() or edgeAttribute()',
  ],
  [
    `${SELECT}s.neighborAttribute("WorksFor", "Company", "id").filter(s.name);`,
    '.name',
    'Type mismatch: the condition of .filter() is STRING, not BOOL',
  ],
  [
    `${SELECT}s.neighbors("WorksFor").filter(WorksFor.nope > 1).size();`,
    '.nope',
    'The attribute nope does not exist in edge type WorksFor',
  ],
  [
    `${SELECT}s.neighborAttribute("WorksFor", "Company", "id").filter(Company.nope == "US");`,
    '.nope',
    'The attribute nope does not exist in vertex type Company',
  ],
  [
    'S = {Person.*}; S = SELECT s FROM S:s POST-ACCUM s.setAttr("name");',
    '.setAttr',
    'The method .setAttr() takes 2 to 3 argument(s), not 1',
  ],
  [
    'STRING d = ""; S = {Person.*}; S = SELECT s FROM S:s ACCUM d = s.outdegree();',
    '.outdegree',
    'Type mismatch: variable d is STRING, the value is INT',
  ],
  [
    'S = {Person.*}; S = SELECT s FROM S:s WHERE s.isDirected();',
    '.isDirected',
    'The method .isDirected() is not a method of VERTEX',
  ],
  [
    'S = {Person.*}; S = SELECT s FROM S:s -(Follows>:e)- Person:t WHERE e.outdegree() > 1;',
    '.outdegree',
    'The method .outdegree() is not a method of EDGE',
  ],
  [
    'S = {Person.*}; S = SELECT s FROM S:s -(Follows>:e)- Person:t WHERE e.isDirected() == 1;',
    '==',
    'Type mismatch: cannot compare BOOL with INT',
  ],
];

/** CREATE through the shell endpoint each version has; the body is on line 3, indented by 2. */
async function create(
  e: RunningEmulator,
  version: string,
  body: string,
  params = '',
  then = '',
): Promise<string> {
  const text = `USE GRAPH g\nCREATE QUERY bad(${params}) FOR GRAPH g {\n  ${body}\n}${then}`;
  return (version.startsWith('3') ? await gsqlFile(e, text) : await gsqlStatements(e, text)).text;
}

for (const version of ['3.10', '4.2']) {
  describe(`CREATE QUERY checks vertex and edge methods on ${version}`, () => {
    for (const [body, at, message] of CASES) {
      it(body, async () => {
        const e = await emulator({ version, gsqlScript: SCHEMA });
        const column = body.indexOf(at) + 3;
        // The 3.x shell endpoint ends its answer with the return code line (tigergraph-rest.md, `POST G3/gsql/file`).
        const code = version.startsWith('3') ? '__GSQL__RETURN__CODE__,212\n' : '';
        expect(await create(e, version, body)).toBe(
          `Using graph 'g'\nSemantic Check Fails: ${message} (line 3, column ${column}).\nFailed to create queries: [bad].\n${code}`,
        );
      });
    }

    it('checks an edge type given by a parameter when the query runs', async () => {
      const e = await emulator({ version, gsqlScript: SCHEMA });
      await http(`${e.restppUrl}/graph/g`, {
        method: 'POST',
        body: JSON.stringify({ vertices: { Person: { p1: { name: { value: 'Ann' } } } } }),
      });
      const made = await create(
        e,
        version,
        'SumAccum<INT> @@n; S = {Person.*}; S = SELECT s FROM S:s ACCUM @@n += s.neighbors(et).size();',
        'STRING et',
        '\nINSTALL QUERY bad',
      );
      expect(made).toContain('Query installation finished');
      const r = await http(`${e.restppUrl}/query/g/bad?et=Nope`);
      expect(r.json).toMatchObject({
        error: true,
        message: expect.stringMatching(
          /^Runtime Error: \.neighbors\(\): Nope is not an edge type of g \(line 3, column \d+\)\.$/,
        ),
      });
    });
  });
}
