// No credential in any printable form of a provider, and none in the errors this package throws.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  createSecret,
  deleteToken,
  getToken,
  gsqlSecretAuth,
  jwtAuth,
  noAuth,
  passwordTokenAuth,
  secretTokenAuth,
  tokenAuth,
} from '../src/index.js';
import { ctxFor, GENERATED, scripted } from './helpers/scripted.js';

const PASSWORD = 'Pa55w0rd-with-ünïcode';
const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';
const TOKEN = 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl';

/** Every text form of a value and, for errors, of its whole cause chain. */
function texts(value: unknown, depth = 0): string[] {
  if (value === undefined || value === null || depth > 8) return [];
  const out = [String(value), inspect(value, { depth: 10, showHidden: true })];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {
    // not serialisable
  }
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? '');
    out.push(...texts((value as { cause?: unknown }).cause, depth + 1));
  }
  return out;
}

function expectClean(value: unknown, secrets: readonly string[]): void {
  for (const text of texts(value)) {
    for (const secret of secrets) expect(text, `leaked ${secret.slice(0, 4)}…`).not.toContain(secret);
  }
}

describe('printable forms of providers', () => {
  const providers = [
    basicAuth({ username: 'tigergraph', password: PASSWORD }),
    gsqlSecretAuth(SECRET),
    secretTokenAuth({ secret: SECRET }),
    passwordTokenAuth({ username: 'tigergraph', password: PASSWORD }),
    tokenAuth(TOKEN),
    jwtAuth(JWT),
    noAuth(),
  ];

  it('JSON, String and util.inspect show only the kind', () => {
    for (const p of providers) {
      expect(JSON.parse(JSON.stringify(p))).toEqual({ kind: p.kind });
      expect(String(p)).toBe(`AuthProvider(${p.kind})`);
      expect(inspect(p)).toBe(`AuthProvider(${p.kind})`);
      expect(Object.keys(p)).toEqual(['kind']);
      expectClean(p, [PASSWORD, SECRET, TOKEN, JWT]);
    }
  });

  it('secrets() lists every held credential, including the base64 Basic forms', () => {
    const basic = basicAuth({ username: 'tigergraph', password: PASSWORD });
    const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(`tigergraph:${PASSWORD}`)));
    expect(basic.secrets()).toEqual([PASSWORD, b64]);
    expect(gsqlSecretAuth(SECRET).secrets()).toEqual([SECRET, btoa(`__GSQL__secret:${SECRET}`)]);
    expect(tokenAuth(TOKEN).secrets()).toEqual([TOKEN]);
    expect(jwtAuth(JWT).secrets()).toEqual([JWT]);
  });

  it('secrets() keeps past tokens after a refresh', async () => {
    let n = 0;
    const s = scripted({
      'POST /requesttoken': () => ({
        body: { error: false, message: GENERATED, token: `tok${++n}xxxxxxxxxxxxxxxxxxxxxxxxxxxx` },
      }),
    });
    const auth = secretTokenAuth({ secret: SECRET });
    await auth.headers(ctxFor(s, 'restpp', '3'));
    await auth.onRejected?.(ctxFor(s, 'restpp', '3'), 'REST-10019');
    expect(auth.secrets()).toEqual(
      expect.arrayContaining([
        'tok1xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'tok2xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        SECRET,
      ]),
    );
  });
});

describe('errors carry no credential', () => {
  it('even when the server echoes the secret, password or token back', async () => {
    const echo = (what: string) => ({
      status: 401,
      body: {
        error: true,
        code: 'REST-10016',
        message: `Access Denied because the input = '${what}' is invalid. Basic ${btoa(`tigergraph:${PASSWORD}`)}`,
      },
    });
    const s = scripted({
      'POST /requesttoken': (req) => echo(JSON.stringify(req.json)),
      'POST /gsql/v1/tokens': (req) => echo(JSON.stringify(req.json)),
      'DELETE /requesttoken': (req) => ({
        status: 500,
        body: { error: true, code: 'X', message: `cannot drop ${JSON.stringify(req.json)}` },
      }),
      'POST /gsqlserver/gsql/file': {
        body: `Semantic Check Fails: ${SECRET} ${PASSWORD}\n__GSQL__RETURN__CODE__,1\n`,
      },
    });
    const auth = basicAuth({ username: 'tigergraph', password: PASSWORD });
    const attempts: Promise<unknown>[] = [
      secretTokenAuth({ secret: SECRET }).headers(ctxFor(s, 'restpp', '3')),
      secretTokenAuth({ secret: SECRET }).headers(ctxFor(s, 'restpp', '4')),
      passwordTokenAuth({ username: 'tigergraph', password: PASSWORD }).headers(ctxFor(s, 'restpp', '3')),
      getToken({ requester: s.requester, line: '3', auth }, SECRET),
      getToken({ requester: s.requester, line: '4', auth }),
      deleteToken({ requester: s.requester, line: '3', auth }, SECRET, { token: TOKEN }),
      createSecret({ requester: s.requester, line: '3', graph: 'G', auth }, 'x'),
    ];
    const errors = await Promise.all(
      attempts.map((p) =>
        p.then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expectClean(error, [PASSWORD, SECRET, TOKEN, btoa(`tigergraph:${PASSWORD}`)]);
    }
  });

  it('errors thrown by the requester itself are redacted too', async () => {
    const requester = async () => {
      throw new Error(`socket hang up while sending {"secret":"${SECRET}"}`);
    };
    const error = await getToken({ requester, line: '3' }, SECRET).catch((e: unknown) => e);
    expect(String(error)).toContain('socket hang up');
    expectClean(error, [SECRET]);
  });
});

describe('short credentials', () => {
  it('a two-character password echoed by the server is masked too', async () => {
    const s = scripted({
      'POST /gsql/v1/tokens': {
        status: 401,
        body: { error: true, message: 'login tigergraph:pw rejected' },
      },
    });
    const auth = basicAuth({ username: 'tigergraph', password: 'pw' });
    const error = await getToken({ requester: s.requester, line: '4', auth }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const text of texts(error)) expect(text).not.toMatch(/(?<![A-Za-z0-9_])pw(?![A-Za-z0-9_])/);
  });
});
