// tgraph in Deno (the `deno` export condition): Deno's fetch, with Deno.createHttpClient for a
// custom CA, client certificates or a proxy.
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
import { createDenoAdapter } from '@tgraph/transport-deno';
import { buildClient, type TigerGraphClient } from './client.js';
import type { ClientOptions } from './options.js';

export * from './public.js';

/** Options of `createClient` in Deno. */
export interface DenoClientOptions extends ClientOptions {
  /** HTTP(S) proxy URL. */
  proxy?: string | undefined;
}

/**
 * Creates a client on Deno's fetch. `ca`/`certPath` are trusted through `Deno.createHttpClient`
 * (`certPath` needs `--allow-read`).
 *
 * @example
 * import { createClient } from 'npm:tgraph';
 * const tg = createClient({ host: 'https://tg.example.com', graph: 'MyGraph', gsqlSecret: Deno.env.get('TG_SECRET') });
 * const patients = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
 * await tg.close();
 */
export function createClient<S extends SchemaShape = AnySchema>(
  options: DenoClientOptions = {},
): TigerGraphClient<S> {
  return buildClient<S, DenoClientOptions>(
    {
      runtime: 'deno',
      extraKeys: ['proxy'],
      createAdapter(connection, o) {
        // Deno's TLS rule (no per-client switch to skip verification) lives in the adapter.
        return createDenoAdapter({
          tls: connection.tls,
          ...(o.proxy === undefined ? {} : { proxy: o.proxy }),
        });
      },
    },
    options,
  );
}
