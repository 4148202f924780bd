// The GSQL DDL parser on its own: statements, recovery after a syntax error.
import { describe, expect, test } from 'vitest';
import { GsqlParser } from '../src/gsql/parser.js';

function parseAll(src: string) {
  const p = new GsqlParser(src);
  const out = [];
  for (let r = p.nextStatement(); r; r = p.nextStatement()) out.push(r);
  return out;
}

describe('GsqlParser', () => {
  test('vertex with PRIMARY_ID, defaults and WITH options', () => {
    const [r] = parseAll(
      'create vertex P (primary_id id INT, n STRING default "x", a LIST<INT>) with stats="NONE"',
    );
    expect(r?.ok).toBe(true);
    if (!r?.ok || r.statement.kind !== 'createVertex') throw new Error('expected createVertex');
    const def = r.statement.def;
    expect(def.keyStyle).toBe('primary_id');
    expect(def.primaryId).toEqual({ name: 'id', type: { kind: 'primitive', name: 'INT' } });
    expect(def.attributes[0]).toEqual({
      name: 'n',
      type: { kind: 'primitive', name: 'STRING' },
      defaultValue: 'x',
    });
    expect(def.options.get('STATS')).toBe('NONE');
  });

  test('edges: multiple pairs, FROM A|B, FROM *, discriminators', () => {
    const [a, b, c] = parseAll(
      'CREATE UNDIRECTED EDGE E (FROM A, TO B | FROM C, TO D, w INT)\nCREATE DIRECTED EDGE F (FROM A|B, TO C)\nCREATE EDGE G (FROM *, TO *, DISCRIMINATOR(d DATETIME, k INT))',
    );
    const pairs = (r: typeof a) => (r?.ok && r.statement.kind === 'createEdge' ? r.statement.def : undefined);
    expect(pairs(a)?.pairs).toEqual([
      { from: 'A', to: 'B' },
      { from: 'C', to: 'D' },
    ]);
    expect(pairs(b)?.pairs).toEqual([
      { from: 'A', to: 'C' },
      { from: 'B', to: 'C' },
    ]);
    expect(pairs(c)?.fromStar).toBe(true);
    expect(pairs(c)?.discriminators).toEqual(['d', 'k']);
  });

  test('a syntax error is reported at its token and parsing resumes on the next line', () => {
    const rs = parseAll('CREATE VERTEX (\nls\nDROP GRAPH g');
    expect(rs[0]).toMatchObject({
      ok: false,
      error: { message: 'Encountered " "(" "( "" at line 1, column 15.' },
    });
    expect(rs.slice(1).map((r) => r.ok && r.statement.kind)).toEqual(['ls', 'dropGraph']);
  });

  test('comments and semicolons separate nothing important', () => {
    const rs = parseAll('# comment\nls; // trailing\n/* block\ncomment */ USE GRAPH g;');
    expect(rs.map((r) => r.ok && r.statement.kind)).toEqual(['ls', 'useGraph']);
  });

  test('schema-change job bodies', () => {
    const [r] = parseAll(
      'CREATE SCHEMA_CHANGE JOB j FOR GRAPH g { ADD VERTEX X (PRIMARY_ID id INT); DROP EDGE E1, E2; ALTER VERTEX Y ADD ATTRIBUTE (z INT DEFAULT 3); }',
    );
    if (!r?.ok || r.statement.kind !== 'createSchemaJob') throw new Error('expected a job');
    expect(r.statement.graph).toBe('g');
    expect(r.statement.actions.map((x) => x.kind)).toEqual(['addVertex', 'dropEdge', 'alterAddAttributes']);
  });
});
