// Pure schema helpers: the graph-list parser, the schema-change script, the model conversion and the
// desired-vs-live comparison.
import { describe, expect, it } from 'vitest';
import { compareSchema, parseGraphList, schemaChangeScript, toSchemaModel } from '../src/schema.js';

describe('parseGraphList', () => {
  it('reads SHOW GRAPH * output', () => {
    const text = [
      '---- Global vertices, edges, and all graphs',
      'Graphs:',
      '  - Graph MyGraph(Patient:v, City:v, PATIENT_FROM_CITY:e)',
      '  - Graph Empty()',
      'Jobs:',
    ].join('\n');
    expect(parseGraphList(text)).toEqual([
      { name: 'MyGraph', vertexTypes: ['Patient', 'City'], edgeTypes: ['PATIENT_FROM_CITY'] },
      { name: 'Empty', vertexTypes: [], edgeTypes: [] },
    ]);
  });
});

describe('schemaChangeScript', () => {
  it('builds a local job that is created, run and dropped', () => {
    expect(schemaChangeScript(['ADD VERTEX X (PRIMARY_ID id INT)'], { graph: 'g', jobName: 'j1' })).toBe(
      'USE GRAPH g\nCREATE SCHEMA_CHANGE JOB j1 FOR GRAPH g {\n  ADD VERTEX X (PRIMARY_ID id INT);\n}\nRUN SCHEMA_CHANGE JOB j1\nDROP JOB j1',
    );
  });

  it('builds a global job and splits a multi-statement string at line-ending semicolons', () => {
    expect(schemaChangeScript('DROP VERTEX A;\nDROP VERTEX B;', { jobName: 'g1' })).toBe(
      'USE GLOBAL\nCREATE GLOBAL SCHEMA_CHANGE JOB g1 {\n  DROP VERTEX A;\n  DROP VERTEX B;\n}\nRUN GLOBAL SCHEMA_CHANGE JOB g1\nDROP JOB g1',
    );
  });
});

describe('toSchemaModel and compareSchema', () => {
  const raw = {
    GraphName: 'g',
    VertexTypes: [
      {
        Name: 'Person',
        PrimaryId: { AttributeName: 'id', AttributeType: { Name: 'UINT' } },
        Attributes: [
          { AttributeName: 'tags', AttributeType: { Name: 'SET', ValueTypeName: 'STRING' } },
          { AttributeName: 'home', AttributeType: { Name: 'UDT', TupleName: 'Addr' } },
        ],
        Config: { STATS: 'OUTDEGREE_BY_EDGETYPE', PRIMARY_ID_AS_ATTRIBUTE: false },
      },
    ],
    EdgeTypes: [
      {
        Name: 'Transfer',
        FromVertexTypeName: '*',
        ToVertexTypeName: 'Person',
        IsDirected: true,
        Config: { REVERSE_EDGE: 'Transfer_Reverse' },
        EdgePairs: [
          { From: 'Person', To: 'Person' },
          { From: 'Bank', To: 'Person' },
        ],
        Attributes: [
          { AttributeName: 'date', AttributeType: { Name: 'DATETIME' }, IsDiscriminator: true },
          {
            AttributeName: 'amount',
            AttributeType: { Name: 'MAP', KeyTypeName: 'INT', ValueTypeName: 'DOUBLE' },
          },
        ],
        DiscriminatorCount: 1,
      },
    ],
  };
  const model = toSchemaModel(raw);

  it('resolves pairs, discriminators, reverse edges and type texts', () => {
    const e = model.edgeTypes[0]!;
    expect(e.from).toEqual(['Person', 'Bank']);
    expect(e.to).toEqual(['Person']);
    expect(e.discriminators).toEqual(['date']);
    expect(e.reverseEdge).toBe('Transfer_Reverse');
    expect(e.attributes.map((a) => a.type.text)).toEqual(['DATETIME', 'MAP<INT,DOUBLE>']);
    const v = model.vertexTypes[0]!;
    expect(v.primaryId.asAttribute).toBe(false);
    expect(v.attributes.map((a) => [a.type.text, a.type.tupleName])).toEqual([
      ['SET<STRING>', undefined],
      ['UDT', 'Addr'],
    ]);
  });

  it('compares desired and live types, with and without strict', () => {
    expect(
      compareSchema(
        {
          vertexTypes: { Person: { primaryId: { type: 'uint' }, attributes: { tags: 'set<string>' } } },
          edgeTypes: {
            Transfer: { from: ['Bank', 'Person'], discriminators: ['date'], reverseEdge: 'Transfer_Reverse' },
          },
        },
        model,
      ),
    ).toEqual({ ok: true, differences: [] });
    const strict = compareSchema(
      { vertexTypes: { Person: { attributes: { tags: 'SET<STRING>' } } } },
      model,
      true,
    );
    expect(strict.differences.map((d) => `${d.kind} ${d.path}`)).toEqual([
      'extra-attribute Person.home',
      'extra-edge-type Transfer',
    ]);
  });
});
