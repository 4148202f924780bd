// pnpm bench: streams a generated CSV of TGRAPH_BENCH_MB megabytes (default 500) through
// POST /ddl into an emulator in a child process, and compares the child's peak RSS with the RSS the
// loaded vertices need (a baseline child that loads the same TGRAPH_BENCH_VERTICES vertices, default
// 1M, from a body with one line per vertex). Then reads every vertex back in pages.
// Needs dist/ (turbo runs `build` first; otherwise `pnpm build`).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';

const MB = Number(process.env.TGRAPH_BENCH_MB ?? 500);
const VERTICES = Number(process.env.TGRAPH_BENCH_VERTICES ?? 1_000_000);
const PAGES = Number(process.env.TGRAPH_BENCH_PAGES ?? 10);
const here = new URL('.', import.meta.url);

if (!existsSync(new URL('../dist/index.js', here))) {
  console.error('dist/ is missing: run `pnpm build` in packages/emulator first.');
  process.exit(1);
}

const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Starts the emulator child; resolves with an IPC helper. */
function child() {
  // TGRAPH_BENCH_CHILD_ARGS adds node flags to the emulator child, e.g. "--max-old-space-size=800".
  const extra = (process.env.TGRAPH_BENCH_CHILD_ARGS ?? '').split(' ').filter((x) => x !== '');
  const proc = fork(new URL('./emulator-child.mjs', here), [], {
    execArgv: ['--expose-gc', ...extra],
    stdio: 'inherit',
  });
  const waiters = [];
  proc.on('message', (m) => waiters.shift()?.(m));
  const next = () => new Promise((resolve) => waiters.push(resolve));
  const ask = (msg) => {
    const p = next();
    proc.send(msg);
    return p;
  };
  return next().then((ready) => ({
    url: ready.restppUrl,
    stats: () => ask('stats'),
    gc: () => ask('gc'),
    stop: () =>
      new Promise((resolve) => {
        proc.on('exit', resolve);
        proc.send('stop');
      }),
  }));
}

// Every cycle over the ids repeats the same lines; TGRAPH_BENCH_CHANGING=1 gives every cycle new
// names, so each line really replaces a stored string (measures V8's garbage slack too).
const CHANGING = process.env.TGRAPH_BENCH_CHANGING === '1';
const line = (i) => {
  const id = i % VERTICES;
  const cycle = Math.floor(i / VERTICES);
  return `${id},person-${id}${CHANGING ? `-v${cycle}` : ''},${id % 1000}\n`;
};

/** POSTs `totalBytes` (or `lines` lines) of CSV to /ddl, generated on the fly with backpressure. */
function streamCsv(url, { totalBytes, lines }) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/ddl/g?tag=load_person&filename=f&sep=%2C`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, json: JSON.parse(Buffer.concat(parts).toString()) }),
      );
    });
    let sent = 0;
    let i = 0;
    const more = () => (totalBytes !== undefined ? sent < totalBytes : i < lines);
    const pump = () => {
      while (more()) {
        let chunk = '';
        while (chunk.length < 256 * 1024 && more()) {
          const l = line(i++);
          chunk += l;
          sent += l.length;
        }
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

function fileLevel(json) {
  return json.results[0].statistics.parsingStatistics.fileLevel;
}

async function getJson(url) {
  const res = await fetch(url);
  return res.json();
}

console.log(
  `emulator /ddl memory bench: ${MB} MB streamed, ${VERTICES.toLocaleString()} distinct vertices` +
    (CHANGING ? ', names change every cycle' : ', every cycle repeats the same lines'),
);

// 1) Baseline: the same vertices, one line each.
const base = await child();
const idle = await base.stats();
let t = performance.now();
const baseLoad = await streamCsv(base.url, { lines: VERTICES });
const baseSeconds = (performance.now() - t) / 1000;
await base.gc();
const baseAfter = await base.stats();
await base.stop();
console.log(
  `baseline: ${fileLevel(baseLoad.json).validLine.toLocaleString()} lines in ${baseSeconds.toFixed(1)} s; ` +
    `RSS idle ${mib(idle.rss)}, after load (gc) ${mib(baseAfter.rss)}, peak ${mib(Math.max(baseAfter.maxRss, baseAfter.peakSampled))}`,
);

// 2) The big streamed body, cycling over the same ids.
const big = await child();
t = performance.now();
const bigLoad = await streamCsv(big.url, { totalBytes: MB * 1024 * 1024 });
const bigSeconds = (performance.now() - t) / 1000;
const lines = fileLevel(bigLoad.json).validLine;
const afterBig = await big.stats();
const peak = Math.max(afterBig.maxRss, afterBig.peakSampled);
await big.gc();
const afterBigGc = await big.stats();
if (process.env.TGRAPH_BENCH_DEBUG) console.log({ afterBig, afterBigGc });
console.log(
  `streamed: ${MB} MB, ${lines.toLocaleString()} lines in ${bigSeconds.toFixed(1)} s (${(MB / bigSeconds).toFixed(1)} MB/s); ` +
    `status ${bigLoad.status}; peak RSS ${mib(peak)}; after load (gc) RSS ${mib(afterBigGc.rss)}, heap ${mib(afterBigGc.heapUsed)} ` +
    `(baseline heap ${mib(baseAfter.heapUsed)})`,
);
console.log(
  `peak RSS during the ${MB} MB request − RSS of the loaded vertices (baseline after load) = ${mib(peak - baseAfter.rss)} ` +
    `(baseline's own peak ${mib(Math.max(baseAfter.maxRss, baseAfter.peakSampled))})`,
);

// 3) Read every vertex back in pages (filter on id ranges).
t = performance.now();
let read = 0;
const page = Math.ceil(VERTICES / PAGES);
for (let from = 0; from < VERTICES; from += page) {
  const json = await getJson(
    `${big.url}/graph/g/vertices/Person?filter=id%3E%3D${from},id%3C${from + page}&select=name`,
  );
  if (json.error) throw new Error(json.message);
  read += json.results.length;
}
const readSeconds = (performance.now() - t) / 1000;
const afterRead = await big.stats();
console.log(
  `read back ${read.toLocaleString()} vertices in ${PAGES} pages in ${readSeconds.toFixed(1)} s; ` +
    `peak RSS over the whole run ${mib(Math.max(afterRead.maxRss, afterRead.peakSampled))}`,
);
await big.stop();
if (read !== VERTICES) {
  console.error(`expected ${VERTICES} vertices back, got ${read}`);
  process.exit(1);
}
