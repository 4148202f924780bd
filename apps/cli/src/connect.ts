// Opens the connection a command uses: the facade's createClient over the resolved settings, or an
// in-process emulator (seeded with the COVID-19 starter kit) when no host is configured or --local
// is given. With --verbose, every request and response is logged to stderr, redacted by the SDK.
import type { Io } from './output/io.js';
import { saveProfile } from './profiles.js';
import { type GlobalOptions, resolveSettings, type Settings } from './settings.js';

type Facade = typeof import('tgraph');
export type Client = import('tgraph').TigerGraphClient;

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
  if (settings.ignoredProfile) {
    const flag = settings.hostSource === 'flag' ? '--host' : 'TG_HOST';
    io.note(
      `note: ${flag} names another server than profile '${settings.ignoredProfile}', so the profile's saved credentials are not sent there (give credentials with TG_USERNAME/TG_PASSWORD, TG_SECRET or TG_TOKEN)`,
    );
  }
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
      try {
        saveRenewedToken(session);
      } finally {
        await tg.close();
        await local?.stop();
      }
    },
  };
  try {
    await adoptToken(session, io);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

export function clientOptions(settings: Settings, io: Io): Parameters<Facade['createClient']>[0] {
  // A saved token alone is used only without a secret or password (3.x's GSQL server takes no
  // tokens); otherwise it is handed to the credential provider after creation (see adoptToken).
  const tokenOnly = settings.secret === undefined && settings.password === undefined;
  return {
    host: settings.host,
    graph: settings.graph,
    username: settings.password === undefined ? undefined : settings.username,
    password: settings.password,
    gsqlSecret: settings.secret,
    apiToken: tokenOnly ? settings.token : undefined,
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

interface TokenHolderLike {
  useToken(
    grant: {
      token: string;
      expiresAt?: Date | undefined;
      line?: '3' | '4' | undefined;
      graph?: string | undefined;
    },
    options?: { secret?: string | undefined },
  ): void;
  currentToken(graph?: string): string | undefined;
}

function tokenHolder(provider: unknown): TokenHolderLike | undefined {
  const p = provider as Partial<TokenHolderLike> | undefined;
  return typeof p?.useToken === 'function' && typeof p.currentToken === 'function'
    ? (p as TokenHolderLike)
    : undefined;
}

/**
 * A profile keeps a token next to its secret: a saved token that is still valid is handed to the
 * credential provider; a missing or expiring one is replaced with a new one (from the secret) and
 * saved, so later commands reuse it instead of asking the server each time.
 */
async function adoptToken(session: Session, io: Io): Promise<void> {
  const { settings, tg } = session;
  if (settings.local || settings.secret === undefined) return;
  const holder = tokenHolder(tg.authProvider);
  if (settings.token !== undefined && !expiresSoon(settings.tokenExpiresAt)) {
    // 3.x tokens are bound to a graph, so the provider files them under line and graph.
    holder?.useToken(
      {
        token: settings.token,
        expiresAt: settings.tokenExpiresAt ? new Date(settings.tokenExpiresAt) : undefined,
        line: await tg.line(),
        graph: settings.graph,
      },
      { secret: settings.secret },
    );
    return;
  }
  if (!settings.profileName) return; // nothing to save to: the provider exchanges the secret itself
  try {
    const issued = await tg.auth.getToken({ secret: settings.secret, setToken: true });
    settings.token = issued.token;
    settings.tokenExpiresAt = issued.expiresAt.toISOString();
    saveProfile(settings.profileName, { token: issued.token, tokenExpiresAt: settings.tokenExpiresAt });
    io.debug(`saved a new token to profile '${settings.profileName}' (expires ${settings.tokenExpiresAt})`);
  } catch (error) {
    // 3.x with RESTPP authentication off issues no tokens (REST-1000); the secret still works.
    if ((error as { code?: string }).code !== 'REST-1000') throw error;
  }
}

/** After a command: if the provider renewed the token on its own, save the new one. */
function saveRenewedToken(session: Session): void {
  const { settings, tg } = session;
  if (settings.local || !settings.profileName || settings.secret === undefined) return;
  const current = tokenHolder(tg.authProvider)?.currentToken(settings.graph);
  if (current !== undefined && current !== settings.token) {
    saveProfile(settings.profileName, { token: current, tokenExpiresAt: undefined });
  }
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
