// `tgraph doctor`: diagnoses the connection one layer at a time — configuration, DNS, TCP, TLS,
// port layout, version, credentials, token, graph — and says what to fix at the first layer that
// fails (later layers are skipped, since they cannot work either).
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { isIP, Socket } from 'node:net';
import { type PeerCertificate, connect as tlsConnect } from 'node:tls';
import type { Command } from 'commander';
import type { Session } from '../connect.js';
import { action } from '../context.js';
import { CliError, EXIT, type ExitCode, exitCodeOf } from '../exit-codes.js';
import { examples } from '../help.js';
import { serverVersion } from './status.js';

type Status = 'ok' | 'warn' | 'fail' | 'skip';
interface Step {
  step: string;
  status: Status;
  detail: string;
  fix?: string | undefined;
}

export function registerDoctor(program: Command): void {
  examples(
    program
      .command('doctor')
      .description('diagnose the connection step by step and say what to fix')
      .action(
        action(async (ctx) => {
          const { io } = ctx;
          const steps: Step[] = [];
          let failure: ExitCode | undefined;
          const icon = {
            ok: io.c.green('✔'),
            warn: io.c.yellow('!'),
            fail: io.c.red('✖'),
            skip: io.c.dim('-'),
          };
          const record = (s: Step) => {
            steps.push(s);
            if (io.format === 'table') {
              io.line(`${icon[s.status]} ${io.c.bold(s.step.padEnd(12))} ${s.detail}`);
              if (s.fix) io.line(`  ${io.c.dim('fix:')} ${s.fix}`);
            }
          };
          const fail = (step: string, detail: string, fix: string, code: ExitCode) => {
            record({ step, status: 'fail', detail, fix });
            failure ??= code;
          };

          let session: Session;
          try {
            session = await ctx.session();
          } catch (error) {
            fail(
              'config',
              message(error),
              'check the host and credentials: `tgraph profile show`, or `tgraph login`',
              exitCodeOf(error),
            );
            return finish(ctx.io, steps, failure);
          }
          const { tg, settings } = session;
          record({
            step: 'config',
            status: 'ok',
            detail: settings.local
              ? `no host configured: using an in-process emulator at ${settings.host}`
              : `host ${settings.host} (from ${settings.hostSource}${settings.profileName ? `, profile '${settings.profileName}'` : ''}); credentials from ${settings.credentialsFrom}`,
          });

          const gsql = new URL(tg.connection.gsqlUrl);
          const restpp = new URL(tg.connection.restppUrls[0]!);
          const hostname = gsql.hostname.replace(/^\[|\]$/g, '');

          // DNS
          if (isIP(hostname)) record({ step: 'dns', status: 'ok', detail: `${hostname} is an IP address` });
          else {
            try {
              const found = await lookup(hostname, { all: true });
              record({
                step: 'dns',
                status: 'ok',
                detail: `${hostname} → ${found.map((a) => a.address).join(', ')}`,
              });
            } catch (error) {
              fail(
                'dns',
                `${hostname} does not resolve (${(error as NodeJS.ErrnoException).code})`,
                'check the host name for typos, or your DNS/VPN',
                EXIT.network,
              );
              return finish(io, steps, failure);
            }
          }

          // TCP, per distinct port (GSQL/nginx and RESTPP)
          const ports = new Map<number, string>();
          ports.set(portOf(gsql), 'GSQL/nginx');
          ports.set(portOf(restpp), ports.has(portOf(restpp)) ? 'GSQL/nginx + RESTPP' : 'RESTPP');
          const open = new Map<number, boolean>();
          for (const [port, role] of ports) {
            const result = await tcpProbe(hostname, port);
            open.set(port, result === undefined);
            if (result === undefined)
              record({
                step: 'tcp',
                status: 'ok',
                detail: `${hostname}:${port} (${role}) accepts connections`,
              });
            else fail('tcp', `${hostname}:${port} (${role}): ${result}`, tcpFix(result, port), EXIT.network);
          }
          if (failure !== undefined) {
            const alt = tg.connection.restppAlternateUrls[0];
            if (alt && !open.get(portOf(restpp))) {
              const altPort = portOf(new URL(alt));
              // Only a port that answers like RESTPP is worth suggesting: anything may listen on 9000.
              if ((await tcpProbe(hostname, altPort)) === undefined && (await answersLikeRestpp(alt))) {
                record({
                  step: 'ports',
                  status: 'warn',
                  detail: `port ${altPort} is open instead`,
                  fix: `the server uses the 3.x layout: log in again with --restpp-port ${altPort}`,
                });
              }
            }
            return finish(io, steps, failure);
          }

          // TLS
          if (gsql.protocol === 'https:') {
            const tls = await tlsProbe(hostname, portOf(gsql), settings.certPath);
            if (tls.error) {
              fail('tls', tls.error, tls.fix ?? 'check the certificate', EXIT.network);
              return finish(io, steps, failure);
            }
            const expiring = tls.daysLeft !== undefined && tls.daysLeft < 14;
            record({
              step: 'tls',
              status: expiring ? 'warn' : 'ok',
              detail: tls.detail!,
              fix: expiring ? 'the certificate expires within two weeks: renew it on the server' : undefined,
            });
          } else record({ step: 'tls', status: 'skip', detail: 'plain HTTP (no TLS)' });

          // Port layout and version
          record({
            step: 'ports',
            status: 'ok',
            detail: `RESTPP at ${tg.connection.restppUrls[0]}, GSQL at ${tg.connection.gsqlUrl}`,
          });
          // Which API line the GSQL server speaks (asked without credentials).
          let line: '3' | '4';
          try {
            line = await tg.line();
            record({
              step: 'version',
              status: 'ok',
              detail:
                line === '4'
                  ? 'the GSQL server speaks the 4.1+ API (/gsql/v1)'
                  : 'the GSQL server speaks the 3.x API (/gsqlserver)',
            });
          } catch (error) {
            fail(
              'version',
              message(error),
              'the server answered but not like TigerGraph: check the port layout (--gs-port, --restpp-port) or a proxy prefix in the host URL',
              exitCodeOf(error),
            );
            return finish(io, steps, failure);
          }

          // Credentials: a GSQL-server call that needs a logged-in user
          if (settings.password !== undefined || settings.secret !== undefined) {
            try {
              await tg.auth.listSecrets();
              record({
                step: 'credentials',
                status: 'ok',
                detail: `the GSQL server accepts ${settings.secret ? 'the secret' : `user ${settings.username}`}`,
              });
            } catch (error) {
              const code = exitCodeOf(error);
              fail(
                'credentials',
                message(error),
                code === EXIT.auth
                  ? 'wrong username, password or secret: run `tgraph login` again'
                  : 'see the message above',
                code,
              );
              return finish(io, steps, failure);
            }
          } else
            record({
              step: 'credentials',
              status: settings.token ? 'skip' : 'warn',
              detail: settings.token
                ? 'token only (no GSQL-server credentials)'
                : 'no credentials configured',
              fix: settings.token ? undefined : 'run `tgraph login` if the server has authentication on',
            });

          // RESTPP with the credentials (this is where tokens are exchanged when RESTPP auth is on)
          try {
            const version = await serverVersion(session);
            record({ step: 'restpp', status: 'ok', detail: `RESTPP answers: TigerGraph ${version}` });
          } catch (error) {
            const code = exitCodeOf(error);
            fail(
              'restpp',
              message(error),
              code === EXIT.auth
                ? restppAuthFix(line, settings)
                : 'check the RESTPP port (--restpp-port) and a proxy in between',
              code,
            );
            return finish(io, steps, failure);
          }

          // Token
          if (settings.tokenExpiresAt) {
            const left = Date.parse(settings.tokenExpiresAt) - Date.now();
            if (left <= 0 && !settings.secret)
              fail(
                'token',
                `the saved token expired at ${settings.tokenExpiresAt}`,
                'run `tgraph login` again or `tgraph token get`',
                EXIT.auth,
              );
            else
              record({
                step: 'token',
                status: 'ok',
                detail: `token valid until ${settings.tokenExpiresAt}${left <= 0 ? ' (renewed from the secret on use)' : ''}`,
              });
          } else
            record({
              step: 'token',
              status: 'skip',
              detail: settings.token ? 'token expiry unknown' : 'no token in use',
            });

          // Graph
          if (!settings.graph)
            record({
              step: 'graph',
              status: 'warn',
              detail: 'no graph configured',
              fix: 'pass --graph or set one with `tgraph login --graph <name>`',
            });
          else {
            try {
              await graphCheck(session, settings.graph);
              record({
                step: 'graph',
                status: 'ok',
                detail: `graph ${settings.graph} exists and is readable`,
              });
            } catch (error) {
              // Servers answer a missing graph with 404 (REST-1004) or 400 ("does not exist").
              const missing =
                exitCodeOf(error) === EXIT.notFound ||
                /does not exist|not found|REST-1004/i.test(message(error));
              const code = missing ? EXIT.notFound : exitCodeOf(error);
              const known = missing
                ? await tg.schema.listGraphs().then(
                    (graphs) => graphs.map((g) => g.name).join(', '),
                    () => undefined,
                  )
                : undefined;
              fail(
                'graph',
                message(error),
                missing
                  ? `graph ${settings.graph} does not exist: check the name (case matters)${known ? `; graphs on this server: ${known}` : ''}`
                  : code === EXIT.auth
                    ? 'the credentials cannot read this graph: ask for a role on it, or use a token for it'
                    : 'see the message above',
                code,
              );
            }
          }
          finish(io, steps, failure);
        }),
      ),
    'tgraph doctor',
    'tgraph doctor --profile prod --json',
  );
}

/** What to do when RESTPP rejects credentials the GSQL server accepted (or only a token was given). */
export function restppAuthFix(line: '3' | '4', s: Session['settings']): string {
  const graph = s.graph ?? '<graph>';
  if (s.secret === undefined && s.password === undefined)
    return 'RESTPP rejects the token: it expired, was deleted or is for another graph; get a new one with `tgraph token get` or `tgraph login`';
  if (line === '3' && s.secret === undefined)
    return 'TigerGraph 3.x RESTPP with authentication on takes tokens only: log in with a secret (`tgraph login --secret …`), which the CLI exchanges for a token';
  if (s.secret !== undefined)
    return `RESTPP rejects the token issued for the secret: check that the secret's user has a role on graph ${graph}, or create a secret for this graph`;
  return `RESTPP on 4.x accepts this username and password, so the user '${s.username ?? '?'}' lacks privileges: ask for a role on graph ${graph} (\`GRANT ROLE … ON GRAPH ${graph} TO ${s.username ?? '<user>'}\`)`;
}

/** Whether `url` answers `/echo` as TigerGraph's RESTPP does (a JSON `{error, message}`, with or without auth). */
async function answersLikeRestpp(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url.replace(/\/$/, '')}/echo`, { signal: AbortSignal.timeout(3000) });
    const body = (await response.json()) as Record<string, unknown>;
    return typeof body['error'] === 'boolean' && typeof body['message'] === 'string';
  } catch {
    return false;
  }
}

function finish(io: import('../output/io.js').Io, steps: Step[], failure: ExitCode | undefined): void {
  if (io.format !== 'table') io.print(steps);
  else if (failure === undefined) io.success('no problems found');
  if (failure !== undefined) throw new CliError('the connection has a problem (see above)', failure);
}

/** A cheap graph-scoped read: the graph's schema. */
async function graphCheck(session: Session, graph: string): Promise<void> {
  await session.tg.schema.getSchema({ graph, udts: false });
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function message(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string };
  return `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message ?? String(error)}${e.code && typeof e.code === 'string' && !e.message?.includes(e.code) ? ` [${e.code}]` : ''}`;
}

function tcpProbe(host: string, port: number, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result: string | undefined) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs / 1000} s`));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(error.code === 'ECONNREFUSED' ? 'connection refused' : (error.code ?? error.message)),
    );
    socket.connect(port, host, () => done(undefined));
  });
}

function tcpFix(result: string, port: number): string {
  if (result === 'connection refused') {
    return port === 9000
      ? 'nothing listens on 9000: TigerGraph 4.1+ and Cloud serve RESTPP at <host>:14240/restpp or :443/restpp; log in again with the right port'
      : `nothing listens on ${port}: is the server running, and is this its port? (self-hosted: 14240; Cloud: 443)`;
  }
  return 'a firewall, VPN or IP allow-list may block the port (TigerGraph Cloud: add your IP to the allow-list)';
}

interface TlsResult {
  error?: string;
  fix?: string;
  detail?: string;
  daysLeft?: number;
}

function tlsProbe(host: string, port: number, caPath: string | undefined): Promise<TlsResult> {
  let ca: string | undefined;
  if (caPath !== undefined) {
    try {
      ca = readFileSync(caPath, 'utf8');
    } catch (error) {
      return Promise.resolve({
        error: `cannot read the CA file ${caPath} (${(error as NodeJS.ErrnoException).code})`,
        fix: 'point --ca-file at a PEM file: `tgraph login --ca-file <ca.pem>`',
      });
    }
  }
  return new Promise((resolve) => {
    const socket = tlsConnect(
      {
        host,
        port,
        servername: isIP(host) ? undefined : host,
        rejectUnauthorized: false,
        timeout: 5000,
        ...(ca ? { ca } : {}),
      } as never,
      () => {
        const cert = socket.getPeerCertificate() as PeerCertificate;
        const authorized = socket.authorized;
        const reason = socket.authorizationError ? String(socket.authorizationError) : undefined;
        socket.end();
        const daysLeft = cert.valid_to
          ? Math.floor((Date.parse(cert.valid_to) - Date.now()) / 86_400_000)
          : undefined;
        if (!authorized) {
          const selfSigned = /SELF_SIGNED|UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY/.test(reason ?? '');
          resolve({
            error: `the certificate is not trusted (${reason})`,
            fix: selfSigned
              ? 'the server uses a private or self-signed CA: log in again with --ca-file <ca.pem>'
              : reason?.includes('ALTNAME') || reason?.includes('Hostname')
                ? 'the certificate is for another name: use the host name it was issued for'
                : 'check the certificate chain and the system clock',
          });
          return;
        }
        resolve({
          detail: `certificate for ${String(cert.subject?.CN ?? host)} trusted, valid until ${cert.valid_to}${daysLeft !== undefined ? ` (${daysLeft} days)` : ''}`,
          ...(daysLeft === undefined ? {} : { daysLeft }),
        });
      },
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve({
        error: `TLS handshake failed (${error.code ?? error.message})`,
        fix: 'is this an HTTPS port? For plain HTTP use an http:// host',
      }),
    );
    socket.once('timeout', () => {
      socket.destroy();
      resolve({ error: 'TLS handshake timed out', fix: 'is this an HTTPS port?' });
    });
  });
}
