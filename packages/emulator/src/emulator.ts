// startEmulator: builds the state, loads seed/script/presets and opens the listeners.

import type { User } from './auth/model.js';
import { DEFAULT_3X_LIFETIME_S } from './auth/tokens.js';
import { createClock, type EmulatorClock } from './clock.js';
import { runGsql } from './gsql/exec.js';
import type { RecordedRequest } from './http/record.js';
import { listen, type RunningListener } from './http/server.js';
import { FileLoader } from './loading/loader.js';
import { loadingJobs } from './loading/registry.js';
import type { EmulatorOptions } from './options.js';
import { DEFAULT_TIMEOUT_MS } from './query/runner.js';
import { execute } from './restpp/query.js';
import { COVID_LOADING_JOB, COVID_SCHEMA, covidCsvFiles } from './seeds/covid.js';
import { COVID_QUERIES } from './seeds/covid-queries.js';
import { createState, DEFAULT_USER, type EmulatorState, type FaultSite } from './state.js';
import { versionProfile } from './version.js';

export interface RunningEmulator {
  /** Full version imitated, e.g. "4.2.0". */
  version: string;
  host: string;
  /** RESTPP with paths at the root (TigerGraph's port 9000). */
  restppUrl: string;
  restppPort: number;
  /** nginx-style base (TigerGraph's port 14240): /restpp/…, /gsqlserver/…, 4.1+ /gsql/v1/…. */
  gsUrl: string;
  gsPort: number;
  /** Cloud-style base (one port, /restpp and GSQL paths); same as gsUrl unless `cloudPort` was given. */
  cloudUrl: string;
  cloudPort: number;
  /** gsUrl + "/restpp": RESTPP through the nginx-style port. */
  restppViaGsUrl: string;
  clock: EmulatorClock;
  /** Requests received, oldest first (bounded by maxRecordedRequests). */
  requests: RecordedRequest[];
  /** Folder GSQL FILE objects write into (created on the first write; see the outputDir option). */
  outputDir: string;
  /** Runs GSQL as the tigergraph user; returns the output text. */
  gsql(text: string): string;
  /** Test hook: the next request (`'request'`) or the next slice of a running query (`'query-run'`)
   * fails with an unexpected error, to check the server answers REST-10005 and keeps serving. */
  injectFault(site: FaultSite): void;
  /** Test hook: `/vector/status` reports a pending HNSW rebuild (`true`) or an up-to-date index. */
  setVectorRebuildPending(pending: boolean): void;
  stop(): Promise<void>;
}

export class SeedError extends Error {}

function loadScript(state: EmulatorState, text: string, what: string): void {
  const r = runGsql(state, state.auth.users.get(DEFAULT_USER) as User, text);
  if (r.returnCode !== 0) throw new SeedError(`${what} failed:\n${r.output}`);
}

function loadCovid(state: EmulatorState): void {
  loadScript(state, COVID_SCHEMA, 'The covid seed schema');
  loadScript(state, COVID_LOADING_JOB, 'The covid loading job');
  const graph = state.catalog.graphs.get('MyGraph');
  const job = graph && loadingJobs(graph).get('load_covid');
  if (!graph || !job) throw new SeedError('The covid loading job was not registered');
  for (const [file, text] of Object.entries(covidCsvFiles())) {
    const loader = new FileLoader(state, graph, job.def, file, {});
    loader.write(Buffer.from(text));
    const stats = loader.end();
    if (stats.rejectLine > 0 || stats.invalidJson > 0) {
      throw new SeedError(`The covid seed file ${file} had rejected lines: ${JSON.stringify(stats)}`);
    }
  }
  loadScript(state, COVID_QUERIES, 'The covid seed queries');
}

function presets(state: EmulatorState, options: EmulatorOptions): void {
  for (const s of options.secrets ?? []) {
    const user = s.username ?? DEFAULT_USER;
    if (!state.auth.users.has(user)) throw new SeedError(`Preset secret for unknown user ${user}`);
    state.auth.secrets.set(s.secret, {
      value: s.secret,
      alias: s.alias ?? `preset_${state.auth.secrets.size + 1}`,
      user,
      graph: s.graph,
    });
  }
  for (const t of options.tokens ?? []) {
    const user = t.username ?? DEFAULT_USER;
    if (!state.auth.users.has(user)) throw new SeedError(`Preset token for unknown user ${user}`);
    const expiresAt = state.clock.now() + (t.lifetime ?? DEFAULT_3X_LIFETIME_S) * 1000;
    state.auth.tokens.set(t.token, { token: t.token, user, graph: t.graph, expiresAt, jwt: false });
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const profile = versionProfile(options.version ?? '4.2');
  const clock = options.clock ?? createClock();
  const state = createState(profile, clock, options);
  state.submitQuery = (g, def, params, url) =>
    execute(state, g, def, params, { url, async: true, ms: DEFAULT_TIMEOUT_MS, fromHeader: false }).body;
  if (options.seed === 'covid') loadCovid(state);
  if (options.gsqlScript !== undefined) loadScript(state, options.gsqlScript, 'The gsqlScript');
  presets(state, options);

  const host = options.host ?? '127.0.0.1';
  const recorded: RecordedRequest[] = [];
  const cfg = {
    host,
    cors: options.cors,
    tls: options.tls,
    maxBodyBytes: options.maxBodyBytes ?? 200 * 1024 * 1024,
    maxRecorded: options.maxRecordedRequests ?? 10_000,
    recorded,
  };
  const listeners: RunningListener[] = [];
  try {
    listeners.push(await listen(state, cfg, 'restpp', options.restppPort ?? 0));
    listeners.push(await listen(state, cfg, 'gs', options.gsPort ?? options.port ?? 0));
    if (options.cloudPort !== undefined) listeners.push(await listen(state, cfg, 'cloud', options.cloudPort));
  } catch (e) {
    await Promise.all(listeners.map((l) => l.close()));
    throw e;
  }
  const scheme = options.tls ? 'https' : 'http';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const base = (port: number) => `${scheme}://${urlHost}:${port}`;
  const [restpp, gs, cloud] = listeners as [RunningListener, RunningListener, RunningListener | undefined];
  let stopped: Promise<void> | undefined;
  return {
    version: profile.full,
    host,
    restppUrl: base(restpp.port),
    restppPort: restpp.port,
    gsUrl: base(gs.port),
    gsPort: gs.port,
    cloudUrl: base((cloud ?? gs).port),
    cloudPort: (cloud ?? gs).port,
    restppViaGsUrl: `${base(gs.port)}/restpp`,
    clock,
    requests: recorded,
    outputDir: state.outputDir,
    gsql: (text: string) => runGsql(state, state.auth.users.get(DEFAULT_USER) as User, text).output,
    injectFault: (site: FaultSite) => {
      state.faults.add(site);
    },
    setVectorRebuildPending: (pending: boolean) => {
      state.vectorRebuild.pending = pending;
    },
    stop: () => {
      stopped ??= Promise.all(listeners.map((l) => l.close())).then(() => undefined);
      return stopped;
    },
  };
}
