// The main schema, GSQL and system flows on the runtime's own fetch, in Node, Chromium and Deno,
// against emulators created through the control server. No node: imports here.
import { basicAuth } from '@tgraph/auth';
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { GsqlError } from '@tgraph/protocol';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSchemaTypes } from '../src/codegen.js';
import { type ApiContext, createContext } from '../src/context.js';
import { gsql, isReservedKeyword } from '../src/gsql.js';
import {
  edgeTypeOf,
  getSchema,
  listGraphs,
  runSchemaChange,
  validateSchema,
  vertexTypeOf,
} from '../src/schema.js';
import { echo, getVersion, ping } from '../src/system.js';
import { listUdts } from '../src/udts.js';

const control = connectControl(inject('tgraphControlUrl'));

for (const version of ['3.10', '4.2']) {
  const line = version === '4.2' ? '4' : '3';
  describe(`schema, gsql and system on the runtime's fetch, TigerGraph ${version}`, () => {
    let emu: EmulatorHandle;
    let transport: Transport;
    let ctx: ApiContext;
    let seen = 0;
    const since = async (): Promise<ControlRecordedRequest[]> => {
      const all = await control.requests(emu.id);
      // Browsers send CORS preflights first; only the requests themselves count here.
      const fresh = all.filter((r) => r.seq > seen && r.method !== 'OPTIONS');
      seen = all.at(-1)?.seq ?? seen;
      return fresh;
    };

    beforeAll(async () => {
      emu = await control.create({
        version,
        seed: 'covid',
        auth: true,
        cors: { origins: '*' },
        gsqlScript: 'TYPEDEF TUPLE <f1 INT(8), f2 STRING(10)> Pair',
      });
      transport = createTransport({
        restppUrls: [line === '3' ? emu.restppUrl : emu.restppViaGsUrl],
        gsqlUrl: emu.gsUrl,
        auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
        line,
        graph: 'MyGraph',
        retry: { limit: 0 },
      });
      ctx = createContext({ transport, graph: 'MyGraph', line });
      await echo(ctx);
      await since();
    });
    afterAll(async () => {
      await transport.close();
      await control.destroy(emu.id);
    });

    it('runs GSQL at the line’s endpoint and raises GSQL failures as GsqlError', async () => {
      const result = await gsql(ctx, 'ls', { graph: 'MyGraph' });
      expect(result.ok).toBe(true);
      expect(result.output).toContain('---- Graph MyGraph');
      const [r] = await since();
      expect(r?.method).toBe('POST');
      expect(r?.path).toBe(line === '4' ? '/gsql/v1/statements' : '/gsqlserver/gsql/file');
      expect(r?.body).toBe(line === '4' ? 'USE GRAPH MyGraph\nls' : 'USE+GRAPH+MyGraph%0Als');
      let error: unknown;
      try {
        await gsql(ctx, 'DROP GRAPH Missing');
      } catch (e) {
        error = e;
      }
      expect(error instanceof GsqlError).toBe(true);
      expect((error as GsqlError).output).toContain('Missing');
      expect(isReservedKeyword('vertex')).toBe(true);
      expect(isReservedKeyword('Patient')).toBe(false);
    });

    it('reads the typed schema once, then from the cache', async () => {
      await since();
      const schema = await getSchema(ctx);
      expect(vertexTypeOf(schema, 'Patient')?.primaryId.name).toBe('patient_id');
      expect(edgeTypeOf(schema, 'INFECTED_BY')?.reverseEdge).toBe('reverse_INFECTED_BY');
      expect(schema.udts.map((u) => u.name)).toEqual(['Pair']);
      const first = await since();
      expect(first.map((r) => r.url).sort()).toEqual(
        line === '4'
          ? ['/gsql/v1/schema/graphs/MyGraph', '/gsql/v1/udt/tuples?graph=MyGraph']
          : ['/gsqlserver/gsql/schema?graph=MyGraph', '/gsqlserver/gsql/udtlist?graph=MyGraph'],
      );
      expect(await getSchema(ctx)).toBe(schema);
      expect(await since()).toEqual([]);
      expect((await listUdts(ctx))[0]?.fields.map((f) => f.type)).toEqual(['INT', 'STRING']);
      expect(generateSchemaTypes(schema.raw).split('\n')).toContain('        birth_year: number;');
    });

    it('changes the schema and validates the result', async () => {
      await runSchemaChange(ctx, ['ADD VERTEX Hospital (PRIMARY_ID id STRING, beds INT)'], {
        jobName: 'portable_job',
      });
      const check = await validateSchema(ctx, {
        vertexTypes: { Hospital: { primaryId: { type: 'STRING' }, attributes: { beds: 'INT' } } },
      });
      expect(check).toEqual({ ok: true, differences: [] });
      const graphs = await listGraphs(ctx);
      expect(graphs[0]?.vertexTypes).toContain('Hospital');
    });

    it('answers echo, ping and version', async () => {
      expect(await echo(ctx)).toBe('Hello GSQL');
      expect(await ping(ctx)).toEqual({ error: false, message: 'pong' });
      expect((await getVersion(ctx)).version).toBe(emu.version);
    });
  });
}
