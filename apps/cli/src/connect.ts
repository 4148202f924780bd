// Opens the connection a command uses: the facade's createClient over the resolved settings, or an
// in-process emulator (seeded with the COVID-19 starter kit) when no host is configured or --local
// is given. With --verbose, every request and response is logged to stderr, redacted by the SDK.
import type { Io } from './output/io.js';
import { saveProfile } from './profiles.js';
import { type GlobalOptions, resolveSettings, type Settings } from './settings.js';

type Facade = typeof import('tgraph');
export type Client = ReturnType<Facade['createClient']>;

export interface Session {
  tg: Client;
  settings: Settings;
  /** The facade module (error classes, helpers). */
  facade: Facade;
  /** The in-process emulator, when the command runs locally. */
  local: LocalServer | undefined;
  close(): Promise<void>;
}

export interface LocalServer {
  gsUrl: string;
  restppUrl: string;
  version: string;
  stop(): Promise<void>;
}

/** Seconds before expiry at which a saved token is replaced by a new one. */
const TOKEN_MARGIN_SECONDS = 60;

export async function openSession(globals: GlobalOptions, io: Io): Promise<Session> {
  const settings = resolveSettings(globals);
  let local: LocalServer | undefined;
  if (settings.local) {
    local = await startLocal();
    io.debug(`using an in-process emulator (TigerGraph ${local.version}, seed covid) at ${local.gsUrl}`);
    settings.host = local.gsUrl;
    settings.username ??= 'tigergraph';
    settings.password ??= 'tigergraph';
    settings.version = local.version;
  }
  const facade: Facade = await import('tgraph');
  const tg = facade.createClient(clientOptions(settings, io));
  const session: Session = {
    tg,
    settings,
    facade,
    local,
    async close() {
      await tg.close();
      await local?.stop();
    },
  };
  await refreshSavedToken(session, io);
  return session;
}

export function clientOptions(settings: Settings, io: Io): Parameters<Facade['createClient']>[0] {
  const tokenUsable = settings.token !== undefined && !expiresSoon(settings.tokenExpiresAt);
  return {
    host: settings.host,
    graph: settings.graph,
    username: settings.username,
    password: settings.password,
    gsqlSecret: settings.secret,
    apiToken: tokenUsable ? settings.token : undefined,
    restppPort: settings.restppPort,
    gsPort: settings.gsPort,
    tgCloud: settings.tgCloud,
    version: settings.version,
    certPath: settings.certPath,
    timeoutMs: settings.timeoutMs,
    userAgent: 'tgraph-cli',
    hooks: io.verbose ? verboseHooks(io) : undefined,
  };
}

function expiresSoon(expiresAt: string | undefined): boolean {
  if (expiresAt === undefined) return false;
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) && at - Date.now() < TOKEN_MARGIN_SECONDS * 1000;
}

/**
 * A profile with a secret keeps a token: when the saved one is missing or about to expire, get a
 * new one with the secret and save it, so later commands reuse it instead of asking each time.
 */
async function refreshSavedToken(session: Session, io: Io): Promise<void> {
  const { settings } = session;
  if (!settings.profileName || !settings.secret || settings.local) return;
  if (settings.token !== undefined && !expiresSoon(settings.tokenExpiresAt)) return;
  const issued = await session.tg.auth.getToken({ secret: settings.secret, setToken: true });
  settings.token = issued.token;
  settings.tokenExpiresAt = issued.expiresAt.toISOString();
  saveProfile(settings.profileName, { token: issued.token, tokenExpiresAt: settings.tokenExpiresAt });
  io.debug(`saved a new token to profile '${settings.profileName}' (expires ${settings.tokenExpiresAt})`);
}

async function startLocal(): Promise<LocalServer> {
  const { startEmulator } = await import('@tgraph/emulator');
  const em = await startEmulator({ seed: 'covid', version: '4.2' });
  return { gsUrl: em.gsUrl, restppUrl: em.restppUrl, version: em.version, stop: () => em.stop() };
}

function verboseHooks(io: Io) {
  return {
    beforeRequest(view: { method: string; url: string; headers: Record<string, string>; attempt: number }) {
      const retry = view.attempt > 1 ? ` (attempt ${view.attempt})` : '';
      io.debug(`→ ${view.method} ${view.url}${retry}`);
      for (const [name, value] of Object.entries(view.headers)) io.debug(`  ${name}: ${value}`);
    },
    afterResponse(view: { method: string; url: string; status: number; durationMs: number }) {
      io.debug(`← ${view.status} ${view.method} ${view.url} (${Math.round(view.durationMs)} ms)`);
    },
    onError(view: { method: string; url: string | undefined; error: { name: string; message: string } }) {
      io.debug(`✗ ${view.method} ${view.url ?? ''}: ${view.error.name}: ${view.error.message}`);
    },
  };
}
