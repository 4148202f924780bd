import { describe, expect, it } from 'vitest';
import {
  AuthError,
  describeErrorCode,
  errorCodes,
  errorFromResponse,
  GsqlError,
  NotFoundError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '../src/index.ts';

const VERSION = { edition: 'enterprise', api: 'v2', schema: 0 };
const vertices = { method: 'GET', path: '/restpp/graph/MyGraph/vertices/Patient' };

describe('error code catalogue', () => {
  it('lists every code once with a meaning and a kind', () => {
    const codes = errorCodes();
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    for (const c of codes) expect(c.meaning.length).toBeGreaterThan(3);
    expect(codes.filter((c) => c.kind === 'auth').map((c) => c.code)).toEqual([
      'REST-10016',
      'REST-10018',
      'REST-10019',
    ]);
  });

  it.each([
    ['REST-0000', 'success'],
    ['REST-0003', 'success'],
    ['REST-1000', 'not-found'],
    ['REST-1004', 'not-found'],
    ['601', 'not-found'],
    ['REST-3002', 'timeout'],
    ['GSQL-7002', 'timeout'],
    ['REST-30200', 'validation'],
    ['REST-4000', 'limit'],
    ['REST-14000', 'limit'],
    ['REST-12001', 'server'],
    ['GSQL-2500', 'gsql'],
    ['GSQL-7004', 'validation'],
    ['SYS-0002', 'limit'],
  ])('%s is %s', (code, kind) => {
    expect(describeErrorCode(code)?.kind).toBe(kind);
  });

  it('reads codes TigerGraph does not catalogue', () => {
    expect(describeErrorCode('40001')).toEqual({
      code: '40001',
      kind: 'gsql',
      meaning: 'user-defined exception raised by the query',
    });
    expect(describeErrorCode('3001')?.kind).toBe('gsql');
    expect(describeErrorCode('3001')?.meaning).toContain('runtime error');
    expect(describeErrorCode(7002)?.kind).toBe('timeout');
    expect(describeErrorCode('REST-99999')?.kind).toBe('server');
    expect(describeErrorCode('GSQL-9999')?.kind).toBe('gsql');
    expect(describeErrorCode('rest-10016')?.code).toBe('REST-10016');
    expect(describeErrorCode('E-0003')).toBeUndefined();
    expect(describeErrorCode('')).toBeUndefined();
    expect(describeErrorCode(undefined)).toBeUndefined();
  });

  it('errorFromResponse picks the class of each code by the catalogue kind, whatever the case or form', () => {
    // The error mapping reads kinds from a table apart from the catalogue's texts; the two agree.
    const classOf = {
      auth: AuthError,
      'not-found': NotFoundError,
      timeout: TimeoutError,
      validation: ValidationError,
      gsql: GsqlError,
    };
    const forms = errorCodes().flatMap((c) => [c.code, c.code.toLowerCase(), ` ${c.code} `]);
    for (const code of [...forms, '0', '2500', '7002', '7004', '40001', 'GSQL-9999', 'SYS-77', 'REST-77']) {
      const kind = describeErrorCode(code)?.kind;
      if (kind === undefined || kind === 'success') continue;
      const error = errorFromResponse({
        status: 500,
        body: { error: true, code, message: 'x' },
        endpoint: vertices,
      });
      const expected = (classOf as Record<string, typeof TigerGraphError>)[kind] ?? TigerGraphError;
      expect([code, error.constructor.name]).toEqual([code, expected.name]);
    }
  });
});

describe('errorFromResponse', () => {
  it('REST-10016 with no token (reference §3.6) → AuthError with a fix', () => {
    const error = errorFromResponse({
      status: 401,
      body: {
        version: VERSION,
        error: true,
        message: "Access Denied because the input token = '' is empty or too short",
        code: 'REST-10016',
      },
      endpoint: vertices,
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toBeInstanceOf(TigerGraphError);
    expect(error.code).toBe('REST-10016');
    expect(error.status).toBe(401);
    expect(error.requestId).toBe('req-1');
    expect(error.serverMessage).toBe("Access Denied because the input token = '' is empty or too short");
    expect(error.message).toContain(
      'GET /restpp/graph/MyGraph/vertices/Patient returned HTTP 401 (REST-10016)',
    );
    expect(error.message).toContain(
      'TigerGraph said: "Access Denied because the input token = \'\' is empty or too short"',
    );
    expect(error.message).toContain('getToken()');
  });

  it('REST-10016 with a bad token → check the token or secret', () => {
    const error = errorFromResponse({
      status: 403,
      body: {
        error: true,
        message: "Access Denied because the input token = 'lpa6****u1v' is not in correct format",
        code: 'REST-10016',
      },
      endpoint: vertices,
    });
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('Check the token or secret; request a new token with getToken().');
  });

  it('REST-10019 (expired) and REST-10018 (privilege) → AuthError', () => {
    const expired = errorFromResponse({
      status: 401,
      body: { code: 'REST-10019', error: true },
      endpoint: vertices,
    });
    expect(expired).toBeInstanceOf(AuthError);
    expect(expired.message).toContain('The token expired');
    const privilege = errorFromResponse({
      status: 401,
      body: { code: 'REST-10018', error: true, message: 'x' },
      endpoint: vertices,
    });
    expect(privilege).toBeInstanceOf(AuthError);
    expect(privilege.message).toContain('privilege');
  });

  it('401 / 403 without a code → AuthError; the GSQL server hint mentions username/password', () => {
    const gsql = errorFromResponse({
      status: 401,
      text: '',
      endpoint: { method: 'POST', path: '/gsqlserver/gsql/file' },
    });
    expect(gsql).toBeInstanceOf(AuthError);
    expect(gsql.message).toContain('username/password or gsqlSecret');
    const forbidden = errorFromResponse({
      status: 403,
      body: { error: true, message: 'nope' },
      endpoint: vertices,
    });
    expect(forbidden).toBeInstanceOf(AuthError);
  });

  it('REST-1004 names the graph and how to list graphs (golden vector §9.4)', () => {
    const error = errorFromResponse({
      status: 404,
      body: {
        version: VERSION,
        error: true,
        message:
          "The graph name 'occcc' parsed from the url = '/graph/occcc/vertices/entity/54321' is not found, please provide a valid graph name.",
        code: 'REST-1004',
      },
      endpoint: { method: 'GET', path: '/graph/occcc/vertices/entity/54321' },
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain("The graph name 'occcc' does not exist");
    expect(error.message).toContain('SHOW GRAPH *');
  });

  it('601 invalid vertex id → NotFoundError (golden vector §9.4)', () => {
    const error = errorFromResponse({
      status: 400,
      body: {
        version: VERSION,
        error: true,
        message: "The input vertex id '100000000' is not a valid vertex id for vertex type = Person.",
        code: '601',
      },
      endpoint: { method: 'GET', path: '/graph/ldbc_snb/vertices/Person/100000000' },
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('601');
  });

  it('REST-1000 hints differ for /requesttoken, /query and other paths', () => {
    const body = (url: string) => ({
      error: true,
      code: 'REST-1000',
      message: `Endpoint is not found from url = ${url}, please use GET /endpoints to list all valid endpoints.`,
    });
    const token = errorFromResponse({
      status: 404,
      body: body('/requesttoken'),
      endpoint: { method: 'POST', path: '/requesttoken' },
    });
    expect(token).toBeInstanceOf(NotFoundError);
    expect(token.message).toContain('RESTPP authentication is off');
    const query = errorFromResponse({
      status: 404,
      body: body('/query/g/q'),
      endpoint: { method: 'POST', path: '/restpp/query/g/q' },
    });
    expect(query.message).toContain('INSTALL QUERY');
    const other = errorFromResponse({
      status: 404,
      body: body('/eco'),
      endpoint: { method: 'GET', path: '/eco' },
    });
    expect(other.message).toContain('GET /endpoints');
  });

  it('a bare 404 on /gsql/v1 suggests a 3.x server; on /gsqlserver a 4.x server', () => {
    const v4 = errorFromResponse({
      status: 404,
      text: '<html>Not Found</html>',
      endpoint: { method: 'POST', path: '/gsql/v1/tokens' },
    });
    expect(v4).toBeInstanceOf(NotFoundError);
    expect(v4.message).toContain('probably TigerGraph 3.x or 4.0');
    const v3 = errorFromResponse({
      status: 404,
      text: '',
      endpoint: { method: 'GET', path: '/gsqlserver/gsql/schema' },
    });
    expect(v3.message).toContain('probably TigerGraph 4.1 or later');
  });

  it.each(['REST-3000', 'REST-3001', 'REST-3002', 'GSQL-7002'])('%s → TimeoutError', (code) => {
    const error = errorFromResponse({
      status: 504,
      body: { error: true, code, message: 'timeout' },
      endpoint: vertices,
    });
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('REST-3002 keeps the server message (trimmed) and suggests a larger timeout', () => {
    const error = errorFromResponse({
      status: 504,
      body: {
        error: true,
        code: 'REST-3002',
        message:
          "The query didn't finish because it exceeded the query timeout threshold (16 seconds). Please check GSE log for license expiration and RESTPP/GPE log with request id (16777217.RESTPP_1_1.1740477142564.N) for details. Try increase RESTPP.Factory.DefaultQueryTimeoutSec or add header GSQL-TIMEOUT to override default system timeout. ",
      },
      endpoint: { method: 'GET', path: '/restpp/query/g/q' },
    });
    expect(error.serverMessage?.endsWith('timeout.')).toBe(true);
    expect(error.message).toContain('pass a larger timeout');
  });

  it('504 and 408 without a code → TimeoutError', () => {
    expect(errorFromResponse({ status: 504, text: 'Gateway Timeout', endpoint: vertices })).toBeInstanceOf(
      TimeoutError,
    );
    expect(errorFromResponse({ status: 408, endpoint: vertices })).toBeInstanceOf(TimeoutError);
  });

  it.each(['REST-2001', 'REST-30000', 'REST-30001', 'REST-30200', 'REST-30400', 'REST-10004'])(
    '%s → ValidationError',
    (code) => {
      const error = errorFromResponse({
        status: 400,
        body: { error: true, code, message: 'bad' },
        endpoint: vertices,
      });
      expect(error).toBeInstanceOf(ValidationError);
    },
  );

  it('400 without a code → ValidationError', () => {
    expect(
      errorFromResponse({ status: 400, body: { error: true, message: 'ill-formed' }, endpoint: vertices }),
    ).toBeInstanceOf(ValidationError);
  });

  it('query runtime errors → GsqlError (no code, bare number, user exception)', () => {
    const q = { method: 'POST', path: '/restpp/query/g/q' };
    const noCode = errorFromResponse({
      status: 500,
      body: { error: true, message: 'Runtime Error: divider is zero.', version: VERSION },
      endpoint: q,
    });
    expect(noCode).toBeInstanceOf(GsqlError);
    const bare = errorFromResponse({
      status: 500,
      body: { error: true, code: '3001', message: 'Runtime Error: Parameter v_type is NULL.' },
      endpoint: q,
    });
    expect(bare).toBeInstanceOf(GsqlError);
    const user = errorFromResponse({
      status: 500,
      body: { code: '40001', error: true, message: 'custom' },
      endpoint: q,
    });
    expect(user).toBeInstanceOf(GsqlError);
    expect(user.message).toContain('user-defined exception');
    const engine = errorFromResponse({
      status: 200,
      body: { code: 'GSQL-2500', error: true, message: 'div' },
      endpoint: q,
    });
    expect(engine).toBeInstanceOf(GsqlError);
  });

  it('limits, server errors and gateway HTML → TigerGraphError base class', () => {
    const limit = errorFromResponse({
      status: 400,
      body: {
        error: true,
        code: 'REST-4000',
        message: 'The query response size is 256MB, which exceeds limit 32MB.',
        results: [],
      },
      endpoint: vertices,
    });
    expect(limit.constructor).toBe(TigerGraphError);
    expect(limit.message).toContain('RESPONSE-LIMIT');
    const queue = errorFromResponse({
      status: 422,
      body: { error: true, code: 'REST-14000', message: 'q' },
      endpoint: vertices,
    });
    expect(queue.constructor).toBe(TigerGraphError);
    const engine = errorFromResponse({
      status: 503,
      body: { error: true, code: 'REST-12001', message: 'x' },
      endpoint: vertices,
    });
    expect(engine.constructor).toBe(TigerGraphError);
    expect(engine.message).toContain('gadmin status');
    const html = errorFromResponse({
      status: 502,
      text: '<html><head><title>Starting workspace</title></head><body>…</body></html>',
      endpoint: vertices,
    });
    expect(html.constructor).toBe(TigerGraphError);
    expect(html.serverMessage).toBe('Starting workspace');
    expect(html.message).toContain('workspace is starting');
  });

  it('legacy servers answering 200 with error:true are classified by code', () => {
    const error = errorFromResponse({
      status: 200,
      body: { error: 'true', code: 'REST-10016', message: 'x' },
      endpoint: vertices,
    });
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toContain('returned HTTP 200');
  });

  it('reads a JSON body from text when no parsed body is given, and numeric codes', () => {
    const error = errorFromResponse({
      status: 400,
      text: '{"error":true,"code":601,"message":"no vertex"}',
      endpoint: vertices,
    });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('601');
  });

  it('redacts secrets and strips the query string from the endpoint', () => {
    const secret = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';
    const token = 'fc6p0i2ijjt031n0sja6m9ci70p232h7';
    const error = errorFromResponse({
      status: 401,
      body: { error: true, code: 'REST-10016', message: `bad secret ${secret} and Bearer ${token}` },
      endpoint: { method: 'get', path: `/requesttoken?secret=${secret}` },
      secrets: [secret],
    });
    const all = JSON.stringify({ ...error.toJSON(), message: error.message });
    expect(all).not.toContain(secret);
    expect(all).not.toContain(token);
    expect(error.endpoint?.path).toBe('/requesttoken');
    expect(error.message).toContain('GET /requesttoken returned');
  });

  it('clips very long server messages', () => {
    const error = errorFromResponse({
      status: 500,
      body: { error: true, message: 'x'.repeat(5000) },
      endpoint: vertices,
    });
    expect(error.serverMessage?.length).toBeLessThanOrEqual(501);
  });
});
