// Shared pieces of the reliability suites: the test graph, a counter read, and a wrapper that
// fails a scenario on leaked sockets/timers or unhandled rejections.
import type { RunningEmulator } from '@tgraph/emulator';
import fc from 'fast-check';
import { attrOp, type TigerGraphClient } from 'tgraph';
import { expect } from 'vitest';
import { leaksAfter, resourceCounts, watchUnhandledRejections } from '../src/handles.js';

/** Graph `Rel`: a counter written with `op: add` (so a duplicated write shows) and free-form items. */
export const REL_SCHEMA = `
CREATE VERTEX Counter (PRIMARY_ID id STRING, total INT) WITH primary_id_as_attribute="true"
CREATE VERTEX Item (PRIMARY_ID id STRING, name STRING, n INT) WITH primary_id_as_attribute="true"
CREATE UNDIRECTED EDGE LINK (FROM Item, TO Item)
CREATE GRAPH Rel (Counter, Item, LINK)
`;

/** Adds `by` to counter `id` (an accumulating, non-idempotent write). */
export function addToCounter(tg: TigerGraphClient, id: string, by = 1) {
  return tg.vertices.upsert('Counter', id, { total: attrOp('add', by) });
}

/** The counter's total as stored, read through the SDK. */
export async function counterTotal(tg: TigerGraphClient, id: string): Promise<number> {
  const rows = await tg.vertices.getById('Counter', [id], { select: ['total'] });
  return Number(rows[0]?.attributes['total'] ?? 0);
}

/** Upsert requests the emulator itself received (status included), optionally since index `from`. */
export function upsertsAtEmulator(emu: RunningEmulator, graph = 'Rel', from = 0) {
  return emu.requests
    .slice(from)
    .filter(
      (r) => r.method === 'POST' && (r.path === `/restpp/graph/${graph}` || r.path === `/graph/${graph}`),
    );
}

/**
 * Runs `body` and then checks that it left no socket or timer open (compared with before it ran)
 * and raised no unhandled rejection. `body` must close every client it creates.
 */
export async function withoutLeaks(body: () => Promise<void>): Promise<void> {
  const baseline = resourceCounts();
  const watcher = watchUnhandledRejections();
  try {
    await body();
    // Rejections surface on a later turn: give them one.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    const rejections = watcher.stop();
    expect(rejections, 'unhandled rejections').toEqual([]);
  }
  expect(await leaksAfter(baseline), 'sockets or timers left open').toEqual({});
}

/** Awaits a promise that must reject and returns the error. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** The fast-check seed of every property (override with TGRAPH_FUZZ_SEED to explore). */
export const SEED = Number(process.env['TGRAPH_FUZZ_SEED'] ?? 20260601);

/** Strings that stress URL and JSON encoding. */
export const nastyString = (maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength }) },
    {
      weight: 2,
      arbitrary: fc.string({
        unit: fc.constantFrom(
          '/',
          '?',
          '#',
          '%',
          '&',
          '+',
          '=',
          ' ',
          '\\',
          '"',
          "'",
          '.',
          '..',
          '%2F',
          '%00',
          '\n',
          '\t',
          '\r',
          '\0',
          '\u007f',
          'é',
          '中',
          '🙂',
          '\u200b',
          '\ufeff',
        ),
        minLength: 1,
        maxLength,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('.', '..', ' ', '%', '?', '#', '/', '+', '&', '%25', '%2F', 'a/b/../c'),
    },
  );
