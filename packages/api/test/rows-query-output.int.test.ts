// parseQueryOutput over the covid seed's installed `neighbourhood` query on both lines: patient
// 1000000003 was infected by 1000000001 and infected 1000000006 and 1000000007 (seed data).
import { describe, expect, it } from 'vitest';
import { runQuery, vertexParam } from '../src/queries.js';
import { parseQueryOutput } from '../src/rows.js';
import { env, VERSIONS } from './schema-helpers.js';

for (const version of VERSIONS) {
  describe(`parseQueryOutput on TigerGraph ${version}`, () => {
    it('regroups the neighbourhood query output by vertex type', async () => {
      const e = await env(version);
      const results = await runQuery(e.ctx, 'neighbourhood', { p: vertexParam('Patient', '1000000003') });
      const parsed = parseQueryOutput(results, { graphOnly: false });
      expect(Object.keys(parsed.vertices.Patient ?? {}).sort()).toEqual([
        '1000000001',
        '1000000003',
        '1000000006',
        '1000000007',
      ]);
      expect(parsed.vertices.Patient?.['1000000003']?.x_sources).toEqual(['patient']);
      expect(parsed.vertices.Patient?.['1000000001']?.x_sources).toEqual(['infected_by']);
      expect(Object.keys(parsed.vertices.City ?? {}).sort()).toEqual(['jongno_gu', 'seongbuk_gu']);
      expect(parsed.output).toEqual([{ label: 'contact_count', value: 3 }]);
    });
  });
}
