// upsertData (a raw payload with every flag) and getSchemaVersion (version.schema of a built-in
// reply) on both lines: the request the emulator received and the typed result.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { getSchemaVersion, runSchemaChange, upsertData } from '../src/schema.js';
import { env, header, thrown, VERSIONS } from './schema-helpers.js';

for (const version of VERSIONS) {
  describe(`upsertData and getSchemaVersion on TigerGraph ${version}`, () => {
    it('posts the payload as given, with flags as true and the atomic header', async () => {
      const e = await env(version);
      const payload = {
        vertices: { Patient: { 'raw-1': { birth_year: { value: 1990 } } } },
        edges: { Patient: { 'raw-1': { PATIENT_FROM_CITY: { City: { jongno_gu: {} } } } } },
      };
      e.clear();
      const summary = await upsertData(e.ctx, payload, { atomic: true, newVertexOnly: true, ack: 'all' });
      expect(summary).toEqual({
        accepted_vertices: 1,
        accepted_edges: 1,
        skipped_vertices: 0,
        vertices_already_exist: [],
      });
      const sent = e.one('POST', '/graph/MyGraph');
      expect(sent.query).toEqual({ ack: 'all', new_vertex_only: 'true' });
      expect(header(sent, 'gsql-atomic-level')).toBe('atomic');
      expect(JSON.parse(sent.body)).toEqual(payload);

      const again = await upsertData(e.ctx, JSON.stringify(payload), { newVertexOnly: true });
      expect(again.accepted_vertices).toBe(0);
      expect(again.vertices_already_exist).toEqual([{ v_type: 'Patient', v_id: 'raw-1' }]);
    });

    it('refuses a payload that is not {vertices, edges} before sending', async () => {
      const e = await env(version);
      e.clear();
      const bad = await thrown(upsertData(e.ctx, { vertex: {} } as never));
      expect(bad).toBeInstanceOf(ValidationError);
      expect(bad.message).toContain("unknown top-level key(s) 'vertex'");
      expect((await thrown(upsertData(e.ctx, '{not json'))).message).toContain('is not JSON');
      expect(e.sent()).toHaveLength(0);
    });

    it('reads the schema version and sees it grow with a schema change', async () => {
      const e = await env(version);
      const before = await getSchemaVersion(e.ctx);
      expect(Number.isInteger(before)).toBe(true);
      await runSchemaChange(e.ctx, 'ADD VERTEX Doctor (PRIMARY_ID id STRING, name STRING);');
      expect(await getSchemaVersion(e.ctx)).toBe(before + 1);
      const sent = e.sent('POST', '/builtins/MyGraph').at(-1)!;
      expect(JSON.parse(sent.body)).toEqual({ function: 'stat_vertex_number', type: '*' });
    });
  });
}
