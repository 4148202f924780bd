// `tgraph login`: asks for (or takes from flags/env) a server and credentials, checks them against
// the server, and saves them as a named profile (mode 0600). Secrets are read without echo and are
// never printed back.
import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { checkHost } from '../host.js';
import {
  checkProfileName,
  type Profile,
  profilesPath,
  readProfiles,
  type SavedTo,
  saveProfile,
} from '../profiles.js';
import type { Settings } from '../settings.js';

interface LoginOptions {
  host?: string;
  graph?: string;
  username?: string;
  password?: string;
  secret?: string;
  token?: string;
  tokenLifetime?: string;
  restppPort?: string;
  gsPort?: string;
  caFile?: string;
  verify: boolean;
  input: boolean;
}

export function registerLogin(program: Command): void {
  examples(
    program
      .command('login')
      .description('save a server and credentials as a profile (prompts for what flags and env do not give)')
      .option('--host <url>', 'server address (env TG_HOST)')
      .option('-g, --graph <name>', 'default graph (env TG_GRAPH)')
      .option('-u, --username <name>', 'GSQL user (env TG_USERNAME)')
      .option(
        '--password <password>',
        'password (env TG_PASSWORD; prefer the prompt or env: flags end up in shell history)',
      )
      .option('--secret <secret>', 'a secret from CREATE SECRET (env TG_SECRET)')
      .option('--token <token>', 'an existing token (env TG_TOKEN)')
      .option('--token-lifetime <seconds>', 'lifetime of the token requested with a secret')
      .option('--restpp-port <n>', 'RESTPP port, when not the default for the server version')
      .option('--gs-port <n>', 'GSQL/nginx port, when not 14240')
      .option('--ca-file <path>', 'PEM CA bundle to trust (self-signed or private CA)')
      .option('--no-verify', 'save without contacting the server')
      .option('--no-input', 'never prompt; fail when something is missing')
      .action(action<LoginOptions>(login)),
    'tgraph login',
    'tgraph login --profile prod --host https://my.i.tgcloud.io --graph MyGraph   # prompts for the secret',
    'TG_HOST=http://10.0.0.5:14240 TG_USERNAME=tigergraph TG_PASSWORD=… tgraph login --no-input',
  );
}

const env = (name: string) => (process.env[name] === '' ? undefined : process.env[name]);

async function login(ctx: CommandContext, _args: string[], o: LoginOptions): Promise<void> {
  const { io, globals } = ctx;
  const name = checkProfileName(globals.profile ?? env('TG_PROFILE') ?? 'default');
  const existing: Profile = readProfiles().profiles[name] ?? {};
  const interactive = o.input && process.stdin.isTTY === true && process.stderr.isTTY === true;
  const ask = interactive ? await import('./login-prompts.js') : undefined;
  if (ask) ask.intro(`tgraph login — profile '${name}'`);

  const host =
    o.host ??
    globals.host ??
    env('TG_HOST') ??
    (await ask?.text('Server address', existing.host ?? 'http://127.0.0.1:14240'));
  if (!host)
    throw new CliError(
      'no server address',
      EXIT.invalidInput,
      'give --host or TG_HOST (or run in a terminal to be asked)',
    );
  checkHost(host, 'the login');
  const graph =
    o.graph ??
    globals.graph ??
    env('TG_GRAPH') ??
    (await ask?.text('Graph', existing.graph ?? 'MyGraph', true));

  let username = o.username ?? globals.username ?? env('TG_USERNAME');
  let password = o.password ?? env('TG_PASSWORD');
  let secret = o.secret ?? env('TG_SECRET');
  let token = o.token ?? env('TG_TOKEN');
  if (!username && !password && !secret && !token && ask) {
    const method = await ask.select('How do you authenticate?', [
      { value: 'password', label: 'Username and password' },
      { value: 'secret', label: 'A secret (from CREATE SECRET or the Cloud Admin Portal)' },
      { value: 'token', label: 'An existing token' },
      { value: 'none', label: 'None (RESTPP authentication is off)' },
    ]);
    if (method === 'password') {
      username = await ask.text('Username', existing.username ?? 'tigergraph');
      password = await ask.password('Password');
    } else if (method === 'secret') secret = await ask.password('Secret');
    else if (method === 'token') token = await ask.password('Token');
  } else if (username && !password && ask) {
    password = await ask.password(`Password for ${username}`);
  }
  if (username && !password) {
    throw new CliError(
      `no password for ${username}`,
      EXIT.invalidInput,
      'set TG_PASSWORD (or run in a terminal to be asked)',
    );
  }

  const profile: Profile = {
    host,
    graph: graph || undefined,
    username: username || undefined,
    password: password || undefined,
    secret: secret || undefined,
    token: token || undefined,
    tokenExpiresAt: undefined,
    restppPort: optionalPort(o.restppPort, '--restpp-port'),
    gsPort: optionalPort(o.gsPort, '--gs-port'),
    certPath: o.caFile,
  };

  if (o.verify) {
    const lifetime = o.tokenLifetime === undefined ? undefined : Number(o.tokenLifetime);
    if (lifetime !== undefined && !(Number.isInteger(lifetime) && lifetime > 0)) {
      throw new CliError(
        `--token-lifetime must be a whole number of seconds, got '${o.tokenLifetime}'`,
        EXIT.invalidInput,
      );
    }
    const verified = await (ask
      ? ask.spin('Checking the connection', () => verify(profile, ctx, lifetime))
      : verify(profile, ctx, lifetime));
    Object.assign(profile, verified);
  }
  const previous = readProfiles().current;
  const { savedTo } = saveProfile(name, profile, { makeCurrent: true, fresh: true });
  const who =
    profile.username ?? (profile.secret ? 'a secret' : profile.token ? 'a token' : 'no credentials');
  const expiry = profile.tokenExpiresAt ? `; token valid until ${profile.tokenExpiresAt}` : '';
  const message = `logged in to ${host} with ${who} (profile '${name}' saved${expiry})`;
  if (ask) ask.outro(message);
  else io.success(message);
  io.note(storeNote(savedTo));
  // Logging in makes the profile the current one; say so when that changed which one is current.
  if (previous !== undefined && previous !== name)
    io.note(
      `'${name}' is now the current profile (it was '${previous}'; \`tgraph profile use ${previous}\` switches back)`,
    );
}

function storeNote(savedTo: SavedTo): string {
  if (savedTo.store === 'keychain') return 'credentials saved in the OS keychain';
  if (savedTo.store === 'none') return 'no credentials to save';
  const why = savedTo.fallback ? `no OS keychain available: ${savedTo.fallback}` : 'TG_CREDENTIAL_STORE=file';
  return `credentials saved in ${profilesPath()} (mode 0600; ${why})`;
}

/** Connects with the new profile: version, a credentialed call, and a token for a secret. */
async function verify(
  profile: Profile,
  ctx: CommandContext,
  lifetime: number | undefined,
): Promise<Partial<Profile>> {
  const { clientOptions } = await import('../connect.js');
  const { createClient } = await import('tgraph');
  const settings: Settings = {
    profileName: undefined,
    profile,
    local: false,
    host: profile.host,
    graph: profile.graph,
    username: profile.username,
    password: profile.password,
    secret: profile.secret,
    token: profile.token,
    tokenExpiresAt: undefined,
    restppPort: profile.restppPort,
    gsPort: profile.gsPort,
    tgCloud: undefined,
    version: undefined,
    certPath: profile.certPath,
    timeoutMs: undefined,
    hostSource: 'flag',
    credentialsFrom: 'environment',
  };
  const tg = createClient(clientOptions(settings, ctx.io));
  try {
    const line = await tg.line();
    const found: Partial<Profile> = {};
    if (profile.secret) {
      try {
        const issued = await tg.auth.getToken({
          secret: profile.secret,
          ...(lifetime === undefined ? {} : { lifetime }),
        });
        found.token = issued.token;
        found.tokenExpiresAt = issued.expiresAt.toISOString();
      } catch (error) {
        if ((error as { code?: string }).code !== 'REST-1000') throw rejected(error, 'the secret');
      }
    } else if (profile.password) {
      // A GSQL-server call that needs a logged-in user. 403 means the password was accepted but
      // the user may not list secrets, which is no reason to refuse the login.
      await tg.auth.listSecrets().catch((error: { status?: number }) => {
        if (error.status !== 403) throw rejected(error, `the password of user '${profile.username}'`);
      });
    }
    ctx.io.debug(`server line ${line}.x`);
    return found;
  } finally {
    await tg.close();
  }
}

/** A rejected login in the words of the login, not of the call that checked it. */
function rejected(error: unknown, what: string): unknown {
  const e = error as { name?: string; serverMessage?: string; status?: number };
  if (e.name !== 'AuthError') return error;
  const server = e.serverMessage ? ` (${e.serverMessage.replace(/\.+$/, '')})` : '';
  return new CliError(
    `the server rejected ${what}${server}; nothing was saved`,
    EXIT.auth,
    what.startsWith('the secret')
      ? 'check the secret (a new one: `CREATE SECRET` in GSQL, or the Cloud Admin Portal) and run `tgraph login` again'
      : 'check the username and password and run `tgraph login` again; TigerGraph makes a user wait after 5 failed logins',
  );
}

function optionalPort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new CliError(`${flag} must be a port number, got '${value}'`, EXIT.invalidInput);
  return n;
}
