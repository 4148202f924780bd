// A failure's cause chain: what failover reads (was the request sent?) and what every typed error
// carries as its `cause` (a redacted copy). Apart from the network-failure explanations
// (classify.ts), which only a failed call loads.
import { TigerGraphError } from '@tgraph/protocol/errors';
import { redact } from '@tgraph/protocol/redact';

export interface CauseInfo {
  codes: string[];
  messages: string[];
}

/** Walks an error's cause chain (bounded) collecting `code`s and messages. */
export function causeChain(error: unknown): CauseInfo {
  const codes: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (typeof current === 'object') {
      const c = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
      if (typeof c.code === 'string') codes.push(c.code);
      if (typeof c.message === 'string') messages.push(c.message);
      if (Array.isArray(c.errors)) {
        for (const inner of c.errors) {
          const i = inner as { code?: unknown; message?: unknown };
          if (typeof i?.code === 'string') codes.push(i.code);
          if (typeof i?.message === 'string') messages.push(i.message);
        }
      }
      current = c.cause;
    } else {
      messages.push(String(current));
      break;
    }
  }
  return { codes, messages };
}

/** Codes meaning the request never reached the server (safe to send to another host even for writes). */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function neverSent(error: unknown): boolean {
  return causeChain(error).codes.some((c) => NOT_SENT_CODES.has(c));
}

/**
 * A copy of an error chain safe to attach as `cause`: messages redacted, no request objects or
 * headers carried over, `code`/`errno`/`syscall` kept.
 */
export function sanitizeCause(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (error === undefined || error === null || depth > 6) return undefined;
  if (error instanceof TigerGraphError) return error;
  if (typeof error !== 'object') return new Error(redact(String(error), secrets));
  const e = error as {
    name?: unknown;
    message?: unknown;
    stack?: unknown;
    code?: unknown;
    errno?: unknown;
    syscall?: unknown;
    cause?: unknown;
  };
  const inner = sanitizeCause(e.cause, secrets, depth + 1);
  const copy = new Error(
    redact(typeof e.message === 'string' ? e.message : String(error), secrets),
    inner === undefined ? undefined : { cause: inner },
  ) as Error & { code?: string; errno?: unknown; syscall?: unknown };
  if (typeof e.name === 'string') copy.name = e.name;
  if (typeof e.code === 'string') copy.code = e.code;
  if (typeof e.errno === 'number' || typeof e.errno === 'string') copy.errno = e.errno;
  if (typeof e.syscall === 'string') copy.syscall = e.syscall;
  if (typeof e.stack === 'string') copy.stack = redact(e.stack, secrets);
  return copy;
}
