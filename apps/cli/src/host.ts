// A server address may not carry credentials (`http://user:pw@host`): they would be saved in
// profiles.json in clear and echoed by `login`, `status` and `profile show`. Such a host is refused
// with the address shown masked, and credentials go through --username and the password prompt or
// TG_PASSWORD instead.
import { CliError, EXIT } from './exit-codes.js';

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*@)/i;

/** `http://user:pw@host` → `http://***@host`; other text unchanged. */
export function maskUrl(url: string): string {
  return url.replace(USERINFO, '$1***@');
}

/** The host, unless it carries credentials (then a CliError naming where it came from). */
export function checkHost<T extends string | undefined>(host: T, from: string): T {
  if (host !== undefined && USERINFO.test(host)) {
    throw new CliError(
      `the server address from ${from} carries credentials (${maskUrl(host)}); they are never saved or sent that way`,
      EXIT.invalidInput,
      'give the address without them, and the user with --username and the password with TG_PASSWORD (or the prompt)',
    );
  }
  return host;
}
