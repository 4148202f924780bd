// Keeps credentials out of JSON.stringify, String(), console.log and Node's util.inspect: a
// provider shows only its kind. Credentials live in private class fields, which none of these read.

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Base of every provider in this package: its printable forms carry only `kind`. */
export abstract class RedactedProvider {
  abstract readonly kind: string;

  /** `{ kind }` — never a credential. */
  toJSON(): { kind: string } {
    return { kind: this.kind };
  }

  /** `AuthProvider(<kind>)`. */
  toString(): string {
    return `AuthProvider(${this.kind})`;
  }

  /** What Node's `util.inspect` and `console.log` print. */
  [INSPECT](): string {
    return this.toString();
  }
}
