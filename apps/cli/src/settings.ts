// Which server and credentials a command uses: flags, then TG_* environment variables, then the
// profile (--profile, TG_PROFILE, or the current one). With no host anywhere (or --local), the
// command runs against an in-process emulator.
import { CliError, EXIT } from './exit-codes.js';
import { checkHost } from './host.js';
import { getProfile, type Profile, readProfiles, withCredentials } from './profiles.js';

export interface GlobalOptions {
  profile?: string;
  host?: string;
  graph?: string;
  username?: string;
  local?: boolean;
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  table?: boolean;
  wide?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  timeout?: string;
}

export interface Settings {
  /** Profile the settings came from (and where refreshed tokens are saved), if any. */
  profileName: string | undefined;
  profile: Profile | undefined;
  local: boolean;
  host: string | undefined;
  graph: string | undefined;
  username: string | undefined;
  password: string | undefined;
  secret: string | undefined;
  token: string | undefined;
  tokenExpiresAt: string | undefined;
  restppPort: number | undefined;
  gsPort: number | undefined;
  tgCloud: boolean | undefined;
  version: string | undefined;
  certPath: string | undefined;
  timeoutMs: number | undefined;
  /** Where the host came from, for `status` and `doctor`. */
  hostSource: 'flag' | 'env' | 'profile' | 'local';
  /** A profile whose saved credentials were not used, because --host/TG_HOST named another server. */
  ignoredProfile?: string | undefined;
  /** Where the credentials came from, for `status` and `doctor`. */
  credentialsFrom: 'OS keychain' | 'profiles.json' | 'environment' | 'emulator default' | '(none)';
}

const env = (name: string): string | undefined => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
};

export function resolveSettings(g: GlobalOptions): Settings {
  const file = readProfiles();
  const explicit = g.profile ?? env('TG_PROFILE');
  const profileName = explicit ?? file.current;
  const profile =
    explicit !== undefined
      ? getProfile(file, explicit)
      : profileName
        ? file.profiles[profileName]
        : undefined;
  const hostFlag = checkHost(g.host, '--host');
  const hostEnv = checkHost(env('TG_HOST'), 'TG_HOST');
  const host = hostFlag ?? hostEnv ?? checkHost(profile?.host, `profile '${profileName}'`);
  const local = g.local === true || host === undefined;
  // An explicit host that differs from the profile's must not be sent the profile's credentials.
  const useProfileCredentials =
    !local && (host === profile?.host || (hostFlag === undefined && hostEnv === undefined));
  const p = useProfileCredentials && profile ? withCredentials(profileName!, profile) : undefined;
  const ignoredProfile =
    !local && !useProfileCredentials && profile && hasCredentials(profile) ? profileName : undefined;
  const timeout = g.timeout === undefined ? undefined : Number(g.timeout);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
    throw new CliError(
      `--timeout must be a whole number of milliseconds, got '${g.timeout}'`,
      EXIT.invalidInput,
    );
  }
  return {
    profileName: p ? profileName : undefined,
    profile: p,
    local,
    host: local ? undefined : host,
    graph: g.graph ?? env('TG_GRAPH') ?? profile?.graph ?? (local ? 'MyGraph' : undefined),
    username: g.username ?? env('TG_USERNAME') ?? p?.username,
    password: env('TG_PASSWORD') ?? p?.password,
    secret: env('TG_SECRET') ?? p?.secret,
    token: env('TG_TOKEN') ?? p?.token,
    tokenExpiresAt: env('TG_TOKEN') ? undefined : p?.tokenExpiresAt,
    restppPort: p?.restppPort,
    gsPort: p?.gsPort,
    tgCloud: p?.tgCloud,
    version: p?.version,
    certPath: p?.certPath,
    timeoutMs: timeout,
    hostSource: local ? 'local' : hostFlag ? 'flag' : hostEnv ? 'env' : 'profile',
    ignoredProfile,
    credentialsFrom: credentialsFrom(local, profile, p),
  };
}

function hasCredentials(p: Profile): boolean {
  return Boolean(p.password || p.secret || p.token || p.keychain?.length);
}

function credentialsFrom(
  local: boolean,
  saved: Profile | undefined,
  used: Profile | undefined,
): Settings['credentialsFrom'] {
  if (['TG_PASSWORD', 'TG_SECRET', 'TG_TOKEN'].some((name) => env(name) !== undefined)) return 'environment';
  if (used && hasCredentials(used)) return saved?.keychain?.length ? 'OS keychain' : 'profiles.json';
  return local ? 'emulator default' : '(none)';
}
