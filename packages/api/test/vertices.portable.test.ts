// The main vertex (and edge/rows) flows in Node, Chromium and Deno, against emulators created
// through the control server, on the runtime's own fetch. No node: imports here.
import { basicAuth } from '@tgraph/auth';
import { type ControlRecordedRequest, connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { createTransport, type Transport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiContext, createContext } from '../src/context.ts';
import { getEdges, upsertEdges } from '../src/edges.ts';
import { vertexRows } from '../src/rows.ts';
import {
  attrOp,
  countVertices,
  deleteVerticesById,
  getVertexTypes,
  getVertices,
  getVerticesById,
  upsertVertex,
} from '../src/vertices.ts';

const control = connectControl(inject('tgraphControlUrl'));

interface Covid {
  vertices: {
    Patient: { id: string; attributes: { birth_year: number; contact_number: number; sex: string } };
    City: { id: string; attributes: { city: string } };
    Province: { id: string; attributes: { province: string } };
    InfectionCase: { id: string; attributes: { infection_case: string } };
  };
  edges: {
    INFECTED_BY: { from: 'Patient'; to: 'Patient'; directed: true; attributes: Record<string, never> };
  };
}

for (const version of ['3.10', '4.2']) {
  describe(`vertices in this runtime, TigerGraph ${version}`, () => {
    let emu: EmulatorHandle;
    let transport: Transport;
    let ctx: ApiContext<Covid>;
    const line = version.startsWith('3') ? '3' : '4';
    let seen = 0;
    const sent = async (): Promise<ControlRecordedRequest[]> => {
      const all = await control.requests(emu.id);
      // Browsers add CORS preflights (OPTIONS): not part of what the SDK sent.
      const fresh = all.filter((r) => r.seq > seen && r.method !== 'OPTIONS');
      seen = all.at(-1)?.seq ?? seen;
      return fresh;
    };

    beforeAll(async () => {
      emu = await control.create({ version, seed: 'covid', auth: true, cors: { origins: '*' } });
      transport = createTransport({
        restppUrls: [line === '3' ? emu.restppUrl : emu.restppViaGsUrl],
        gsqlUrl: emu.gsUrl,
        auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
        line,
        graph: 'MyGraph',
        retry: { limit: 0 },
      });
      ctx = createContext<Covid>({ transport, graph: 'MyGraph', line });
      await countVertices(ctx, 'City'); // lets 3.x basic auth mint its RESTPP token first
      await sent();
    });
    afterAll(async () => {
      await transport.close();
      await control.destroy(emu.id);
    });

    it('reads the vertex types from the schema endpoint of the line', async () => {
      expect(await getVertexTypes(ctx)).toEqual(['Patient', 'City', 'Province', 'InfectionCase']);
      const [req] = await sent();
      expect(req?.path).toBe(line === '3' ? '/gsqlserver/gsql/schema' : '/gsql/v1/schema/graphs/MyGraph');
    });

    it('lists 5 Patient vertices with birth_year (the seed example) and turns them into rows', async () => {
      const five = await getVertices(ctx, 'Patient', { limit: 5, select: ['birth_year'] });
      const [req] = await sent();
      expect(req?.method).toBe('GET');
      expect(req?.path.replace(/^\/restpp/, '')).toBe('/graph/MyGraph/vertices/Patient');
      expect(req?.query).toEqual({ select: 'birth_year', limit: '5' });
      expect(vertexRows(five)).toEqual([
        { v_id: '6100000100', birth_year: 1959 },
        { v_id: '6023000024', birth_year: 0 },
        { v_id: '6022000024', birth_year: 1978 },
        { v_id: '6020000020', birth_year: 0 },
        { v_id: '6015000008', birth_year: 0 },
      ]);
    });

    it('counts, upserts with an operator, reads back by id and deletes', async () => {
      expect(await countVertices(ctx, 'Patient')).toBe(24);
      expect(await countVertices(ctx, 'Patient', { filter: ['sex="female"', 'birth_year>1990'] })).toBe(2);
      await sent();
      const r = await upsertVertex(ctx, 'Patient', 'p/1', {
        birth_year: 2001,
        contact_number: attrOp('+', 3),
      });
      expect(r).toEqual({ accepted_vertices: 1, accepted_edges: 0 });
      const [up] = await sent();
      expect(up?.method).toBe('POST');
      expect(JSON.parse(up?.body ?? '')).toEqual({
        vertices: {
          Patient: { 'p/1': { birth_year: { value: 2001 }, contact_number: { value: 3, op: '+' } } },
        },
      });
      await upsertVertex(ctx, 'Patient', 'p/1', { contact_number: attrOp('+', 3) });
      const [p] = await getVerticesById(ctx, 'Patient', ['p/1'], {
        select: ['birth_year', 'contact_number'],
      });
      expect(p).toEqual({
        v_id: 'p/1',
        v_type: 'Patient',
        attributes: { birth_year: 2001, contact_number: 6 },
      });
      await sent();
      expect(await deleteVerticesById(ctx, 'Patient', ['p/1'])).toBe(1);
      const [del] = await sent();
      expect(del?.method).toBe('DELETE');
      expect(del?.path.replace(/^\/restpp/, '')).toBe('/graph/MyGraph/vertices/Patient/p%2F1');
      expect(await countVertices(ctx, 'Patient')).toBe(24);
    });

    it('upserts and reads an edge', async () => {
      await upsertEdges(ctx, 'Patient', 'INFECTED_BY', 'Patient', [['1000000010', '1000000001']]);
      const edges = await getEdges(ctx, 'Patient', '1000000010', { edgeType: 'INFECTED_BY', sort: [] });
      expect(edges.map((e) => e.to_id).sort()).toEqual(['1000000001', '1000000005']);
    });
  });
}
