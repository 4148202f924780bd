// What the emulator received, so tests can assert "the request the server got".

export interface RecordedRequest {
  /** Sequence number within this emulator. */
  seq: number;
  /** Which listener got it: the RESTPP port, the nginx-style port, or the Cloud-style port. */
  listener: 'restpp' | 'gs' | 'cloud';
  method: string;
  /** Full request target as sent (path + query string, percent-encoded). */
  url: string;
  /** Path without the query string, percent-encoded. */
  path: string;
  /** Query parameters; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** Header names lower-cased; values as received. */
  headers: Record<string, string | string[]>;
  /** Body decoded as UTF-8 (binary bodies lose bytes). */
  body: string;
  /** Response status the emulator sent. */
  status: number;
  /** Epoch ms (the emulator clock). */
  time: number;
}

export function queryRecord(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of q) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
