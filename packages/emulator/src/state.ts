// Everything one emulator instance knows: version, catalogue, data, users and credentials.
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AuthState, User } from './auth/model.js';
import type { EmulatorClock } from './clock.js';
import type { EmulatorOptions } from './options.js';
import type { QueryDef } from './query/ast.js';
import type { QV } from './query/values.js';
import { type Catalog, type Graph, newCatalog } from './store/catalog.js';
import type { VersionProfile } from './version.js';

export interface EndpointStats {
  count: number;
  latencies: number[];
}

export interface EmulatorState {
  version: VersionProfile;
  clock: EmulatorClock;
  authEnabled: boolean;
  authErrorStatus: 401 | 403;
  catalog: Catalog;
  auth: AuthState;
  /** Folder RUN LOADING JOB reads server-side paths from (options.dataDir), absolute. */
  dataDir?: string;
  /** Per-graph RESTPP endpoint statistics for /statistics. */
  stats: Map<string, Map<string, EndpointStats>>;
  /** Host folder that FILE objects in queries write into (created on the first write). */
  outputDir: string;
  /**
   * Submits a detached run as RESTPP's GSQL-ASYNC does and returns the submission reply; set by the
   * HTTP side so the GSQL engine (`RUN QUERY -async`) needs no import of it.
   */
  submitQuery?: (g: Graph, def: QueryDef, params: Map<string, QV>, url: string) => string;
  /** Test hook: the next request / detached query slice throws an unexpected error (`injectFault`). */
  faults: Set<FaultSite>;
  /**
   * Vector-index rebuild state reported by `/vector/status` (test hook, `setVectorRebuildPending`):
   * the emulator stores no vector attributes, so nothing else makes a rebuild pending.
   */
  vectorRebuild: { pending: boolean };
}

export type FaultSite = 'request' | 'query-run';

/** The error an injected fault throws: an ordinary Error, as an emulator bug would be. */
export function injectedFault(state: EmulatorState, site: FaultSite): void {
  if (state.faults.delete(site)) throw new Error(`injected fault at ${site}`);
}

export const DEFAULT_USER = 'tigergraph';

export function createState(
  version: VersionProfile,
  clock: EmulatorClock,
  options: EmulatorOptions,
): EmulatorState {
  const users = new Map<string, User>();
  users.set(DEFAULT_USER, {
    name: DEFAULT_USER,
    password: 'tigergraph',
    superuser: true,
    roles: new Map([['1', ['superuser']]]),
  });
  for (const u of options.users ?? []) {
    const roles = new Map<string, string[]>();
    if (Array.isArray(u.roles)) roles.set('1', u.roles);
    else for (const [g, r] of Object.entries(u.roles ?? {})) roles.set(g, r);
    const superuser = roles.get('1')?.includes('superuser') ?? false;
    users.set(u.username, { name: u.username, password: u.password, superuser, roles });
  }
  return {
    version,
    clock,
    authEnabled: options.auth ?? false,
    authErrorStatus: options.authErrorStatus ?? 401,
    catalog: newCatalog(),
    auth: { users, secrets: new Map(), tokens: new Map(), blockedJwts: new Set(), jwtKey: randomBytes(32) },
    stats: new Map(),
    outputDir: resolve(
      options.outputDir ?? join(tmpdir(), `tgraph-emulator-output-${randomBytes(6).toString('hex')}`),
    ),
    ...(options.dataDir !== undefined ? { dataDir: resolve(options.dataDir) } : {}),
    faults: new Set(),
    vectorRebuild: { pending: false },
  };
}
