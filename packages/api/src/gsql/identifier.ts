// Names that are spliced into GSQL text must be plain identifiers: anything else could change the
// statement (a graph name `g; DROP ALL` must never reach the server as text).
import { ValidationError } from '@tgraph/protocol/errors';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Returns `name` when it is a GSQL identifier (letters, digits, `_`, not starting with a digit),
 * else throws a ValidationError naming the field.
 */
export function requireIdentifier(name: unknown, field: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new ValidationError(
      `${field} must be a GSQL identifier (letters, digits and _, not starting with a digit), got ${JSON.stringify(name)}`,
      { field },
    );
  }
  return name;
}
