// Where loading jobs and their runs live. Jobs hang off their Graph object, so dropping or
// recreating a graph drops its jobs; runs hang off the emulator state (for the status endpoints).
import type { EmulatorState } from '../state.js';
import type { Graph } from '../store/catalog.js';
import type { LoadingJobDef } from './job-ast.js';
import { type FileStats, mergeStats, newFileStats } from './stats.js';

export interface StoredJob {
  def: LoadingJobDef;
  /** The CREATE LOADING JOB text as written (for ls / SHOW JOB / 4.x job content). */
  text: string;
}

const jobsByGraph = new WeakMap<Graph, Map<string, StoredJob>>();

export function loadingJobs(g: Graph): Map<string, StoredJob> {
  let jobs = jobsByGraph.get(g);
  if (!jobs) {
    jobs = new Map();
    jobsByGraph.set(g, jobs);
  }
  return jobs;
}

export type RunStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'ABORTED' | 'PAUSED';

export interface JobRun {
  id: string;
  graph: string;
  job: string;
  startTime: number;
  endTime: number;
  status: RunStatus;
  /** Bytes read. */
  size: number;
  /** Per file variable: stats so far. */
  files: Map<string, FileStats>;
}

const runsByState = new WeakMap<EmulatorState, Map<string, JobRun>>();

export function jobRuns(state: EmulatorState): Map<string, JobRun> {
  let runs = runsByState.get(state);
  if (!runs) {
    runs = new Map();
    runsByState.set(state, runs);
  }
  return runs;
}

let lastMs = 0;

/** A fresh job id in TigerGraph's `<graph>.<job>.file.m1.<ms>` form (unique even within one ms). */
export function newJobId(state: EmulatorState, graph: string, job: string): string {
  const ms = Math.max(state.clock.now(), lastMs + 1);
  lastMs = ms;
  return `${graph}.${job}.file.m1.${ms}`;
}

export function startRun(state: EmulatorState, id: string, graph: string, job: string): JobRun {
  const now = state.clock.now();
  const run: JobRun = {
    id,
    graph,
    job,
    startTime: now,
    endTime: 0,
    status: 'RUNNING',
    size: 0,
    files: new Map(),
  };
  jobRuns(state).set(id, run);
  return run;
}

export function totals(run: JobRun): FileStats {
  const all = newFileStats();
  for (const s of run.files.values()) mergeStats(all, s);
  return all;
}
