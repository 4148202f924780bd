// Parameter encoding for installed and interpreted queries, checked against the literal wire forms
// of the reference (§4.8 tables, §9.7 golden exchange, pyTigerGraph §4.9 recordings).
import { ValidationError } from '@tgraph/protocol';
import { encodeSearchParams } from '@tgraph/transport';
import { describe, expect, it } from 'vitest';
import {
  anyVertexParam,
  datetimeParam,
  encodeJsonParams,
  encodeQueryString,
  mapParam,
  needsPost,
  tupleParam,
  vertexParam,
} from '../src/queries.js';

const qs = (params: Parameters<typeof encodeQueryString>[0]) => encodeSearchParams(encodeQueryString(params));

describe('GET query-string encoding', () => {
  it('encodes the reference golden exchange (§9.7) exactly', () => {
    expect(
      qs({
        str: ['hello', 'world'],
        v: anyVertexParam('person', 'Mary'),
        party: [anyVertexParam('person', 'Tobias')],
      }),
    ).toBe('str=hello&str=world&v=Mary&v.type=person&party%5B0%5D=Tobias&party%5B0%5D.type=person');
  });

  it('scalars, booleans, bigints and DATETIME (space as %20, colon escaped)', () => {
    expect(
      qs({
        n: 5,
        big: 9007199254740993n,
        ok: false,
        s: 'a b&c=d%',
        d: datetimeParam('2024-01-15 10:30:00'),
        when: new Date(Date.UTC(2024, 0, 15, 10, 30, 0)),
      }),
    ).toBe(
      'n=5&big=9007199254740993&ok=false&s=a%20b%26c%3Dd%25&d=2024-01-15%2010%3A30%3A00&when=2024-01-15%2010%3A30%3A00',
    );
  });

  it('VERTEX<T> sends only the id; SET<VERTEX<T>> repeats it; SET<VERTEX> indexes with types', () => {
    expect(qs({ p: vertexParam('Patient', 'a/b c') })).toBe('p=a%2Fb%20c');
    expect(qs({ ps: [vertexParam('Patient', '1'), vertexParam('Patient', 2)] })).toBe('ps=1&ps=2');
    expect(qs({ vs: [anyVertexParam('A', '1'), anyVertexParam('B', 'x y')] })).toBe(
      'vs%5B0%5D=1&vs%5B0%5D.type=A&vs%5B1%5D=x%20y&vs%5B1%5D.type=B',
    );
  });

  it('leaves out undefined parameters and empty lists', () => {
    expect(qs({ a: undefined, b: [], c: 1 })).toBe('c=1');
  });

  it('refuses MAP, tuple and composite-key vertices in a query string, naming the parameter', () => {
    for (const params of [
      { m: mapParam({ a: 1 }) },
      { t: tupleParam({ a: 1 }) },
      { v: vertexParam('P', ['Tom', 456]) },
    ]) {
      const error = (() => {
        try {
          encodeQueryString(params);
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(/POST/);
      expect((error as ValidationError).field).toBe(Object.keys(params)[0]);
    }
    expect(needsPost({ m: mapParam({ a: 1 }) })).toBe(true);
    expect(needsPost({ v: [vertexParam('P', ['Tom', 456])] })).toBe(true);
    expect(needsPost({ v: vertexParam('P', 'Tom'), s: ['x'] })).toBe(false);
  });

  it('refuses a list that mixes untyped vertices with other values', () => {
    expect(() => encodeQueryString({ x: [anyVertexParam('A', '1'), 'b'] })).toThrow(/mixes anyVertexParam/);
  });
});

describe('POST JSON encoding', () => {
  it('encodes the reference golden exchange (§9.7) exactly', () => {
    expect(
      JSON.stringify(
        encodeJsonParams({
          str: ['hello', 'world'],
          v: anyVertexParam('person', 'Mary'),
          party: [anyVertexParam('person', 'Tobias')],
        }),
      ),
    ).toBe(
      '{"str":["hello","world"],"v":{"id":"Mary","type":"person"},"party":[{"id":"Tobias","type":"person"}]}',
    );
  });

  it('matches pyTigerGraph’s recorded POST body: VERTEX<T> {"id"}, % as %25, MAP keylist/valuelist', () => {
    expect(encodeJsonParams({ p: vertexParam('V', 1), s: '50%', m: mapParam({ a: 1 }) })).toEqual({
      p: { id: 1 },
      s: '50%25',
      m: { keylist: ['a'], valuelist: [1] },
    });
  });

  it('DATETIME values, Map objects, tuples and composite keys', () => {
    expect(
      encodeJsonParams({
        d: new Date(Date.UTC(2019, 1, 19, 19, 19, 19)),
        ds: [datetimeParam(Date.UTC(2020, 0, 1)), datetimeParam('2021-03-04')],
        m: mapParam(new Map<string | number, number | Date>([[1, new Date(0)]])),
        t: tupleParam({ name: 'a', score: 2.5 }),
        c: anyVertexParam('compositePerson', ['Tom', 456]),
      }),
    ).toEqual({
      d: '2019-02-19 19:19:19',
      ds: ['2020-01-01 00:00:00', '2021-03-04 00:00:00'],
      m: { keylist: [1], valuelist: ['1970-01-01 00:00:00'] },
      t: { keylist: ['name', 'score'], valuelist: ['a', 2.5] },
      c: { id: ['Tom', 456], type: 'compositePerson' },
    });
  });

  it('keeps 64-bit integers as bigint (serialised losslessly by the transport)', () => {
    expect(encodeJsonParams({ n: 18446744073709551615n })).toEqual({ n: 18446744073709551615n });
  });
});

describe('parameter validation', () => {
  it('rejects what TigerGraph cannot take, with a typed error saying how to fix it', () => {
    expect(() => vertexParam('', '1')).toThrow(ValidationError);
    expect(() => vertexParam('Patient', '')).toThrow(/non-empty/);
    expect(() => datetimeParam('15/01/2024')).toThrow(/YYYY-MM-DD HH:MM:SS/);
    expect(() => datetimeParam(new Date('nope'))).toThrow(ValidationError);
    expect(() => encodeJsonParams({ x: Number.NaN })).toThrow(/finite/);
    expect(() => encodeJsonParams({ x: { id: 1 } as never })).toThrow(/vertexParam/);
    expect(() => encodeQueryString({ x: null as never })).toThrow(/unsupported value \(null\)/);
    expect(() => mapParam({ a: [1] as never })).toThrow(ValidationError);
  });
});

describe('parseLsQueries (3.x catalogue from GSQL ls)', () => {
  it('reads names, signatures, install state and syntax', async () => {
    const { parseLsQueries } = await import('../src/queries/manage.js');
    const text = [
      'Jobs:',
      '  - CREATE LOADING JOB j FOR GRAPH g {}',
      'Queries:',
      '  - q1(VERTEX<Patient> p, SET<STRING> s) (installed v2)',
      '  - q2() (v1)',
      '  - q3(INT x)',
      '',
    ].join('\n');
    expect(parseLsQueries(text)).toEqual([
      { name: 'q1', installed: true, signature: 'VERTEX<Patient> p, SET<STRING> s', syntax: 'v2' },
      { name: 'q2', installed: false, signature: '', syntax: 'v1' },
      { name: 'q3', installed: false, signature: 'INT x' },
    ]);
  });
});
