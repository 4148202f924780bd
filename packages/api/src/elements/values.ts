// Attribute upsert operators (`attrOp`) and DATETIME text: the value helpers the facade exports
// eagerly, without the upsert encoder of `encode.ts` that the namespaces load on first use.
import { ValidationError } from '@tgraph/protocol/errors';
import { UPSERT_OPS, type UpsertOp } from '@tgraph/protocol/schemas/upsert';

const OP = Symbol.for('tgraph.attrOp');

/** An attribute value with an upsert operator (see {@link attrOp}). */
export interface AttributeOp<V = unknown> {
  readonly [OP]: true;
  readonly op: UpsertOp;
  readonly value: V;
}

/**
 * Wraps a value with an upsert operator: `add`/`+`, `max`/`>`, `min`/`<`, `and`/`&`, `or`/`|`,
 * `ignore_if_exists`/`~`.
 *
 * @example
 * await upsertVertex(ctx, 'Patient', 'p1', { contact_number: attrOp('add', 1), infection_order: attrOp('max', 3) });
 */
export function attrOp<V>(op: UpsertOp, value: V): AttributeOp<V> {
  if (!(UPSERT_OPS as readonly string[]).includes(op)) {
    throw new ValidationError(
      `Unknown upsert operator '${String(op)}'; use one of ${UPSERT_OPS.join(', ')}`,
      {
        field: 'op',
      },
    );
  }
  return { [OP]: true, op, value };
}

/** True when `value` was built by {@link attrOp}. */
export function isAttributeOp(value: unknown): value is AttributeOp {
  return typeof value === 'object' && value !== null && (value as { [OP]?: unknown })[OP] === true;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A `Date` as TigerGraph's DATETIME text (UTC, second precision).
 *
 * @example
 * formatDatetime(new Date(Date.UTC(2020, 1, 25, 9, 30))); // '2020-02-25 09:30:00'
 */
export function formatDatetime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new ValidationError('Invalid Date given as a DATETIME value');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}
