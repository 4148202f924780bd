// The default TigerGraph: an in-process @tgraph/emulator with the COVID-19 starter kit's graph,
// RESTPP authentication on, a service secret (exchanged for tokens like on a real server) and CORS
// for the browser-SDK page. Plain Node, no Docker.
import { randomBytes } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';

export interface EmbeddedTigerGraph {
  emulator: RunningEmulator;
  /** The service's secret (exchanged for tokens). */
  secret: string;
  /** A token for the browser-SDK demo page only. */
  demoToken: string;
}

const alnum = (bytes: number) => randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x');

export async function startEmbeddedTigerGraph(
  options: { version?: string; port?: number } = {},
): Promise<EmbeddedTigerGraph> {
  const secret = alnum(24);
  const demoToken = alnum(24);
  const emulator = await startEmulator({
    version: options.version ?? '4.2',
    seed: 'covid',
    auth: true,
    port: options.port ?? 0,
    restppPort: 0,
    secrets: [{ secret, alias: 'sample_service' }],
    tokens: [{ token: demoToken, graph: 'MyGraph', lifetime: 24 * 3600 }],
    // The demo page is served by this service on another port; it calls the emulator directly.
    cors: { origins: '*' },
  });
  return { emulator, secret, demoToken };
}
