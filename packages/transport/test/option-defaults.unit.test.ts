// createTransport's defaults are @tgraph/protocol's constants (one value per option, also used by
// resolveConnection and createClient), and its options are checked by protocol's rules.
import { readFileSync } from 'node:fs';
import {
  DEFAULT_HOST_COOLDOWN_MS,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  DEFAULT_RETRY_STATUSES,
  DEFAULT_TIMEOUT_MS,
  OPTION_RULES,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTransport, DEFAULT_TIMEOUT_MS as TRANSPORT_DEFAULT_TIMEOUT_MS } from '../src/index.ts';
import { json, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  vi.useRealTimers();
  server.requests.length = 0;
});
afterAll(async () => {
  await server.close();
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

describe('createTransport defaults', () => {
  it("times a request out after protocol's DEFAULT_TIMEOUT_MS when no timeoutMs is given", async () => {
    expect(TRANSPORT_DEFAULT_TIMEOUT_MS).toBe(DEFAULT_TIMEOUT_MS);
    server.handle(() => undefined); // never answers
    const t = createTransport({ restppUrls: [server.url] });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const outcome = t
        .request({ service: 'restpp', method: 'POST', path: '/slow', json: {}, idempotent: false })
        .then(
          () => 'answered',
          (error: unknown) => error,
        );
      await vi.waitFor(() => expect(server.requests).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1000);
      const pending = await Promise.race([outcome, Promise.resolve('pending')]);
      expect(pending).toBe('pending');
      await vi.advanceTimersByTimeAsync(1000);
      const error = await outcome;
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toContain(`no answer within ${DEFAULT_TIMEOUT_MS} ms`);
    } finally {
      vi.useRealTimers();
      await t.close();
    }
  });

  it("retries a repeatable request protocol's DEFAULT_RETRIES times when no retry.limit is given", async () => {
    server.handle((_req, res) => json(res, 503, { error: true, message: 'busy' }));
    const t = createTransport({ restppUrls: [server.url], retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    try {
      await expect(t.request({ service: 'restpp', method: 'GET', path: '/echo' })).rejects.toThrow();
      expect(server.requests).toHaveLength(DEFAULT_RETRIES + 1);
    } finally {
      await t.close();
    }
  });
});

describe('the README table', () => {
  it("states protocol's defaults", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const row = (option: string) =>
      readme
        .split('\n')
        .find((line) => line.startsWith(`| \`${option}\``))
        ?.split('|')[2]
        ?.trim();
    expect(row('timeoutMs')).toBe(`\`${DEFAULT_TIMEOUT_MS}\``);
    expect(row('retry')).toBe(`\`{ limit: ${DEFAULT_RETRIES} }\``);
    expect(row('hostCooldownMs')).toBe(`\`${DEFAULT_HOST_COOLDOWN_MS}\``);
    const retry = readme.split('\n').find((line) => line.startsWith('| `retry`'));
    expect(retry).toContain(`(${DEFAULT_RETRY_STATUSES.join(', ')})`);
    expect(retry).toContain(`\`baseDelayMs\` (${DEFAULT_RETRY_BASE_DELAY_MS})`);
    expect(retry).toContain(`\`maxDelayMs\` (${DEFAULT_RETRY_MAX_DELAY_MS})`);
  });
});

describe('createTransport option checks', () => {
  const base = () => ({ restppUrls: [server.url] });

  it('rejects timeoutMs 0 with the one timeoutMs rule, naming the option', () => {
    const error = thrown(() => createTransport({ ...base(), timeoutMs: 0 }));
    expect(error.message).toBe(`options.timeoutMs must be ${OPTION_RULES.timeoutMs}, got 0`);
    expect(error.field).toBe('timeoutMs');
  });

  it('rejects a bad requestIdHeader and a bad header name with the one header-name rule', () => {
    expect(thrown(() => createTransport({ ...base(), requestIdHeader: 'X Id' })).message).toBe(
      `options.requestIdHeader must be ${OPTION_RULES.headerName}, got 'X Id'`,
    );
    expect(thrown(() => createTransport({ ...base(), headers: { 'X Id': '1' } })).message).toContain(
      `options.headers has an invalid header name 'X Id'; a header name must be ${OPTION_RULES.headerName}`,
    );
  });

  it('names the server timeout control.gsqlTimeoutMs, and rejects 0 and the client name there', () => {
    expect(thrown(() => createTransport({ ...base(), control: { gsqlTimeoutMs: 0 } })).message).toBe(
      `options.control.gsqlTimeoutMs must be ${OPTION_RULES.gsqlTimeoutMs}, got 0`,
    );
    expect(
      thrown(() => createTransport({ ...base(), control: { timeoutMs: 5000 } as never })).message,
    ).toMatch(/^options\.control\.timeoutMs is not an option; the server-side timeout is 'gsqlTimeoutMs'/);
  });

  it('checks retry and a per-request timeoutMs by the same rules', async () => {
    expect(thrown(() => createTransport({ ...base(), retry: { baseDelayMs: -1 } })).message).toBe(
      `options.retry.baseDelayMs must be ${OPTION_RULES.delayMs}, got -1`,
    );
    const t = createTransport(base());
    try {
      const error = await t
        .request({ service: 'restpp', method: 'GET', path: '/echo', timeoutMs: 0 })
        .catch((e: unknown) => e as ValidationError);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain(
        `timeoutMs must be ${OPTION_RULES.timeoutMs}, got 0`,
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
