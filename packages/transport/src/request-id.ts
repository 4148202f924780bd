// Request ids: the SDK's own (`tg-` + 16 hex digits) or one the caller's `requestId` option supplies.
import { ValidationError } from '@tgraph/protocol/errors';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * Request ids `tg-` + 16 hex digits: 8 random per transport, then a counter — unique per
 * connection without asking the CSPRNG on every request (a measured hot-path cost).
 */
export function requestIds(): () => string {
  const bytes = new Uint32Array(1);
  globalThis.crypto.getRandomValues(bytes);
  const prefix = `tg-${hex(bytes[0] ?? 0, 8)}`;
  let counter = 0;
  return () => {
    counter = (counter + 1) % 0x1_0000_0000;
    return `${prefix}${hex(counter, 8)}`;
  };
}

// A caller's request id: visible ASCII, short enough for any log line or header.
const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

/** The id of one request, and the error to fail it with when the supplier misbehaved. */
export function nextRequestId(
  supplier: (() => string | undefined) | undefined,
  own: () => string,
  clean: (text: string) => string,
): { id: string; error: ValidationError | undefined } {
  let supplied: unknown;
  try {
    supplied = supplier?.();
  } catch (error) {
    const id = own();
    return { id, error: badId(clean(`threw ${(error as Error)?.message ?? String(error)}`), id) };
  }
  if (supplied === undefined) return { id: own(), error: undefined };
  if (typeof supplied === 'string' && REQUEST_ID.test(supplied)) return { id: supplied, error: undefined };
  const id = own();
  const what =
    typeof supplied === 'string'
      ? `returned '${supplied.slice(0, 40)}${supplied.length > 40 ? '…' : ''}' (${supplied.length} characters)`
      : `returned a ${typeof supplied}`;
  return { id, error: badId(what, id) };
}

function badId(what: string, requestId: string): ValidationError {
  return new ValidationError(
    `the requestId option ${what}: a request id is 1–200 visible ASCII characters (no spaces); return undefined to use the SDK's own`,
    { field: 'requestId', requestId },
  );
}
