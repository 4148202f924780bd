// The GSQL shell session across requests: the client's JSON `Cookie` header goes in, the updated
// session comes back on a `__GSQL__COOKIES__,<json>` line, and the next request sends it back. The
// cookie keeps the graph in use and the session parameters, which `ls` lists under `SessionParameters:`.
import { describe, expect, test } from 'vitest';
import { basic, emulator, http } from './helpers.js';

const SCHEMA = `CREATE VERTEX Shop (PRIMARY_ID code STRING, city STRING)
CREATE UNDIRECTED EDGE Supplies (FROM Shop, TO Shop)
CREATE GRAPH market (Shop, Supplies)`;

type Emu = Awaited<ReturnType<typeof emulator>>;

/** A GSQL client that keeps its session the way TigerGraph's gsql client does. */
function client(e: Emu, v4: boolean) {
  let cookie = JSON.stringify({ fromGsqlClient: true });
  return async (text: string): Promise<{ out: string; cookie: Record<string, unknown> }> => {
    const url = v4 ? `${e.gsUrl}/gsql/v1/statements` : `${e.gsUrl}/gsqlserver/gsql/file`;
    const body = v4 ? text : encodeURIComponent(text);
    const r = await http(url, { method: 'POST', headers: { Authorization: basic(), Cookie: cookie }, body });
    expect(r.status).toBe(200);
    const line = r.text.split('\n').find((l) => l.startsWith('__GSQL__COOKIES__,'));
    expect(line).toBeDefined();
    cookie = (line ?? '').slice('__GSQL__COOKIES__,'.length);
    const out = r.text
      .split('\n')
      .filter((l) => !l.startsWith('__GSQL__'))
      .join('\n');
    return { out, cookie: JSON.parse(cookie) as Record<string, unknown> };
  };
}

describe.each([
  ['3.10', false],
  ['4.2', true],
])('GSQL shell session on %s', (version, v4) => {
  test('SET holds for later requests of the session and ls lists it', async () => {
    const e = await emulator({ version, gsqlScript: SCHEMA });
    const gsql = client(e, v4);
    const first = await gsql('USE GRAPH market\nSET syntax_version="v2"');
    expect(first.out).toContain("Using graph 'market'");
    expect(first.cookie).toMatchObject({
      fromGsqlClient: true,
      graph: 'market',
      sessionParameters: { syntax_version: 'v2' },
    });
    const ls = await gsql('ls');
    expect(ls.out).toContain('---- Graph market\n');
    expect(ls.out).toContain('Queries:\n\nSessionParameters:\n  - syntax_version: v2\n');
    // Another client (another session) has not set it.
    const other = await client(e, v4)('USE GRAPH market\nls');
    expect(other.out).not.toContain('SessionParameters:');
  });

  test('exit_on_error set in one request governs the next', async () => {
    const e = await emulator({ version, gsqlScript: SCHEMA });
    // exit_on_error is on by default: the first error ends the script.
    const stopped = await client(e, v4)('DROP VERTEX Nowhere\nCREATE VERTEX Depot (PRIMARY_ID id STRING)');
    expect(stopped.out).not.toContain('Depot');
    const gsql = client(e, v4);
    await gsql('USE GRAPH market\nSET exit_on_error = "false"');
    const r = await gsql('DROP VERTEX Nowhere\nCREATE VERTEX Depot (PRIMARY_ID id STRING)');
    expect(r.out).toContain('Successfully created vertex types: [Depot].');
    const ls = await gsql('ls');
    expect(ls.out).toContain('SessionParameters:\n  - exit_on_error: false\n');
  });

  test('requests without a cookie stay one-request sessions and get no cookie line', async () => {
    const e = await emulator({ version, gsqlScript: SCHEMA });
    const url = v4 ? `${e.gsUrl}/gsql/v1/statements` : `${e.gsUrl}/gsqlserver/gsql/file`;
    const send = (text: string) =>
      http(url, {
        method: 'POST',
        headers: { Authorization: basic() },
        body: v4 ? text : encodeURIComponent(text),
      });
    const set = await send('USE GRAPH market\nSET syntax_version="v2"\nls');
    expect(set.text).toContain('SessionParameters:\n  - syntax_version: v2\n');
    expect(set.text).not.toContain('__GSQL__COOKIES__');
    const later = await send('USE GRAPH market\nls');
    expect(later.text).not.toContain('SessionParameters:');
  });
});
