// The facade's namespaces are the api functions bound to one context: each call here goes through
// `tg.<namespace>.<fn>` to the emulator, and the test checks what the server received and the
// typed result. A typed schema makes wrong names compile errors (checked by `tsc`, see
// the expect-error lines below).
import { AsyncLocalStorage } from 'node:async_hooks';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import {
  createClient,
  createEmbeddedClient,
  GsqlError,
  parseQueryOutput,
  type TigerGraphClient,
  TigerGraphError,
  ValidationError,
  vertexParam,
} from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface CovidSchema {
  vertices: {
    Patient: { id: string; attributes: { birth_year: number; sex: string; infection_case: string } };
    City: { id: string; attributes: { city: string } };
  };
  edges: {
    PATIENT_FROM_CITY: { from: 'Patient'; to: 'City'; directed: false; attributes: Record<string, never> };
  };
}

// Compile-time checks only (tsc runs over the tests): never called.
export function typedSchemaChecks(tg: TigerGraphClient<CovidSchema>): void {
  // @ts-expect-error 'age' is not an attribute of Patient
  void tg.vertices.get('Patient', { select: ['age'] });
  // @ts-expect-error 'Doctor' is not a vertex type of the schema
  void tg.vertices.count('Doctor');
  // @ts-expect-error birth_year is a number
  void tg.vertices.upsert('Patient', 'p', { birth_year: 'nineteen' });
}

for (const version of ['3.10', '4.2']) {
  describe(`tg namespaces against TigerGraph ${version}`, () => {
    let emu: RunningEmulator;
    let tg: TigerGraphClient<CovidSchema>;
    const since = () => {
      const start = emu.requests.length;
      return () => emu.requests.slice(start);
    };

    beforeAll(async () => {
      emu = await startEmulator({ version, auth: true, seed: 'covid' });
      tg = createClient<CovidSchema>({
        host: emu.gsUrl,
        graph: 'MyGraph',
        username: 'tigergraph',
        password: 'tigergraph',
      });
    });
    afterAll(async () => {
      await tg?.close();
      await emu?.stop();
    });

    it('tg.vertices keeps the schema types: typed attributes in, typed attributes out', async () => {
      const rows = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
      const years: number[] = rows.map((r) => r.attributes.birth_year);
      expect(years).toHaveLength(5);

      const log = since();
      await tg.vertices.upsert('Patient', 'facade-1', {
        birth_year: 1990,
        sex: 'female',
        infection_case: 'x',
      });
      const [upsert] = log().filter((r) => r.method === 'POST');
      expect(upsert?.path).toBe('/restpp/graph/MyGraph');
      expect(JSON.parse(upsert!.body)).toEqual({
        vertices: {
          Patient: {
            'facade-1': {
              birth_year: { value: 1990 },
              sex: { value: 'female' },
              infection_case: { value: 'x' },
            },
          },
        },
      });
      const [one] = await tg.vertices.getById('Patient', ['facade-1']);
      expect(one?.attributes.birth_year).toBe(1990);
      expect(await tg.vertices.deleteById('Patient', ['facade-1'])).toBe(1);
      expect(await tg.vertices.count('Patient')).toBe(24);
    });

    it('tg.edges, tg.queries and tg.paths reach their endpoints', async () => {
      const log = since();
      const cities = await tg.edges.get('Patient', '6100000100', { edgeType: 'PATIENT_FROM_CITY' });
      expect(cities).toHaveLength(1);
      expect(cities[0]?.e_type).toBe('PATIENT_FROM_CITY');
      expect(cities[0]?.to_type).toBe('City');
      expect(
        log().some(
          (r) =>
            r.method === 'GET' &&
            r.path === '/restpp/graph/MyGraph/edges/Patient/6100000100/PATIENT_FROM_CITY',
        ),
      ).toBe(true);
      expect(await tg.edges.isDirected('PATIENT_FROM_CITY')).toBe(false);

      const [first] = await tg.queries.run<[{ patients: number }]>('city_stats');
      expect(first.patients).toBe(24);
      expect(log().some((r) => r.path === '/restpp/query/MyGraph/city_stats')).toBe(true);

      const found = await tg.paths.shortest(
        { type: 'Patient', id: '6100000100' },
        { type: 'City', id: String(cities[0]?.to_id) },
      );
      expect(found.vertices.map((v) => v.v_id)).toContain('6100000100');
      const sent = log().find((r) => r.path === '/restpp/shortestpath/MyGraph');
      expect(JSON.parse(sent!.body)).toEqual({
        sources: [{ type: 'Patient', id: '6100000100' }],
        targets: [{ type: 'City', id: String(cities[0]?.to_id) }],
      });
    });

    it('tg.gsql runs GSQL on the line-specific endpoint and raises GsqlError on failure', async () => {
      const log = since();
      const { output } = await tg.gsql('ls');
      expect(output).toContain('Patient');
      const sent = log().find((r) => r.method === 'POST');
      expect(sent?.path).toBe(version === '3.10' ? '/gsqlserver/gsql/file' : '/gsql/v1/statements');
      await expect(tg.gsql('CREATE VERTEX')).rejects.toBeInstanceOf(GsqlError);
      expect(tg.gsql.isReservedKeyword('vertex')).toBe(true);
    });

    it('a per-call option key the function does not know is rejected before anything is sent', async () => {
      const log = since();
      const typo = { limt: 2 } as unknown as { limit: number };
      const error = await tg.vertices.get('Patient', typo).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        "options.limt is not an option of getVertices; did you mean 'limit'?",
      );
      expect((error as ValidationError).field).toBe('limt');
      const other = { newVertexOnly: true } as unknown as { ack: 'all' };
      await expect(
        tg.edges.upsert('Patient', '6100000100', 'PATIENT_FROM_CITY', 'City', 'Seoul', {}, other),
      ).rejects.toThrow(/options\.newVertexOnly is not an option of upsertEdge;/);
      expect(log()).toEqual([]);
      // A key set to undefined counts as not given (objects spread from optional fields carry them).
      const unset = { limit: 2, sort: undefined, limt: undefined } as unknown as { limit: number };
      const patients = await tg.vertices.get('Patient', unset);
      expect(patients).toHaveLength(2);
    });

    it('tg.schema, tg.system and tg.udts are bound to the client graph', async () => {
      const schema = await tg.schema.getSchema();
      expect(JSON.stringify(schema)).toContain('Patient');
      const log = since();
      const info = await tg.system.getVersion();
      expect(JSON.stringify(info)).toContain(emu.version.split('.').slice(0, 2).join('.'));
      expect(log().some((r) => r.method === 'GET' && /\/version$/.test(r.path))).toBe(true);
      expect(Array.isArray(await tg.udts.listUdts())).toBe(true);
    });
  });
}

describe('createClient option validation', () => {
  it('names the option and what to write instead', () => {
    expect(() => createClient({ graphname: 'MyGraph' } as never)).toThrow(/graphname.*use 'graph'/);
    expect(() => createClient({ exchange: 'sometimes' } as never)).toThrow(
      /options\.exchange must be true, false or 'auto'/,
    );
    expect(() => createClient({ tokenLifetimeSeconds: -5 })).toThrow(
      /options\.tokenLifetimeSeconds must be a positive whole number/,
    );
    expect(() => createClient({ integrs: 'bigint' } as never)).toThrow(
      /options\.integrs is not an option; did you mean 'integers'\?/,
    );
    expect(() => createClient({ username: 'tigergraph' })).toThrow(ValidationError);
    expect(() => createClient({ host: 'http://h:14240/restpp' })).toThrow(/service path/);
    expect(() => createClient({ control: { gsqlTimeoutMs: 'soon' } } as never)).toThrow(/options\.control/);
  });
});

describe('batched upserts through the namespaces', () => {
  it('tg.vertices.upsertInBatches and tg.edges.upsertInBatches send bounded batches with progress', async () => {
    const emu = await startEmulator({ version: '4.2', auth: false, seed: 'covid' });
    const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', version: '4.2.0' });
    try {
      const start = emu.requests.length;
      const progress: number[] = [];
      async function* patients() {
        for (let i = 0; i < 250; i++) yield { id: `bulk-${i}`, attributes: { birth_year: 1950 + (i % 50) } };
      }
      const summary = await tg.vertices.upsertInBatches('Patient', patients(), {
        batchSize: 100,
        concurrency: 2,
        onProgress: (p) => progress.push(p.itemsDone),
      });
      expect(summary.accepted_vertices).toBe(250);
      expect(summary.batches.map((b) => b.items)).toEqual([100, 100, 50]);
      expect(progress.at(-1)).toBe(250);
      const posts = emu.requests
        .slice(start)
        .filter((r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph');
      expect(posts).toHaveLength(3);
      expect(await tg.vertices.count('Patient')).toBe(274);

      const edges = Array.from({ length: 120 }, (_, i) => ({ from: `bulk-${i}`, to: 'jongno_gu' }));
      const linked = await tg.edges.upsertInBatches('Patient', 'PATIENT_FROM_CITY', 'City', edges, {
        batchSize: 50,
      });
      expect(linked.accepted_edges).toBe(120);
      expect(linked.batches).toHaveLength(3);
    } finally {
      await tg.close();
      await emu.stop();
    }
  });
});

describe('client-free helpers exported by tgraph', () => {
  it('vertexParam and parseQueryOutput work with tg.queries.run', async () => {
    const emu = await startEmulator({ version: '4.2', auth: false, seed: 'covid' });
    const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', version: '4.2.0' });
    try {
      const results = await tg.queries.run('infection_chain', { p: vertexParam('Patient', '1000000007') });
      const parsed = parseQueryOutput(results, { graphOnly: false });
      // 1000000007 was infected by 1000000003, who was infected by 1000000001 (seed data). A
      // printed vertex accumulator is a list of ids, not a vertex set, so it stays in `output`.
      expect(parsed.vertices).toEqual({});
      expect(parsed.output).toEqual([
        { label: 'chain', value: ['1000000003', '1000000001'] },
        { label: 'length', value: 2 },
      ]);
      const around = parseQueryOutput(
        await tg.queries.run('neighbourhood', { p: vertexParam('Patient', '1000000007') }),
      );
      expect(Object.keys(around.vertices.Patient ?? {}).sort()).toEqual(['1000000003', '1000000007']);
    } finally {
      await tg.close();
      await emu.stop();
    }
  });
});

describe('the control option (pyTigerGraph customizeHeader)', () => {
  it('sends GSQL-TIMEOUT and RESPONSE-LIMIT on every RESTPP request', async () => {
    const emu = await startEmulator({ version: '4.2', auth: false, seed: 'covid' });
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      version: '4.2.0',
      control: { gsqlTimeoutMs: 15_000, responseLimitBytes: 1_000_000 },
    });
    try {
      const start = emu.requests.length;
      await tg.vertices.get('Patient', { limit: 1 });
      const [sent] = emu.requests.slice(start).filter((r) => r.path.includes('/vertices/Patient'));
      expect(sent?.headers['gsql-timeout']).toBe('15000');
      expect(sent?.headers['response-limit']).toBe('1000000');
    } finally {
      await tg.close();
      await emu.stop();
    }
  });

  it("requestId supplies each request's id from the caller's context", async () => {
    const emu = await startEmulator({ version: '4.2', auth: false, seed: 'covid' });
    const context = new AsyncLocalStorage<string>();
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      version: '4.2.0',
      requestIdHeader: 'X-Request-Id',
      requestId: () => context.getStore(),
    });
    try {
      const start = emu.requests.length;
      await context.run('svc-7f3a', () => tg.vertices.count('Patient'));
      const error = await context
        .run('svc-8b21', () => tg.vertices.getById('Patient', ['no-such-patient'], { strategy: 'perId' }))
        .then(() => undefined);
      expect(error).toBeUndefined(); // a missing id is left out, not an error
      const failed = await context
        .run('svc-9c00', () => tg.vertices.get('NoSuchType'))
        .catch((e: unknown) => e as TigerGraphError);
      expect(failed).toBeInstanceOf(TigerGraphError);
      expect((failed as TigerGraphError).requestId).toBe('svc-9c00');
      await tg.vertices.count('Patient'); // outside any context: the SDK's own id
      const sent = emu.requests.slice(start).map((r) => r.headers['x-request-id']);
      expect(sent).toEqual(['svc-7f3a', 'svc-8b21', 'svc-9c00', expect.stringMatching(/^tg-/)]);
      expect(() => createClient({ requestId: 'svc-1' as never })).toThrow(
        /options\.requestId must be a function/,
      );
    } finally {
      await tg.close();
      await emu.stop();
    }
  });

  it('requestIdHeader sends the id the hooks see', async () => {
    const emu = await startEmulator({ version: '4.2', auth: false, seed: 'covid' });
    const seen: string[] = [];
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      version: '4.2.0',
      requestIdHeader: 'X-Request-Id',
      hooks: { beforeRequest: (view) => void seen.push(view.requestId) },
    });
    try {
      const start = emu.requests.length;
      await tg.vertices.count('Patient');
      const [sent] = emu.requests.slice(start);
      expect(seen).toHaveLength(1);
      expect(sent?.headers['x-request-id']).toBe(seen[0]);
      expect(() => createClient({ requestIdHeader: 'bad header' })).toThrow(
        /options\.requestIdHeader must be an HTTP header name/,
      );
    } finally {
      await tg.close();
      await emu.stop();
    }
  });
});

describe('createEmbeddedClient (Node)', () => {
  it('starts an emulator with the covid graph and stops it on close', async () => {
    const tg = await createEmbeddedClient({ emulator: { version: '3.10' } });
    expect(tg.emulator.version).toMatch(/^3\.10/);
    expect(await tg.line()).toBe('3');
    expect(await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] })).toHaveLength(5);
    expect(tg.emulator.requests.some((r) => r.path === '/graph/MyGraph/vertices/Patient')).toBe(true);
    const url = tg.emulator.gsUrl;
    await tg.close();
    await expect(fetch(`${url}/restpp/echo`)).rejects.toThrow();
  });
});
