// Rows helpers on real results from the emulator, and rows back into upserts.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { getEdges, upsertEdges } from '../src/edges.js';
import { edgeRows, edgesFromRows, toColumns, vertexRows, verticesFromRows } from '../src/rows.js';
import { getVertices, getVerticesById, upsertVertices } from '../src/vertices.js';
import { only, setup } from './vertices-edges-helpers.js';
import { type CovidSchema, RICH_GSQL, type RichSchema } from './vertices-edges-schema.js';

describe('rows', () => {
  it('flattens vertices and edges into rows and columns', async () => {
    const s = await setup<CovidSchema>('4.2');
    const patients = await getVertices(s.ctx, 'Patient', { limit: 2, select: ['birth_year', 'sex'] });
    const rows = vertexRows(patients);
    expect(rows).toEqual([
      { v_id: '6100000100', birth_year: 1959, sex: 'male' },
      { v_id: '6023000024', birth_year: 0, sex: '' },
    ]);
    const typed: number = rows[0]?.birth_year ?? -1;
    expect(typed).toBe(1959);
    expect(vertexRows(patients, { withId: false, withType: true })[0]).toEqual({
      v_type: 'Patient',
      birth_year: 1959,
      sex: 'male',
    });
    expect(toColumns(rows)).toEqual({
      names: ['v_id', 'birth_year', 'sex'],
      values: { v_id: ['6100000100', '6023000024'], birth_year: [1959, 0], sex: ['male', ''] },
      length: 2,
    });

    const edges = await getEdges(s.ctx, 'Patient', '1000000003', { edgeType: 'INFECTED_BY' });
    expect(edgeRows(edges, { withType: true })).toEqual([
      {
        from_type: 'Patient',
        from_id: '1000000003',
        to_type: 'Patient',
        to_id: '1000000001',
        e_type: 'INFECTED_BY',
      },
    ]);
    expect(toColumns([{ a: 1 }, { b: 2 }])).toEqual({
      names: ['a', 'b'],
      values: { a: [1, undefined], b: [undefined, 2] },
      length: 2,
    });
  });

  it('turns rows into vertex and edge upserts (the DataFrame upserts of pyTigerGraph)', async () => {
    const s = await setup<RichSchema>('3.10', { seed: 'empty', gsqlScript: RICH_GSQL });
    const people = [
      { person: 'ann', full_name: 'Ann', visits: 3 },
      { person: 'bob', full_name: 'Bob', visits: undefined },
    ];
    s.clear();
    const r = await upsertVertices(
      s.ctx,
      'Person',
      verticesFromRows(people, { id: 'person', attributes: { name: 'full_name', visits: 'visits' } }),
    );
    expect(r.accepted_vertices).toBe(2);
    expect(JSON.parse(only(s.sent()).body)).toEqual({
      vertices: {
        Person: { ann: { name: { value: 'Ann' }, visits: { value: 3 } }, bob: { name: { value: 'Bob' } } },
      },
    });
    const back = vertexRows(
      await getVerticesById(s.ctx, 'Person', ['ann', 'bob'], { select: ['name', 'visits'] }),
    );
    expect(back).toEqual([
      { v_id: 'ann', name: 'Ann', visits: 3 },
      { v_id: 'bob', name: 'Bob', visits: 0 },
    ]);

    const payments = [
      { payer: 'ann', account: 7, day: '2024-01-01 00:00:00', amount: 1 },
      { payer: 'ann', account: 7, day: '2024-01-02 00:00:00', amount: 2 },
    ];
    const e = await upsertEdges(
      s.ctx,
      'Person',
      'Pays',
      'Account',
      edgesFromRows(payments, { from: 'payer', to: 'account' }),
    );
    expect(e.accepted_edges).toBe(2);
    const paid = edgeRows(await getEdges(s.ctx, 'Person', 'ann', { edgeType: 'Pays', sort: ['amount'] }));
    expect(paid.map((p) => [p.to_id, p.day, p.amount])).toEqual([
      ['7', '2024-01-01 00:00:00', 1],
      ['7', '2024-01-02 00:00:00', 2],
    ]);

    expect(() => verticesFromRows([{ x: 1 }], { id: 'person' })).toThrow(
      /rows\[0\] column 'person' must hold a vertex id/,
    );
    expect(() => verticesFromRows([{ person: 'a' }], { id: 'person', attributes: ['nope'] })).toThrow(
      ValidationError,
    );
    expect(() => vertexRows('x' as never)).toThrow(/vertices must be an array/);
  });
});
