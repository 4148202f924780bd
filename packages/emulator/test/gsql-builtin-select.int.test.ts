// The GSQL shell's built-in SELECT, as GSQL 101 "Run Built-in Queries" shows it
// (https://docs.tigergraph.com/v/2.6/intro/gsql-101/built-in-select-queries): `SELECT * | count() |
// attrs FROM vtype [WHERE …]` and `SELECT * FROM stype-(etype|ANY)->ttype|ANY WHERE from_id == "x"`.
// Output is a JSON array laid out as the shell prints it: a one-element array or one-key object
// stays on its opening line. Undirected edges count once (TigerGraph 2.4+, same page).
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { emulator, gsqlFile, gsqlStatements } from './helpers.js';

const SETUP = `CREATE VERTEX Club (PRIMARY_ID code STRING, title STRING, members INT, city STRING)
CREATE VERTEX Brand (PRIMARY_ID name STRING)
CREATE UNDIRECTED EDGE Rival (FROM Club, TO Club, since DATETIME)
CREATE DIRECTED EDGE Sponsors (FROM Brand, TO Club, amount INT) WITH REVERSE_EDGE="sponsored_by"
CREATE GRAPH league (*)
USE GRAPH league
UPSERT Club VALUES ("ajx", "Ajax", 120, "Amsterdam")
UPSERT Club VALUES ("psv", "PSV", 95, "Eindhoven")
UPSERT Club VALUES ("fey", "Feyenoord", 150, "Rotterdam")
UPSERT Club VALUES ("spa", "Sparta", 40, "Rotterdam")
UPSERT Brand VALUES ("acme")
UPSERT Club -(Rival)-> Club VALUES ("ajx", "fey", "1921-03-05")
UPSERT Club -(Rival)-> Club VALUES ("psv", "ajx", "1930-09-14")
UPSERT Club -(Rival)-> Club VALUES ("fey", "spa", "1908-01-01")
UPSERT Brand -(Sponsors)-> Club VALUES ("acme", "ajx", 7)`;

let e: RunningEmulator;
beforeAll(async () => {
  e = await emulator({ version: '3.10' });
  const r = await gsqlFile(e, SETUP);
  expect(r.text).toContain('__GSQL__RETURN__CODE__,0');
});

/** The shell's output of one statement in graph league, without the `Using graph` and return-code lines. */
async function shell(statement: string): Promise<{ text: string; code: number }> {
  const r = await gsqlFile(e, `USE GRAPH league\n${statement}`);
  const code = Number(/__GSQL__RETURN__CODE__,(\d+)/.exec(r.text)?.[1]);
  const text = r.text.replace("Using graph 'league'\n", '').replace(/__GSQL__RETURN__CODE__,\d+\n$/, '');
  return { text: text.trimEnd(), code };
}

const byId = (rows: { v_id?: string; to_id?: string }[]) =>
  [...rows].sort((a, b) => ((a.v_id ?? a.to_id ?? '') < (b.v_id ?? b.to_id ?? '') ? -1 : 1));

describe('built-in SELECT on vertices', () => {
  test('count() gives one {count, v_type} object, printed on the array line', async () => {
    const r = await shell('SELECT count() FROM Club');
    expect(r).toEqual({ text: '[{\n  "count": 4,\n  "v_type": "Club"\n}]', code: 0 });
  });

  test('SELECT * with primary_id gives {v_id, attributes, v_type}', async () => {
    const r = await shell('SELECT * FROM Club WHERE primary_id=="psv"');
    expect(r.text).toBe(
      '[{\n  "v_id": "psv",\n  "attributes": {\n    "title": "PSV",\n    "members": 95,\n    "city": "Eindhoven"\n  },\n  "v_type": "Club"\n}]',
    );
  });

  test('an attribute list keeps only those attributes; a one-key object stays inline', async () => {
    const r = await shell('SELECT title FROM Club WHERE city=="Rotterdam"');
    expect(byId(JSON.parse(r.text))).toEqual([
      { v_id: 'fey', attributes: { title: 'Feyenoord' }, v_type: 'Club' },
      { v_id: 'spa', attributes: { title: 'Sparta' }, v_type: 'Club' },
    ]);
    expect(r.text).toContain('\n    "attributes": {"title": "Sparta"},\n');
    expect(r.text.startsWith('[\n  {\n    "v_id": ')).toBe(true);
  });

  test('numeric comparisons and AND', async () => {
    const r = await shell('SELECT title, members FROM Club WHERE members > 90 AND members <= 120');
    expect(byId(JSON.parse(r.text))).toEqual([
      { v_id: 'ajx', attributes: { title: 'Ajax', members: 120 }, v_type: 'Club' },
      { v_id: 'psv', attributes: { title: 'PSV', members: 95 }, v_type: 'Club' },
    ]);
    expect(JSON.parse((await shell('SELECT * FROM Club WHERE members < 0')).text)).toEqual([]);
  });
});

describe('built-in SELECT on edges', () => {
  const rival = (from: string, to: string, since: string) => ({
    from_type: 'Club',
    to_type: 'Club',
    directed: false,
    from_id: from,
    to_id: to,
    attributes: { since },
    e_type: 'Rival',
  });

  test('edges leaving from_id, undirected ones from either end, as the from side', async () => {
    const r = await shell('SELECT * FROM Club-(Rival)->Club WHERE from_id =="ajx"');
    expect(byId(JSON.parse(r.text))).toEqual([
      rival('ajx', 'fey', '1921-03-05 00:00:00'),
      rival('ajx', 'psv', '1930-09-14 00:00:00'),
    ]);
    expect(r.text).toContain('\n    "attributes": {"since": "1921-03-05 00:00:00"},\n');
  });

  test('ANY edge type and ANY target take every edge type leaving the source type', async () => {
    const r = await shell('SELECT * FROM Brand-(ANY)->ANY WHERE from_id == "acme"');
    expect(JSON.parse(r.text)).toEqual([
      {
        from_type: 'Brand',
        to_type: 'Club',
        directed: true,
        from_id: 'acme',
        to_id: 'ajx',
        attributes: { amount: 7 },
        e_type: 'Sponsors',
      },
    ]);
    // From the target end, ANY takes the reverse edge type, seen from that end.
    const back = await shell('SELECT * FROM Club-(ANY)->Brand WHERE from_id == "ajx"');
    expect(JSON.parse(back.text)).toEqual([
      {
        from_type: 'Club',
        to_type: 'Brand',
        directed: true,
        from_id: 'ajx',
        to_id: 'acme',
        attributes: { amount: 7 },
        e_type: 'sponsored_by',
      },
    ]);
    const none = await shell('SELECT * FROM Club-(ANY)->Brand WHERE from_id == "psv"');
    expect(JSON.parse(none.text)).toEqual([]);
  });

  test('count() counts an undirected edge once', async () => {
    const r = await shell('SELECT count() FROM Club-(Rival)->Club');
    expect(r.text).toBe('[{\n  "count": 3,\n  "e_type": "Rival"\n}]');
    const fromOne = await shell('SELECT count() FROM Club-(Rival)->Club WHERE from_id == "fey"');
    expect(JSON.parse(fromOne.text)).toEqual([{ count: 2, e_type: 'Rival' }]);
  });
});

describe('built-in SELECT errors say what is wrong', () => {
  test.each([
    ['SELECT * FROM Club-(Rival)->Club', 'needs a from_id condition'],
    ['SELECT * FROM ANY-(Rival)->Club WHERE from_id == "ajx"', 'needs a source vertex type, not ANY'],
    ['SELECT * FROM Team', 'The vertex type Team does not exist in graph league'],
    ['SELECT * FROM Club-(Likes)->Club WHERE from_id == "ajx"', 'The edge type Likes does not exist'],
    ['SELECT nickname FROM Club', 'The attribute nickname is not an attribute of vertex type Club'],
    [
      'SELECT * FROM Club WHERE colour == "red"',
      'The attribute colour is not an attribute of vertex type Club',
    ],
  ])('%s', async (statement, message) => {
    const r = await shell(statement);
    expect(r.code).toBe(212);
    expect(r.text).toMatch(/^Semantic Check Fails: /);
    expect(r.text).toContain(message);
  });

  test('without a graph in use', async () => {
    const r = await gsqlFile(e, 'SELECT count() FROM Club');
    expect(r.text).toContain('Semantic Check Fails: No graph is in use.');
    expect(r.text).toContain('__GSQL__RETURN__CODE__,212');
  });

  test('a 1-block SELECT with aliases is still a 1-block SELECT (4.2)', async () => {
    const v4 = await emulator({ version: '4.2' });
    await gsqlStatements(v4, SETUP);
    const r = await gsqlStatements(v4, 'USE GRAPH league\nSELECT c FROM Club:c WHERE c.members > 140');
    expect(r.text).toContain('"Result_Vertex_Set"');
    expect(r.text).toContain('"v_id": "fey"');
  });
});
