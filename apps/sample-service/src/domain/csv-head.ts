// The first line of a streamed CSV upload, read before anything is sent to TigerGraph: a file
// with the wrong header would otherwise load nothing and still answer 200. Only the bytes up to
// the first line end are held; the rest streams on. On the way the stream is normalised for the
// loading job (EOL="\n"): a leading byte-order mark and the \r of CRLF line ends are dropped.

const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

export interface CsvHead {
  /** The first line, without BOM and line end; undefined when the body was empty. */
  header: string | undefined;
  /** The whole body again (header included), normalised. */
  body: ReadableStream<Uint8Array>;
}

export class HeaderTooLong extends Error {
  override name = 'HeaderTooLong';
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Drops every \r that precedes \n; a \r at the end of a chunk waits for the next one. */
function crlfToLf(): TransformStream<Uint8Array, Uint8Array> {
  let pendingCr = false;
  return new TransformStream({
    transform(chunk, controller) {
      // Most chunks have no \r at all: pass them through untouched.
      if (!pendingCr && !chunk.includes(CR)) {
        controller.enqueue(chunk);
        return;
      }
      const out: number[] = [];
      if (pendingCr && chunk[0] !== LF) out.push(CR);
      pendingCr = false;
      chunk.forEach((byte, i) => {
        if (byte !== CR) out.push(byte);
        else if (i === chunk.length - 1) pendingCr = true;
        else if (chunk[i + 1] !== LF) out.push(byte);
      });
      if (out.length > 0) controller.enqueue(Uint8Array.from(out));
    },
    flush(controller) {
      if (pendingCr) controller.enqueue(Uint8Array.of(CR));
    },
  });
}

/** Reads up to the first line end (at most `maxBytes`), then hands back the full stream. */
export async function readCsvHead(
  stream: ReadableStream<Uint8Array>,
  maxBytes = 64 * 1024,
): Promise<CsvHead> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (!done && !chunks.some((c) => c.includes(LF))) {
    if (size > maxBytes) {
      await reader.cancel();
      throw new HeaderTooLong(`the first line is longer than ${maxBytes} bytes`);
    }
    const next = await reader.read();
    done = next.done;
    if (next.value) {
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  }
  let head = concat(chunks);
  if (BOM.every((b, i) => head[i] === b)) head = head.subarray(BOM.length);
  const end = head.indexOf(LF);
  const line = new TextDecoder().decode(end === -1 ? head : head.subarray(0, end)).replace(/\r$/, '');
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { header: head.byteLength === 0 ? undefined : line, body: rest.pipeThrough(crlfToLf()) };
}

/** The expected columns missing from `header` (columns are matched by name, in any order). */
export function missingColumns(header: string, expected: readonly string[]): string[] {
  const present = new Set(header.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  return expected.filter((c) => !present.has(c));
}
