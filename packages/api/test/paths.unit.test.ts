// The path-finding request body (reference §4.6; pyTigerGraph §3.11 key order) and its validation.
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { pathBody } from '../src/paths.js';

describe('pathBody', () => {
  it('builds sources, targets, filters and maxLength in pyTigerGraph’s key order, ids as strings', () => {
    const body = pathBody(
      { type: 'V', id: 1 },
      [
        { v_type: 'V', v_id: '2' },
        { type: 'W', id: 3n },
      ],
      {
        vertexFilters: [{ type: 'V', condition: 'a>1' }],
        edgeFilters: [{ type: 'E', condition: 'w > 2' }],
        maxLength: 3,
      },
    );
    expect(JSON.stringify(body)).toBe(
      '{"sources":[{"type":"V","id":"1"}],"targets":[{"type":"V","id":"2"},{"type":"W","id":"3"}],"vertexFilters":[{"type":"V","condition":"a>1"}],"edgeFilters":[{"type":"E","condition":"w > 2"}],"maxLength":3}',
    );
  });

  it('omits empty filter lists and an absent maxLength', () => {
    expect(pathBody({ type: 'V', id: 'a' }, { type: 'V', id: 'b' }, { vertexFilters: [] })).toEqual({
      sources: [{ type: 'V', id: 'a' }],
      targets: [{ type: 'V', id: 'b' }],
    });
  });

  it('rejects empty endpoints, malformed vertices, blank conditions and bad maxLength', () => {
    expect(() => pathBody([], { type: 'V', id: 'b' }, {})).toThrow(/sources must name at least one vertex/);
    expect(() => pathBody({ type: 'V' } as never, { type: 'V', id: 'b' }, {})).toThrow(/sources\[0\]/);
    expect(() =>
      pathBody(
        { type: 'V', id: 'a' },
        { type: 'V', id: 'b' },
        { edgeFilters: [{ type: 'E', condition: ' ' }] },
      ),
    ).toThrow(ValidationError);
    expect(() => pathBody({ type: 'V', id: 'a' }, { type: 'V', id: 'b' }, { maxLength: 0 })).toThrow(
      /maxLength/,
    );
  });
});
