// The modules that plug into ky where ky has no mechanism of its own: multi-host failover (a
// fetch wrapper), progress-timed streamed uploads, and the idempotency rules (ky's retry options).
import { describe, expect, it } from 'vitest';
import type { CallState } from '../src/call.ts';
import { explainNetworkFailure, isPlainHttpAnswer } from '../src/classify.ts';
import { withFailover } from '../src/failover.ts';
import { HostPool } from '../src/hosts.ts';
import type { RetryConfig } from '../src/options.ts';
import { isIdempotent, kyRetryDefaults, kyRetryFor, mayRepeat } from '../src/retry-policy.ts';
import { timeUpload } from '../src/upload-timer.ts';

function state(over: Partial<CallState> = {}): CallState {
  return { replayable: true, idempotent: true, sent: false, retries: 0, ...over } as CallState;
}

const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const reset = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });

describe('failover (fetch wrapper)', () => {
  function sender(s: CallState, fail: Record<string, () => Error>) {
    const seen: string[] = [];
    const send = async (base: string) => {
      seen.push(base);
      s.sent = true;
      const error = fail[base];
      if (error) throw error();
      return new Response(base);
    };
    return { seen, send };
  }

  it('moves a read to the next healthy host at once and marks the failed one down', async () => {
    const pool = new HostPool(['a', 'b', 'c'], 1_000);
    const s = state();
    const { seen, send } = sender(s, { a: reset });
    const moved: string[] = [];
    const res = await withFailover({ pool, onFailover: (from) => moved.push(from) }, s, undefined, send);
    expect(await res.text()).toBe('b');
    expect(seen).toEqual(['a', 'b']);
    expect(moved).toEqual(['a']);
    expect(pool.status().find((h) => h.url === 'a')?.healthy).toBe(false);
  });

  it('moves a write only when nothing was sent (connection refused)', async () => {
    const write = state({ idempotent: false });
    const refusedWrite = sender(write, { a: refused });
    await withFailover({ pool: new HostPool(['a', 'b'], 1_000) }, write, undefined, refusedWrite.send);
    expect(refusedWrite.seen).toEqual(['a', 'b']);

    const sentWrite = state({ idempotent: false });
    const brokenWrite = sender(sentWrite, { a: reset });
    await expect(
      withFailover({ pool: new HostPool(['a', 'b'], 1_000) }, sentWrite, undefined, brokenWrite.send),
    ).rejects.toThrow('fetch failed');
    expect(brokenWrite.seen).toEqual(['a']);
  });

  it('never resends a streamed body, and gives up when no healthy host is left', async () => {
    const streamed = state({ replayable: false });
    const one = sender(streamed, { a: refused });
    await expect(
      withFailover({ pool: new HostPool(['a', 'b'], 1_000) }, streamed, undefined, one.send),
    ).rejects.toThrow();
    expect(one.seen).toEqual(['a']);

    const all = sender(state(), { a: refused, b: refused });
    await expect(
      withFailover({ pool: new HostPool(['a', 'b'], 1_000) }, state(), undefined, all.send),
    ).rejects.toThrow();
  });
});

describe('progress-timed streamed uploads', () => {
  function source(chunks: number, gapMs: number): ReadableStream<Uint8Array> {
    let n = 0;
    return new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((r) => setTimeout(r, gapMs));
        if (n++ < chunks) c.enqueue(new Uint8Array([n]));
        else c.close();
      },
    });
  }

  it('lets an upload that keeps moving outlast the timeout, chunk by chunk', async () => {
    const timer = timeUpload(source(6, 20), 60);
    const bytes = new Uint8Array(await new Response(timer.body).arrayBuffer());
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(timer.expired).toBe(false);
    expect(timer.signal.aborted).toBe(false);
    timer.disarm();
  });

  it('aborts when one wait for the next chunk exceeds the timeout', async () => {
    const timer = timeUpload(source(1, 200), 40);
    await new Promise((r) => setTimeout(r, 80));
    expect(timer.expired).toBe(true);
    expect(timer.signal.aborted).toBe(true);
    timer.disarm();
    await timer.body.cancel();
  });
});

describe('retry policy (ky retry options)', () => {
  const retry: RetryConfig = { limit: 2, statuses: [503], baseDelayMs: 100, maxDelayMs: 1_000 };

  it('maps the client policy to ky: statuses, backoff with jitter, capped Retry-After', () => {
    const ky = kyRetryDefaults(retry);
    expect(ky.limit).toBe(2);
    expect(ky.statusCodes).toEqual([503]);
    expect(ky.afterStatusCodes).toEqual([503]);
    expect(ky.jitter).toBe(true);
    expect(ky.maxRetryAfter).toBe(1_000);
    expect(ky.backoffLimit).toBe(1_000);
    expect([1, 2, 3].map((n) => ky.delay?.(n))).toEqual([100, 200, 400]);
    expect(ky.methods).toContain('post');
  });

  it('repeats reads and writes marked idempotent; never other writes or streamed bodies', async () => {
    expect(isIdempotent({ service: 'restpp', method: 'GET', path: '/' }, 'GET')).toBe(true);
    expect(isIdempotent({ service: 'restpp', method: 'POST', path: '/' }, 'POST')).toBe(false);
    expect(isIdempotent({ service: 'restpp', method: 'POST', path: '/', idempotent: true }, 'POST')).toBe(
      true,
    );
    expect(mayRepeat(state({ replayable: false }))).toBe(false);
    const write = state({ idempotent: false });
    const forWrite = kyRetryFor(retry, write, false);
    expect(forWrite.limit).toBe(0);
    expect(await forWrite.shouldRetry?.({ error: new Error('x'), retryCount: 1 })).toBe(false);
  });

  it("leaves room for one auth resend without letting transient retries exceed the caller's limit", async () => {
    const read = state();
    const policy = kyRetryFor(retry, read, true);
    expect(policy.limit).toBe(3);
    expect(await policy.shouldRetry?.({ error: new Error('x'), retryCount: 1 })).toBeUndefined();
    read.retries = 2;
    expect(await policy.shouldRetry?.({ error: new Error('x'), retryCount: 3 })).toBe(false);
    expect(kyRetryFor(retry, state({ replayable: false }), true).limit).toBe(0);
  });
});

describe('an https:// URL on a plain-HTTP port', () => {
  it('is recognised from OpenSSL, rustls and undici failures and asked about in doctor words', () => {
    const openssl = {
      code: 'ERR_SSL_PACKET_LENGTH_TOO_LONG',
      message: 'SSL routines:tls_get_more_records:packet length too long',
    };
    const rustls = new TypeError(
      'client error (Connect): received corrupt message of type InvalidContentType',
    );
    for (const cause of [openssl, rustls]) {
      expect(isPlainHttpAnswer(cause)).toBe(true);
      const text = explainNetworkFailure(cause, 'h:9000', 'https://h:9000');
      expect(text).toContain('is this an HTTPS port? For plain HTTP use an http:// host');
      expect(text).not.toMatch(/SSL routines/);
    }
    expect(explainNetworkFailure(openssl, 'h:9000', 'http://h:9000')).toMatch(/check the scheme/);
  });
});
