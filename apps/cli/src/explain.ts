// Turns an error from the SDK into one the CLI's user can act on: no class names, no SDK option
// or method names (apiToken, getToken(), restppPort …) but flags, environment variables and
// commands, and a hint that fits where the credentials came from.
import { CliError, EXIT, exitCodeOf } from './exit-codes.js';
import type { Settings } from './settings.js';

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: unknown;
  status?: unknown;
  hint?: unknown;
}

/** SDK vocabulary → CLI vocabulary, applied to every message the SDK wrote. */
const PHRASES: [RegExp, string][] = [
  [
    /pass apiToken, or gsqlSecret \/ username\+password to obtain a token with getToken\(\)\.?/g,
    'log in with `tgraph login`, or set TG_TOKEN, TG_SECRET or TG_USERNAME/TG_PASSWORD.',
  ],
  [
    /give the connection a username\/password \(or a secret\)/g,
    'log in with a username/password (or a secret)',
  ],
  [/\(restppPort \/ gsPort\)/g, '(`tgraph login --restpp-port / --gs-port`)'],
  [
    /createNodeAdapter\(\{ ca: pemText \}\) or createNodeAdapter\(\{ certPath: [^)]*\}\)/g,
    '--ca-file <ca.pem>',
  ],
  [/\boptions\.certPath\b|\bcertPath\b/g, '--ca-file'],
  [/\bgetToken\(\)/g, '`tgraph token get`'],
  [/\bcreateSecret\(\)/g, '`tgraph secrets create`'],
  [/\bdropSecret\(\)/g, '`tgraph secrets drop`'],
  [/\brefreshToken\(\)/g, '`tgraph token refresh`'],
  [/\bdeleteToken\(\)/g, '`tgraph token delete`'],
  [/\bgsqlSecret\b/g, 'a secret (TG_SECRET)'],
  [/\bapiToken\b/g, 'a token (TG_TOKEN)'],
  [/\brestppPort\b/g, '--restpp-port'],
  [/\bgsPort\b/g, '--gs-port'],
  [/pass \{ token \}/g, 'give the token'],
  // The vector helper queries (TG-QUERY-NOT-INSTALLED).
  [
    /installVectorQueries\(ctx, \{.*?\}\) \(tg\.vectors\.installQueries in the facade, (`[^`]+`) in the CLI\)/g,
    '$1',
  ],
  [/let the call install it \(install: true, the default\)/g, 'leave out --no-install'],
  [/\binstall: false\b/g, '--no-install'],
  [/version: '[^']*' to createClient/g, 'the server version'],
  [/\.\.(\s|$)/g, '.$1'],
];

export function cliWords(text: string): string {
  return PHRASES.reduce((t, [pattern, words]) => t.replace(pattern, words), text);
}

/** The CliError to show for `error`, raised while running `command` with `settings`. */
export function explain(error: unknown, settings: Settings | undefined, command: string): CliError {
  if (error instanceof CliError) return error;
  const e = (error ?? {}) as SdkErrorLike;
  const code = exitCodeOf(error);
  const serverCode = typeof e.code === 'string' && !(e.message ?? '').includes(e.code) ? ` [${e.code}]` : '';
  const message = cliWords(`${e.message ?? String(error)}${serverCode}`);
  const hint =
    code === EXIT.auth
      ? authHint(settings, command)
      : code === EXIT.network && command !== 'doctor'
        ? 'run `tgraph doctor` to diagnose the connection'
        : undefined;
  const wrapped = new CliError(message, code, hint);
  const stack = (error as Error | undefined)?.stack;
  if (stack) wrapped.stack = stack;
  return wrapped;
}

/** What to do about rejected credentials, from where they came (never the command that failed). */
export function authHint(settings: Settings | undefined, command: string): string {
  const envCreds = 'TG_USERNAME/TG_PASSWORD, TG_SECRET or TG_TOKEN';
  if (settings?.ignoredProfile) {
    return `the profile '${settings.ignoredProfile}' was not used for ${settings.host} (another host): give credentials with ${envCreds}, or save them with \`tgraph login --profile <name> --host ${settings.host}\``;
  }
  const noneGiven =
    settings !== undefined &&
    settings.password === undefined &&
    settings.secret === undefined &&
    settings.token === undefined;
  if (noneGiven) return `the server needs credentials: run \`tgraph login\`, or set ${envCreds}`;
  const doctor = command === 'doctor' ? '' : '; `tgraph doctor` checks each step';
  const from = settings?.profileName ? ` (profile '${settings.profileName}')` : '';
  return `check the credentials${from}: log in again with \`tgraph login\`${doctor}`;
}
