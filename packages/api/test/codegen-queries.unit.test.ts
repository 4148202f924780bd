// The pieces of generateQueryTypes that need no server: PRINT grouping from query text, GSQL type
// strings, the fallbacks when the text is missing or disagrees, and option checks.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { parseGsqlType } from '../src/codegen/gsql-type.js';
import { printGroups } from '../src/codegen/print-groups.js';
import { parametersWithDefaults } from '../src/codegen/query-header.js';
import { generateQueryTypes } from '../src/codegen.js';

describe('printGroups', () => {
  it('counts the items of each PRINT, stopping at WHERE and TO_CSV', () => {
    const text = `CREATE QUERY q() { PRINT a, f(b, c), S[S.x AS y, S.z]; PRINT d WHERE d > 1, e; PRINT g TO_CSV f; }`;
    expect(printGroups(text)).toEqual([
      { items: 3, unconditional: true },
      { items: 1, unconditional: true },
      { items: 1, unconditional: true },
    ]);
  });

  it('marks PRINTs inside IF, ELSE IF, WHILE and FOREACH, and ignores comments and strings', () => {
    const text = `CREATE QUERY q() {
      /* PRINT a; */ // PRINT b;
      STRING s = "PRINT c;";
      IF x THEN PRINT d; ELSE IF y THEN PRINT e; END;
      WHILE x LIMIT 3 DO PRINT f; END;
      FOREACH i IN RANGE[0, 2] DO PRINT g; END;
      INT k = CASE WHEN x THEN 1 ELSE 2 END;
      PRINT h;
    }`;
    expect(printGroups(text).map((g) => g.unconditional)).toEqual([false, false, false, false, true]);
  });
});

describe('parseGsqlType and parametersWithDefaults', () => {
  it('parses nested accumulator types and drops GroupBy field names', () => {
    expect(parseGsqlType('MapAccum<string, SetAccum<vertex<Person>>>')).toEqual({
      head: 'MapAccum',
      args: [
        { head: 'string', args: [] },
        { head: 'SetAccum', args: [{ head: 'vertex', args: [{ head: 'Person', args: [] }] }] },
      ],
    });
    expect(parseGsqlType('GroupByAccum<int a, SumAccum<int> b>').args.map((a) => a.head)).toEqual([
      'int',
      'SumAccum',
    ]);
  });

  it('finds the parameters that declare a default', () => {
    const text = 'CREATE QUERY q(VERTEX<P> p, INT n = 10, SET<STRING> s, STRING t = "a=b") FOR GRAPH g {}';
    expect([...parametersWithDefaults(text)]).toEqual(['n', 't']);
  });
});

describe('generateQueryTypes without a server', () => {
  const query = {
    name: 'q',
    parameters: [{ name: 'x', type: 'int' }],
    output: [
      { name: 'a', type: 'int' },
      { name: 'b', type: 'SetAccum<string>' },
    ],
  };

  it('without the text, each printed item may be its own object', () => {
    const text = generateQueryTypes([query], { typeName: 'Q' });
    expect(text).toContain('    params: { x: number | bigint };');
    expect(text).toContain(
      '    result: ReadonlyArray<\n      | { a: number }\n      | { b: string[] }\n    >;',
    );
  });

  it('falls back the same way when the text disagrees with the signature', () => {
    const text = generateQueryTypes([{ ...query, text: 'CREATE QUERY q(INT x) { PRINT a; }' }], {
      typeName: 'Q',
    });
    expect(text).toContain('      | { a: number }');
  });

  it('refuses a bad type name or integer mode', () => {
    expect(() => generateQueryTypes([query], { typeName: 'my queries' })).toThrow(ValidationError);
    expect(() => generateQueryTypes([query], { integers: 'float' as never })).toThrow(/integers must be/);
    expect(() => generateQueryTypes({} as never)).toThrow(/array of query signatures/);
  });
});

describe('tuples declared in the query text', () => {
  const text = `CREATE QUERY top() {
    # TYPEDEF TUPLE <INT no> Commented
    TYPEDEF TUPLE <VERTEX Vertex_ID, FLOAT score> Vertex_Score;
    TYPEDEF TUPLE<INT n, MAP<STRING, INT> m, BOOL ok> Other;
    HeapAccum<Vertex_Score>(3, score DESC) @@top;
    PRINT @@top AS top, @@one AS one, @@many AS many;
  }`;

  it('gives printed tuples, and heaps and lists of them, their fields', () => {
    const out = generateQueryTypes(
      [
        {
          name: 'top',
          parameters: [],
          output: [
            { name: 'top', type: 'HeapAccum<Vertex_Score>' },
            { name: 'one', type: 'MaxAccum<other>' },
            { name: 'many', type: 'ListAccum<vertex_Score>' },
          ],
          text,
        },
      ],
      { typeName: 'Q' },
    );
    expect(out).toContain(
      '{ top: Array<{ Vertex_ID: string; score: number }>; one: { n: number; m: unknown; ok: boolean }; many: Array<{ Vertex_ID: string; score: number }> }',
    );
    expect(out).not.toContain('Commented');
  });
});
