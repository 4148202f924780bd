// `tgraph status`: where the CLI points, the server's version, the graph, the auth style and the
// token's expiry.
import type { Command } from 'commander';
import { action } from '../context.js';
import { examples } from '../help.js';
import type { Settings } from '../settings.js';

export function registerStatus(program: Command): void {
  examples(
    program
      .command('status')
      .description('show the server, version, graph, auth style and token expiry in use')
      .action(
        action(async (ctx) => {
          const s = await ctx.session();
          const { tg, settings } = s;
          const version = await ctx.io.spin('Asking the server', () => serverVersion(s));
          const record = {
            profile: settings.profileName ?? (settings.local ? '(none: in-process emulator)' : '(none)'),
            host: settings.local ? `${settings.host} (in-process emulator)` : settings.host,
            hostFrom: settings.hostSource,
            restpp: tg.connection.restppUrls[0],
            gsql: tg.connection.gsqlUrl,
            version,
            graph: settings.graph ?? '(none)',
            auth: authDescription(settings),
            credentials: settings.credentialsFrom,
            tokenExpires: settings.tokenExpiresAt ?? (settings.token ? 'unknown' : '(no token)'),
          };
          // JSON keeps stable camelCase keys for scripts; people read labels in words.
          ctx.io.print(ctx.io.format === 'table' ? labelled(record) : record);
        }),
      ),
    'tgraph status',
    'tgraph status --profile prod --json',
  );
}

const LABELS: Record<string, string> = {
  hostFrom: 'host from',
  restpp: 'RESTPP',
  gsql: 'GSQL',
  tokenExpires: 'token expires',
};

function labelled(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [LABELS[k] ?? k, v]));
}

/** The full version when the server says it (RESTPP `/version`), else the API line. */
export async function serverVersion(s: import('../connect.js').Session): Promise<string> {
  const info = await s.tg.system.getVersion();
  if (info.version) return info.version;
  const line = await s.tg.line();
  return line === '4' ? '4.1 or later' : '3.x or 4.0';
}

export function authDescription(s: Settings): string {
  if (s.local) return 'username/password (tigergraph, emulator default)';
  if (s.secret)
    return s.token ? 'secret, exchanged for a saved token' : 'secret (GSQL-Secret or exchanged for a token)';
  if (s.token) return 'token (Bearer)';
  if (s.password) return `username/password (${s.username ?? '?'})`;
  return 'none';
}
