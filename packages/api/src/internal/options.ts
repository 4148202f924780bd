// Per-call options are checked like createClient's: a key the function does not know is a typo or
// an option of another function, and ignoring it silently (`{ limt: 2 }` returning every vertex)
// hides the mistake.
import { ValidationError } from '@tgraph/protocol/errors';
import { ABORT_OPTION_KEYS, closestName, REQUEST_OPTION_KEYS } from '@tgraph/protocol/options';

/** The per-call keys every resource function accepts: protocol's `RequestOptions`, defined once there. */
export const REQUEST_KEYS: readonly string[] = REQUEST_OPTION_KEYS;
/** {@link REQUEST_KEYS} without `graph`, for functions whose graph is decided elsewhere (or that have none). */
export const ABORT_KEYS: readonly string[] = ABORT_OPTION_KEYS;

/** Throws a ValidationError naming the first key of `options` (with a value) that is not in `known`. */
export function checkOptions(options: unknown, known: readonly string[], fn: string): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError(
      `${fn}: options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`,
      {
        field: 'options',
        code: 'TG-INVALID-OPTION',
      },
    );
  }
  for (const [key, value] of Object.entries(options)) {
    // An option set to undefined is not given (objects built with optional fields carry such keys).
    if (value === undefined || known.includes(key)) continue;
    const near = closestName(key, known);
    throw new ValidationError(
      `options.${key} is not an option of ${fn}; ${near ? `did you mean '${near}'?` : `it takes ${known.join(', ')}`}`,
      { field: key, code: 'TG-INVALID-OPTION' },
    );
  }
}
