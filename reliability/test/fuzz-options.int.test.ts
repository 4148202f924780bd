// Property: random and malformed option objects given to createClient are refused with a
// ValidationError that names the option — never another error type — and never cause a request:
// the emulator the options point at counts every request it receives.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import fc from 'fast-check';
import { createClient, ValidationError } from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './support.js';

/** Each option with values of the wrong type or out of range (all must be refused). */
const BAD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  host: fc.oneof(
    fc.constantFrom('', 'ftp://x', 'http://h?x=1', 'http://h#f', 'http://', '::::', 'http://a b'),
    fc.integer(),
    fc.constant([]),
    fc.constant({}),
  ),
  graph: fc.oneof(fc.integer(), fc.constant(''), fc.constant({}), fc.boolean()),
  username: fc.oneof(fc.integer(), fc.constant({}), fc.boolean()),
  password: fc.oneof(fc.integer(), fc.constant({}), fc.boolean()),
  gsqlSecret: fc.oneof(fc.integer(), fc.constant({}), fc.boolean()),
  apiToken: fc.oneof(fc.integer(), fc.constant({}), fc.boolean()),
  version: fc.oneof(fc.constantFrom('abc', '4.x.y', '', 'latest'), fc.integer(), fc.constant({})),
  timeoutMs: fc.oneof(
    fc.integer({ max: 0 }),
    fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '100', true),
  ),
  retries: fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(1.5, Number.NaN, '2', true)),
  restppPort: fc.oneof(fc.integer({ min: 65_536 }), fc.integer({ max: 0 }), fc.constantFrom(1.5, 'x', true)),
  gsPort: fc.oneof(fc.integer({ min: 65_536 }), fc.integer({ max: 0 }), fc.constantFrom(1.5, 'x', true)),
  integers: fc.constantFrom('float', 'int', 1, true, {}),
  exchange: fc.constantFrom('yes', 1, {}, 'always'),
  tokenLifetimeSeconds: fc.oneof(fc.integer({ max: 0 }), fc.constantFrom(1.5, '60', Number.NaN)),
  refreshBeforeSeconds: fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(1.5, '60')),
  logger: fc.constantFrom(42, 'console', {}, { debug: 'x' }),
  hooks: fc.constantFrom(42, 'x', [], true),
  retry: fc.constantFrom(42, 'x', [], true),
  adapter: fc.constantFrom(42, 'x', {}, { fetch: 1 }),
  auth: fc.constantFrom(42, 'x', {}, { headers: () => ({}) }),
  now: fc.constantFrom(42, 'x', {}),
  headers: fc.constantFrom(42, 'x', [1], { 'Bad Name': 'x' }),
  userAgent: fc.oneof(fc.integer(), fc.constant({})),
  connections: fc.oneof(fc.integer({ max: 0 }), fc.constantFrom(1.5, 'x', true)),
};

/** pyTigerGraph spellings and typos users write. */
const MISSPELT = [
  'graphname',
  'gsqlVersion',
  'graphName',
  'apitoken',
  'secret',
  'timeout',
  'useCert',
  'restppUrl',
  'hostname',
  'pasword',
];

describe('fuzz: createClient options (Node entry)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2' });
  });
  afterAll(async () => {
    await emu?.stop();
  });

  /** createClient(options) must throw a ValidationError; returns it. Closes a client that was created. */
  const refusal = async (options: unknown): Promise<ValidationError> => {
    let error: unknown;
    try {
      const tg = createClient(options as Parameters<typeof createClient>[0]);
      await tg.close();
    } catch (e) {
      error = e;
    }
    expect(error, `accepted ${String(JSON.stringify(options))}`).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };

  it('one malformed option among valid ones: a ValidationError naming it, no request', async () => {
    const names = Object.keys(BAD_VALUES);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), BAD_VALUES[name]!)),
        async ([name, value]) => {
          const before = emu.requests.length;
          const error = await refusal({ host: emu.gsUrl, graph: 'G', version: '4.2.0', [name]: value });
          expect(error.message).toContain(name);
          expect(error.message.length).toBeGreaterThan(name.length + 10);
          expect(emu.requests.length).toBe(before);
        },
      ),
      { seed: SEED, numRuns: 300, endOnFailure: true },
    );
  });

  it('misspelt and pyTigerGraph option names: a ValidationError saying what to write instead', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MISSPELT),
        fc.string({ minLength: 1, maxLength: 10 }),
        async (name, value) => {
          const before = emu.requests.length;
          const error = await refusal({ host: emu.gsUrl, [name]: value });
          expect(error.message).toContain(name);
          expect(emu.requests.length).toBe(before);
        },
      ),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });

  it('anything at all as the options: either a client or a ValidationError, never another error, never a request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 4 }),
          fc.record({ host: fc.constant(emu.gsUrl), extra: fc.anything() }, { requiredKeys: ['host'] }),
        ),
        async (options) => {
          const before = emu.requests.length;
          try {
            const tg = createClient(options as Parameters<typeof createClient>[0]);
            await tg.close();
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
            expect((error as Error).message).not.toBe('');
          }
          expect(emu.requests.length).toBe(before);
        },
      ),
      { seed: SEED, numRuns: 300, endOnFailure: true },
    );
  });
});
