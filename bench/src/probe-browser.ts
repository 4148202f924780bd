import { LOAD_GSQL } from './lib/csv.ts';
import { startBenchEmulator } from './lib/emulator.ts';
import { runBrowserLoad } from './load-browser.ts';

const emu = await startBenchEmulator(LOAD_GSQL, { cors: true });
try {
  const r = await runBrowserLoad(emu.gsUrl, '/tmp/probe.csv');
  console.log(
    r.requests,
    r.progressCalls,
    ((r.peakRss - r.baselineRss) / 2 ** 20).toFixed(1),
    Object.fromEntries(
      Object.entries(r.peakGrowthByProcess ?? {}).map(([k, v]) => [k, (v / 2 ** 20).toFixed(1)]),
    ),
  );
} finally {
  await emu.stop();
}
