// The embedded default: an in-process @tgraph/emulator (an optional peer dependency, loaded only
// when asked for) and a client pointed at it.
import type { AnySchema, SchemaShape } from '@tgraph/api/schema-types';
import { ValidationError } from '@tgraph/protocol/errors';
import type { TigerGraphClient } from '../client.js';
import type { ClientOptions } from '../options.js';

/** What the embedded emulator is started with (a subset of @tgraph/emulator's options). */
export interface EmbeddedEmulatorOptions {
  /** TigerGraph version to imitate: `'4.2'` (default), `'3.10'`, any 3.x/4.x. */
  version?: string | undefined;
  /** RESTPP authentication (default false). The GSQL server always wants credentials. */
  auth?: boolean | undefined;
  /** `'covid'` (default: graph `MyGraph` of the COVID-19 starter kit) or `'empty'`. */
  seed?: 'covid' | 'empty' | undefined;
  /** GSQL run at start (schema, data) as user `tigergraph`. */
  gsqlScript?: string | undefined;
  /** Secrets that exist from the start. */
  secrets?: { secret: string; alias?: string; username?: string; graph?: string }[] | undefined;
  /** Ports (default: free ones). */
  port?: number | undefined;
  restppPort?: number | undefined;
}

export type EmbeddedClientOptions<O extends ClientOptions = ClientOptions> = Omit<O, 'host'> & {
  emulator?: EmbeddedEmulatorOptions | undefined;
};

/** A request the embedded emulator received (the emulator's `RecordedRequest`). */
export interface EmbeddedRecordedRequest {
  /** Sequence number within this emulator. */
  readonly seq: number;
  /** Which listener got it: the RESTPP port, the nginx-style port, or the Cloud-style port. */
  readonly listener: 'restpp' | 'gs' | 'cloud';
  readonly method: string;
  /** Path without the query string, percent-encoded. */
  readonly path: string;
  /** Full request target as sent (path + query string, percent-encoded). */
  readonly url: string;
  /** Query parameters; repeated keys become arrays. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** Header names lower-cased; values as received. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** Body decoded as UTF-8. */
  readonly body: string;
  /** Response status the emulator sent. */
  readonly status: number;
  /** Epoch ms (the emulator clock). */
  readonly time: number;
}

/** The user every emulator has (a superuser), which an embedded client uses unless given credentials. */
export const EMBEDDED_USER = { username: 'tigergraph', password: 'tigergraph' } as const;

const CREDENTIAL_KEYS = ['username', 'password', 'gsqlSecret', 'apiToken', 'jwtToken', 'auth'] as const;

/** The running emulator behind an embedded client. */
export interface EmbeddedEmulator {
  readonly version: string;
  /** nginx-style base URL (RESTPP under /restpp, the GSQL server under /gsqlserver or /gsql/v1). */
  readonly gsUrl: string;
  /** RESTPP at the root (TigerGraph's port 9000 layout). */
  readonly restppUrl: string;
  readonly restppPort: number;
  /** Every request the emulator received, oldest first. */
  readonly requests: readonly EmbeddedRecordedRequest[];
  readonly clock: { now(): number; advance(ms: number): void };
  /** Runs GSQL as `tigergraph` and returns the output. */
  gsql(text: string): string;
}

export type EmbeddedClient<S extends SchemaShape = AnySchema> = TigerGraphClient<S> & {
  readonly emulator: EmbeddedEmulator;
};

interface EmulatorModule {
  startEmulator(options: Record<string, unknown>): Promise<EmbeddedEmulator & { stop(): Promise<void> }>;
}

async function loadEmulator(): Promise<EmulatorModule> {
  try {
    // A variable specifier keeps bundlers from pulling the emulator into apps that never embed it.
    const name = '@tgraph/emulator';
    return (await import(name)) as EmulatorModule;
  } catch (error) {
    throw new ValidationError(
      'The embedded emulator needs the optional peer dependency @tgraph/emulator: install it (npm i -D @tgraph/emulator), or pass `host` to createClient to use a real server',
      { field: 'emulator', cause: error },
    );
  }
}

export async function startEmbedded<S extends SchemaShape, O extends ClientOptions>(
  options: EmbeddedClientOptions<O>,
  build: (clientOptions: O, onClose: () => Promise<void>) => TigerGraphClient<S>,
): Promise<EmbeddedClient<S>> {
  if ('host' in options && (options as { host?: unknown }).host !== undefined) {
    throw new ValidationError(
      'createEmbeddedClient starts its own server: remove `host` (or use createClient for a real server)',
      {
        field: 'host',
      },
    );
  }
  const { emulator: emulatorOptions = {}, ...rest } = options;
  const { startEmulator } = await loadEmulator();
  const emulator = await startEmulator({
    version: emulatorOptions.version ?? '4.2',
    auth: emulatorOptions.auth ?? false,
    seed: emulatorOptions.seed ?? 'covid',
    ...(emulatorOptions.gsqlScript === undefined ? {} : { gsqlScript: emulatorOptions.gsqlScript }),
    ...(emulatorOptions.secrets === undefined ? {} : { secrets: emulatorOptions.secrets }),
    ...(emulatorOptions.port === undefined ? {} : { port: emulatorOptions.port }),
    ...(emulatorOptions.restppPort === undefined ? {} : { restppPort: emulatorOptions.restppPort }),
  });
  try {
    // Without credentials of its own the client signs in as the emulator's superuser, so GSQL
    // calls (which always need a user) work as data calls do.
    const anonymous = CREDENTIAL_KEYS.every((key) => (rest as Record<string, unknown>)[key] === undefined);
    const clientOptions = {
      graph: emulatorOptions.seed === 'empty' ? undefined : 'MyGraph',
      version: emulator.version,
      ...(anonymous ? EMBEDDED_USER : {}),
      ...rest,
      // 3.x serves RESTPP on its own port (9000 on a real server); the emulator's is a free one.
      restppPort: emulator.restppPort,
      host: emulator.gsUrl,
    } as unknown as O;
    const client = build(clientOptions, () => emulator.stop());
    return Object.assign(client, { emulator });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
