// The emulator under measurement, in its own process so its CPU and memory never count as the
// client's. Started from the emulator's dist/ with the GSQL script the parent passes in
// TGRAPH_BENCH_GSQL; answers "stop" over IPC.
import { startEmulator } from '@tgraph/emulator';

const emu = await startEmulator({
  version: '4.2',
  gsqlScript: process.env['TGRAPH_BENCH_GSQL'] ?? '',
  // The benches send hundreds of MB; the default request history would keep big bodies alive.
  maxRecordedRequests: 1,
  maxBodyBytes: 1024 * 1024 * 1024,
  // The browser bench's page is served from another loopback port.
  ...(process.env['TGRAPH_BENCH_CORS'] === '1' ? { cors: { origins: '*' as const } } : {}),
});

process.on('message', (msg) => {
  if (msg === 'stop') void emu.stop().then(() => process.exit(0));
});
// The bench that forked this process died without saying stop: do not outlive it.
process.on('disconnect', () => void emu.stop().finally(() => process.exit(0)));
process.send?.({ kind: 'ready', restppUrl: emu.restppUrl, gsUrl: emu.gsUrl });
