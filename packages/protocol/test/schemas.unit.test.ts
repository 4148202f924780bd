import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  asyncQueryReplySchema,
  attributeTypeName,
  createSecretReplySchema,
  edgeSchema,
  endpointsReplySchema,
  expirationToMs,
  graphSchemaSchema,
  gsqlEnvelopeSchema,
  gsqlTokenReplySchema,
  isValidSecretAlias,
  jwtClaims,
  listSecretsReplySchema,
  maskSecret,
  parseCreateSecretOutput,
  parseGsqlOutput,
  parseJavaDate,
  parseJson,
  parseShowSecretOutput,
  queryResultsSchema,
  queryStatusSchema,
  requestTokenReplySchema,
  restppEnvelope,
  restppEnvelopeSchema,
  secretsFromResults,
  statisticsReplySchema,
  tokenInfo,
  udtSchema,
  upsertAttributes,
  upsertPayloadSchema,
  upsertResultsSchema,
  vertexCountSchema,
  vertexSchema,
} from '../src/index.ts';

const VERSION = { edition: 'enterprise', api: 'v2', schema: 0 };

describe('envelopes (§2)', () => {
  it('success envelope, error as boolean or string, code optional', () => {
    const ok = restppEnvelopeSchema.parse({
      version: VERSION,
      error: false,
      message: '',
      results: [],
      code: 'REST-0000',
    });
    expect(ok).toEqual({ version: VERSION, error: false, message: '', results: [], code: 'REST-0000' });
    expect(restppEnvelopeSchema.parse({ error: 'false', message: 'pong', results: {} }).error).toBe(false);
    expect(restppEnvelopeSchema.parse({ error: 'true', message: 'x' }).error).toBe(true);
    expect(restppEnvelopeSchema.parse({ error: true, message: 'x', code: 601 }).code).toBe('601');
    expect(
      restppEnvelopeSchema.parse({ version: { api: 'v2', schema: '1' }, error: false }).version?.schema,
    ).toBe('1');
  });

  it('error envelope (§2.2) keeps unknown keys', () => {
    const env = restppEnvelopeSchema.parse({
      version: VERSION,
      error: true,
      message: "Access Denied because the input token = '' is empty or too short",
      code: 'REST-10016',
      extra: 1,
    });
    expect(env.error).toBe(true);
    expect(env['extra']).toBe(1);
    expect(env.results).toBeUndefined();
  });

  it('4.x GSQL-server envelope with data in other keys (§2.5)', () => {
    const env = gsqlEnvelopeSchema.parse({
      graphs: [
        {
          graphName: 'financialGraph',
          vertices: ['Account', 'City'],
          edges: ['Transfer', 'Transfer_Reverse'],
        },
      ],
      error: false,
      message: '',
    });
    expect(env.error).toBe(false);
    expect(env['graphs']).toHaveLength(1);
  });
});

describe('tokens (§3.2, §3.3, §9.1, §9.2)', () => {
  it('3.x secret reply: token at the top level, expiration in Unix seconds', () => {
    const reply = requestTokenReplySchema.parse({
      code: 'REST-0000',
      expiration: 1700100000,
      error: false,
      message:
        'Generate new token successfully.\nWarning: Tigergraph Support cannot restore access to secrets/tokens for security reasons. Please save your secret/token and keep it safe and accessible.',
      token: 'fc6p0i2ijjt031n0sja6m9ci70p232h7',
    });
    expect(tokenInfo(reply)).toEqual({
      token: 'fc6p0i2ijjt031n0sja6m9ci70p232h7',
      expiresAt: 1700100000000,
      expiration: 1700100000,
    });
  });

  it('3.x user/password reply: token in results.token', () => {
    const reply = requestTokenReplySchema.parse({
      code: 'REST-0000',
      expiration: 1616042814,
      error: false,
      message: 'Generate new token successfully.',
      results: { token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq' },
    });
    expect(tokenInfo(reply).token).toBe('tohvf6khjqju8jf0r0l1cohhlm8gi5fq');
  });

  it('3.x refresh and delete replies', () => {
    const refresh = requestTokenReplySchema.parse({
      code: 'REST-0000',
      expiration: 1641554169,
      error: false,
      message: 'Refresh token successfully.',
      token: 'same',
    });
    expect(tokenInfo(refresh).expiresAt).toBe(1641554169000);
    const drop = requestTokenReplySchema.parse({
      code: 'REST-0000',
      expiration: -1,
      error: false,
      message: 'Drop token successfully.',
      token: 't',
    });
    expect(tokenInfo(drop).expiresAt).toBeUndefined();
  });

  it('a reply without a token is rejected with the field named', () => {
    const result = requestTokenReplySchema.safeParse({ code: 'REST-0000', error: false, message: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['token']);
  });

  it('4.x reply: JWT and a Java date string', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aWdlcmdyYXBoIiwiaWF0IjoxNzE5OTg3MTYyLCJleHAiOjE3MjA1OTE5NjcsImlzcyI6IlRpZ2VyR3JhcGgiLCJncmFwaCI6Ik15R3JhcGgifQ.sig';
    const reply = gsqlTokenReplySchema.parse({
      expiration: 'Wed Jul 10 06:12:47 UTC 2024',
      error: false,
      message: 'Generate new JWT token successfully.',
      token: jwt,
    });
    expect(tokenInfo(reply).expiresAt).toBe(Date.UTC(2024, 6, 10, 6, 12, 47));
    expect(jwtClaims(jwt)).toEqual({
      sub: 'tigergraph',
      iat: 1719987162,
      exp: 1720591967,
      iss: 'TigerGraph',
      graph: 'MyGraph',
    });
    // Without a parseable expiration, the JWT's exp claim is used.
    expect(tokenInfo({ error: false, token: jwt }).expiresAt).toBe(1720591967000);
  });

  it('expiration forms', () => {
    expect(expirationToMs('1700100000')).toBe(1700100000000);
    expect(expirationToMs(1700100000n)).toBe(1700100000000);
    expect(expirationToMs(0)).toBeUndefined();
    expect(parseJavaDate('Thu Aug 08 16:51:23 PDT 2024')).toBe(Date.UTC(2024, 7, 8, 23, 51, 23));
    expect(parseJavaDate('not a date')).toBeUndefined();
    expect(jwtClaims('fc6p0i2ijjt031n0sja6m9ci70p232h7')).toBeUndefined();
  });
});

describe('secrets (§3.4)', () => {
  it('4.x create and list replies (list or single object)', () => {
    const created = createSecretReplySchema.parse({
      error: false,
      message: '',
      results: { alias: 's1', value: '59ccqdlqmkfcqjl99u2jv4qt2telmeoj' },
    });
    expect(created.results).toEqual({ alias: 's1', value: '59ccqdlqmkfcqjl99u2jv4qt2telmeoj' });
    const list = listSecretsReplySchema.parse({
      error: false,
      message: '',
      results: [
        { alias: 's1', value: 'a' },
        { alias: 's2', value: 'b' },
      ],
    });
    expect(secretsFromResults(list.results)).toHaveLength(2);
    const single = listSecretsReplySchema.parse({
      error: false,
      message: '',
      results: { alias: 's1', value: 'a' },
    });
    expect(secretsFromResults(single.results)).toEqual([{ alias: 's1', value: 'a' }]);
    expect(secretsFromResults(undefined)).toEqual([]);
  });

  it('3.x CREATE SECRET output', () => {
    const out = parseCreateSecretOutput(
      'The secret: n35lsqofc1if62fld2rmnb9hocqbh8ia has been created for user "tigergraph".\n__GSQL__RETURN__CODE__,0\n',
    );
    expect(out.secret).toBe('n35lsqofc1if62fld2rmnb9hocqbh8ia');
    expect(out.alreadyExists).toBe(false);
    const dup = parseCreateSecretOutput('The secret with alias HH already exists.\n__GSQL__RETURN__CODE__,1');
    expect(dup.alreadyExists).toBe(true);
    expect(dup.secret).toBeUndefined();
  });

  it('3.x SHOW SECRET output (masked)', () => {
    const shown = parseShowSecretOutput(
      'USE GRAPH Hogwarts\n    - Secret: s7s****3k5\n      - Alias: HH\n      - GraphName: Hogwarts\n    - Secret: abc****xyz\n      - Alias: AUTO_GENERATED_ALIAS_ab12cd3\n      - GraphName: Hogwarts\n__GSQL__RETURN__CODE__,0\n',
    );
    expect(shown).toEqual([
      { masked: 's7s****3k5', alias: 'HH', graph: 'Hogwarts' },
      { masked: 'abc****xyz', alias: 'AUTO_GENERATED_ALIAS_ab12cd3', graph: 'Hogwarts' },
    ]);
    expect(maskSecret('n35lsqofc1if62fld2rmnb9hocqbh8ia')).toBe('n35****8ia');
  });

  it('aliases are identifiers only (no GSQL injection)', () => {
    expect(isValidSecretAlias('my_alias1')).toBe(true);
    for (const bad of ['', '1abc', 'a b', 'a;DROP ALL', 'a\nb', 'x'.repeat(129)])
      expect(isValidSecretAlias(bad)).toBe(false);
  });

  it('GSQL output control lines and failure markers', () => {
    const out = parseGsqlOutput(
      '\u001b[31mSemantic Check Fails: x\u001b[0m\n__GSQL__COOKIES__,{"graph":"g"}\n__GSQL__RETURN__CODE__,211\n',
    );
    expect(out).toEqual({
      text: 'Semantic Check Fails: x',
      returnCode: 211,
      cookies: '{"graph":"g"}',
      failed: true,
    });
    expect(parseGsqlOutput('ok').failed).toBe(false);
  });
});

describe('vertices and edges (§4.2, §4.3, §9.3)', () => {
  it('golden vector 9.3: list Patient vertices', () => {
    const body = parseJson(
      '{"version":{"edition":"enterprise","api":"v2","schema":0},"error":false,"message":"","results":[{"v_id":"6100000100","v_type":"Patient","attributes":{"birth_year":1959}},{"v_id":"6023000024","v_type":"Patient","attributes":{"birth_year":0}}]}',
    );
    const env = restppEnvelope(z.array(vertexSchema)).parse(body);
    expect(env.results?.map((v) => v.attributes?.['birth_year'])).toEqual([1959, 0]);
    expect(env.results?.[0]?.v_id).toBe('6100000100');
  });

  it('edges and counts', () => {
    const edge = edgeSchema.parse({
      e_type: 'User_Video',
      directed: false,
      from_id: '0',
      from_type: 'VidUser',
      to_id: '2',
      to_type: 'Video',
      attributes: { rating: 5.2, date_time: 0 },
    });
    expect(edge.attributes).toEqual({ rating: 5.2, date_time: 0 });
    expect(vertexCountSchema.parse({ v_type: 'vertex4', count: 3 }).count).toBe(3);
    expect(vertexCountSchema.parse({ v_type: 'v', count: 12345678901234567890n }).count).toBe(
      12345678901234567890n,
    );
  });
});

describe('upsert (§4.4, §9.6)', () => {
  it('payload with ops validates; a wrapper "attributes" key is a payload shape error', () => {
    const payload = {
      vertices: {
        Person: { p1: upsertAttributes({ name: 'Ann', visits: 1, skip: undefined }, { visits: 'add' }) },
      },
    };
    expect(payload.vertices.Person.p1).toEqual({ name: { value: 'Ann' }, visits: { value: 1, op: 'add' } });
    expect(upsertPayloadSchema.safeParse(payload).success).toBe(true);
    expect(
      upsertPayloadSchema.safeParse({ vertices: { P: { p1: { name: { value: 'x', op: 'append' } } } } })
        .success,
    ).toBe(false);
    const edges = {
      edges: { vertex4: { '7002': { edge2_directed: { vertex5: { '7001': { a01: { value: 7000 } } } } } } },
    };
    expect(upsertPayloadSchema.safeParse(edges).success).toBe(true);
  });

  it('golden vector 9.6 and the flag-specific result keys', () => {
    const env = restppEnvelope(upsertResultsSchema).parse({
      version: VERSION,
      error: false,
      message: '',
      results: [
        {
          accepted_vertices: 0,
          accepted_edges: 1,
          skipped_edges: 1,
          edge_vertices_not_exist: [{ v_type: 'vertex5', v_id: '7002' }],
        },
      ],
      code: 'REST-0002',
    });
    expect(env.results?.[0]?.edge_vertices_not_exist).toEqual([{ v_type: 'vertex5', v_id: '7002' }]);
    const newOnly = upsertResultsSchema.parse([
      {
        accepted_vertices: 1,
        skipped_vertices: 2,
        vertices_already_exist: [
          { v_type: 'vertex4', v_id: '7000' },
          { v_type: 'vertex4', v_id: '7001' },
        ],
        accepted_edges: 0,
      },
    ]);
    expect(newOnly[0]?.skipped_vertices).toBe(2);
    const updateOnly = upsertResultsSchema.parse([
      {
        accepted_vertices: 2,
        skipped_vertices: 1,
        vertices_not_exist: [{ v_type: 'vertex4', v_id: '7003' }],
        accepted_edges: 0,
      },
    ]);
    expect(updateOnly[0]?.vertices_not_exist).toHaveLength(1);
  });
});

describe('schema JSON (§6)', () => {
  const vertexType = {
    Name: 'company',
    PrimaryId: {
      AttributeName: 'clientId',
      AttributeType: { Name: 'STRING' },
      PrimaryIdAsAttribute: false,
      IsPartOfCompositeKey: false,
      HasIndex: false,
      IsPrimaryKey: false,
    },
    Attributes: [
      {
        AttributeName: 'id',
        AttributeType: { Name: 'STRING' },
        IsPartOfCompositeKey: false,
        PrimaryIdAsAttribute: false,
        HasIndex: false,
        IsPrimaryKey: false,
      },
      { AttributeName: 'tags', AttributeType: { Name: 'SET', ValueTypeName: 'STRING' } },
      {
        AttributeName: 'scores',
        AttributeType: { Name: 'MAP', KeyTypeName: 'STRING', ValueTypeName: 'DOUBLE' },
      },
      { AttributeName: 'note', AttributeType: { Name: 'STRING' }, DefaultValue: 'n/a' },
    ],
    Config: { STATS: 'OUTDEGREE_BY_EDGETYPE', PRIMARY_ID_AS_ATTRIBUTE: false },
    IsLocal: true,
    EmbeddingAttributes: [
      { Name: 'embedding', Dimension: 1536, IndexType: 'HNSW', DataType: 'FLOAT', Metric: 'COSINE' },
    ],
  };
  const edgeType = {
    Name: 'Transfer',
    FromVertexTypeName: 'Account',
    ToVertexTypeName: 'Account',
    IsDirected: true,
    Config: { REVERSE_EDGE: 'Transfer_Reverse' },
    Attributes: [
      { AttributeName: 'date', AttributeType: { Name: 'DATETIME' }, IsDiscriminator: true },
      { AttributeName: 'amount', AttributeType: { Name: 'UINT' } },
    ],
    DiscriminatorCount: 1,
    CompositeDiscriminator: ['date'],
    IsLocal: true,
  };

  it('graph, vertex type, edge type, attribute types (3.x full and 4.x sparse forms)', () => {
    const graph = graphSchemaSchema.parse({
      GraphName: 'workNet',
      VertexTypes: [vertexType],
      EdgeTypes: [edgeType],
    });
    expect(graph.VertexTypes[0]?.EmbeddingAttributes?.[0]?.Dimension).toBe(1536);
    expect(graph.EdgeTypes[0]?.Config).toEqual({ REVERSE_EDGE: 'Transfer_Reverse' });
    expect(graph.VertexTypes[0]!.Attributes.map((a) => attributeTypeName(a.AttributeType))).toEqual([
      'STRING',
      'SET<STRING>',
      'MAP<STRING,DOUBLE>',
      'STRING',
    ]);
    const sparse = graphSchemaSchema.parse({
      GraphName: 'g',
      VertexTypes: [
        { Name: 'V', PrimaryId: { AttributeName: 'id', AttributeType: { Name: 'INT' } }, Attributes: [] },
      ],
      EdgeTypes: [
        {
          Name: 'E',
          FromVertexTypeName: '*',
          ToVertexTypeName: '*',
          IsDirected: false,
          Config: {},
          Attributes: [],
          EdgePairs: [{ From: 'A', To: 'C' }],
        },
      ],
    });
    expect(sparse.EdgeTypes[0]?.EdgePairs).toEqual([{ From: 'A', To: 'C' }]);
  });

  it('UDT list (§6.5)', () => {
    const udts = z.array(udtSchema).parse([
      {
        name: 'tuple2_simple',
        fields: [
          { fieldName: 'field1', fieldType: 'INT', length: 8 },
          { fieldName: 'field2', fieldType: 'STRING', length: 10 },
          { fieldName: 'field3', fieldType: 'DATETIME' },
        ],
      },
    ]);
    expect(udts[0]?.fields).toHaveLength(3);
  });
});

describe('queries and utilities (§4.1, §4.8, §4.9, §9.7)', () => {
  it('installed query reply: one object per PRINT', () => {
    const env = restppEnvelope(queryResultsSchema).parse({
      version: VERSION,
      error: false,
      message: '',
      results: [{ str: ['world', 'hello'], v: 'Mary', party: ['Tobias'] }],
    });
    expect(env.results?.[0]?.['v']).toBe('Mary');
  });

  it('async submit, status', () => {
    const submitted = asyncQueryReplySchema.parse({
      error: false,
      message: 'The query is successfully submitted. Please check query status using the request id.',
      request_id: '196611.RESTPP_1_1.1630601692834.N',
    });
    expect(submitted.request_id).toBe('196611.RESTPP_1_1.1630601692834.N');
    const status = queryStatusSchema.parse({
      requestid: '196611.RESTPP_1_1.1630601692834.N',
      startTime: '2021-09-02 16:54:52.834',
      expirationTime: '2021-09-02 16:55:08.834',
      url: '/query/social/q1',
      elapsedTime: 19,
      status: 'success',
    });
    expect(status.status).toBe('success');
  });

  it('/endpoints and /statistics bare objects', () => {
    const eps = endpointsReplySchema.parse({
      'GET /echo': { parameters: { sleep: { default: '0', type: 'INT32' } } },
      'GET /version': null,
      'POST /graph/{graph_name}': {
        parameters: {
          ack: { default: 'all', max_count: 1, min_count: 1, options: ['all', 'none'], type: 'STRING' },
        },
      },
    });
    expect(eps['GET /version']).toBeNull();
    const stats = statisticsReplySchema.parse({
      'GET /graph/vertices/{vertex_type}/{vertex_id}': {
        CompletedRequests: 8,
        QPS: 0.08,
        TimeoutRequests: 0,
        AverageLatency: 130,
        MaxLatency: 133,
        MinLatency: 128,
        LatencyPercentile: [130, 133],
      },
    });
    expect(Object.keys(stats)).toHaveLength(1);
    expect(statisticsReplySchema.parse({})).toEqual({});
  });
});
