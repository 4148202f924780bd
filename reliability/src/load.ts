// The load scenario: many independent clients (each its own createClient and connection pool)
// doing a seeded mix of reads and writes against one server for a bounded count and time, then a
// reconciliation that proves no write was lost or applied twice:
//   - `op: add` on shared counters: each counter's stored total must equal the adds that succeeded;
//   - item upserts with unique ids: the stored items must be exactly the ones written.
import { attrOp, createClient, type TigerGraphClient, TigerGraphError } from 'tgraph';

/** The graph the scenario needs (load it with the emulator's `gsqlScript`). */
export const LOAD_SCHEMA = `
CREATE VERTEX Counter (PRIMARY_ID id STRING, total INT) WITH primary_id_as_attribute="true"
CREATE VERTEX Item (PRIMARY_ID id STRING, name STRING, n INT) WITH primary_id_as_attribute="true"
CREATE GRAPH Load (Counter, Item)
`;

export interface LoadOptions {
  /** Base URL of the server (the emulator's gsUrl). */
  host: string;
  /** Server version to assume (skips detection). Default '4.2.0'. */
  version?: string;
  /** Concurrent clients. Default 200. */
  clients?: number;
  /** Operations per client (the count bound). Default 20. */
  opsPerClient?: number;
  /** Stop starting operations after this long (the time bound). Default 60 000 ms. */
  maxDurationMs?: number;
  /** Shared counters the adds contend on. Default 16. */
  counters?: number;
  /** PRNG seed for the operation mix. Default 1. */
  seed?: number;
  /** Per-request client timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retry backoff of every client (default: the SDK's). */
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Reconciliation client's host, when `host` is a fault proxy (default `host`). */
  checkHost?: string;
}

export interface LoadReport {
  clients: number;
  operations: number;
  reads: number;
  writes: number;
  /** Failed operations by error class and code (empty when none failed). */
  errors: Record<string, number>;
  errorCount: number;
  durationMs: number;
  opsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  reconciliation: {
    /** Adds that succeeded, summed over counters. */
    addsAcknowledged: number;
    /** Adds that failed with an unknown outcome (they may or may not have been applied, once). */
    addsUncertain: number;
    /** Sum of the counters' stored totals. */
    addsStored: number;
    /**
     * Counters whose stored total is outside [acknowledged, acknowledged + uncertain]: below it a
     * write was lost, above it one was applied twice.
     */
    counterMismatches: { counter: string; acknowledged: number; uncertain: number; stored: number }[];
    itemsWritten: number;
    itemsStored: number;
    /** Items written but not stored, and stored but never written. */
    itemsMissing: string[];
    /** Stored items that were never attempted (items whose write failed may or may not be stored). */
    itemsUnexpected: string[];
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same operation mix. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 100) / 100;
}

function errorKey(error: unknown): string {
  if (error instanceof TigerGraphError) return `${error.name}:${error.code ?? error.status ?? '?'}`;
  return `untyped:${(error as Error)?.name ?? typeof error}`;
}

/**
 * Runs the scenario and reconciles. It never throws for failed operations: they are counted in
 * `errors`, and the reconciliation says whether any write was lost or duplicated.
 *
 * @example
 * const emu = await startEmulator({ gsqlScript: LOAD_SCHEMA });
 * const report = await runLoad({ host: emu.gsUrl, clients: 200, opsPerClient: 50 });
 * report.reconciliation.counterMismatches; // []
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const clientCount = options.clients ?? 200;
  const opsPerClient = options.opsPerClient ?? 20;
  const counterCount = options.counters ?? 16;
  const maxDurationMs = options.maxDurationMs ?? 60_000;
  const connect = (host = options.host): TigerGraphClient =>
    createClient({
      host,
      graph: 'Load',
      version: options.version ?? '4.2.0',
      timeoutMs: options.timeoutMs ?? 30_000,
      connections: 2,
      ...(options.retry ? { retry: options.retry } : {}),
    });

  const acknowledged = new Map<string, number>();
  const uncertain = new Map<string, number>();
  const itemsWritten = new Set<string>();
  const itemsFailed = new Set<string>();
  const errors: Record<string, number> = {};
  const latencies: number[] = [];
  let reads = 0;
  let writes = 0;
  const started = performance.now();
  const deadline = started + maxDurationMs;

  const worker = async (index: number) => {
    const tg = connect();
    const random = prng((options.seed ?? 1) * 100_003 + index);
    try {
      for (let k = 0; k < opsPerClient && performance.now() < deadline; k++) {
        const pick = random();
        const counter = `c${Math.floor(random() * counterCount)}`;
        const t0 = performance.now();
        let failed = () => {};
        try {
          if (pick < 0.4) {
            writes++;
            failed = () => uncertain.set(counter, (uncertain.get(counter) ?? 0) + 1);
            await tg.vertices.upsert('Counter', counter, { total: attrOp('add', 1) });
            acknowledged.set(counter, (acknowledged.get(counter) ?? 0) + 1);
          } else if (pick < 0.5) {
            writes++;
            const id = `w${index}-${k}`;
            failed = () => itemsFailed.add(id);
            await tg.vertices.upsert('Item', id, { name: `client ${index} op ${k}`, n: k });
            itemsWritten.add(id);
          } else if (pick < 0.8) {
            reads++;
            await tg.vertices.getById('Counter', [counter], { select: ['total'] });
          } else {
            reads++;
            await tg.vertices.get('Item', { limit: 50, select: ['n'] });
          }
        } catch (error) {
          failed();
          const key = errorKey(error);
          errors[key] = (errors[key] ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
      }
    } finally {
      await tg.close();
    }
  };

  await Promise.all(Array.from({ length: clientCount }, (_, i) => worker(i)));
  const durationMs = performance.now() - started;

  // Reconcile through one fresh client.
  const checker = connect(options.checkHost ?? options.host);
  try {
    const counterMismatches: LoadReport['reconciliation']['counterMismatches'] = [];
    let addsStored = 0;
    let addsAcknowledged = 0;
    let addsUncertain = 0;
    const counterIds = Array.from({ length: counterCount }, (_, i) => `c${i}`);
    const stored = await checker.vertices.getById('Counter', counterIds, { select: ['total'] });
    const totals = new Map(stored.map((v) => [v.v_id, Number(v.attributes['total'] ?? 0)]));
    for (const id of counterIds) {
      const want = acknowledged.get(id) ?? 0;
      const maybe = uncertain.get(id) ?? 0;
      const have = totals.get(id) ?? 0;
      addsAcknowledged += want;
      addsUncertain += maybe;
      addsStored += have;
      if (have < want || have > want + maybe) {
        counterMismatches.push({ counter: id, acknowledged: want, uncertain: maybe, stored: have });
      }
    }
    const items = await checker.vertices.get('Item', { select: ['n'] });
    const storedItems = new Set(items.map((v) => v.v_id).filter((id) => id.startsWith('w')));
    const sortedLatencies = latencies.sort((a, b) => a - b);
    const operations = reads + writes;
    return {
      clients: clientCount,
      operations,
      reads,
      writes,
      errors,
      errorCount: Object.values(errors).reduce((a, b) => a + b, 0),
      durationMs: Math.round(durationMs),
      opsPerSecond: Math.round((operations / durationMs) * 1000),
      latencyMs: {
        p50: percentile(sortedLatencies, 50),
        p90: percentile(sortedLatencies, 90),
        p99: percentile(sortedLatencies, 99),
        max: percentile(sortedLatencies, 100),
      },
      reconciliation: {
        addsAcknowledged,
        addsUncertain,
        addsStored,
        counterMismatches,
        itemsWritten: itemsWritten.size,
        itemsStored: storedItems.size,
        itemsMissing: [...itemsWritten].filter((id) => !storedItems.has(id)),
        itemsUnexpected: [...storedItems].filter((id) => !itemsWritten.has(id) && !itemsFailed.has(id)),
      },
    };
  } finally {
    await checker.close();
  }
}
