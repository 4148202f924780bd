// pnpm bench: the query interpreter against hand-written JavaScript on the same in-memory store.
// Loads a generated graph (TGRAPH_BENCH_ALGO_VERTICES, default 100k vertices; TGRAPH_BENCH_ALGO_EDGES,
// default 1M undirected edges, seeded) through a loading job, records the emulator's memory for it,
// then runs the library's tg_pagerank (25 iterations) and tg_wcc through the interpreter and the
// same algorithms written directly over the store's edge index (no adjacency built ahead), in this
// one process.
// The library is read from TGRAPH_VENDOR_DIR or <repo>/../shared/vendor. Needs dist/.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url);
if (!existsSync(new URL('../dist/index.js', here))) {
  console.error('dist/ is missing: run `pnpm build` in packages/emulator first.');
  process.exit(1);
}
const { createState } = await import('../dist/state.js');
const { createClock } = await import('../dist/clock.js');
const { versionProfile } = await import('../dist/version.js');
const { runGsql } = await import('../dist/gsql/exec.js');
const { queriesOf } = await import('../dist/query/store.js');
const { paramsFromQuery } = await import('../dist/query/params.js');
const { evalDefaultFor, newRun } = await import('../dist/query/runner.js');

const N = Number(process.env.TGRAPH_BENCH_ALGO_VERTICES ?? 100_000);
const M = Number(process.env.TGRAPH_BENCH_ALGO_EDGES ?? 1_000_000);
const ITER = 25;
const repo = new URL('../../../', here).pathname;
const vendor = process.env.TGRAPH_VENDOR_DIR ?? join(repo, '..', 'shared', 'vendor');
const algorithms = join(vendor, 'gsql-graph-algorithms', 'algorithms');
const mib = (n) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const gc = () => globalThis.gc?.();

/** Seeded xorshift: the same graph every run. */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function writeData(dir) {
  const r = rng(42);
  const v = [];
  for (let i = 0; i < N; i++) v.push(`${i}\n`);
  writeFileSync(join(dir, 'node.csv'), v.join(''));
  const parts = [];
  for (let i = 0; i < M; i++) {
    const a = Math.floor(r() * N);
    let b = Math.floor(r() * N);
    if (b === a) b = (a + 1) % N;
    parts.push(`${a},${b}\n`);
  }
  writeFileSync(join(dir, 'link.csv'), parts.join(''));
}

const SCHEMA = `CREATE VERTEX Node (PRIMARY_ID id STRING) WITH primary_id_as_attribute="true"
CREATE UNDIRECTED EDGE Link (FROM Node, TO Node)
CREATE GRAPH Bench (*)
USE GRAPH Bench
CREATE LOADING JOB load_bench FOR GRAPH Bench {
  DEFINE FILENAME nodes = "/data/node.csv";
  DEFINE FILENAME links = "/data/link.csv";
  LOAD nodes TO VERTEX Node VALUES ($0);
  LOAD links TO EDGE Link VALUES ($0, $1);
}
RUN LOADING JOB -noprint load_bench`;

function libraryText(file) {
  const all = readdirSync(algorithms, { recursive: true, encoding: 'utf8' });
  const path = all.find((f) => f.endsWith(`/${file}.gsql`));
  return readFileSync(join(algorithms, path), 'utf8');
}

/** Runs an installed query to the end with no deadline; returns its time and results. */
function runInterpreted(state, name, qs) {
  const g = state.catalog.graphs.get('Bench');
  const stored = queriesOf(g).get(name);
  if (stored === undefined) return { error: 'not created' };
  const params = paramsFromQuery(
    state.catalog,
    g,
    stored.def,
    new URLSearchParams(qs),
    evalDefaultFor(state, g, stored.def),
  );
  const q = newRun(state, g, stored.def, params);
  const t0 = performance.now();
  const it = q.run();
  while (!it.next().done) {}
  return { ms: performance.now() - t0, results: q.results };
}

/** The store's view of the graph: vertex ids and the Link type, read as the interpreter reads them. */
function storeOf(state) {
  const vt = state.catalog.vertices.get('Node');
  const et = state.catalog.edges.get('Link');
  return { ids: [...vt.data.keys()], et };
}

/** Ids at the other end of the vertex's Link edges, read from the store's index and records. */
function neighbours(et, id) {
  const k = `Node\u0000${id}`;
  const out = [];
  for (const key of et.store.bySource.get(k) ?? []) out.push(et.store.records.get(key).toId);
  for (const key of et.store.byTarget.get(k) ?? []) {
    const r = et.store.records.get(key);
    if (r.fromId !== id) out.push(r.fromId);
  }
  return out;
}

/** PageRank as tg_pagerank computes it, written directly over the store. */
function handPagerank({ ids, et }, damping = 0.85) {
  const score = new Map();
  const recv = new Map();
  for (const id of ids) {
    score.set(id, 1);
    recv.set(id, 0);
  }
  for (let it = 0; it < ITER; it++) {
    for (const id of ids) {
      const out = neighbours(et, id);
      if (out.length === 0) continue;
      const share = score.get(id) / out.length;
      for (const t of out) recv.set(t, recv.get(t) + share);
    }
    for (const id of ids) {
      score.set(id, 1 - damping + damping * recv.get(id));
      recv.set(id, 0);
    }
  }
  return score;
}

/** WCC as tg_wcc computes it: min-label propagation from the active set, a round reading the labels
 *  of the round before (as ACCUM does). */
function handWcc({ ids, et }) {
  const label = new Map();
  for (const [i, id] of ids.entries()) label.set(id, i);
  let active = ids;
  while (active.length > 0) {
    const next = new Map();
    for (const id of active) {
      const l = label.get(id);
      for (const t of neighbours(et, id)) {
        if (l < (next.get(t) ?? label.get(t))) next.set(t, l);
      }
    }
    for (const [t, l] of next) label.set(t, l);
    active = [...next.keys()];
  }
  return new Set(label.values()).size;
}

function time(fn) {
  const t0 = performance.now();
  const out = fn();
  return { ms: performance.now() - t0, out };
}

if (!existsSync(algorithms)) {
  console.error(
    `The graph-algorithm library is not at ${algorithms} (set TGRAPH_VENDOR_DIR): bench skipped.`,
  );
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'tgraph-algo-bench-'));
writeData(dir);
gc();
const before = process.memoryUsage();
const state = createState(versionProfile('4.2'), createClock(), { dataDir: dir });
const user = state.auth.users.get('tigergraph');
const loadT = time(() => runGsql(state, user, SCHEMA));
if (loadT.out.returnCode !== 0) throw new Error(loadT.out.output);
rmSync(dir, { recursive: true, force: true });
gc();
const after = process.memoryUsage();
const graphHeap = after.heapUsed - before.heapUsed;
console.log(
  `graph: ${N} vertices, ${M} edges loaded in ${(loadT.ms / 1000).toFixed(1)} s; heap ${mib(graphHeap)}, RSS ${mib(after.rss)}`,
);

const rows = [
  { metric: `graph ${N} V / ${M} E: heap used`, value: mib(graphHeap) },
  { metric: 'graph: process RSS after load', value: mib(after.rss) },
];
const raw = { vertices: N, edges: M, loadMs: loadT.ms, graphHeap, rss: after.rss };
const store = storeOf(state);
// TGRAPH_BENCH_ALGO_LOAD_ONLY=1 measures the graph's memory and stops.
const loadOnly = process.env.TGRAPH_BENCH_ALGO_LOAD_ONLY === '1';
const cases = loadOnly
  ? []
  : [
      {
        file: 'tg_pagerank',
        qs: `v_type=Node&e_type=Link&max_change=0&maximum_iteration=${ITER}&top_k=10`,
        hand: () => handPagerank(store),
      },
      { file: 'tg_wcc', qs: 'v_type_set=Node&e_type_set=Link&print_limit=0', hand: () => handWcc(store) },
    ];
for (const c of cases) {
  const hand = time(c.hand);
  raw[`${c.file}.handMs`] = hand.ms;
  rows.push({ metric: `${c.file}: hand-written JS`, value: `${(hand.ms / 1000).toFixed(2)} s` });
  const text = libraryText(c.file);
  const inst = runGsql(state, user, `USE GRAPH Bench\n${text}\nINSTALL QUERY ${c.file}`);
  if (inst.returnCode !== 0) {
    const why = inst.output.split('\n').find((l) => /Fails|Encountered|Error/.test(l)) ?? inst.output;
    console.log(`${c.file}: refused by CREATE/INSTALL: ${why}`);
    rows.push({ metric: `${c.file}: interpreter`, value: `not installable (${why.slice(0, 80)})` });
    continue;
  }
  gc();
  const r = runInterpreted(state, c.file, c.qs);
  raw[`${c.file}.interpMs`] = r.ms;
  const ratio = r.ms / hand.ms;
  rows.push({ metric: `${c.file}: interpreter`, value: `${(r.ms / 1000).toFixed(2)} s` });
  rows.push({
    metric: `${c.file}: interpreter / hand-written`,
    value: `${ratio.toFixed(1)}×`,
    goal: '≤ 10×',
    met: ratio <= 10,
  });
}
raw.rssEnd = process.memoryUsage().rss;

const resultsDir = new URL('../../../bench/results/', here);
const { mkdirSync } = await import('node:fs');
mkdirSync(resultsDir, { recursive: true });
const result = {
  bench: 'emulator-algorithms',
  at: new Date().toISOString(),
  machine: `Node ${process.version}`,
  params: { N, M, ITER },
  rows,
  raw,
};
writeFileSync(new URL('emulator-algorithms.json', resultsDir), `${JSON.stringify(result, null, 2)}\n`);
for (const row of rows)
  console.log(
    `  ${row.metric}: ${row.value}${row.goal ? `  (goal ${row.goal}: ${row.met ? 'met' : 'NOT met'})` : ''}`,
  );
