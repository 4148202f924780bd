// The request/response shapes handlers work with (independent of node:http).
import type { IncomingHttpHeaders } from 'node:http';

export type Listener = 'restpp' | 'gs' | 'cloud';

export interface EmuRequest {
  method: string;
  /** Path after any layout prefix (/restpp, /gsqlserver, /gsql/v1), still percent-encoded. */
  path: string;
  /** The full original path (with prefix), percent-encoded. */
  fullPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  listener: Listener;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function header(req: EmuRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Query parameter lookup that treats `?flag` (no value) as "". */
export function param(req: EmuRequest, name: string): string | undefined {
  const v = req.query.get(name);
  return v === null ? undefined : v;
}

export function boolParam(req: EmuRequest, name: string): boolean {
  const v = param(req, name);
  return v !== undefined && v.toLowerCase() === 'true';
}
