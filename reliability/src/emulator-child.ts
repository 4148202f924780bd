// A child process that runs the emulator for `pnpm bench` (so the server does not share the load
// clients' event loop): starts it with the load scenario's graph, sends its URL to the parent over
// IPC, and stops when the parent disconnects or sends 'stop'.
import { startEmulator } from '@tgraph/emulator';
import { LOAD_SCHEMA } from './load.js';

const emu = await startEmulator({ version: '4.2', gsqlScript: LOAD_SCHEMA, maxRecordedRequests: 1000 });
const stop = async () => {
  await emu.stop();
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.send?.({ gsUrl: emu.gsUrl });
