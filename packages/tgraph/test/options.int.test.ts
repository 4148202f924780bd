// createClient's options are checked by the schemas of @tgraph/protocol, @tgraph/auth and
// @tgraph/transport (composed, not copied), and its defaults are protocol's constants: the same
// value and the same message wherever an option is given.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  HEADER_NAME_PATTERN,
  OPTION_RULES,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol';
import { createTransport } from '@tgraph/transport';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/entry-node.js';

let server: Server;
let url: string;
let answer: 'never' | 503 = 'never';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    if (answer === 503) res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('createClient defaults are protocol’s', () => {
  it('times a request out after DEFAULT_TIMEOUT_MS, as createTransport does', async () => {
    answer = 'never';
    const tg = createClient({ host: url, version: '4.2.0' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      expect(tg.connection.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
      const before = seen.length;
      const outcome = tg.transport
        .request({ service: 'restpp', method: 'POST', path: '/echo', idempotent: false })
        .then(
          () => 'answered',
          (error: unknown) => error,
        );
      await vi.waitFor(() => expect(seen.length).toBe(before + 1));
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1000);
      expect(await Promise.race([outcome, Promise.resolve('pending')])).toBe('pending');
      await vi.advanceTimersByTimeAsync(1000);
      const error = await outcome;
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toContain(`no answer within ${DEFAULT_TIMEOUT_MS} ms`);
    } finally {
      vi.useRealTimers();
      await tg.close();
    }
  });

  it('retries a repeatable request DEFAULT_RETRIES times', async () => {
    answer = 503;
    const tg = createClient({ host: url, version: '4.2.0', retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    try {
      const before = seen.length;
      await expect(
        tg.transport.request({ service: 'restpp', method: 'GET', path: '/echo' }),
      ).rejects.toThrow();
      expect(seen.length - before).toBe(DEFAULT_RETRIES + 1);
    } finally {
      await tg.close();
    }
  });
});

describe('createClient option checks', () => {
  it('rejects timeoutMs 0 naming timeoutMs, with the rule createTransport uses', () => {
    const error = thrown(() => createClient({ host: url, timeoutMs: 0 }));
    expect(error.message).toBe(`options.timeoutMs must be ${OPTION_RULES.timeoutMs}, got 0`);
    expect(error.field).toBe('timeoutMs');
    expect(thrown(() => createTransport({ restppUrls: [url], timeoutMs: 0 })).message).toBe(error.message);
  });

  it('rejects control.gsqlTimeoutMs 0 up front, as protocol does, and the client name inside control', () => {
    const error = thrown(() => createClient({ host: url, control: { gsqlTimeoutMs: 0 } }));
    expect(error.message).toBe(`options.control.gsqlTimeoutMs must be ${OPTION_RULES.gsqlTimeoutMs}, got 0`);
    expect(thrown(() => createClient({ host: url, control: { timeoutMs: 5000 } as never })).message).toMatch(
      /^options\.control\.timeoutMs is not an option; the server-side timeout is 'gsqlTimeoutMs'/,
    );
  });

  it('takes the retry count as retries only', () => {
    expect(thrown(() => createClient({ host: url, retry: { limit: 5 } as never })).message).toBe(
      "options.retry.limit is not an option of createClient; give the retry count as 'retries'",
    );
    expect(thrown(() => createClient({ host: url, retries: 11 })).message).toBe(
      `options.retries must be ${OPTION_RULES.retries}, got 11`,
    );
  });

  it('accepts and rejects the same header names everywhere (one pattern)', () => {
    const names = ['X-Request-Id', 'x_trace', "a!#$%&'*+.^_`|~-z", 'Bad Name', 'naïve', 'X:Y', 'X(1)', ''];
    const accepts = (fn: () => unknown) => {
      try {
        fn();
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).toContain(OPTION_RULES.headerName);
        return false;
      }
    };
    for (const name of names) {
      const valid = HEADER_NAME_PATTERN.test(name);
      const clientId = accepts(() => createClient({ host: url, requestIdHeader: name }));
      const clientHeaders = accepts(() => createClient({ host: url, headers: { [name]: 'v' } }));
      const transportId = accepts(() => createTransport({ restppUrls: [url], requestIdHeader: name }));
      const transportHeaders = accepts(() =>
        createTransport({ restppUrls: [url], headers: { [name]: 'v' } }),
      );
      expect([clientId, clientHeaders, transportId, transportHeaders], name).toEqual([
        valid,
        valid,
        valid,
        valid,
      ]);
    }
  });

  it('rejects a bad token option with the rule the auth providers use', () => {
    expect(thrown(() => createClient({ host: url, refreshBeforeSeconds: -1 })).message).toBe(
      `options.refreshBeforeSeconds must be ${OPTION_RULES.refreshBeforeSeconds}, got -1`,
    );
    expect(() =>
      createClient({ host: url, gsqlSecret: 's3cret', exchange: true, refreshBeforeSeconds: 0 }),
    ).not.toThrow();
  });
});

describe('per-call options are one bag, passed down', () => {
  it('hands timeoutMs of a call to its request, checked by the same rule as the client option', async () => {
    answer = 'never';
    const tg = createClient({ host: url, version: '4.2.0' });
    try {
      const late = await tg.system.echo({ timeoutMs: 50 }).catch((e: unknown) => e);
      expect(late).toBeInstanceOf(TimeoutError);
      expect((late as TimeoutError).message).toContain('no answer within 50 ms');
      const before = seen.length;
      const zero = await tg.system.echo({ timeoutMs: 0 }).catch((e: unknown) => e);
      expect(zero).toBeInstanceOf(ValidationError);
      expect((zero as ValidationError).message).toContain(
        `timeoutMs must be ${OPTION_RULES.timeoutMs}, got 0`,
      );
      const typo = await tg.system.echo({ timeout: 5 } as never).catch((e: unknown) => e);
      expect((typo as ValidationError).message).toBe(
        "options.timeout is not an option of echo; did you mean 'timeoutMs'?",
      );
      expect(seen.length).toBe(before);
    } finally {
      await tg.close();
    }
  });
});
