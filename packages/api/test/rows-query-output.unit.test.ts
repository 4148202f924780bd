// parseQueryOutput on literal installed-query output (vertex sets as PRINT writes them, an edge
// list as a ListAccum<EDGE> prints, scalars) — including the edge sets pyTigerGraph crashed on.
import { describe, expect, it } from 'vitest';
import { parseQueryOutput } from '../src/rows.js';

const OUTPUT = [
  { Seed: [{ v_id: '1', v_type: 'Person', attributes: { name: 'Ann' } }] },
  {
    Friends: [
      { v_id: '2', v_type: 'Person', attributes: { name: 'Bo' } },
      { v_id: '1', v_type: 'Person', attributes: { age: 31 } },
    ],
    '@@edges': [
      {
        e_type: 'knows',
        directed: false,
        from_id: '1',
        from_type: 'Person',
        to_id: '2',
        to_type: 'Person',
        attributes: { since: 2019 },
      },
    ],
  },
  { total: 2, note: 'done' },
];

describe('parseQueryOutput', () => {
  it('groups vertices and edges by type and id, merging repeats', () => {
    const parsed = parseQueryOutput(OUTPUT);
    expect(parsed.vertices).toEqual({
      Person: {
        '1': {
          v_id: '1',
          v_type: 'Person',
          attributes: { name: 'Ann', age: 31 },
          x_occurrences: 2,
          x_sources: ['Seed', 'Friends'],
        },
        '2': {
          v_id: '2',
          v_type: 'Person',
          attributes: { name: 'Bo' },
          x_occurrences: 1,
          x_sources: ['Friends'],
        },
      },
    });
    expect(parsed.edges).toEqual({
      knows: {
        'Person(1)->Person(2)': {
          e_type: 'knows',
          from_type: 'Person',
          from_id: '1',
          to_type: 'Person',
          to_id: '2',
          directed: false,
          attributes: { since: 2019 },
          x_occurrences: 1,
          x_sources: ['@@edges'],
        },
      },
    });
    expect(parsed.output).toEqual([]);
  });

  it('keeps other printed values as { label, value } unless graphOnly', () => {
    expect(parseQueryOutput(OUTPUT, { graphOnly: false }).output).toEqual([
      { label: 'total', value: 2 },
      { label: 'note', value: 'done' },
    ]);
    expect(parseQueryOutput([{ empty: [] }], { graphOnly: false }).output).toEqual([
      { label: 'empty', value: [] },
    ]);
  });
});
