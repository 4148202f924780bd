// Schema: typed model (cached, refreshable), graphs, schema changes (GSQL text on both lines, JSON on
// 4.x), global vertices, validation — the requests the emulator received and the typed results.
import { GsqlError, TigerGraphError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { gsql } from '../src/gsql.js';
import {
  addGlobalVerticesToGraph,
  checkSchema,
  createGlobalVertices,
  createGraph,
  createSchemaChangeJob,
  dropGlobalVertices,
  dropGraph,
  dropSchemaChangeJobs,
  edgeTypeOf,
  getSchema,
  listGraphs,
  listSchemaChangeJobs,
  runSchemaChange,
  runSchemaChangeJob,
  validateSchema,
  vertexTypeOf,
} from '../src/schema.js';
import { env, header, thrown, VERSIONS } from './schema-helpers.js';

const COVID_EDGES = [
  'PATIENT_FROM_CITY',
  'PATIENT_FROM_PROVINCE',
  'CITY_IN_PROVINCE',
  'BELONGS_TO_CASE',
  'INFECTED_BY',
  'reverse_INFECTED_BY',
];

for (const version of VERSIONS) {
  describe(`schema on TigerGraph ${version}`, async () => {
    const e = await env(version, { gsqlScript: 'TYPEDEF TUPLE <f1 INT(8), f2 STRING(10)> Pair' });

    it('reads the schema and UDTs into the typed model, then serves it from the cache', async () => {
      e.clear();
      const schema = await getSchema(e.ctx);
      if (e.line === '4') {
        expect(e.one('GET', '/gsql/v1/schema/graphs/MyGraph').url).toBe('/gsql/v1/schema/graphs/MyGraph');
        expect(e.one('GET', '/gsql/v1/udt/tuples').url).toBe('/gsql/v1/udt/tuples?graph=MyGraph');
      } else {
        expect(e.one('GET', '/gsqlserver/gsql/schema').url).toBe('/gsqlserver/gsql/schema?graph=MyGraph');
        expect(e.one('GET', '/gsqlserver/gsql/udtlist').url).toBe('/gsqlserver/gsql/udtlist?graph=MyGraph');
      }
      expect(header(e.sent()[0]!, 'authorization')).toMatch(/^Basic /);
      expect(schema.graph).toBe('MyGraph');
      expect(schema.vertexTypes.map((v) => v.name).slice(0, 4)).toEqual([
        'Patient',
        'City',
        'Province',
        'InfectionCase',
      ]);
      // The seed may grow; these are the covid starter kit's edge types.
      expect(schema.edgeTypes.map((t) => t.name)).toEqual(expect.arrayContaining(COVID_EDGES));
      const patient = vertexTypeOf(schema, 'Patient')!;
      expect(patient.primaryId).toEqual({
        name: 'patient_id',
        type: expect.objectContaining({ name: 'STRING', text: 'STRING' }),
        asAttribute: true,
      });
      expect(patient.stats).toBe('OUTDEGREE_BY_EDGETYPE');
      expect(patient.attributes.find((a) => a.name === 'birth_year')?.type.text).toBe('INT');
      expect(patient.attributes.find((a) => a.name === 'confirmed_date')?.type.text).toBe('DATETIME');
      const infected = edgeTypeOf(schema, 'INFECTED_BY')!;
      expect({
        directed: infected.directed,
        from: infected.from,
        to: infected.to,
        reverseEdge: infected.reverseEdge,
        discriminators: infected.discriminators,
      }).toEqual({
        directed: true,
        from: ['Patient'],
        to: ['Patient'],
        reverseEdge: 'reverse_INFECTED_BY',
        discriminators: [],
      });
      expect(edgeTypeOf(schema, 'PATIENT_FROM_CITY')).toMatchObject({
        directed: false,
        reverseEdge: undefined,
        pairs: [{ from: 'Patient', to: 'City' }],
      });
      expect(vertexTypeOf(schema, 'Nope')).toBeUndefined();
      expect(schema.udts).toEqual([
        {
          name: 'Pair',
          fields: [
            { name: 'f1', type: 'INT', length: 8 },
            { name: 'f2', type: 'STRING', length: 10 },
          ],
        },
      ]);
      expect(schema.raw.UDTs?.[0]?.name).toBe('Pair');

      e.clear();
      expect(await getSchema(e.ctx)).toBe(schema);
      expect(e.sent()).toHaveLength(0);
      const fresh = await getSchema(e.ctx, { refresh: true });
      expect(fresh).not.toBe(schema);
      expect(e.sent()).toHaveLength(2);
      e.clear();
      await getSchema(e.ctx, { udts: false, refresh: true });
      expect(e.sent().map((r) => r.path)).toEqual([
        e.line === '4' ? '/gsql/v1/schema/graphs/MyGraph' : '/gsqlserver/gsql/schema',
      ]);
    });

    it('lists graphs', async () => {
      const live = await getSchema(e.ctx);
      e.clear();
      const graphs = await listGraphs(e.ctx);
      expect(graphs).toEqual([
        {
          name: 'MyGraph',
          vertexTypes: live.vertexTypes.map((v) => v.name),
          edgeTypes: live.edgeTypes.map((t) => t.name),
        },
      ]);
      if (e.line === '4') expect(e.one('GET', '/gsql/v1/schema/graphs').url).toBe('/gsql/v1/schema/graphs');
      else expect(e.one('POST', '/gsqlserver/gsql/file').body).toBe('SHOW+GRAPH+%2A');
    });

    it('creates global vertices, a graph over them, and drops both', async () => {
      e.clear();
      await createGlobalVertices(e.ctx, ['CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING)']);
      if (e.line === '4') {
        const r = e.one('POST', '/gsql/v1/schema/vertices');
        expect(r.url).toBe('/gsql/v1/schema/vertices?gsql=true');
        expect(header(r, 'content-type')).toBe('application/json');
        expect(JSON.parse(r.body)).toEqual({
          gsql: ['CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING)'],
        });
      } else {
        expect(decodeURIComponent(e.one('POST', '/gsqlserver/gsql/file').body.replace(/\+/g, ' '))).toBe(
          'USE GLOBAL\nCREATE VERTEX Person (PRIMARY_ID id STRING, name STRING)',
        );
      }

      e.clear();
      const created = await createGraph(e.ctx, 'Social', { vertexTypes: ['Person'] });
      if (e.line === '4') {
        const r = e.one('POST', '/gsql/v1/schema/graphs');
        expect(r.url).toBe('/gsql/v1/schema/graphs?gsql=true&graphName=Social');
        expect(JSON.parse(r.body)).toEqual({ gsql: 'CREATE GRAPH Social(Person)' });
        expect(created.message).toBe('Successfully created graph: [Social].');
      } else {
        expect(e.one('POST', '/gsqlserver/gsql/file').body).toBe('CREATE+GRAPH+Social%28Person%29');
      }
      expect((await listGraphs(e.ctx)).map((g) => g.name)).toEqual(['MyGraph', 'Social']);
      expect((await getSchema(e.ctx, { graph: 'Social' })).vertexTypes.map((v) => v.name)).toEqual([
        'Person',
      ]);

      e.clear();
      const dropped = await dropGraph(e.ctx, 'Social');
      if (e.line === '4') {
        expect(e.one('DELETE', '/gsql/v1/schema/graphs/Social').url).toBe('/gsql/v1/schema/graphs/Social');
        expect(dropped.message).toBe('Successfully dropped graph: Social.');
      } else {
        expect(e.one('POST', '/gsqlserver/gsql/file').body).toBe('DROP+GRAPH+Social');
      }
      expect((await listGraphs(e.ctx)).map((g) => g.name)).toEqual(['MyGraph']);

      e.clear();
      await dropGlobalVertices(e.ctx, ['Person']);
      if (e.line === '4')
        expect(e.one('DELETE', '/gsql/v1/schema/vertices').url).toBe(
          '/gsql/v1/schema/vertices?vertex=Person',
        );
      else expect(e.one('POST', '/gsqlserver/gsql/file').body).toBe('USE+GLOBAL%0ADROP+VERTEX+Person');
      expect((await gsql(e.ctx, 'ls')).output).not.toContain('VERTEX Person(');
    });

    it('runs a schema change from GSQL statements as a temporary job, and drops the cached schema', async () => {
      const before = await getSchema(e.ctx);
      e.clear();
      await runSchemaChange(
        e.ctx,
        [
          'ADD VERTEX Hospital (PRIMARY_ID id STRING, beds INT)',
          'ADD UNDIRECTED EDGE TREATED_AT (FROM Patient, TO Hospital);',
        ],
        {
          jobName: 'add_hospital',
        },
      );
      const script =
        'USE GRAPH MyGraph\nCREATE SCHEMA_CHANGE JOB add_hospital FOR GRAPH MyGraph {\n' +
        '  ADD VERTEX Hospital (PRIMARY_ID id STRING, beds INT);\n  ADD UNDIRECTED EDGE TREATED_AT (FROM Patient, TO Hospital);\n' +
        '}\nRUN SCHEMA_CHANGE JOB add_hospital\nDROP JOB add_hospital';
      const r = e.one('POST', e.line === '4' ? '/gsql/v1/statements' : '/gsqlserver/gsql/file');
      expect(e.line === '4' ? r.body : decodeURIComponent(r.body.replace(/\+/g, ' '))).toBe(script);
      const after = await getSchema(e.ctx);
      expect(after).not.toBe(before);
      expect(vertexTypeOf(after, 'Hospital')?.attributes.map((a) => `${a.name} ${a.type.text}`)).toEqual([
        'beds INT',
      ]);
      expect(edgeTypeOf(after, 'TREATED_AT')?.pairs).toEqual([{ from: 'Patient', to: 'Hospital' }]);
    });

    it('raises the GSQL failure of a schema change and leaves no job behind', async () => {
      const error = await thrown(
        runSchemaChange(e.ctx, 'ADD VERTEX Patient (PRIMARY_ID id STRING)', { jobName: 'dup_patient' }),
      );
      expect(error).toBeInstanceOf(GsqlError);
      expect((error as GsqlError).output).toMatch(/Patient/);
      expect((await gsql(e.ctx, 'ls', { graph: 'MyGraph' })).output).not.toContain('dup_patient');
    });

    if (version === '4.2') {
      it('sends a JSON schema change to /gsql/v1/schema/change', async () => {
        e.clear();
        const change = {
          alterVertexTypes: [
            {
              name: 'Hospital',
              addAttributes: [{ AttributeName: 'rating', AttributeType: { Name: 'DOUBLE' } }],
            },
          ],
        };
        const result = await runSchemaChange(e.ctx, change, { force: true });
        const r = e.one('POST', '/gsql/v1/schema/change');
        expect(r.url).toBe('/gsql/v1/schema/change?graph=MyGraph&force=true');
        expect(header(r, 'content-type')).toBe('application/json');
        expect(JSON.parse(r.body)).toEqual(change);
        expect(result.message).toBe('Schema change job runs successfully');
        const hospital = vertexTypeOf(await getSchema(e.ctx), 'Hospital');
        expect(hospital?.attributes.map((a) => a.name)).toEqual(['beds', 'rating']);
      });

      it('asks the server to check the schema', async () => {
        e.clear();
        expect(await checkSchema(e.ctx)).toEqual({ message: 'Schema Check succeeded.' });
        expect(header(e.one('POST', '/gsql/v1/schema/check'), 'content-type')).toBe('text/plain');
      });
    } else {
      it('refuses a JSON schema change on 3.x before sending', async () => {
        e.clear();
        const error = await thrown(runSchemaChange(e.ctx, { dropVertexTypes: ['Hospital'] }));
        expect(error).toBeInstanceOf(ValidationError);
        expect(error.message).toMatch(/4\.1\+.*GSQL statements/);
        const check = await thrown(checkSchema(e.ctx));
        expect(check).toBeInstanceOf(TigerGraphError);
        expect((check as TigerGraphError).code).toBe('TG-UNSUPPORTED');
        expect(e.sent()).toHaveLength(0);
      });
    }

    it('creates, lists, runs and drops a named schema-change job', async () => {
      e.clear();
      await createSchemaChangeJob(e.ctx, 'add_clinic', [
        'ADD VERTEX Clinic (PRIMARY_ID id STRING, name STRING)',
      ]);
      const definition =
        'CREATE SCHEMA_CHANGE JOB add_clinic FOR GRAPH MyGraph {\n  ADD VERTEX Clinic (PRIMARY_ID id STRING, name STRING);\n}';
      const r = e.one('POST', e.line === '4' ? '/gsql/v1/statements' : '/gsqlserver/gsql/file');
      expect(e.line === '4' ? r.body : decodeURIComponent(r.body.replace(/\+/g, ' '))).toBe(
        `USE GRAPH MyGraph\n${definition}`,
      );
      expect(await listSchemaChangeJobs(e.ctx)).toEqual([
        { name: 'add_clinic', global: false, text: definition },
      ]);
      expect(vertexTypeOf(await getSchema(e.ctx), 'Clinic')).toBeUndefined();
      await runSchemaChangeJob(e.ctx, 'add_clinic');
      expect(vertexTypeOf(await getSchema(e.ctx), 'Clinic')?.attributes.map((a) => a.name)).toEqual(['name']);
      e.clear();
      await dropSchemaChangeJobs(e.ctx, ['add_clinic']);
      const drop = e.one('POST', e.line === '4' ? '/gsql/v1/statements' : '/gsqlserver/gsql/file');
      expect(e.line === '4' ? drop.body : decodeURIComponent(drop.body.replace(/\+/g, ' '))).toBe(
        'USE GRAPH MyGraph\nDROP JOB add_clinic',
      );
      expect(await listSchemaChangeJobs(e.ctx)).toEqual([]);
    });

    it('adds a global vertex type to the graph (4.1+ REST; refused on 3.x)', async () => {
      await createGlobalVertices(e.ctx, 'CREATE VERTEX Lab (PRIMARY_ID id STRING)');
      e.clear();
      if (e.line === '4') {
        const result = await addGlobalVerticesToGraph(e.ctx, ['Lab']);
        const r = e.one('POST', '/gsql/v1/schema/vertices');
        expect(r.url).toBe('/gsql/v1/schema/vertices?graph=MyGraph');
        expect(JSON.parse(r.body)).toEqual({ addVertices: ['Lab'] });
        expect(result.message).toBe('Successfully add vertices: [Lab] on graph MyGraph');
        expect(vertexTypeOf(await getSchema(e.ctx), 'Lab')?.local).toBe(false);
      } else {
        const error = await thrown(addGlobalVerticesToGraph(e.ctx, ['Lab']));
        expect((error as TigerGraphError).code).toBe('TG-UNSUPPORTED');
        expect(e.sent()).toHaveLength(0);
      }
    });

    it('validates a desired schema against the live one', async () => {
      const ok = await validateSchema(e.ctx, {
        vertexTypes: {
          Patient: {
            primaryId: { name: 'patient_id', type: 'STRING' },
            attributes: { birth_year: 'INT', sex: 'string' },
          },
        },
        edgeTypes: {
          INFECTED_BY: {
            from: 'Patient',
            to: ['Patient'],
            directed: true,
            reverseEdge: 'reverse_INFECTED_BY',
          },
        },
      });
      expect(ok).toEqual({ ok: true, differences: [] });
      const bad = await validateSchema(e.ctx, {
        vertexTypes: {
          Patient: { attributes: { birth_year: 'STRING', shoe_size: 'INT' } },
          Doctor: {},
        },
        edgeTypes: { PATIENT_FROM_CITY: { directed: true, to: 'Province' } },
      });
      expect(bad.ok).toBe(false);
      expect(bad.differences.map((d) => [d.kind, d.path, d.expected, d.actual])).toEqual([
        ['attribute-type', 'Patient.birth_year', 'STRING', 'INT'],
        ['missing-attribute', 'Patient.shoe_size', 'INT', undefined],
        ['missing-vertex-type', 'Doctor', 'Doctor', undefined],
        ['edge-endpoints', 'PATIENT_FROM_CITY', 'Province', 'City'],
        ['edge-direction', 'PATIENT_FROM_CITY', 'directed', 'undirected'],
      ]);
      expect(bad.differences[0]?.message).toBe('Patient.birth_year is INT, expected STRING');
      const strict = await validateSchema(
        e.ctx,
        { vertexTypes: { City: {} } },
        { strict: true, refresh: true },
      );
      const others = (await getSchema(e.ctx)).vertexTypes.map((v) => v.name).filter((n) => n !== 'City');
      expect(others).toEqual(expect.arrayContaining(['Patient', 'Province', 'InfectionCase', 'Hospital']));
      expect(strict.differences.filter((d) => d.kind === 'extra-vertex-type').map((d) => d.path)).toEqual(
        others,
      );
      expect(strict.differences.some((d) => d.path === 'reverse_INFECTED_BY')).toBe(false);
    });

    it('refuses names that are not GSQL identifiers before sending', async () => {
      e.clear();
      expect(await thrown(createGraph(e.ctx, 'bad name'))).toBeInstanceOf(ValidationError);
      expect(await thrown(dropGraph(e.ctx, 'x;DROP ALL'))).toBeInstanceOf(ValidationError);
      expect(await thrown(createGlobalVertices(e.ctx, ['DROP ALL']))).toBeInstanceOf(ValidationError);
      expect(await thrown(runSchemaChange(e.ctx, [], { jobName: 'j' }))).toBeInstanceOf(ValidationError);
      expect(e.sent()).toHaveLength(0);
    });
  });
}
