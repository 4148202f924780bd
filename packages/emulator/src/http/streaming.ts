// Requests whose body is consumed as a stream instead of being buffered (POST /ddl: loading data
// of any size). Only the first RECORDED_PREFIX bytes are kept, for the request log.
import type { IncomingMessage } from 'node:http';
import { ddlStreamRoute } from '../restpp/ddl.js';
import type { EmulatorState } from '../state.js';
import type { EmuRequest, EmuResponse, Listener } from './types.js';

/** How much of a streamed body the request log keeps. */
export const RECORDED_PREFIX = 64 * 1024;

export interface StreamedReply {
  reply: EmuResponse;
  /** The start of the body (up to RECORDED_PREFIX bytes), for the request log. */
  prefix: Buffer;
}

/** Runs a streaming route if the request has one; undefined means "buffer the body as usual". */
export function streamingRoute(
  state: EmulatorState,
  listener: Listener,
  incoming: IncomingMessage,
  fullPath: string,
  query: URLSearchParams,
): Promise<StreamedReply> | undefined {
  if (incoming.method !== 'POST') return undefined;
  const req: EmuRequest = {
    method: incoming.method,
    path: fullPath,
    fullPath,
    query,
    headers: incoming.headers,
    body: Buffer.alloc(0),
    listener,
  };
  const handler = ddlStreamRoute(state, req);
  if (!handler) return undefined;
  const kept: Buffer[] = [];
  let keptBytes = 0;
  async function* body(): AsyncGenerator<Buffer> {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      if (keptBytes < RECORDED_PREFIX) {
        const part = chunk.subarray(0, RECORDED_PREFIX - keptBytes);
        kept.push(Buffer.from(part));
        keptBytes += part.length;
      }
      yield chunk;
    }
  }
  return handler(body()).then((reply) => ({ reply, prefix: Buffer.concat(kept) }));
}
