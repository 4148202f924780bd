// The observers of a connection: the caller's hooks and debug logger, fed redacted views only.
// Neither may break a request, so their failures are swallowed (and logged when a logger is set).
import { redact } from '@tgraph/protocol/redact';
import { expandSecrets } from './redaction.js';
import type { TransportOptions } from './types.js';

export interface Observer {
  /** Every secret known to the connection (options and the auth provider), expanded for Basic. */
  secrets(extra?: readonly string[]): string[];
  /** Logs a debug line; `fields` is only built when a logger is set. */
  debug(message: string, fields: () => Record<string, unknown>): void;
  /** Runs one of the caller's hooks with a view built on demand. */
  run<V>(name: string, hook: ((view: V) => void | Promise<void>) | undefined, view: () => V): Promise<void>;
}

export function createObserver(options: TransportOptions): Observer {
  const logger = options.logger;
  const baseSecrets = (): string[] => {
    let fromAuth: readonly string[] = [];
    try {
      fromAuth = options.auth?.secrets() ?? [];
    } catch {
      // a provider that cannot list its secrets must not break error reporting
    }
    return [...(options.secrets ?? []), ...fromAuth];
  };
  const observer: Observer = {
    secrets: (extra = []) => expandSecrets([...baseSecrets(), ...extra]),
    debug(message, fields) {
      if (!logger) return;
      try {
        logger.debug(message, fields());
      } catch {
        // a failing logger must not fail the request
      }
    },
    async run(name, hook, view) {
      if (!hook) return;
      try {
        await hook(view());
      } catch (error) {
        observer.debug('tgraph hook failed', () => ({
          hook: name,
          error: redact(String((error as Error)?.message ?? error), observer.secrets()),
        }));
      }
    },
  };
  return observer;
}
