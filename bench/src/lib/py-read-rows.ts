// The overhead bench's peer rows: one-vertex reads through tgraph's facade, raw fetch, raw
// undici.request and pyTigerGraph's getVerticesById, median and p95 per call, on one emulator.
import type { PyOutcome } from './python.ts';
import type { ResultRow } from './results.ts';
import type { summarize } from './stats.ts';

/** What `pytg_driver.py read` prints (milliseconds). */
export interface PyRead {
  pyTigerGraph: string;
  calls: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  cpuMsPerCall: number;
}

type Stats = ReturnType<typeof summarize>;
const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const pair = (median: number, p95: number) => `${us(median)} / ${us(p95)}`;

export function peerReadRows(
  s: { sdk: Stats; rawFetch: Stats; rawRequest: Stats },
  py: PyOutcome<PyRead>,
): ResultRow[] {
  const label = (side: string) => `peer: one-vertex read median / p95 per call, ${side}`;
  const rows: ResultRow[] = [
    { metric: label('tgraph facade getById'), value: pair(s.sdk.median, s.sdk.p95) },
    { metric: label('raw undici fetch'), value: pair(s.rawFetch.median, s.rawFetch.p95) },
    { metric: label('raw undici.request'), value: pair(s.rawRequest.median, s.rawRequest.p95) },
    {
      metric: 'peer: the SDK adds per one-vertex read (median), over raw fetch / over raw undici.request',
      value: `+${us(s.sdk.median - s.rawFetch.median)} / +${us(s.sdk.median - s.rawRequest.median)}`,
    },
  ];
  if (!py.ok)
    return [...rows, { metric: label('pyTigerGraph getVerticesById'), value: `skipped: ${py.skipped}` }];
  return [
    ...rows,
    {
      metric: label(`pyTigerGraph ${py.pyTigerGraph} getVerticesById`),
      value: `${pair(py.medianMs, py.p95Ms)} (${py.calls} calls after the interleaved ones, client CPU ${us(py.cpuMsPerCall)} per call)`,
    },
    {
      metric: 'peer: pyTigerGraph / tgraph facade, one-vertex read median',
      value: `${(py.medianMs / s.sdk.median).toFixed(2)}×`,
    },
  ];
}
