// pyTigerGraph 2.0.2 as a peer of tgraph (issue 15 item 5), each phase on one emulator with both
// clients: batched vertex upserts at the same batch sizes (client CPU per upserted vertex:
// `process.cpuUsage` here, `time.process_time()` in Python; the emulator is another process), and
// a file load through a loading job (tgraph's streamed `loadData` in its own process vs
// pyTigerGraph's `runLoadingJobWithFile`, which reads the whole file; peak RSS growth of each).
// The one-vertex reads are in overhead.ts. Without python3/pyTigerGraph the Python rows say skipped.
import { createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createClient } from 'tgraph';
import { runChild } from './lib/child.ts';
import { generatedCsv, LOAD_GSQL } from './lib/csv.ts';
import { startBenchEmulator } from './lib/emulator.ts';
import { type PyOutcome, runPyPeer } from './lib/python.ts';
import { type ResultRow, writeResult } from './lib/results.ts';
import { benchScale, mib } from './lib/stats.ts';
import type { LoadClientResult } from './load-client.ts';

const scale = benchScale();
const TOTAL = Math.max(5_000, Math.round(100_000 * scale));
const BATCH_SIZES = [500, 5_000];
const LOAD_BYTES = Math.max(1_000_000, Math.round(50_000_000 * scale));
const UPSERT_GSQL = `CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, score INT) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)`;

interface PyUpsert {
  pyTigerGraph: string;
  accepted: number;
  cpuMs: number;
  wallMs: number;
}
interface PyLoad {
  pyTigerGraph: string;
  bytes: number;
  wallMs: number;
  baselineMaxRss: number;
  peakMaxRss: number;
  statistics: { validLine?: number };
}

const usPer = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(2)} µs`;
const skippedRow = (metric: string, py: { skipped: string }): ResultRow => ({
  metric,
  value: `skipped: ${py.skipped}`,
});

/** tgraph's side: `upsertMany` once per prepared batch, in sequence, like the Python loop. */
async function tgraphUpserts(host: string, batch: number) {
  const tg = createClient({ host, graph: 'g', version: '4.2.0', retries: 0 });
  const batches: Array<Array<readonly [string, { name: string; score: number }]>> = [];
  for (let start = 0; start < TOTAL; start += batch) {
    const end = Math.min(TOTAL, start + batch);
    batches.push(
      Array.from({ length: end - start }, (_, k) => {
        const i = start + k;
        return [`p${i}`, { name: `person number ${i}`, score: i % 1000 }] as const;
      }),
    );
  }
  await tg.vertices.upsertMany('Person', batches[0] ?? []); // warm-up: JIT, sockets; not counted
  let accepted = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const rows of batches) accepted += (await tg.vertices.upsertMany('Person', rows)).accepted_vertices;
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - wall0;
  await tg.close();
  return { accepted, cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
}

async function upsertRows(batch: number): Promise<{ rows: ResultRow[]; raw: unknown }> {
  const emu = await startBenchEmulator(UPSERT_GSQL);
  try {
    const tg = await tgraphUpserts(emu.gsUrl, batch);
    const py = await runPyPeer<PyUpsert>(emu, ['upsert', 'Person', String(batch), String(TOTAL)]);
    const label = (side: string) =>
      `peer: batched upserts, ${batch.toLocaleString('en')} per request, client CPU per vertex, ${side}`;
    const rows: ResultRow[] = [
      {
        metric: label('tgraph upsertMany (process.cpuUsage)'),
        value: `${usPer(tg.cpuMs, tg.accepted)} (${TOTAL.toLocaleString('en')} vertices in ${(tg.wallMs / 1000).toFixed(1)} s)`,
      },
    ];
    const pyLabel = label('pyTigerGraph upsertVertices (time.process_time)');
    if (!py.ok) rows.push(skippedRow(pyLabel, py));
    else
      rows.push({
        metric: pyLabel,
        value: `${usPer(py.cpuMs, py.accepted)} (${py.accepted.toLocaleString('en')} vertices in ${(py.wallMs / 1000).toFixed(1)} s)`,
      });
    return { rows, raw: { batch, tgraph: tg, pyTigerGraph: py } };
  } finally {
    await emu.stop();
  }
}

async function writeLoadFile(): Promise<string> {
  const file = join(tmpdir(), `tgraph-bench-peer-${process.pid}.csv`);
  await pipeline(Readable.from(generatedCsv(LOAD_BYTES, 100_000)), createWriteStream(file));
  return file;
}

function loadRows(tg: LoadClientResult, py: PyOutcome<PyLoad>): ResultRow[] {
  const size = `${(LOAD_BYTES / 1e6).toFixed(0)} MB`;
  const rows: ResultRow[] = [
    {
      metric: `peer: ${size} file load, client peak RSS growth, tgraph loadData (streamed, Node)`,
      value: `+${mib(tg.peakRss - tg.baselineRss)}, ${(tg.ms / 1000).toFixed(1)} s, ${tg.validLines.toLocaleString('en')} lines`,
    },
  ];
  const metric = `peer: ${size} file load, client peak RSS growth, pyTigerGraph runLoadingJobWithFile (getrusage)`;
  if (!py.ok) return [...rows, skippedRow(metric, py)];
  const lines = py.statistics.validLine ?? 0;
  return [
    ...rows,
    {
      metric,
      value: `+${mib(py.peakMaxRss - py.baselineMaxRss)}, ${(py.wallMs / 1000).toFixed(1)} s, ${lines.toLocaleString('en')} lines`,
    },
  ];
}

async function load(): Promise<{ rows: ResultRow[]; raw: unknown }> {
  const file = await writeLoadFile();
  const emu = await startBenchEmulator(LOAD_GSQL);
  try {
    const tg = await runChild<LoadClientResult>(new URL('./load-client.ts', import.meta.url), [], {
      TGRAPH_BENCH_LOAD_FILE: file,
      TGRAPH_BENCH_HOST: emu.gsUrl,
    });
    const py = await runPyPeer<PyLoad>(emu, ['load', file, 'f', 'load_person']);
    return { rows: loadRows(tg, py), raw: { tgraph: tg, pyTigerGraph: py } };
  } finally {
    await emu.stop();
    rmSync(file, { force: true });
  }
}

const rows: ResultRow[] = [];
const raw: unknown[] = [];
for (const phase of [...BATCH_SIZES.map((b) => () => upsertRows(b)), load]) {
  const r = await phase();
  rows.push(...r.rows);
  raw.push(r.raw);
}
writeResult({
  bench: 'peer',
  params: { scale, total: TOTAL, batchSizes: BATCH_SIZES, loadBytes: LOAD_BYTES },
  rows,
  raw: { phases: raw },
});
