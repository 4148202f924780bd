// Query codegen over TigerGraph's graph-algorithm library: every library query the emulator accepts
// is created and installed, generateQueryTypes declares them all from the live signatures and texts,
// and the generated module type-checks with the TypeScript compiler, with a use of every query's
// params and result. Queries the emulator refuses are listed in the emulator's
// library-install conformance test; here only their count is bounded.

import { describe, expect, it } from 'vitest';
import { describeQueriesForCodegen, generateQueryTypes } from '../../src/codegen.js';
import { createQuery, installQueries } from '../../src/queries.js';
import { typeCheck } from '../typecheck.js';
import { setup } from '../vertices-edges-helpers.js';
import { libraryQueries } from './library.js';

const SCHEMA = [
  'CREATE VERTEX Person (PRIMARY_ID id STRING, score FLOAT, label INT, name STRING, embedding LIST<DOUBLE>) WITH primary_id_as_attribute="true"',
  'CREATE UNDIRECTED EDGE Friend (FROM Person, TO Person, weight FLOAT)',
  'CREATE DIRECTED EDGE Follows (FROM Person, TO Person, weight FLOAT) WITH REVERSE_EDGE="reverse_Follows"',
  'CREATE GRAPH MyGraph (*)',
].join('\n');

/** The emulator refuses these few (see packages/emulator/test/conformance/library-install). */
const MAX_REFUSED = 5;

for (const version of ['3.10', '4.2']) {
  describe(`generateQueryTypes over the algorithm library on TigerGraph ${version}`, () => {
    it('declares every installed library query, and the module type-checks', async () => {
      const s = await setup(version, { seed: 'empty', gsqlScript: SCHEMA });
      const library = libraryQueries();
      const created: string[] = [];
      for (const q of library) {
        const r = await createQuery(s.ctx, q.text).catch((e: Error) => ({ message: e.message }));
        if (/Successfully created queries/.test(r.message)) created.push(q.name);
      }
      expect(created.length).toBeGreaterThanOrEqual(library.length - MAX_REFUSED);
      await installQueries(s.ctx, created);

      const sources = await describeQueriesForCodegen(s.ctx);
      expect(sources.map((q) => q.name).sort()).toEqual([...created].sort());
      const text = generateQueryTypes(sources, { graph: 'MyGraph' });
      for (const name of created) expect(text).toContain(`  ${name}: {`);
      // The library's top-k heaps print tuples: their fields come from the TYPEDEF in the text.
      expect(text).toContain('top_scores: Array<{ Vertex_ID: string; score: number }>');
      // tg_kcore prints `Q` after `Q = active;`: a vertex set, as the signature says.
      expect(text).toContain('max_core: Array<{ v_id: string;');

      // Every member is usable: its params and its result are named types, not errors.
      const uses = created.map(
        (name, i) =>
          `type P${i} = MyGraphQueries['${name}']['params'];\ntype R${i} = MyGraphQueries['${name}']['result'];\nexport type U${i} = [P${i}, R${i}];`,
      );
      const diagnostics = typeCheck({
        '/virtual/queries.ts': text,
        '/virtual/use.ts': `import type { MyGraphQueries } from './queries.js';\n${uses.join('\n')}\n`,
      });
      expect(diagnostics).toEqual([]);
    });
  });
}
