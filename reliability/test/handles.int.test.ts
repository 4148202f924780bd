// The leak checks the other suites rely on do catch leaks: an unclosed client's keep-alive socket,
// a pending timer, and an unhandled rejection are all reported; closing them clears the report.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { createClient } from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaksAfter, resourceCounts, watchUnhandledRejections } from '../src/handles.js';

describe('leak checks', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', seed: 'covid' });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  it('report an open keep-alive socket until the client is closed', async () => {
    const baseline = resourceCounts();
    const tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', version: '4.2.0' });
    expect(await tg.vertices.count('Patient')).toBeGreaterThan(0);
    const open = await leaksAfter(baseline, 4);
    expect(open['TCPSocketWrap']).toBeGreaterThanOrEqual(1);
    await tg.close();
    expect(await leaksAfter(baseline)).toEqual({});
  });

  it('report a pending timer until it is cleared', async () => {
    const baseline = resourceCounts();
    const timer = setTimeout(() => undefined, 60_000);
    expect(await leaksAfter(baseline, 2)).toEqual({ Timeout: 1 });
    clearTimeout(timer);
    expect(await leaksAfter(baseline)).toEqual({});
  });

  it('collect unhandled rejections', async () => {
    const watcher = watchUnhandledRejections();
    void Promise.reject(new Error('nobody listens'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const seen = watcher.stop();
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).message).toBe('nobody listens');
  });
});
