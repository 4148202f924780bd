// TigerGraph's loading statistics (reference §4.7), in both wire forms — the flat `statistics`
// of ≤3.8 and `statistics.parsingStatistics.{fileLevel,objectLevel}` of 3.9+/4.x — read into one
// typed shape, and summed over the requests of a chunked load.
import { restppEnvelope } from '@tgraph/protocol/schemas/envelope';
import * as z from 'zod/mini';

/** Counters for one vertex or edge type (`validObject`, `invalidAttribute`, `noIdFound`, …). */
export interface ObjectLoadStats {
  typeName: string;
  validObject: number;
  /** Every numeric counter the server sent for this type, by its wire name (incl. `validObject`). */
  counters: Record<string, number>;
}

/** Loading statistics of a `/ddl` run, summed over its requests. */
export interface LoadingStats {
  /** `Online_POST` for posted data. */
  sourceFileName: string | undefined;
  /** Lines the server accepted (`validLine`). */
  validLines: number;
  /** Lines the server rejected (`rejectLine`). */
  rejectedLines: number;
  /** Every file-level counter by its wire name (`validLine`, `rejectLine`, `notEnoughToken`, …). */
  fileLevel: Record<string, number>;
  vertices: ObjectLoadStats[];
  edges: ObjectLoadStats[];
  /** Samples of rejected lines or invalid attributes, when the server includes them. */
  samples: unknown[];
}

const objectItem = z.looseObject({ typeName: z.string() });
const statisticsSchema = z.looseObject({
  parsingStatistics: z.optional(
    z.looseObject({
      fileLevel: z.optional(z.record(z.string(), z.unknown())),
      objectLevel: z.optional(
        z.looseObject({ vertex: z.optional(z.array(objectItem)), edge: z.optional(z.array(objectItem)) }),
      ),
    }),
  ),
  vertex: z.optional(z.array(objectItem)),
  edge: z.optional(z.array(objectItem)),
});

/** Counters that count what was accepted or skipped, not refused. */
const NOT_REJECTIONS = new Set(['validLine', 'emptyLine', 'validObject', 'passedCondition']);

/**
 * What the server refused, summed over the file and every vertex and edge type: `rejectLine`,
 * `notEnoughToken`, `invalidAttribute`, `noIdFound`, `invalidPrimaryId`, … — only counters above 0.
 */
export function rejectionsOf(stats: LoadingStats): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (counters: Record<string, number>) => {
    for (const [k, v] of Object.entries(counters)) {
      if (v > 0 && !NOT_REJECTIONS.has(k)) out[k] = (out[k] ?? 0) + v;
    }
  };
  add(stats.fileLevel);
  for (const o of [...stats.vertices, ...stats.edges]) add(o.counters);
  return out;
}

/** Vertices and edges the server accepted (`validObject`, summed over types). */
export function loadedObjectsOf(stats: LoadingStats): number {
  return [...stats.vertices, ...stats.edges].reduce((n, o) => n + o.validObject, 0);
}

/** `/ddl` reply: `results` is one item per source file. */
export const loadReplySchema = restppEnvelope(
  z.array(
    z.looseObject({ sourceFileName: z.optional(z.string()), statistics: z.optional(statisticsSchema) }),
  ),
);

type LoadReplyItem = NonNullable<z.output<typeof loadReplySchema>['results']>[number];

/** Empty statistics (nothing loaded). */
export function emptyStats(): LoadingStats {
  return {
    sourceFileName: undefined,
    validLines: 0,
    rejectedLines: 0,
    fileLevel: {},
    vertices: [],
    edges: [],
    samples: [],
  };
}

/** Reads one `/ddl` reply's results into the typed shape. */
export function statsOf(results: readonly LoadReplyItem[]): LoadingStats {
  const out = emptyStats();
  for (const item of results) {
    out.sourceFileName ??= item.sourceFileName;
    const st = item.statistics;
    if (st === undefined) continue;
    const parsing = st.parsingStatistics;
    const file: Record<string, unknown> = parsing
      ? (parsing.fileLevel ?? {})
      : (st as Record<string, unknown>);
    addCounters(out.fileLevel, file, out.samples);
    mergeObjects(out.vertices, parsing ? parsing.objectLevel?.vertex : st.vertex, out.samples);
    mergeObjects(out.edges, parsing ? parsing.objectLevel?.edge : st.edge, out.samples);
  }
  out.validLines = out.fileLevel.validLine ?? 0;
  out.rejectedLines = out.fileLevel.rejectLine ?? 0;
  return out;
}

/** Adds `b` into `a` (for chunked loads). */
export function mergeStats(a: LoadingStats, b: LoadingStats): LoadingStats {
  a.sourceFileName ??= b.sourceFileName;
  for (const [k, v] of Object.entries(b.fileLevel)) a.fileLevel[k] = (a.fileLevel[k] ?? 0) + v;
  for (const [list, more] of [
    [a.vertices, b.vertices],
    [a.edges, b.edges],
  ] as const) {
    for (const o of more) {
      const into = list.find((x) => x.typeName === o.typeName);
      if (into === undefined)
        list.push({ typeName: o.typeName, validObject: o.validObject, counters: { ...o.counters } });
      else {
        for (const [k, v] of Object.entries(o.counters)) into.counters[k] = (into.counters[k] ?? 0) + v;
        into.validObject = into.counters.validObject ?? 0;
      }
    }
  }
  a.samples.push(...b.samples);
  a.validLines = a.fileLevel.validLine ?? 0;
  a.rejectedLines = a.fileLevel.rejectLine ?? 0;
  return a;
}

function mergeObjects(
  list: ObjectLoadStats[],
  items: readonly Record<string, unknown>[] | undefined,
  samples: unknown[],
) {
  for (const item of items ?? []) {
    const counters: Record<string, number> = {};
    addCounters(counters, item, samples);
    const typeName = String(item.typeName);
    const into = list.find((x) => x.typeName === typeName);
    if (into === undefined) list.push({ typeName, validObject: counters.validObject ?? 0, counters });
    else {
      for (const [k, v] of Object.entries(counters)) into.counters[k] = (into.counters[k] ?? 0) + v;
      into.validObject = into.counters.validObject ?? 0;
    }
  }
}

// Numbers are counters; arrays of line samples (`lineData`, `invalidAttributeLinesData`…) are kept.
function addCounters(into: Record<string, number>, from: Record<string, unknown>, samples: unknown[]) {
  for (const [k, v] of Object.entries(from)) {
    const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n)) into[k] = (into[k] ?? 0) + n;
    else if (Array.isArray(v) && /line|data/i.test(k)) samples.push(...v);
  }
}
