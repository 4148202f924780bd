// Progress-timed streamed uploads. A streamed body may take longer than the timeout as a whole:
// while it keeps moving, the timeout bounds each wait for the network to take the next chunk, and
// after the last chunk the answer gets the full timeout again. ky's own timeout is off for these
// requests; this timer aborts the attempt instead.

export interface UploadTimer {
  /** The body to send: pulled one chunk at a time (no queue of its own), so memory stays that of the source. */
  body: ReadableStream<Uint8Array>;
  /** Aborts when a wait for progress exceeds the timeout. */
  signal: AbortSignal;
  /** True once the timer gave up. */
  readonly expired: boolean;
  /** Stops the timer (after the answer was read, or on failure). */
  disarm(): void;
}

export function timeUpload(source: ReadableStream<Uint8Array>, timeoutMs: number): UploadTimer {
  const controller = new AbortController();
  let expired = false;
  let disarmed = false;
  const expire = () => {
    expired = true;
    controller.abort(new Error(`no progress within ${timeoutMs} ms`));
  };
  let timer = setTimeout(expire, timeoutMs);
  const progress = () => {
    if (expired || disarmed) return;
    clearTimeout(timer);
    timer = setTimeout(expire, timeoutMs);
  };
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(out) {
        const { done, value } = await reader.read();
        progress();
        if (done) out.close();
        else out.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return {
    body,
    signal: controller.signal,
    get expired() {
      return expired;
    },
    disarm() {
      disarmed = true;
      clearTimeout(timer);
    },
  };
}
