// Request bodies: JSON serialised losslessly (bigint → JSON integer), raw bodies as given, and
// streams either sent as streams or read into memory when the adapter cannot stream them.
import { TigerGraphError, ValidationError } from '@tgraph/protocol/errors';
import { stringifyJson } from '@tgraph/protocol/json';
import type { AdapterCapabilities, HttpMethod, TransportRequest } from './types.js';

export type PreparedBody = string | Uint8Array | Blob | ReadableStream<Uint8Array> | undefined;

export interface Prepared {
  body: PreparedBody;
  contentType: string | undefined;
  /** False for a streamed body: it is sent once and never resent. */
  replayable: boolean;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** The body, synchronously unless a stream must be read into memory first. */
function build(
  req: TransportRequest,
  method: HttpMethod,
  capabilities: AdapterCapabilities,
): Prepared | Promise<Prepared> {
  if (req.json !== undefined && req.body !== undefined) {
    throw new ValidationError('pass either json or body, not both', { field: 'body' });
  }
  if ((req.json !== undefined || req.body !== undefined) && (method === 'GET' || method === 'HEAD')) {
    throw new ValidationError(`${method} requests cannot carry a body`, { field: 'body' });
  }
  if (req.json !== undefined) {
    return { body: stringifyJson(req.json) ?? 'null', contentType: 'application/json', replayable: true };
  }
  if (req.body instanceof ReadableStream) {
    if (capabilities.streamingRequestBody) {
      return { body: req.body, contentType: undefined, replayable: false };
    }
    return readStream(req.body).then((body) => ({ body, contentType: undefined, replayable: true }));
  }
  return { body: req.body, contentType: undefined, replayable: true };
}

function bodyError(error: unknown): never {
  throw error instanceof TigerGraphError
    ? error
    : new ValidationError(
        `the request body could not be serialised: ${(error as Error)?.message ?? String(error)}`,
        { field: 'json', cause: error },
      );
}

/**
 * The body of a request as it will be sent: at once, or a promise when a stream is read into
 * memory (most calls need no await here). Fails with `ValidationError` when it cannot be built.
 */
export function prepareBody(
  req: TransportRequest,
  method: HttpMethod,
  capabilities: AdapterCapabilities,
): Prepared | Promise<Prepared> {
  try {
    const built = build(req, method, capabilities);
    return built instanceof Promise ? built.catch(bodyError) : built;
  } catch (error) {
    return bodyError(error);
  }
}
