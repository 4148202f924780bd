// `tgraph/compat`: pyTigerGraph's method names and argument order over the same api functions.
// Seed 001's flows (self-hosted: username/password then getToken(secret); Cloud: gsqlSecret then
// getToken(secret)) plus a tour of the ported methods, checked on the wire.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { AuthError } from 'tgraph';
import { TigerGraphConnection } from 'tgraph/compat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'compatsecret0123456789abcdefghij';

for (const version of ['3.10', '4.2']) {
  describe(`TigerGraphConnection against TigerGraph ${version} (RESTPP auth on)`, () => {
    let emu: RunningEmulator;
    const open: TigerGraphConnection[] = [];
    const connect = (options: ConstructorParameters<typeof TigerGraphConnection>[0]) => {
      const conn = new TigerGraphConnection({ host: emu.gsUrl, graphname: 'MyGraph', ...options });
      open.push(conn);
      return conn;
    };
    const since = () => {
      const start = emu.requests.length;
      return () => emu.requests.slice(start);
    };

    beforeAll(async () => {
      emu = await startEmulator({
        version,
        auth: true,
        seed: 'covid',
        secrets: [{ secret: SECRET, graph: 'MyGraph' }],
      });
    });
    afterAll(async () => {
      await Promise.all(open.map((c) => c.close()));
      await emu?.stop();
    });

    it('seed 001 (self-hosted): username/password, then getToken(secret)', async () => {
      const conn = connect({ username: 'tigergraph', password: 'tigergraph' });
      const log = since();
      const issued = await conn.getToken(SECRET);
      const patients = await conn.getVertices('Patient', 'birth_year', '', 5);
      expect(patients).toHaveLength(5);
      expect(patients.map((p) => Object.keys(p.attributes))).toEqual(Array(5).fill(['birth_year']));
      const listing = log().find((r) => r.path === '/restpp/graph/MyGraph/vertices/Patient');
      expect(listing?.headers.authorization).toBe(`Bearer ${issued.token}`);
      expect(listing?.query).toEqual({ select: 'birth_year', limit: '5' });
    });

    it('seed 001 (Cloud style): gsqlSecret, then getToken(secret)', async () => {
      const conn = connect({ gsqlSecret: SECRET });
      const issued = await conn.getToken(SECRET, true, 3600);
      const log = since();
      expect(await conn.getVertexCount('Patient')).toBe(24);
      expect(log().at(-1)?.headers.authorization).toBe(`Bearer ${issued.token}`);
    });

    it('vertices, edges, queries, paths and GSQL in pyTigerGraph argument order', async () => {
      const conn = connect({ username: 'tigergraph', password: 'tigergraph' });
      await conn.getToken(SECRET);
      let log = since();
      expect(await conn.upsertVertex('Patient', 'compat-1', { birth_year: 1990 })).toBe(1);
      const upsert = log().find((r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph');
      expect(JSON.parse(upsert!.body)).toEqual({
        vertices: { Patient: { 'compat-1': { birth_year: { value: 1990 } } } },
      });
      const [one] = await conn.getVerticesById('Patient', 'compat-1', 'birth_year');
      expect(one?.attributes).toEqual({ birth_year: 1990 });
      expect(await conn.delVerticesById('Patient', ['compat-1'])).toBe(1);

      log = since();
      const cities = await conn.getEdges('Patient', '6100000100', 'PATIENT_FROM_CITY');
      expect(cities).toHaveLength(1);
      expect(log()[0]?.path).toBe('/restpp/graph/MyGraph/edges/Patient/6100000100/PATIENT_FROM_CITY');
      expect(await conn.isDirected('PATIENT_FROM_CITY')).toBe(false);
      expect(await conn.getVertexAttrs('Patient')).toContainEqual(['birth_year', 'INT']);
      const table = await conn.getVertexDataFrame('Patient', 'birth_year', '', 2);
      expect(table).toEqual([
        { v_id: '6100000100', birth_year: 1959 },
        { v_id: '6023000024', birth_year: 0 },
      ]);

      const result = (await conn.runInstalledQuery('city_stats')) as { patients?: number }[];
      expect(result[0]?.patients).toBe(24);

      const found = await conn.shortestPath(
        { type: 'Patient', id: '6100000100' },
        { type: 'City', id: String(cities[0]?.to_id) },
        3,
      );
      expect(found.vertices.length).toBeGreaterThanOrEqual(2);

      expect(await conn.gsql('ls')).toContain('Vertex Types');
      expect(TigerGraphConnection.isReservedKeyword('select')).toBe(true);
      expect(await conn.echo()).toBe('Hello GSQL');
      expect(await conn.getVer()).toBe(emu.version);
    });

    it('createSecret / getSecrets / dropSecret with pyTigerGraph return shapes', async () => {
      const conn = connect({ username: 'tigergraph', password: 'tigergraph' });
      const created = (await conn.createSecret('compat_alias', true)) as Record<string, string>;
      expect(Object.keys(created)).toEqual(['compat_alias']);
      const secrets = await conn.getSecrets();
      expect(Object.keys(secrets)).toContain('compat_alias');
      await conn.dropSecret('compat_alias');
      expect(Object.keys(await conn.getSecrets())).not.toContain('compat_alias');
    });

    it('upsertData, getSchemaVer and schema-change jobs in pyTigerGraph argument order', async () => {
      const conn = connect({ username: 'tigergraph', password: 'tigergraph' });
      await conn.getToken(SECRET);
      const log = since();
      const summary = await conn.upsertData(
        { vertices: { Patient: { 'compat-raw': { birth_year: { value: 1999 } } } } },
        true,
        false,
        true,
      );
      expect(summary.accepted_vertices).toBe(1);
      const upsert = log().find((r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph');
      expect(upsert?.query).toEqual({ new_vertex_only: 'true' });
      expect(upsert?.headers['gsql-atomic-level']).toBe('atomic');

      const before = await conn.getSchemaVer();
      await conn.createSchemaChangeJob('compat_job', [
        'ADD VERTEX Hospital (PRIMARY_ID id STRING, name STRING)',
      ]);
      expect((await conn.getSchemaChangeJobs()).map((j) => j.name)).toContain('compat_job');
      await conn.runSchemaChangeJob('compat_job');
      expect(await conn.getSchemaVer()).toBe(before + 1);
      expect((await conn.getVertexTypes()) as string[]).toContain('Hospital');
      await conn.dropSchemaChangeJobs('compat_job');
      expect((await conn.getSchemaChangeJobs()).map((j) => j.name)).not.toContain('compat_job');
    });

    it('getVectorStatus / getVectorIndexStatus (4.2+ only)', async () => {
      const conn = connect({ username: 'tigergraph', password: 'tigergraph' });
      await conn.getToken(SECRET);
      if (version === '4.2') {
        expect(await conn.getVectorStatus('Patient')).toBe(true);
        expect(await conn.getVectorIndexStatus()).toEqual({ NeedRebuildServers: [] });
      } else {
        await expect(conn.getVectorStatus('Patient')).rejects.toThrow(/TigerGraph 4\.2 and later/);
      }
    });

    it('useGraph changes the graph of later calls; a wrong password is an AuthError', async () => {
      const conn = connect({ username: 'tigergraph', password: 'tigergraph' });
      await conn.getToken(SECRET);
      conn.useGraph('OtherGraph');
      const log = since();
      await expect(conn.getVertices('Patient')).rejects.toThrow(/OtherGraph/);
      expect(log().some((r) => r.path.includes('/graph/OtherGraph/vertices/Patient'))).toBe(true);
      const wrong = connect({ username: 'tigergraph', password: 'nope' });
      await expect(wrong.getSecrets()).rejects.toBeInstanceOf(AuthError);
    });
  });
}
