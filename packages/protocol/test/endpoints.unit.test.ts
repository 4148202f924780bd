import { describe, expect, it } from 'vitest';
import * as endpoints from '../src/endpoint-specs.ts';
import {
  buildPath,
  compositeVertexId,
  discriminatorSegment,
  edgePath,
  encodeSegment,
  endpoint,
  endpointNames,
  hasEndpoint,
  queryPath,
  specFor,
  TigerGraphError,
  ValidationError,
  vertexPath,
} from '../src/index.ts';

describe('endpoints per line', () => {
  it('one export per endpoint, named as its catalogue name, found by name and by import alike', () => {
    const exported = Object.entries(endpoints);
    expect(exported.length).toBe(endpointNames().length);
    for (const [name, def] of exported) {
      expect(def.name).toBe(name);
      for (const line of ['3', '4'] as const) {
        if (hasEndpoint(def.name as never, line))
          expect(specFor(def, line)).toEqual(endpoint(def.name as never, line));
      }
    }
    expect(specFor(endpoints.vertex, '4')).toEqual({
      service: 'restpp',
      method: 'GET',
      path: '/graph/{graph}/vertices/{vertexType}/{vertexId}',
      idempotent: true,
    });
    expect(() => specFor(endpoints.refreshToken, '4')).toThrow(
      /refreshToken is not available on TigerGraph 4\.1\+/,
    );
  });

  it('tokens: 3.x RESTPP /requesttoken, 4.x GSQL /gsql/v1/tokens', () => {
    expect(endpoint('requestToken', '3')).toMatchObject({
      service: 'restpp',
      method: 'POST',
      path: '/requesttoken',
    });
    expect(endpoint('requestToken', '4')).toMatchObject({
      service: 'gsql',
      method: 'POST',
      path: '/gsql/v1/tokens',
    });
    expect(endpoint('deleteToken', '4')).toMatchObject({ method: 'DELETE', path: '/gsql/v1/tokens' });
    expect(endpoint('refreshToken', '3')).toMatchObject({ method: 'PUT', path: '/requesttoken' });
  });

  it('refreshToken on 4.x explains itself', () => {
    expect(hasEndpoint('refreshToken', '4')).toBe(false);
    try {
      endpoint('refreshToken', '4');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TigerGraphError);
      expect((error as TigerGraphError).code).toBe('TG-UNSUPPORTED');
      expect((error as Error).message).toContain('request a new token with getToken()');
    }
  });

  it('GSQL statements, schema, secrets, simpleauth differ by line', () => {
    expect(endpoint('gsqlStatements', '3')).toMatchObject({ path: '/gsqlserver/gsql/file', body: 'form' });
    expect(endpoint('gsqlStatements', '4')).toMatchObject({ path: '/gsql/v1/statements', body: 'text' });
    expect(endpoint('schema', '3')).toMatchObject({ path: '/gsqlserver/gsql/schema', graphParam: 'graph' });
    expect(endpoint('schema', '4').path).toBe('/gsql/v1/schema/graphs/{graph}');
    expect(endpoint('createSecret', '3')).toMatchObject({
      path: '/gsqlserver/gsql/file',
      statement: 'CREATE SECRET',
    });
    expect(endpoint('createSecret', '4')).toMatchObject({ method: 'POST', path: '/gsql/v1/secrets' });
    expect(endpoint('listSecrets', '4')).toMatchObject({
      method: 'GET',
      path: '/gsql/v1/secrets',
      idempotent: true,
    });
    expect(endpoint('simpleAuth', '3').path).toBe('/gsqlserver/gsql/simpleauth');
    expect(endpoint('simpleAuth', '4').path).toBe('/gsql/v1/auth/simple');
    expect(endpoint('udts', '4').path).toBe('/gsql/v1/udt/tuples');
  });

  it('RESTPP endpoints are the same on both lines; reads are idempotent, writes are not', () => {
    for (const name of [
      'echo',
      'version',
      'vertices',
      'upsert',
      'builtins',
      'runQuery',
      'statistics',
      'endpoints',
    ] as const) {
      expect(endpoint(name, '3')).toEqual(endpoint(name, '4'));
      expect(endpoint(name, '3').service).toBe('restpp');
    }
    expect(endpoint('vertices', '4').idempotent).toBe(true);
    expect(endpoint('upsert', '4').idempotent).toBe(false);
    expect(endpoint('runQuery', '4').idempotent).toBe(false);
  });

  it('every endpoint name resolves on at least one line, with a path starting with /', () => {
    for (const name of endpointNames()) {
      const specs = (['3', '4'] as const)
        .filter((line) => hasEndpoint(name, line))
        .map((line) => endpoint(name, line));
      expect(specs.length).toBeGreaterThan(0);
      for (const spec of specs) expect(spec.path.startsWith('/')).toBe(true);
    }
  });
});

describe('path building', () => {
  it('encodes ids with / ? # % +, spaces and non-ASCII as one segment', () => {
    expect(vertexPath('MyGraph', 'Patient', 'a/b?c#d%e+f g')).toBe(
      '/graph/MyGraph/vertices/Patient/a%2Fb%3Fc%23d%25e%2Bf%20g',
    );
    expect(vertexPath('G', 'Person', 'Zoë 北京')).toBe(
      '/graph/G/vertices/Person/Zo%C3%AB%20%E5%8C%97%E4%BA%AC',
    );
    expect(vertexPath('G', 'Person')).toBe('/graph/G/vertices/Person');
    expect(vertexPath('G', 'Person', 12345678901234567890n)).toBe(
      '/graph/G/vertices/Person/12345678901234567890',
    );
    expect(decodeURIComponent(encodeSegment('a/b?c#d%e+f g'))).toBe('a/b?c#d%e+f g');
  });

  it('refuses ids that cannot travel in a path', () => {
    expect(() => vertexPath('G', 'T', '')).toThrow(ValidationError);
    expect(() => vertexPath('G', 'T', '..')).toThrow("vertexId '..' cannot be sent in a URL path");
    expect(() => vertexPath('G', 'T', '.')).toThrow(ValidationError);
    // Lone surrogates have no UTF-8 form: a ValidationError, not encodeURIComponent's bare URIError.
    expect(() => vertexPath('G', 'T', 'ab\uD800')).toThrow(
      'vertexId holds a lone UTF-16 surrogate (\\uD800 at index 2), which has no UTF-8 form and cannot be sent',
    );
    expect(() => vertexPath('G', 'T', '\uDC00x')).toThrow(ValidationError);
    expect(vertexPath('G', 'T', '🙂')).toBe('/graph/G/vertices/T/%F0%9F%99%82');
  });

  it('fills templates and names a missing graph', () => {
    expect(buildPath(endpoint('vertex', '3').path, { graph: 'G', vertexType: 'T', vertexId: 'x y' })).toBe(
      '/graph/G/vertices/T/x%20y',
    );
    expect(() => buildPath('/graph/{graph}', {})).toThrow('A graph name is required: set options.graph');
    expect(() => buildPath('/query/{graph}/{query}', { graph: 'g' })).toThrow(
      "Missing path parameter 'query'",
    );
  });

  it('edge paths', () => {
    expect(edgePath('G', { sourceType: 'V', sourceId: 'id/1' })).toBe('/graph/G/edges/V/id%2F1');
    expect(edgePath('G', { sourceType: 'V', sourceId: 'x y', edgeType: 'E' })).toBe(
      '/graph/G/edges/V/x%20y/E',
    );
    expect(edgePath('G', { sourceType: 'V', sourceId: 1, targetType: 'W' })).toBe('/graph/G/edges/V/1/_/W');
    expect(
      edgePath('G', {
        sourceType: 'V',
        sourceId: 9,
        edgeType: 'E',
        targetType: 'V',
        targetId: 77,
        discriminator: ['1117', '2010-04-09 03:57:01'],
      }),
    ).toBe('/graph/G/edges/V/9/E/V/77/1117%2C2010-04-09%2003%3A57%3A01');
    expect(() => edgePath('G', { sourceType: 'V', sourceId: 1, targetId: 2 })).toThrow('targetType');
  });

  it('discriminators and composite ids', () => {
    expect(discriminatorSegment([77, 'a,b', 'c\\d'])).toBe('77,a\\,b,c\\\\d');
    expect(compositeVertexId(['Tom', 456])).toBe('Tom,456');
    expect(queryPath('social', 'print params')).toBe('/query/social/print%20params');
  });
});
