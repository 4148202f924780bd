// Query descriptions against the emulator: 4.0 (`/gsqlserver/gsql/description`, the 3.x API line)
// and 4.2 (`/gsql/v1/description`), on the covid seed's installed `neighbourhood(VERTEX<Patient> p)`.
import { TigerGraphError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { dropQueryDescriptions, getQueryDescriptions, setQueryDescription } from '../src/queries.js';
import { env, thrown } from './schema-helpers.js';

for (const [version, path] of [
  ['4.0', '/gsqlserver/gsql/description'],
  ['4.2', '/gsql/v1/description'],
] as const) {
  describe(`query descriptions on TigerGraph ${version}`, () => {
    it('sets, reads and drops a description with its parameter text', async () => {
      const e = await env(version);
      e.clear();
      await setQueryDescription(e.ctx, 'neighbourhood', 'Contacts of a patient', { p: 'the patient' });
      const put = e.one('PUT', path);
      expect(put.query).toEqual({ graph: 'MyGraph' });
      expect(JSON.parse(put.body)).toEqual({
        queries: [
          {
            queryName: 'neighbourhood',
            description: 'Contacts of a patient',
            parameters: [{ paramName: 'p', description: 'the patient' }],
          },
        ],
      });
      expect(await getQueryDescriptions(e.ctx, ['neighbourhood'])).toEqual([
        {
          queryName: 'neighbourhood',
          description: 'Contacts of a patient',
          parameters: [{ paramName: 'p', description: 'the patient' }],
        },
      ]);
      expect(e.one('GET', path).query).toEqual({ graph: 'MyGraph', query: 'neighbourhood' });

      await dropQueryDescriptions(e.ctx, ['neighbourhood']);
      expect(JSON.parse(e.one('DELETE', path).body)).toEqual({
        queries: ['neighbourhood'],
        queryParameters: ['neighbourhood.*'],
      });
      // TigerGraph lists `parameters` even when none is described (the emulator follows it since
      // the pyTigerGraph interop suite).
      expect(await getQueryDescriptions(e.ctx, ['neighbourhood'])).toEqual([
        { queryName: 'neighbourhood', parameters: [] },
      ]);
    });

    it('rejects a description for a query that does not exist', async () => {
      const e = await env(version);
      const error = await thrown(setQueryDescription(e.ctx, 'no_such_query', 'x'));
      expect(error).toBeInstanceOf(TigerGraphError);
      expect(error.message).toContain('Query no_such_query does not exist in graph MyGraph');
    });
  });
}
