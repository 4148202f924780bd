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

async function build(req: TransportRequest, method: HttpMethod, capabilities: AdapterCapabilities) {
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
    return { body: await readStream(req.body), contentType: undefined, replayable: true };
  }
  return { body: req.body, contentType: undefined, replayable: true };
}

/** The body of a request as it will be sent. Throws `ValidationError` when it cannot be built. */
export async function prepareBody(
  req: TransportRequest,
  method: HttpMethod,
  capabilities: AdapterCapabilities,
): Promise<Prepared> {
  try {
    return await build(req, method, capabilities);
  } catch (error) {
    if (error instanceof TigerGraphError) throw error;
    throw new ValidationError(
      `the request body could not be serialised: ${(error as Error)?.message ?? String(error)}`,
      { field: 'json', cause: error },
    );
  }
}
