// tgraph's createClient in browsers: the browser's fetch, no Node built-ins.
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
import { type BrowserAdapterOptions, createBrowserAdapter } from '@tgraph/transport-browser';
import { buildClient, type TigerGraphClient } from './client.js';
import type { ClientOptions } from './options.js';

/** Options of `createClient` in browsers. */
export interface BrowserClientOptions extends ClientOptions {
  /** fetch's `credentials`, `mode`, `cache` and streaming settings (see @tgraph/transport-browser). */
  browser?: BrowserAdapterOptions | undefined;
}

/**
 * Creates a client that talks to TigerGraph with the browser's fetch. The server must allow the
 * page's origin (CORS). TLS options (`ca`, `certPath`, client certificates) are refused: the
 * browser's trust store decides.
 *
 * @example
 * import { createClient } from 'tgraph';
 * const tg = createClient({ host: 'https://my.i.tgcloud.io', graph: 'MyGraph', apiToken: token });
 * const patients = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
 * await tg.close();
 */
export function createClient<S extends SchemaShape = AnySchema>(
  options: BrowserClientOptions = {},
): TigerGraphClient<S> {
  return buildClient<S, BrowserClientOptions>(
    {
      runtime: 'browser',
      extraKeys: ['browser'],
      createAdapter(connection, o) {
        // The adapter refuses TLS settings a browser cannot honour.
        return createBrowserAdapter({ ...o.browser, tls: connection.tls });
      },
    },
    options,
  );
}
