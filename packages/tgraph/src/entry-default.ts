// tgraph anywhere else (the `default` export condition: workers, Bun, edge runtimes): the
// global fetch, no TLS settings.
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
import { ValidationError } from '@tgraph/protocol/errors';
import type { TransportAdapter } from '@tgraph/transport';
import { buildClient, type TigerGraphClient } from './client.js';
import type { ClientOptions } from './options.js';
import { refuseTlsOptions } from './tls-unsupported.js';

export * from './public.js';

function globalFetchAdapter(): TransportAdapter {
  if (typeof globalThis.fetch !== 'function') {
    throw new ValidationError(
      'This runtime has no global fetch: pass `adapter` (a { fetch, capabilities, close } object)',
      {
        field: 'adapter',
      },
    );
  }
  return {
    fetch: globalThis.fetch.bind(globalThis),
    capabilities: { runtime: 'custom', streamingRequestBody: false, customCa: false },
    close() {},
  };
}

/**
 * Creates a client on the runtime's global fetch.
 *
 * @example
 * import { createClient } from 'tgraph';
 * const tg = createClient({ host: 'https://my.i.tgcloud.io', graph: 'MyGraph', apiToken: token });
 * await tg.close();
 */
export function createClient<S extends SchemaShape = AnySchema>(
  options: ClientOptions = {},
): TigerGraphClient<S> {
  return buildClient<S, ClientOptions>(
    {
      runtime: 'default',
      extraKeys: [],
      createAdapter(connection) {
        refuseTlsOptions(connection, 'in this runtime');
        return globalFetchAdapter();
      },
    },
    options,
  );
}
