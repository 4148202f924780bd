// The shapes of the endpoint catalogue. Each resource file declares the helpers it builds its
// entries with itself: esbuild honours `@__NO_SIDE_EFFECTS__` only on a function of the same file,
// and the mark is what lets a bundler drop the endpoints nobody imports.

import type { ServiceKind } from '../auth-contract.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How to call one endpoint on one server line. */
export interface EndpointSpec {
  service: ServiceKind;
  method: HttpMethod;
  /** Template below the service base URL, e.g. `/graph/{graph}/vertices/{vertexType}`. */
  path: string;
  /** Safe to send twice (reads, and writes that are idempotent by nature); decides retries. */
  idempotent: boolean;
  /** Body encoding: JSON, plain text (GSQL), or URL-encoded form (3.x `/gsql/file`). */
  body?: 'json' | 'text' | 'form' | undefined;
  /** Query parameter that carries the graph name, when the graph is not in the path. */
  graphParam?: string | undefined;
  /** 3.x only: the operation is a GSQL statement sent to `path` (e.g. `CREATE SECRET`). */
  statement?: string | undefined;
}

/** One endpoint on both server lines; a string instead of a spec says why it does not exist on that line. */
export interface EndpointDef {
  readonly name: string;
  readonly '3': EndpointSpec | string;
  readonly '4': EndpointSpec | string;
}

export type Spec = EndpointSpec;
export type PerLine = { readonly '3': Spec | string; readonly '4': Spec | string };
