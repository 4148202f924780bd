// GET /api/overview: counts per type from TigerGraph's built-ins and the largest infection
// cluster (the page's opening view), read with RESTPP calls only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, lastSeq, requestsSince, type Stack, startStack } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Overview = {
  vertices: Record<string, number>;
  edges: Record<string, number>;
  clusters: number;
  largestCluster: {
    patients: string[];
    chain: string[];
    graph: {
      nodes: { id: string; role: string }[];
      edges: { source: string; target: string; chain: boolean }[];
    };
  } | null;
};

describe('GET /api/overview', () => {
  it('counts every type and draws the largest cluster with its longest chain', async () => {
    const before = lastSeq(stack.emulator);
    const res = await stack.get('/api/overview');
    expect(res.status).toBe(200);
    const body = await json<Overview>(res);
    // The seed: 24 patients in 18 cities of 6 provinces, 5 infection cases.
    expect(body.vertices).toEqual({ Patient: 24, City: 18, Province: 6, InfectionCase: 5 });
    expect(body.edges).toMatchObject({ INFECTED_BY: 8, TRAVELED: 6, PATIENT_FROM_CITY: 24 });
    expect(Object.keys(body.edges).some((t) => t.startsWith('reverse_'))).toBe(false);
    // The seed's INFECTED_BY edges form four clusters; two have four patients and a three-step
    // chain, and the tie goes to the one whose smallest id comes first.
    expect(body.clusters).toBe(4);
    expect(body.largestCluster?.patients).toEqual(['1000000001', '1000000003', '1000000006', '1000000007']);
    expect(body.largestCluster?.chain).toEqual(['1000000006', '1000000003', '1000000001']);
    const chainEdges = body.largestCluster?.graph.edges
      .filter((e) => e.chain)
      .map((e) => `${e.source}>${e.target}`);
    expect(chainEdges).toEqual([
      'Patient:1000000003>Patient:1000000001',
      'Patient:1000000006>Patient:1000000003',
    ]);
    expect(body.largestCluster?.graph.nodes).toHaveLength(4);
    const sent = requestsSince(stack.emulator, before).map((r) => `${r.method} ${r.path}`);
    expect(sent).toEqual(expect.arrayContaining(['POST /restpp/builtins/MyGraph']));
    // No interpreted query: a token for RESTPP is all the service needs.
    expect(sent.filter((s) => /interpret/i.test(s))).toEqual([]);
  });
});
