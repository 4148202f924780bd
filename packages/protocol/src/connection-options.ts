// Connection options (pyTigerGraph's TigerGraphConnection parameters, fixed where it is quirky)
// and the base URLs they resolve to. Pure: nothing here opens a socket or reads a file.
//
// Base-URL rules (reference §1.2; pyTigerGraph §1.2):
//   3.x / 4.0 self-hosted   RESTPP http://h:9000 (root)       GSQL http://h:14240  (+ /gsqlserver/… paths)
//   4.1+ self-hosted        RESTPP http://h:14240/restpp       GSQL http://h:14240  (+ /gsql/v1/… paths)
//   Cloud                   RESTPP https://h/restpp (443)      GSQL https://h       (+ /gsqlserver or /gsql/v1)
//   Cloud before 2022-06-20 RESTPP https://h:9000 (root)       GSQL https://h:14240
// `gsqlUrl` is the GSQL server's origin: endpoint paths carry the `/gsqlserver` or `/gsql/v1` prefix
// (see endpoints.ts), so one URL serves both lines and version detection.

import * as z from 'zod/mini';
import type { ServerLine } from './auth-contract.js';
import { ValidationError } from './errors.js';
import { DEFAULT_HOST, DEFAULT_PORTS, DEFAULT_RETRIES, DEFAULT_TIMEOUT_MS } from './option-defaults.js';
import { parseOptions, safeUrl } from './option-error.js';
import { booleanOptionSchema, headersSchema, retriesSchema, timeoutMsSchema } from './option-schemas.js';
import { closestName } from './suggest.js';
import { parseVersion, versionLine } from './version.js';

/**
 * Options for a connection. Names follow pyTigerGraph's `TigerGraphConnection` where they exist
 * (`graphname` is `graph`, `gsqlVersion` is `version`).
 *
 * @example
 * const options: ConnectionOptions = { host: 'https://my.i.tgcloud.io', graph: 'MyGraph', gsqlSecret: process.env.TG_SECRET };
 */
export interface ConnectionOptions {
  /**
   * Server address, with or without scheme (`'http://10.0.0.5'`, `'localhost'`). A port in the host
   * is honoured (`'http://h:14240'` means "everything behind nginx on 14240"; `'http://h:9000'` means
   * RESTPP on 9000). A path is kept as a proxy prefix (`'https://proxy.example.com/tg'`).
   * Several hosts form a cluster: RESTPP requests spread over them. Default `'http://127.0.0.1'`.
   */
  host?: string | readonly string[] | undefined;
  /** Default graph for graph-scoped requests and tokens. */
  graph?: string | undefined;
  /** Basic-auth user (GSQL server always; RESTPP on 4.x). */
  username?: string | undefined;
  password?: string | undefined;
  /** A secret (from CREATE SECRET): exchanged for a token, or sent as `GSQL-Secret` on 4.x. */
  gsqlSecret?: string | undefined;
  /** A token obtained earlier; sent as `Authorization: Bearer`. Never refreshed. */
  apiToken?: string | undefined;
  /** A JWT issued outside TigerGraph; sent as `Authorization: Bearer`; wins over apiToken. */
  jwtToken?: string | undefined;
  /** TigerGraph Cloud layout (443 + prefixes). Default: true when the host name contains `tgcloud`. */
  tgCloud?: boolean | undefined;
  /** RESTPP port. Default 9000 on the 3.x line, the GSQL port (with `/restpp`) on 4.1+. */
  restppPort?: number | string | undefined;
  /** GSQL server / nginx port. Default 14240. */
  gsPort?: number | string | undefined;
  /** Cloud HTTPS port. Default 443. */
  sslPort?: number | string | undefined;
  /** Server version (`'3.10.1'`, `'4.2.0'`); undefined = detect from `GET /version`. */
  version?: string | undefined;
  /** Cloud solutions created before 2022-06-20: RESTPP on 9000, GSQL on 14240. */
  legacyCloudPorts?: boolean | undefined;
  /** Extra CA certificate(s) to trust, PEM text. */
  ca?: string | undefined;
  /** Path of a PEM CA bundle to trust (read by the Node/Deno adapters, not here). */
  certPath?: string | undefined;
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string | undefined;
  /** Client private key (PEM) for mutual TLS. */
  key?: string | undefined;
  /** Verify the server certificate. Default true; turning it off is an explicit, logged opt-in. */
  rejectUnauthorized?: boolean | undefined;
  /** Client-side timeout per request, in milliseconds. Default 60000. */
  timeoutMs?: number | undefined;
  /** Retries for requests that are safe to repeat. Default 2. */
  retries?: number | undefined;
  /** Extra user agent text, appended to the SDK's own. */
  userAgent?: string | undefined;
  /** Headers added to every request. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** TLS settings for the adapters. */
export interface ResolvedTls {
  ca: string | undefined;
  certPath: string | undefined;
  cert: string | undefined;
  /** Client private key (PEM); non-enumerable, so it stays out of logs and JSON. */
  readonly key: string | undefined;
  rejectUnauthorized: boolean;
}

/** Credentials as given (nothing is defaulted; the auth package decides what to send). */
export interface ConnectionCredentials {
  username: string | undefined;
  password: string | undefined;
  gsqlSecret: string | undefined;
  apiToken: string | undefined;
  jwtToken: string | undefined;
}

/** Base URLs of one host. */
export interface ResolvedHost {
  /** The host as given, normalised (`scheme://hostname[:port][/prefix]`). */
  host: string;
  restppUrl: string;
  /** The other RESTPP layout to try when the version is unknown (3.x `:9000` root); else undefined. */
  restppAlternateUrl: string | undefined;
  gsqlUrl: string;
}

/** What `resolveConnection` returns. */
export interface ResolvedConnection {
  hosts: readonly ResolvedHost[];
  /** RESTPP base URL per host (no trailing slash); endpoint paths such as `/graph/g/vertices/T` are appended. */
  restppUrls: readonly string[];
  /**
   * When the server line is unknown: the 3.x RESTPP layout (`:9000`, no prefix) per host, to try if
   * the default (`:14240/restpp`, served by 4.1+ and 3.6.1+) cannot be reached. Empty otherwise.
   */
  restppAlternateUrls: readonly string[];
  /** GSQL server origin of the first host; paths carry `/gsqlserver/…` (3.x) or `/gsql/v1/…` (4.x). */
  gsqlUrl: string;
  gsqlUrls: readonly string[];
  /** `'3'` (≤ 4.0), `'4'` (4.1+), or undefined (detect). */
  line: ServerLine | undefined;
  /** Normalised `X.Y.Z`, when given. */
  version: string | undefined;
  graph: string | undefined;
  tgCloud: boolean;
  tls: ResolvedTls;
  timeoutMs: number;
  retries: number;
  userAgent: string | undefined;
  headers: Readonly<Record<string, string>>;
  /**
   * Credentials. Non-enumerable, so logging or JSON-serialising the resolved connection does not
   * print them (and `{ ...resolved }` does not copy them: read the property explicitly).
   */
  readonly credentials: ConnectionCredentials;
}

// Each field carries its own "must be …" text; the formatter adds the field path and what was given.
const portSchema = z.custom<number | string>(isPortLike, { error: 'must be a port number 1-65535' });
const text = (what = 'a string') => z.string({ error: `must be ${what}` });
const nonEmpty = (what: string) =>
  z.string({ error: `must be ${what}` }).check(z.minLength(1, { error: `must be ${what}, not empty` }));
const hostSchema = nonEmpty('a host name or URL such as "http://10.0.0.5" or "https://my.i.tgcloud.io"');

/**
 * zod-mini schema of {@link ConnectionOptions} (types and basic shapes; `resolveConnection` adds
 * the cross-field rules). Unknown keys are allowed (callers may pass their own options along), but
 * pyTigerGraph names and near-miss typos are rejected by `resolveConnection`.
 */
export const connectionOptionsSchema = z.looseObject({
  host: z.optional(
    z.union(
      [hostSchema, z.array(hostSchema).check(z.minLength(1, { error: 'must list at least one host' }))],
      {
        error: 'must be a host string or a non-empty array of host strings',
      },
    ),
  ),
  graph: z.optional(
    z.string({ error: 'must be a graph name' }).check(
      z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
        error: 'must be a graph name (letters, digits and _, not starting with a digit)',
      }),
    ),
  ),
  username: z.optional(nonEmpty('a user name')),
  password: z.optional(text()),
  gsqlSecret: z.optional(nonEmpty('a secret string')),
  apiToken: z.optional(nonEmpty('a token string')),
  jwtToken: z.optional(nonEmpty('a JWT string')),
  tgCloud: z.optional(booleanOptionSchema),
  restppPort: z.optional(portSchema),
  gsPort: z.optional(portSchema),
  sslPort: z.optional(portSchema),
  version: z.optional(
    z.string({ error: 'must be a version string such as "3.10.1" or "4.2.0"' }).check(
      z.refine((v) => parseVersion(v) !== undefined, {
        error: 'must be a version string such as "3.10.1" or "4.2.0"',
      }),
    ),
  ),
  legacyCloudPorts: z.optional(booleanOptionSchema),
  ca: z.optional(
    z.string({ error: 'must be PEM text' }).check(
      z.refine((v) => v.includes('-----BEGIN'), {
        error: 'must be PEM text ("-----BEGIN CERTIFICATE-----…"); to give a file, use options.certPath',
      }),
    ),
  ),
  certPath: z.optional(nonEmpty('a file path')),
  cert: z.optional(
    z.string({ error: 'must be PEM text' }).check(
      z.refine((v) => v.includes('-----BEGIN'), {
        error: 'must be PEM text ("-----BEGIN CERTIFICATE-----…")',
      }),
    ),
  ),
  key: z.optional(
    z.string({ error: 'must be PEM text' }).check(
      z.refine((v) => v.includes('-----BEGIN'), {
        error: 'must be PEM text ("-----BEGIN … PRIVATE KEY-----")',
      }),
    ),
  ),
  rejectUnauthorized: z.optional(booleanOptionSchema),
  timeoutMs: z.optional(timeoutMsSchema),
  retries: z.optional(retriesSchema),
  userAgent: z.optional(text()),
  headers: z.optional(headersSchema),
});

// pyTigerGraph spellings and what to write instead.
const RENAMED: Record<string, string> = {
  graphname: "use 'graph'",
  graphName: "use 'graph'",
  gsqlVersion: "use 'version'",
  useCert: "remove it: TLS follows the host's scheme (https)",
  gcp: "use 'tgCloud: true'",
  debug: 'remove it: logging is configured on the client',
  restppUrl: "give 'host' (and 'restppPort') instead",
  gsUrl: "give 'host' (and 'gsPort') instead",
  token: "use 'apiToken'",
  secret: "use 'gsqlSecret'",
  timeout: "use 'timeoutMs'",
};

const KNOWN_KEYS = Object.keys(connectionOptionsSchema.def.shape);

/**
 * Validates options and derives base URLs, server line and TLS settings. Throws a
 * `ValidationError` that names the option, what is wrong and what to change; password, secret,
 * token, key and header values are never echoed.
 *
 * @example
 * const c = resolveConnection({ host: 'http://10.0.0.5', graph: 'MyGraph', version: '4.2.0' });
 * c.restppUrls; // ['http://10.0.0.5:14240/restpp']
 * c.gsqlUrl;    // 'http://10.0.0.5:14240'
 * c.line;       // '4'
 *
 * resolveConnection({ host: 'tg.example.com', version: '3.10.1' }).restppUrls; // ['http://tg.example.com:9000']
 * resolveConnection({ host: 'https://x.i.tgcloud.io' }).restppUrls;             // ['https://x.i.tgcloud.io/restpp']
 */
export function resolveConnection(options: ConnectionOptions = {}): ResolvedConnection {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError(
      'Connection options must be an object, e.g. { host: "http://127.0.0.1", graph: "MyGraph" }',
    );
  }
  checkKeys(options);
  parseOptions(connectionOptionsSchema, options, 'options');
  const o = options;

  if (o.ca !== undefined && o.certPath !== undefined) {
    throw new ValidationError('Give either options.ca (PEM text) or options.certPath (a file), not both', {
      field: 'ca',
    });
  }
  if ((o.cert === undefined) !== (o.key === undefined)) {
    throw new ValidationError(
      'options.cert and options.key go together: give both for mutual TLS, or neither',
      {
        field: o.cert === undefined ? 'cert' : 'key',
      },
    );
  }

  const version = o.version === undefined ? undefined : parseVersion(o.version)!.text;
  const line = version === undefined ? undefined : versionLine(version);
  const hostList =
    o.host === undefined ? [DEFAULT_HOST] : typeof o.host === 'string' ? [o.host] : [...o.host];
  const hosts = hostList.map((h, i) => resolveHost(h, o, line, hostList.length > 1 ? `host[${i}]` : 'host'));
  const tgCloud = hosts.some((h) => h.cloud);

  const credentials: ConnectionCredentials = {
    username: o.username,
    password: o.password,
    gsqlSecret: o.gsqlSecret,
    apiToken: o.apiToken,
    jwtToken: o.jwtToken,
  };
  const resolved: Omit<ResolvedConnection, 'credentials'> = {
    hosts: hosts.map(({ cloud: _cloud, ...h }) => h),
    restppUrls: hosts.map((h) => h.restppUrl),
    restppAlternateUrls: hosts.flatMap((h) =>
      h.restppAlternateUrl === undefined ? [] : [h.restppAlternateUrl],
    ),
    gsqlUrl: hosts[0]!.gsqlUrl,
    gsqlUrls: hosts.map((h) => h.gsqlUrl),
    line,
    version,
    graph: o.graph,
    tgCloud,
    tls: Object.defineProperty(
      { ca: o.ca, certPath: o.certPath, cert: o.cert, rejectUnauthorized: o.rejectUnauthorized ?? true },
      'key',
      // The client private key stays out of logs and JSON, like the credentials.
      { value: o.key, enumerable: false },
    ) as ResolvedTls,
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: o.retries ?? DEFAULT_RETRIES,
    userAgent: o.userAgent,
    headers: { ...o.headers },
  };
  Object.defineProperty(resolved, 'credentials', { value: credentials, enumerable: false });
  return resolved as ResolvedConnection;
}

/**
 * Every secret value among the options (password, secret, tokens, client key), for `redact()`.
 *
 * @example
 * redact(message, connectionSecrets(resolved.credentials));
 */
export function connectionSecrets(
  credentials: Partial<ConnectionCredentials> & { key?: string | undefined },
): string[] {
  return [
    credentials.password,
    credentials.gsqlSecret,
    credentials.apiToken,
    credentials.jwtToken,
    credentials.key,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

interface HostResult extends ResolvedHost {
  cloud: boolean;
}

function resolveHost(
  raw: string,
  o: ConnectionOptions,
  line: ServerLine | undefined,
  field: string,
): HostResult {
  const given = raw.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(given);
  const looksCloud = /tgcloud/i.test(given);
  const cloud = o.tgCloud ?? looksCloud;
  const withScheme = hasScheme ? given : `${cloud ? 'https' : 'http'}://${given}`;

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ValidationError(
      `options.${field} '${safeUrl(given)}' is not a valid host name or URL; write it as "http://10.0.0.5" or "my-server.example.com"`,
      {
        field,
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(
      `options.${field} '${safeUrl(given)}' must use http or https (e.g. "https://${url.hostname || 'host'}")`,
      {
        field,
      },
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError(
      `options.${field} must not contain credentials (user:password@); use options.username and options.password`,
      {
        field,
      },
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ValidationError(
      `options.${field} '${safeUrl(given)}' must not contain a query string or fragment; give only scheme, host, port and an optional proxy path`,
      {
        field,
      },
    );
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  const servicePath = /\/(restpp|gsqlserver|gsql\/v1)$/.exec(prefix)?.[0];
  if (servicePath) {
    throw new ValidationError(
      `options.${field} '${safeUrl(given)}' ends with the service path '${servicePath}'; give the server address only (the SDK adds '${servicePath}' itself)`,
      {
        field,
      },
    );
  }

  const scheme = url.protocol.slice(0, -1) as 'http' | 'https';
  const hostPort = explicitPort(withScheme);
  const origin = (port: number) =>
    `${scheme}://${url.hostname}${port === defaultPort(scheme) ? '' : `:${port}`}${prefix}`;
  const restppOpt = toPort(o.restppPort);
  const gsOpt = toPort(o.gsPort);
  const sslOpt = toPort(o.sslPort);
  const hostLabel = origin(hostPort ?? defaultPort(scheme));

  if (cloud && !o.legacyCloudPorts) {
    // Cloud: one HTTPS front door (sslPort, else the host's port, else 443) with /restpp for RESTPP.
    if (hostPort !== undefined && sslOpt !== undefined && hostPort !== sslOpt) {
      throw portConflict(field, hostPort, 'sslPort', sslOpt);
    }
    const ssl = sslOpt ?? hostPort ?? DEFAULT_PORTS.ssl;
    const restppUrl =
      restppOpt !== undefined && restppOpt !== DEFAULT_PORTS.restpp && restppOpt !== ssl
        ? origin(restppOpt)
        : `${origin(ssl)}/restpp`;
    const gsqlUrl =
      gsOpt !== undefined && gsOpt !== DEFAULT_PORTS.gsql && gsOpt !== ssl ? origin(gsOpt) : origin(ssl);
    return { host: hostLabel, restppUrl, restppAlternateUrl: undefined, gsqlUrl, cloud };
  }

  // Self-hosted (or legacy Cloud): a port in the host is the RESTPP port when it is 9000 or equals
  // restppPort, otherwise the nginx/GSQL port (4.x and proxies put everything behind one port).
  const hostIsRestpp = hostPort !== undefined && hostPort === (restppOpt ?? DEFAULT_PORTS.restpp);
  if (hostPort !== undefined && !hostIsRestpp && gsOpt !== undefined && gsOpt !== hostPort) {
    throw portConflict(field, hostPort, 'gsPort', gsOpt);
  }
  const gs = gsOpt ?? (hostPort !== undefined && !hostIsRestpp ? hostPort : DEFAULT_PORTS.gsql);
  const layoutKnown =
    line !== undefined || restppOpt !== undefined || hostIsRestpp || Boolean(o.legacyCloudPorts);
  const restpp =
    restppOpt ?? (hostIsRestpp ? hostPort : line === '3' || o.legacyCloudPorts ? DEFAULT_PORTS.restpp : gs);
  const restppUrl = restpp === gs ? `${origin(gs)}/restpp` : origin(restpp);
  const restppAlternateUrl = layoutKnown ? undefined : origin(DEFAULT_PORTS.restpp);
  return { host: hostLabel, restppUrl, restppAlternateUrl, gsqlUrl: origin(gs), cloud };
}

function portConflict(field: string, hostPort: number, option: string, value: number): ValidationError {
  return new ValidationError(
    `options.${field} has port ${hostPort} but options.${option} is ${value}; give the port in one place`,
    { field: option },
  );
}

function checkKeys(options: object): void {
  for (const key of Object.keys(options)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const renamed = RENAMED[key];
    if (renamed) {
      throw new ValidationError(`options.${key} is pyTigerGraph's name; ${renamed}`, { field: key });
    }
    const near = closestName(key, KNOWN_KEYS);
    if (near && key.length > 3) {
      throw new ValidationError(`options.${key} is not an option; did you mean '${near}'?`, { field: key });
    }
  }
}

function isPortLike(value: unknown): boolean {
  return toPort(value as number | string | undefined) !== undefined;
}

function toPort(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

function defaultPort(scheme: 'http' | 'https'): number {
  return scheme === 'https' ? 443 : 80;
}

/** The port written in the URL text (URL.port hides an explicit default port). */
function explicitPort(url: string): number | undefined {
  const authority = (/^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '').replace(/^.*@/, '');
  const m = authority.startsWith('[') ? /\]:(\d+)$/.exec(authority) : /:(\d+)$/.exec(authority);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}
