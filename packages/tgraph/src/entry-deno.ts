// tgraph in Deno (the `deno` export condition): Deno's fetch, with Deno.createHttpClient for a
// custom CA, client certificates or a proxy.
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
import { ValidationError } from '@tgraph/protocol';
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
        const tls = connection.tls;
        if (!tls.rejectUnauthorized) {
          throw new ValidationError(
            'rejectUnauthorized: false cannot be set per client in Deno; trust the server with `ca` or `certPath` instead (or run Deno with --unsafely-ignore-certificate-errors=<host>)',
            { field: 'rejectUnauthorized' },
          );
        }
        return createDenoAdapter({
          ...(tls.ca === undefined ? {} : { ca: tls.ca }),
          ...(tls.certPath === undefined ? {} : { certPath: tls.certPath }),
          ...(tls.cert === undefined ? {} : { cert: tls.cert }),
          ...(tls.key === undefined ? {} : { key: tls.key }),
          ...(o.proxy === undefined ? {} : { proxy: o.proxy }),
        });
      },
    },
    options,
  );
}
