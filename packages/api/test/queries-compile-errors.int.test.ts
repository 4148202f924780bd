// Query errors in the user's vocabulary: query text that does not compile is a GsqlError carrying
// the server's line and column (not a ValidationError with a schema hint), and a bare id for a
// VERTEX parameter points to vertexParam() / anyVertexParam().
import { GsqlError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { anyVertexParam, runInterpretedQuery } from '../src/queries.js';
import { setup } from './vertices-edges-helpers.js';

for (const version of ['3.10', '4.2']) {
  describe(`interpreted query errors on TigerGraph ${version}`, () => {
    it('a syntax error is a GsqlError with line and column', async () => {
      const s = await setup(version);
      const text = 'INTERPRET QUERY () FOR GRAPH MyGraph {\n  S = {Patient.*}\n  PRINT S;\n}';
      const error = await runInterpretedQuery(s.ctx, text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GsqlError);
      expect(error).not.toBeInstanceOf(ValidationError);
      const gsql = error as GsqlError;
      expect(gsql).toMatchObject({ line: 3, column: 3, status: 400 });
      expect(gsql.serverMessage).toMatch(/^Encountered "/);
      expect(gsql.message).toMatch(/^GSQL error: .* Fix the query text at line 3, column 3\.$/);
      expect(gsql.message).not.toMatch(/schema/);
      expect(gsql.toJSON()).toMatchObject({ line: 3, column: 3 });
    });

    it('a semantic error is a GsqlError with line and column', async () => {
      const s = await setup(version);
      const text = 'INTERPRET QUERY () FOR GRAPH MyGraph {\n  PRINT @@nope;\n}';
      const error = (await runInterpretedQuery(s.ctx, text).catch((e: unknown) => e)) as GsqlError;
      expect(error).toBeInstanceOf(GsqlError);
      expect(error).toMatchObject({ line: 2, column: 9 });
      expect(error.serverMessage).toMatch(/^Semantic Check Fails: /);
    });

    it('a bare id for a VERTEX parameter points to vertexParam()', async () => {
      const s = await setup(version);
      const text = 'INTERPRET QUERY (VERTEX p) FOR GRAPH MyGraph { PRINT p; }';
      const error = (await runInterpretedQuery(s.ctx, text, { p: '1000000001' }).catch(
        (e: unknown) => e,
      )) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.serverMessage).toMatch(/VERTEX parameter p/);
      expect(error.message).toContain("vertexParam('Type', id)");
      expect(error.message).not.toMatch(/against the schema/);
      const ok = await runInterpretedQuery(s.ctx, text, { p: anyVertexParam('Patient', '1000000001') });
      expect(ok).toHaveLength(1);
    });
  });
}
