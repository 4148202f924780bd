// Server versions: parsing "X.Y.Z" strings and RESTPP's `/version` text table, and mapping a version
// to the API line it speaks. 4.0.x still speaks the 3.x API (/requesttoken, /gsqlserver) — the
// /gsql/v1 API and JWT tokens arrived in 4.1 — so the line is '3' for everything up to 4.0.

import type { ServerLine } from './auth-contract.js';
import { ValidationError } from './errors.js';

/** A parsed `major.minor.patch` version. */
export interface ServerVersion {
  major: number;
  minor: number;
  patch: number;
  /** `major.minor.patch` (normalised; the patch is 0 when absent). */
  text: string;
}

/** One component row of RESTPP's `/version` table (`product`, `gpe`, `gse`, …). */
export interface VersionComponent {
  name: string;
  /** The release tag as printed, e.g. `release_3.9.3_09-27-2023`. */
  version: string;
  /** 40-hex commit. */
  hash: string;
  /** Build date as printed, e.g. `2023-09-28 19:58:18 -0700`. */
  datetime: string;
}

/** What RESTPP's `GET /version` message says. */
export interface VersionInfo {
  /** Product version `X.Y.Z` (from the `TigerGraph version:` line or the product tag), if found. */
  version: string | undefined;
  /** Every component row, in order. */
  components: VersionComponent[];
}

const VERSION = /(\d+)\.(\d+)(?:\.(\d+))?/;

/**
 * Parses the first `X.Y[.Z]` in a string (`'3.10.1'`, `'v4.2'`, `'release_4.1.3_09-27-2023'`,
 * `'tg_3.9.3_dev'`). Returns `undefined` when there is none.
 *
 * @example
 * parseVersion('release_4.1.3_09-27-2023'); // { major: 4, minor: 1, patch: 3, text: '4.1.3' }
 */
export function parseVersion(value: string): ServerVersion | undefined {
  const m = VERSION.exec(value);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] === undefined ? 0 : Number(m[3]);
  return { major, minor, patch, text: `${major}.${minor}.${patch}` };
}

/**
 * Compares two versions numerically (not as strings: `'3.10' > '3.9'`). Unparseable input throws
 * a ValidationError.
 *
 * @example
 * compareVersions('3.10.1', '3.9.3'); // 1
 */
export function compareVersions(a: string | ServerVersion, b: string | ServerVersion): -1 | 0 | 1 {
  const x = toVersion(a);
  const y = toVersion(b);
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (x[key] !== y[key]) return x[key] < y[key] ? -1 : 1;
  }
  return 0;
}

/**
 * The API line a version speaks: `'4'` for 4.1 and later (also 5.x and up), `'3'` for 2.x, 3.x and 4.0.x.
 *
 * @example
 * versionLine('4.2.1'); // '4'
 * versionLine('4.0.3'); // '3' (4.0 still uses /requesttoken and /gsqlserver)
 * versionLine('3.10.1'); // '3'
 */
export function versionLine(version: string | ServerVersion): ServerLine {
  const v = toVersion(version);
  return v.major > 4 || (v.major === 4 && v.minor >= 1) ? '4' : '3';
}

/**
 * Parses the `message` of RESTPP's `GET /version` reply: a header, an optional
 * `TigerGraph version: X.Y.Z` line, then one `<name> <tag> <40-hex commit> <date>` row per component.
 * Typed equivalent of pyTigerGraph's `getVersion()`; `version` is what `getVer()` returns.
 *
 * @example
 * parseVersionMessage('TigerGraph RESTPP:\n --- Version --- \nTigerGraph version: 3.9.3\n' +
 *   'product   release_3.9.3_09-27-2023  559b6532eaf39c8e8074d2fa4960bb5158424aaa  2023-09-28 19:58:18 -0700\n');
 * // { version: '3.9.3', components: [{ name: 'product', version: 'release_3.9.3_09-27-2023', hash: '559b…', datetime: '2023-09-28 19:58:18 -0700' }] }
 */
export function parseVersionMessage(message: string): VersionInfo {
  const components: VersionComponent[] = [];
  let declared: string | undefined;
  for (const raw of message.split(/\r?\n/)) {
    const line = raw.trim();
    const declaredMatch = /^TigerGraph version:\s*(.*)$/i.exec(line);
    if (declaredMatch) {
      declared = parseVersion(declaredMatch[1] ?? '')?.text;
      continue;
    }
    const row = /^(\S+)\s+(\S+)\s+([0-9a-f]{7,40})\s+(.+)$/i.exec(line);
    if (row) {
      components.push({
        name: row[1]!.toLowerCase(),
        version: row[2]!,
        hash: row[3]!,
        datetime: row[4]!.trim(),
      });
    }
  }
  const product = components.find((c) => c.name === 'product');
  const version = declared ?? (product ? parseVersion(product.version)?.text : undefined);
  return { version, components };
}

/**
 * The version of one component of a `/version` message (pyTigerGraph's `getVer(component)`):
 * `X.Y.Z` from its tag, or the whole tag with `full`. `undefined` when the component is absent.
 *
 * @example
 * componentVersion(message, 'gpe'); // '3.9.3'
 */
export function componentVersion(message: string, component = 'product', full = false): string | undefined {
  const row = parseVersionMessage(message).components.find((c) => c.name === component.toLowerCase());
  if (!row) return undefined;
  return full ? row.version : (parseVersion(row.version)?.text ?? row.version);
}

function toVersion(value: string | ServerVersion): ServerVersion {
  if (typeof value !== 'string') return value;
  const parsed = parseVersion(value);
  if (!parsed) {
    throw new ValidationError(
      `'${value}' is not a TigerGraph version; expected "major.minor.patch", e.g. "3.10.1" or "4.2.0"`,
      {
        field: 'version',
      },
    );
  }
  return parsed;
}
