// Type-level checks: with a typed schema, vertex/edge functions accept only that schema's type and
// attribute names and return typed attributes. `pnpm exec tsc -p tsconfig.json` checks the
// `@ts-expect-error` lines (an unused one fails the type check); vitest checks expectTypeOf.
import { describe, expectTypeOf, it } from 'vitest';
import { createContext } from '../src/context.js';
import { getEdges, getEdgesByType, upsertEdges } from '../src/edges.js';
import { edgeRows, vertexRows } from '../src/rows.js';
import type { AnySchema } from '../src/schema-types.js';
import {
  attrOp,
  countVertices,
  getVertices,
  getVerticesById,
  upsertVertex,
  type VertexResult,
} from '../src/vertices.js';
import type { CovidSchema, RichSchema } from './vertices-edges-schema.js';

// Never sent: the functions are only type-checked here (the calls sit in unused closures).
const ctx = createContext<CovidSchema>({ transport: {} as never, graph: 'MyGraph', line: '4' });
const rich = createContext<RichSchema>({ transport: {} as never, graph: 'MyGraph', line: '4' });
const any = createContext<AnySchema>({ transport: {} as never, graph: 'MyGraph', line: '4' });

describe('typed schema', () => {
  it('types getVertices by the selected attributes', () => {
    const selected = () => getVertices(ctx, 'Patient', { select: ['birth_year'] });
    expectTypeOf<Awaited<ReturnType<typeof selected>>>().toEqualTypeOf<
      VertexResult<'Patient', { birth_year: number }>[]
    >();
    const all = () => getVertices(ctx, 'Province');
    expectTypeOf<Awaited<ReturnType<typeof all>>[number]['attributes']>().toEqualTypeOf<
      CovidSchema['vertices']['Province']['attributes']
    >();
    const byId = () => getVerticesById(ctx, 'City', ['c1'], { select: ['city'] });
    expectTypeOf<Awaited<ReturnType<typeof byId>>[number]['attributes']>().toEqualTypeOf<{ city: string }>();
    const rows = async () => vertexRows(await getVertices(ctx, 'Patient', { select: ['sex'] }));
    expectTypeOf<Awaited<ReturnType<typeof rows>>[number]['sex']>().toEqualTypeOf<string>();
  });

  it('rejects wrong type and attribute names at compile time', () => {
    void (() => {
      // @ts-expect-error 'Doctor' is not a vertex type of CovidSchema
      void getVertices(ctx, 'Doctor');
      // @ts-expect-error 'population' is a Province attribute, not a Patient one
      void getVertices(ctx, 'Patient', { select: ['population'] });
      // @ts-expect-error sort keys are attribute names or -names
      void getVertices(ctx, 'Patient', { select: ['birth_year'], sort: ['-age_group'] });
      // @ts-expect-error countVertices takes a vertex type of the schema
      void countVertices(ctx, 'Hospital');
      // @ts-expect-error birth_year is an INT: a string is not accepted
      void upsertVertex(ctx, 'Patient', 'p1', { birth_year: 'nineteen' });
      // @ts-expect-error unknown attribute
      void upsertVertex(ctx, 'Patient', 'p1', { shoe_size: 42 });
      // @ts-expect-error Pays is an edge of RichSchema, not of CovidSchema
      void getEdges(ctx, 'Patient', 'p1', { edgeType: 'Pays' });
      // @ts-expect-error amount is a number
      void upsertEdges(rich, 'Person', 'Pays', 'Account', [['a', 1, { day: '2024-01-01', amount: 'x' }]]);
    });
  });

  it('accepts the encodings an upsert allows for each attribute kind', () => {
    void (() => {
      void upsertVertex(rich, 'Person', 'a', {
        born: new Date(),
        tags: new Set(['x']),
        nums: [1, 2],
        prefs: new Map([['k', 1]]),
        home: { street: 's', no: 1 },
        visits: attrOp('+', 1),
        big: 2n ** 62n,
      });
      void upsertVertex(any, 'Whatever', 1, { anything: { goes: [1] } });
    });
    const edges = () => getEdges(rich, 'Person', 'a', { edgeType: 'Pays', select: ['amount'] });
    expectTypeOf<Awaited<ReturnType<typeof edges>>[number]['attributes']>().toEqualTypeOf<{
      amount: number;
    }>();
    expectTypeOf<Awaited<ReturnType<typeof edges>>[number]['e_type']>().toEqualTypeOf<'Pays'>();
    const byType = () => getEdgesByType(rich, 'Knows');
    expectTypeOf<Awaited<ReturnType<typeof byType>>[number]['attributes']>().toEqualTypeOf<{
      since: number;
    }>();
    const rows = async () => edgeRows(await getEdges(rich, 'Person', 'a', { edgeType: 'Pays' }));
    expectTypeOf<Awaited<ReturnType<typeof rows>>[number]['amount']>().toEqualTypeOf<number>();
  });
});
