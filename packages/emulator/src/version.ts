// Version-specific behaviour as data: which endpoints exist and what the answers look like.

export interface VersionProfile {
  /** Full version, e.g. "3.10.0" or "4.2.0". */
  readonly full: string;
  readonly major: number;
  readonly minor: number;
  /** 4.1+: GSQL server under /gsql/v1, JWT tokens from /gsql/v1/tokens, REST secrets. */
  readonly gsqlV1: boolean;
  /** RESTPP accepts `Authorization: Basic` when auth is on (4.x, per the reference). */
  readonly restppBasic: boolean;
  /** Schema JSON writes every boolean flag (3.x) or only the true ones (4.x). */
  readonly fullSchemaFlags: boolean;
}

/** Accepts "3.10", "4.2", "3.9.3", "4.1.2"…; anything else is an error. */
export function versionProfile(version: string): VersionProfile {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
  if (!m)
    throw new Error(`Unsupported TigerGraph version "${version}": expected 3.x or 4.x, e.g. "3.10" or "4.2"`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major !== 3 && major !== 4)
    throw new Error(`Unsupported TigerGraph version "${version}": expected 3.x or 4.x`);
  const full = `${major}.${minor}.${m[3] ?? '0'}`;
  const gsqlV1 = major > 4 || (major === 4 && minor >= 1);
  return { full, major, minor, gsqlV1, restppBasic: major >= 4, fullSchemaFlags: major < 4 };
}
