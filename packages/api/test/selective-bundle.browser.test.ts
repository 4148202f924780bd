// The selective browser import of issue 5: a page that uses only `@tgraph/api/vertices`, the
// browser adapter, the transport and auth — no facade, no other api module — builds (Vite bundles
// this file for Chromium) and runs against the emulator.

import { createContext } from '@tgraph/api/context';
import { countVertices, getVertices, getVerticesById, upsertVertex } from '@tgraph/api/vertices';
import { basicAuth } from '@tgraph/auth';
import { connectControl, type EmulatorHandle } from '@tgraph/emulator/client';
import { createTransport, type Transport } from '@tgraph/transport';
import { createBrowserAdapter } from '@tgraph/transport-browser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const control = connectControl(inject('tgraphControlUrl'));

describe('selective import: @tgraph/api/vertices + @tgraph/transport-browser in Chromium', () => {
  let emu: EmulatorHandle;
  let transport: Transport;

  beforeAll(async () => {
    emu = await control.create({
      version: '4.2',
      seed: 'covid',
      auth: true,
      cors: { origins: [location.origin] },
    });
    transport = createTransport({
      adapter: createBrowserAdapter(),
      restppUrls: [emu.restppViaGsUrl],
      gsqlUrl: emu.gsUrl,
      auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
      line: '4',
      graph: 'MyGraph',
      retry: { limit: 0 },
    });
  });
  afterAll(async () => {
    await transport.close();
    await control.destroy(emu.id);
  });

  it('runs the seed example and a write through the browser adapter', async () => {
    expect(transport.capabilities.runtime).toBe('browser');
    const ctx = createContext({ transport, graph: 'MyGraph', line: '4' });
    const five = await getVertices(ctx, 'Patient', { limit: 5, select: ['birth_year'] });
    expect(five.map((v) => [v.v_id, v.attributes['birth_year']])).toEqual([
      ['6100000100', 1959],
      ['6023000024', 0],
      ['6022000024', 1978],
      ['6020000020', 0],
      ['6015000008', 0],
    ]);
    await upsertVertex(ctx, 'Patient', 'browser-1', { birth_year: 2000 });
    expect(await countVertices(ctx, 'Patient')).toBe(25);
    const [v] = await getVerticesById(ctx, 'Patient', ['browser-1'], { select: ['birth_year'] });
    expect(v?.attributes).toEqual({ birth_year: 2000 });

    const received = (await control.requests(emu.id)).filter((r) => r.method !== 'OPTIONS');
    const list = received.find((r) => r.path === '/restpp/graph/MyGraph/vertices/Patient');
    expect(list?.query).toEqual({ select: 'birth_year', limit: '5' });
    expect(list?.headers['authorization']).toBe(`Basic ${btoa('tigergraph:tigergraph')}`);
    const upsert = received.find((r) => r.method === 'POST' && r.path === '/restpp/graph/MyGraph');
    expect(JSON.parse(upsert?.body ?? '')).toEqual({
      vertices: { Patient: { 'browser-1': { birth_year: { value: 2000 } } } },
    });
  });

  it('loaded no other api module', () => {
    // Vite serves each module separately in dev mode: the page's module graph lists what loaded.
    // This package's own sources are served below the Vite root as `/src/…`.
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/src/'));
    expect(loaded).toContain('/src/vertices.ts');
    expect(loaded).toContain('/src/vertices/get.ts');
    // Besides its own internals (the call helper, option check, one-or-many argument check, the
    // batch engine of the bulk upserts, line detection) and the element plumbing it shares with
    // edges (elements/), the schema reader (shared cache with @tgraph/api/schema, kept in
    // schema/cache) is the one other module it needs.
    const needed =
      /^\/src\/(context|schema-types|detect-line|internal\/call|internal\/options|internal\/one-or-many|internal\/batch|schema\/get|schema\/cache|schema\/model|udts\/tuples|udts\/model)\.ts$/;
    const others = loaded.filter(
      (p) => !p.startsWith('/src/vertices') && !p.startsWith('/src/elements/') && !needed.test(p),
    );
    expect(others).toEqual([]);
  });
});
