// One client, two graphs: each request carries its own graph, and the credential provider uses a
// token for that graph. On 3.x RESTPP tokens are bound to one graph ("Access Denied because the
// input token = '…' is not valid for graph Other", REST-10016); on 4.x the same holds for tokens
// requested with a graph scope (`scopeTokensToGraph`). Facade and `tgraph/compat`.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { createClient, type TigerGraphClient } from 'tgraph';
import { TigerGraphConnection } from 'tgraph/compat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const OTHER_SECRET = 'othergraphsecret0123456789abcdef';
const GSQL = `
CREATE VERTEX Thing (PRIMARY_ID id STRING, name STRING) WITH primary_id_as_attribute="true"
CREATE GRAPH Other (Thing)
`;
const LOGIN = { username: 'tigergraph', password: 'tigergraph' } as const;

/** What each RESTPP request below `/graph/<name>` sent as Authorization, by graph. */
function bearersByGraph(emu: RunningEmulator, start: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of emu.requests.slice(start)) {
    const graph = /^\/restpp\/(?:graph|builtins)\/([^/]+)/.exec(r.path)?.[1];
    const bearer = r.headers.authorization;
    if (Array.isArray(bearer)) continue;
    if (graph === undefined || bearer === undefined) continue;
    out[graph] = [...(out[graph] ?? []), bearer];
  }
  return out;
}

for (const version of ['3.10', '4.2']) {
  // 3.x tokens are always graph-bound; 4.x ones only when scoped, which needs an exchange.
  const tokenOptions = version === '3.10' ? {} : { scopeTokensToGraph: true, exchange: true };

  describe(`two graphs on TigerGraph ${version} (RESTPP auth on)`, () => {
    let emu: RunningEmulator;
    const clients: { close(): Promise<void> }[] = [];
    const client = (extra: Record<string, unknown> = {}): TigerGraphClient => {
      const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', ...LOGIN, ...tokenOptions, ...extra });
      clients.push(tg);
      return tg;
    };

    beforeAll(async () => {
      emu = await startEmulator({
        version,
        auth: true,
        seed: 'covid',
        gsqlScript: GSQL,
        secrets: [{ secret: OTHER_SECRET, graph: 'Other' }],
      });
      const tg = client();
      await tg.vertices.upsert('Thing', 't1', { name: 'one' }, { graph: 'Other' });
    });
    afterAll(async () => {
      await Promise.all(clients.map((c) => c.close()));
      await emu?.stop();
    });

    it("facade: a call's { graph } gets a token for that graph; the default graph keeps its own", async () => {
      const tg = client();
      const start = emu.requests.length;
      expect(await tg.vertices.count('Patient')).toBe(24);
      expect(await tg.vertices.count('Thing', { graph: 'Other' })).toBe(1);
      const [thing] = await tg.vertices.getById('Thing', ['t1'], { graph: 'Other' });
      expect(thing?.attributes).toEqual({ id: 't1', name: 'one' });
      expect(await tg.vertices.count('Patient')).toBe(24);
      const sent = bearersByGraph(emu, start);
      const mine = new Set(sent.MyGraph);
      const other = new Set(sent.Other);
      expect(mine.size).toBe(1);
      expect(other.size).toBe(1);
      expect([...mine][0]).toMatch(/^Bearer /);
      expect([...other][0]).toMatch(/^Bearer /);
      expect([...mine][0]).not.toBe([...other][0]);
    });

    it("getToken with another graph's secret serves that graph and leaves the default graph on the password", async () => {
      const tg = client();
      // 4.x: a token for one graph is a scoped one (a global token is kept apart from graph scopes).
      const scope = version === '4.2' ? { scopeToGraph: true } : {};
      const issued = await tg.auth.getToken({ secret: OTHER_SECRET, graph: 'Other', ...scope });
      const start = emu.requests.length;
      expect(await tg.vertices.count('Thing', { graph: 'Other' })).toBe(1);
      expect(await tg.vertices.count('Patient')).toBe(24);
      const sent = bearersByGraph(emu, start);
      expect(sent.Other).toEqual([`Bearer ${issued.token}`]);
      expect(sent.MyGraph?.at(-1)).not.toBe(`Bearer ${issued.token}`);
    });

    it("getToken with another graph's secret but no graph: the default graph falls back to the password", async () => {
      const tg = client();
      await tg.auth.getToken({ secret: OTHER_SECRET });
      expect(await tg.vertices.count('Thing', { graph: 'Other' })).toBe(1);
      expect(await tg.vertices.count('Patient')).toBe(24);
      expect(await tg.vertices.count('Patient')).toBe(24);
    });

    it('compat: useGraph switches the graph of every later call, tokens included', async () => {
      const conn = new TigerGraphConnection({
        host: emu.gsUrl,
        graphname: 'MyGraph',
        ...LOGIN,
        client: tokenOptions,
      });
      clients.push(conn);
      expect(await conn.getVertexCount('Patient')).toBe(24);
      conn.useGraph('Other');
      expect(await conn.getVertexCount('Thing')).toBe(1);
      const [thing] = await conn.getVerticesById('Thing', 't1');
      expect(thing?.attributes).toEqual({ id: 't1', name: 'one' });
      conn.useGraph('MyGraph');
      expect(await conn.getVertexCount('Patient')).toBe(24);
    });

    it("compat: getToken(otherGraphsSecret) after useGraph('Other') leaves MyGraph working", async () => {
      const conn = new TigerGraphConnection({
        host: emu.gsUrl,
        graphname: 'MyGraph',
        ...LOGIN,
        client: tokenOptions,
      });
      clients.push(conn);
      conn.useGraph('Other');
      await conn.getToken(OTHER_SECRET);
      expect(await conn.getVertexCount('Thing')).toBe(1);
      conn.useGraph('MyGraph');
      expect(await conn.getVertexCount('Patient')).toBe(24);
    });
  });
}
