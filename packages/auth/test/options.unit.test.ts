// The auth options follow @tgraph/protocol's rules: one message per option, whichever provider
// (or chooseAuth) is given it, and refreshBeforeSeconds 0 ("at expiry") is accepted by all.
import { OPTION_RULES, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  authOptionsSchema,
  basicAuth,
  chooseAuth,
  gsqlSecretAuth,
  passwordTokenAuth,
  secretTokenAuth,
} from '../src/index.js';

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

const login = { username: 'tigergraph', password: 'pw' };

describe('auth options', () => {
  it('rejects a bad lifetime or refresh window with the same message from every provider', () => {
    const makers = [
      (o: object) => chooseAuth({ ...login, ...o }),
      (o: object) => chooseAuth({ gsqlSecret: 's3cret', exchange: true, ...o }),
      (o: object) => basicAuth({ ...login, ...o }),
      (o: object) => gsqlSecretAuth('s3cret', o),
      (o: object) => secretTokenAuth({ secret: 's3cret', ...o }),
      (o: object) => passwordTokenAuth({ ...login, ...o }),
    ];
    for (const make of makers) {
      expect(thrown(() => make({ lifetimeSeconds: 0 })).message).toBe(
        `options.lifetimeSeconds must be ${OPTION_RULES.lifetimeSeconds}, got 0`,
      );
      expect(thrown(() => make({ refreshBeforeSeconds: -1 })).message).toBe(
        `options.refreshBeforeSeconds must be ${OPTION_RULES.refreshBeforeSeconds}, got -1`,
      );
      expect(() => make({ refreshBeforeSeconds: 0 })).not.toThrow();
    }
  });

  it('checks exchange by the shared rule', () => {
    expect(thrown(() => chooseAuth({ ...login, exchange: 'yes' as never })).message).toBe(
      `options.exchange must be ${OPTION_RULES.exchange}, got 'yes'`,
    );
    expect(authOptionsSchema.safeParse({ exchange: 'auto', checkJwt: true }).success).toBe(true);
  });
});
