// Runtimes whose fetch cannot take TLS settings (browsers, unknown runtimes) refuse them loudly
// instead of silently connecting with the platform's defaults.
import { ValidationError } from '@tgraph/protocol/errors';
import type { ResolvedConnection } from '@tgraph/protocol/options';

export function refuseTlsOptions(connection: ResolvedConnection, where: string): void {
  const tls = connection.tls;
  const given = [
    tls.ca !== undefined && 'ca',
    tls.certPath !== undefined && 'certPath',
    tls.cert !== undefined && 'cert',
    tls.key !== undefined && 'key',
    !tls.rejectUnauthorized && 'rejectUnauthorized: false',
  ].filter((x): x is string => typeof x === 'string');
  if (given.length > 0) {
    throw new ValidationError(
      `${given.join(', ')} cannot be used ${where}: the runtime's own certificate store decides which servers are trusted. Install the CA in the system/browser trust store, or use the Node or Deno entry of tgraph.`,
      { field: given[0]!.split(':')[0]! },
    );
  }
}
