// The schemas of the auth options, built from @tgraph/protocol's option schemas (one rule and one
// message per option). Every token-holding provider checks its lifecycle options with them, and
// createClient composes its own schema from these fields.
import {
  booleanOptionSchema,
  exchangeSchema,
  lifetimeSecondsSchema,
  refreshBeforeSecondsSchema,
} from '@tgraph/protocol/options';
import * as z from 'zod/mini';

/** The fields of {@link TokenLifecycleOptions}. */
export const tokenLifecycleShape = {
  lifetimeSeconds: z.optional(lifetimeSecondsSchema),
  refreshBeforeSeconds: z.optional(refreshBeforeSecondsSchema),
  scopeToGraph: z.optional(booleanOptionSchema),
  now: z.optional(
    z.custom<() => number>((v) => typeof v === 'function', {
      error: 'must be a function returning epoch milliseconds',
    }),
  ),
};

/** zod-mini schema of {@link TokenLifecycleOptions} (other keys pass: providers add their own). */
export const tokenLifecycleOptionsSchema = z.looseObject(tokenLifecycleShape);

/** The checked fields of {@link AuthOptions} (credentials are checked by the connection options). */
export const authOptionsShape = {
  ...tokenLifecycleShape,
  exchange: z.optional(exchangeSchema),
  checkJwt: z.optional(booleanOptionSchema),
};

/** zod-mini schema of {@link chooseAuth}'s options. */
export const authOptionsSchema = z.looseObject(authOptionsShape);
