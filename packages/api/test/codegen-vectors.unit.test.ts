// Vector attributes in generated types: the schema JSON's `EmbeddingAttributes` (4.2) become a
// vertex type's `vectors`, and vertex sets printed `PRINT … WITH VECTOR` carry `Embeddings` whose
// vectors are `number[]` (the printed form: `"Embeddings": {"emb1": [-0.0192, 0.0005, 0.0067]}`).
import type { GraphSchema } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { printGroups } from '../src/codegen/print-groups.js';
import { generateQueryTypes, generateSchemaTypes } from '../src/codegen.js';

describe('printGroups with WITH VECTOR', () => {
  it('marks the PRINTs that end in WITH VECTOR, and does not count it as an item', () => {
    const text = `CREATE QUERY q1(LIST<float> query_vector) SYNTAX v3 {
      MapAccum<Vertex, Float> @@distances;
      v = vectorSearch({Account.emb1}, query_vector, 5, { distance_map: @@distances});
      print v WITH VECTOR;
      print @@distances;
    }`;
    expect(printGroups(text)).toEqual([
      { items: 1, unconditional: true, withVector: true },
      { items: 1, unconditional: true },
    ]);
  });
});

describe('generateQueryTypes with vectors', () => {
  const q1 = {
    name: 'q1',
    parameters: [{ name: 'query_vector', type: 'LIST<float>' }],
    output: [
      {
        name: 'v',
        type: [{ v_id: 'string', v_type: 'Account', attributes: { name: 'STRING', isBlocked: 'BOOL' } }],
      },
      { name: '@@distances', type: 'MapAccum<vertex, float>' },
    ],
    text: `CREATE QUERY q1(LIST<float> query_vector) SYNTAX v3 {
      MapAccum<Vertex, Float> @@distances;
      v = vectorSearch({Account.emb1}, query_vector, 5, { distance_map: @@distances});
      print v WITH VECTOR;
      print @@distances;
    }`,
  };

  it('types the Embeddings of a vertex set printed WITH VECTOR as number[] per vector attribute', () => {
    const text = generateQueryTypes([q1], { typeName: 'Q', vectors: { Account: ['emb1'] } });
    expect(text).toContain(
      '      { v: Array<QVertex[\'Account\'] & { Embeddings: { emb1: number[] } }> },\n      { "@@distances": Record<string, number> },',
    );
    expect(text).toContain(
      "  Account: { v_id: string; v_type: 'Account'; attributes: { name: string; isBlocked: boolean } };",
    );
  });

  it('without the vector names, Embeddings is a record of number[]; without WITH VECTOR, none', () => {
    expect(generateQueryTypes([q1], { typeName: 'Q' })).toContain(
      "{ v: Array<QVertex['Account'] & { Embeddings: Record<string, number[]> }> }",
    );
    const plain = { ...q1, text: q1.text.replace(' WITH VECTOR', '') };
    expect(generateQueryTypes([plain], { typeName: 'Q' })).toContain("{ v: Array<QVertex['Account']> }");
  });
});

describe('generateQueryTypes with a vertex set the signature cannot type', () => {
  it('still types a WITH VECTOR item as a vertex set, with every known vector name optional', () => {
    const q = {
      name: 'sp',
      parameters: [{ name: 'q', type: 'list<float>' }],
      output: [
        { name: 'v', type: 'unknown' },
        { name: 'n', type: 'unknown' },
      ],
      text: 'CREATE QUERY sp(LIST<FLOAT> q) { v = vectorSearch({Patient.profile}, q, 3); PRINT v WITH VECTOR; PRINT n; }',
    };
    const text = generateQueryTypes([q], {
      typeName: 'Q',
      vectors: { Patient: ['profile'], Doc: ['emb', 'profile'] },
    });
    expect(text).toContain(
      '{ v: Array<{ v_id: string; v_type: string; attributes: Record<string, unknown> } & { Embeddings: { profile?: number[]; emb?: number[] } }> },',
    );
    expect(text).toContain('{ n: unknown },');
  });
});

describe('generateSchemaTypes with vectors', () => {
  it("declares a type's EmbeddingAttributes as vectors: { name: number[] }", () => {
    const schema: GraphSchema = {
      GraphName: 'financialGraph',
      VertexTypes: [
        {
          Name: 'Account',
          PrimaryId: { AttributeName: 'name', AttributeType: { Name: 'STRING' } },
          Attributes: [{ AttributeName: 'isBlocked', AttributeType: { Name: 'BOOL' } }],
          Config: { STATS: 'OUTDEGREE_BY_EDGETYPE' },
          EmbeddingAttributes: [
            { Name: 'emb1', Dimension: 3, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'COSINE' },
            { Name: 'emb2', Dimension: 10, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'L2' },
          ],
        },
        {
          Name: 'City',
          PrimaryId: { AttributeName: 'name', AttributeType: { Name: 'STRING' } },
          Attributes: [],
        },
      ],
      EdgeTypes: [],
    } as GraphSchema;
    const text = generateSchemaTypes(schema);
    const lines = text.split('\n');
    const account = lines.indexOf('    Account: {');
    expect(lines.slice(account, account + 7)).toEqual([
      '    Account: {',
      '      id: string;',
      '      attributes: {',
      '        isBlocked: boolean;',
      '      };',
      '      vectors: { emb1: number[]; emb2: number[] };',
      '    };',
    ]);
    const city = lines.indexOf('    City: {');
    expect(lines.slice(city, city + 4)).toEqual([
      '    City: {',
      '      id: string;',
      '      attributes: {};',
      '    };',
    ]);
  });
});
