#!/usr/bin/env node
// `pnpm bench`: a bounded load test of GET /api/patients/{id} (the neighbourhood route: one id
// check and two installed-query runs against TigerGraph per request). The built service runs on
// its embedded emulator in this process; autocannon sends a fixed number of requests over
// loopback and the throughput, latency percentiles and error count are printed. Figures only:
// nothing is asserted, but any error or non-2xx answer makes the run exit non-zero.
//   BENCH_REQUESTS (default 5000), BENCH_CONNECTIONS (default 10)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

const appDir = join(import.meta.dirname, '..');
if (!existsSync(join(appDir, 'dist/server.js'))) {
  console.error('build first: pnpm --filter @tgraph/sample-service... build');
  process.exit(1);
}
const { readConfig } = await import('../dist/config.js');
const { credentialSource } = await import('../dist/credentials.js');
const { startEmbeddedTigerGraph } = await import('../dist/embedded.js');
const { createLogger } = await import('../dist/logger.js');
const { startService } = await import('../dist/server.js');

const amount = Number(process.env.BENCH_REQUESTS ?? 5000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const embedded = await startEmbeddedTigerGraph();
const { emulator } = embedded;
const service = await startService({
  config: readConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' }),
  target: { host: emulator.gsUrl, graph: 'MyGraph', version: emulator.version },
  credentials: credentialSource({ secret: embedded.secret }),
  // Warnings and errors still count; request lines are not written during the run.
  logger: createLogger({ level: 'warn' }),
  webDir: join(appDir, 'dist/web'),
});

const run = (requests) =>
  autocannon({ url: `${service.url}/api/patients/1000000003`, connections, amount: requests });

await run(200); // warm-up: token, JIT, keep-alive sockets
const r = await run(amount);
await service.shutdown();
await emulator.stop();

const line = (k, v) => console.log(`${k.padEnd(24)}${v}`);
console.log(
  `GET /api/patients/{id} — ${amount} requests, ${connections} connections, loopback, Node ${process.version}`,
);
line('requests sent', r.requests.sent);
line('2xx', r['2xx']);
line('errors / timeouts', `${r.errors} / ${r.timeouts}`);
line('non-2xx', r.non2xx);
line(
  'throughput (req/s)',
  `${r.requests.average.toFixed(0)} (mean of ${r.requests.total} over ${r.duration.toFixed(1)} s)`,
);
line('latency p50 / p90', `${r.latency.p50} ms / ${r.latency.p90} ms`);
line('latency p99 / max', `${r.latency.p99} ms / ${r.latency.max} ms`);
if (r.errors > 0 || r.timeouts > 0 || r.non2xx > 0) process.exit(1);
