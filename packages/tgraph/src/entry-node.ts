// tgraph in Node (the `node` export condition): undici's keep-alive pool with custom CA, client
// certificates and proxy support (@tgraph/transport-node), plus an embedded emulator for demos.
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
import { createNodeAdapter } from '@tgraph/transport-node';
import { buildClient, type TigerGraphClient } from './client.js';
import { type EmbeddedClient, type EmbeddedClientOptions, startEmbedded } from './node/embedded.js';
import type { ClientOptions } from './options.js';

export type {
  EmbeddedClient,
  EmbeddedClientOptions,
  EmbeddedEmulator,
  EmbeddedRecordedRequest,
} from './node/embedded.js';
export { loadFile } from './node/load-file.js';
export * from './public.js';

/** Options of `createClient` in Node. */
export interface NodeClientOptions extends ClientOptions {
  /** HTTP(S) proxy URL, e.g. `http://proxy:3128`. */
  proxy?: string | undefined;
  /** Max sockets per origin in the keep-alive pool (default 16). */
  connections?: number | undefined;
}

const NODE_KEYS = ['proxy', 'connections'] as const;

/**
 * Creates a client on Node's undici pool. `ca` (PEM text) or `certPath` (a PEM file) trusts a
 * private CA; TLS verification stays on unless you pass `rejectUnauthorized: false` (which warns).
 *
 * @example
 * import { createClient } from 'tgraph';
 * const tg = createClient({ host: 'http://localhost', graph: 'MyGraph', username: 'tigergraph', password: process.env.TG_PASSWORD });
 * const patients = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
 * await tg.close();
 */
export function createClient<S extends SchemaShape = AnySchema>(
  options: NodeClientOptions = {},
): TigerGraphClient<S> {
  return buildClient<S, NodeClientOptions>(
    {
      runtime: 'node',
      extraKeys: NODE_KEYS,
      createAdapter(connection, o) {
        return createNodeAdapter({
          tls: connection.tls,
          ...(o.proxy === undefined ? {} : { proxy: o.proxy }),
          ...(o.connections === undefined ? {} : { connections: o.connections }),
        });
      },
    },
    options,
  );
}

/**
 * Starts an in-process TigerGraph emulator (`@tgraph/emulator`, an optional peer dependency: add
 * it with `npm i -D @tgraph/emulator`) and returns a client connected to it. `close()` stops both.
 * Default: TigerGraph 4.2, RESTPP auth off, the COVID-19 starter kit's graph `MyGraph`. Without
 * credentials (`username`/`password`, `gsqlSecret`, `apiToken`, `jwtToken` or `auth`) the client
 * signs in as the emulator's superuser `tigergraph`/`tigergraph`, so `tg.gsql()` works too.
 *
 * @example
 * import { createEmbeddedClient } from 'tgraph';
 * const tg = await createEmbeddedClient({ emulator: { version: '3.10', auth: true } , username: 'tigergraph', password: 'tigergraph' });
 * const patients = await tg.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
 * await tg.close();
 */
export async function createEmbeddedClient<S extends SchemaShape = AnySchema>(
  options: EmbeddedClientOptions<NodeClientOptions> = {},
): Promise<EmbeddedClient<S>> {
  return startEmbedded<S, NodeClientOptions>(options, (clientOptions, onClose) =>
    buildClient<S, NodeClientOptions>(
      {
        runtime: 'node',
        extraKeys: NODE_KEYS,
        createAdapter: (connection, o) =>
          createNodeAdapter({
            tls: { ca: connection.tls.ca },
            ...(o.proxy === undefined ? {} : { proxy: o.proxy }),
          }),
        onClose,
      },
      clientOptions,
    ),
  );
}
