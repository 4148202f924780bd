// What `tgraph load` says at the end: accepted and rejected lines, objects per vertex and edge
// type with every rejection counter the server sent (invalidAttribute, noIdFound, …), and — when
// no vertex or edge was loaded — a failure, whatever the line counters say.
import type { Colors } from './colors.js';
import { formatBytes, formatCount } from './progress.js';

interface TypeStats {
  typeName: string;
  validObject: number;
  counters: Record<string, number>;
}

export interface LoadStats {
  validLines: number;
  rejectedLines: number;
  fileLevel: Record<string, number>;
  vertices: TypeStats[];
  edges: TypeStats[];
}

/** Counters of a type or of the file that are rejections (everything but valid* and zeros). */
export function rejections(counters: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counters).filter(([k, n]) => n > 0 && !/^valid/i.test(k)));
}

export function objectsLoaded(s: LoadStats): number {
  return [...s.vertices, ...s.edges].reduce((sum, t) => sum + t.validObject, 0);
}

/** The summary as data (JSON, NDJSON, CSV). */
export function summaryRecord(s: LoadStats, run: { bytes: number; lines: number }): Record<string, unknown> {
  const byType = (list: TypeStats[]) => Object.fromEntries(list.map((t) => [t.typeName, t.validObject]));
  const rejected = Object.fromEntries(
    [...s.vertices, ...s.edges]
      .map((t) => [t.typeName, rejections(t.counters)] as const)
      .filter(([, r]) => Object.keys(r).length > 0),
  );
  return {
    bytes: run.bytes,
    lines: run.lines,
    acceptedLines: s.validLines,
    rejectedLines: s.rejectedLines,
    objectsLoaded: objectsLoaded(s),
    vertices: byType(s.vertices),
    edges: byType(s.edges),
    rejectedObjects: rejected,
    fileLevel: s.fileLevel,
  };
}

/** The summary for people, numbers written as in the progress line. */
export function summaryLines(s: LoadStats, run: { bytes: number; lines: number }, c: Colors): string[] {
  const n = formatCount;
  const loaded = objectsLoaded(s);
  const head = loaded === 0 ? c.red(c.bold('Nothing loaded:')) : c.bold('Loaded');
  const out = [
    `${head} ${formatBytes(run.bytes)}, ${n(run.lines)} lines: ${s.validLines ? c.green(`${n(s.validLines)} accepted`) : '0 accepted'}, ${s.rejectedLines ? c.red(`${n(s.rejectedLines)} rejected`) : '0 rejected'}`,
  ];
  const typeLine = (kind: string, t: TypeStats) => {
    const bad = Object.entries(rejections(t.counters)).map(([k, v]) => c.yellow(`${n(v)} ${k}`));
    return `  ${kind} ${t.typeName}: ${n(t.validObject)} loaded${bad.length ? `, ${bad.join(', ')}` : ''}`;
  };
  for (const v of s.vertices) out.push(typeLine('vertex', v));
  for (const e of s.edges) out.push(typeLine('edge  ', e));
  for (const [reason, count] of Object.entries(rejections(s.fileLevel)))
    out.push(`  ${c.yellow(reason)}: ${n(count)}`);
  return out;
}
