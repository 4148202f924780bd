// Options accepted by startEmulator (all serialisable except clock/tls buffers, so the control
// server can take them as JSON).
import type { EmulatorClock } from './clock.js';

export interface EmulatorUser {
  username: string;
  password: string;
  /** Global roles (e.g. ["superuser"]) or roles by graph name ({"MyGraph": ["designer"]}). */
  roles?: string[] | Record<string, string[]>;
}

/** A secret that exists from the start (lets documented examples with fixed secrets run as written). */
export interface PresetSecret {
  secret: string;
  alias?: string;
  /** Owner; default "tigergraph". */
  username?: string;
  graph?: string;
}

/** A RESTPP token that exists from the start. */
export interface PresetToken {
  token: string;
  username?: string;
  graph?: string;
  /** Seconds from start; default one month. */
  lifetime?: number;
}

export interface EmulatorOptions {
  /** TigerGraph version to imitate: "3.10", "4.2", "3.9.3", "4.1.2"… Default "4.2". */
  version?: string;
  /** RESTPP authentication (RESTPP.Factory.EnableAuth). Default false. */
  auth?: boolean;
  /** Users besides the default tigergraph/tigergraph superuser. */
  users?: EmulatorUser[];
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** The nginx-style port (14240 in TigerGraph); 0 = a free port. Alias: `gsPort`. */
  port?: number;
  gsPort?: number;
  /** The RESTPP port (9000 in TigerGraph); 0 = a free port. */
  restppPort?: number;
  /** A separate Cloud-style port (443 on TigerGraph Cloud: /restpp and GSQL on one port). Omit to reuse the nginx port. */
  cloudPort?: number;
  seed?: 'covid' | 'empty';
  /** GSQL text run at start (after the seed), as the tigergraph user. */
  gsqlScript?: string;
  /** Opt-in CORS; `headers` are allowed on top of TigerGraph's own (e.g. `X-Request-Id`). */
  cors?: { origins: string[] | '*'; headers?: string[] };
  tls?: { key: string | Buffer; cert: string | Buffer };
  clock?: EmulatorClock;
  /** Largest accepted request body (Nginx.ClientMaxBodySize); default 200 MB. */
  maxBodyBytes?: number;
  /** HTTP status for missing/invalid/expired RESTPP credentials: 401 (self-hosted) or 403 (some versions, Savanna). */
  authErrorStatus?: 401 | 403;
  secrets?: PresetSecret[];
  tokens?: PresetToken[];
  /**
   * Folder that stands in for the server's files in RUN LOADING JOB: a server-side path such as
   * /home/tigergraph/data/x.csv, or the S3 URI of a data source, is read from <dataDir>/<path> or else
   * <dataDir>/<file name>, never from outside the folder. Without it, paths are the host's own.
   */
  dataDir?: string;
  /** Keep at most this many recorded requests (oldest dropped). Default 10000. */
  maxRecordedRequests?: number;
  /**
   * Folder that GSQL FILE objects write into: a query's `FILE f ("/home/x/out.csv")` writes
   * <outputDir>/home/x/out.csv, never outside it. Default: a fresh folder under the OS temp dir,
   * reported as `outputDir` of the running emulator.
   */
  outputDir?: string;
}
