// `tgraph demo`: the seed documents' walk-through on an in-process emulator, printing every request
// and response on the wire (credentials redacted): create a secret → request a token with a
// lifetime → list 5 Patients with birth_year using `Authorization: Bearer <token>` → the same with
// `Authorization: GSQL-Secret <secret>`.
import type { Command } from 'commander';
import type { Client } from '../connect.js';
import { action } from '../context.js';
import { examples } from '../help.js';
import type { Io } from '../output/io.js';
import { flatten } from '../output/rows.js';
import { renderTable } from '../output/table.js';

export function registerDemo(program: Command): void {
  examples(
    program
      .command('demo')
      .option('--server-version <v>', 'TigerGraph version the emulator imitates', '4.2')
      .option('--lifetime <seconds>', 'token lifetime to request', '100000')
      .description(
        'walk through secret → token → REST requests on an embedded emulator, showing each request and response',
      )
      .action(action<{ serverVersion: string; lifetime: string }>(demo)),
    'tgraph demo',
    'tgraph demo --server-version 3.10',
  );
}

async function demo(
  ctx: import('../context.js').CommandContext,
  _args: string[],
  o: { serverVersion: string; lifetime: string },
): Promise<void> {
  const { io } = ctx;
  const c = io.c;
  const { startEmulator } = await import('@tgraph/emulator');
  const { createClient } = await import('tgraph');
  const em = await startEmulator({ seed: 'covid', version: o.serverVersion, auth: true });
  const sensitive = new Set<string>();
  const adapter = printingAdapter(io, sensitive);
  // RESTPP through the nginx-style port (/restpp), as on 4.x and Cloud, for every version.
  const base = {
    host: em.gsUrl,
    gsPort: em.gsPort,
    restppPort: em.gsPort,
    graph: 'MyGraph',
    version: em.version,
    adapter,
    userAgent: 'tgraph-cli demo',
  };
  const clients: Client[] = [];
  const client = (options: Record<string, unknown>) => {
    const tg = createClient({ ...base, ...options });
    clients.push(tg);
    return tg;
  };
  const step = (n: number, title: string, note: string) => {
    io.line('');
    io.line(c.bold(`${c.cyan(`Step ${n}`)}  ${title}`));
    io.line(c.dim(`        ${note}`));
  };
  try {
    io.line(
      c.bold(
        `tgraph demo — TigerGraph ${em.version} emulator with the COVID-19 starter kit, RESTPP authentication on`,
      ),
    );
    io.line(
      c.dim(
        `RESTPP at ${em.gsUrl}/restpp, GSQL server at ${em.gsUrl}; user tigergraph. Credentials are shown as ***.`,
      ),
    );

    step(
      1,
      'Create a secret',
      'As in the Admin Portal or with CREATE SECRET: a long-lived credential for REST clients.',
    );
    const admin = client({ username: 'tigergraph', password: 'tigergraph' });
    const { secret } = await admin.auth.createSecret({ alias: 'demo_secret' });
    sensitive.add(secret);

    step(
      2,
      `Request a token that lives ${o.lifetime} seconds`,
      'POST the secret and a lifetime; the reply carries the token and its expiration.',
    );
    const issued = await admin.auth.getToken({ secret, lifetime: Number(o.lifetime), setToken: false });
    sensitive.add(issued.token);
    io.line(c.green(`        token expires ${issued.expiresAt.toISOString()}`));

    step(3, 'List 5 patients and their birth_year with the token', 'Authorization: Bearer <token>');
    const withToken = client({ apiToken: issued.token });
    const first = await withToken.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
    io.line(patientTable(first, io));

    step(
      4,
      'The same request with the secret itself',
      'Authorization: GSQL-Secret <secret> (TigerGraph 4.x and Cloud accept a secret directly)',
    );
    if (!em.version.startsWith('4.')) {
      io.line(
        c.yellow(
          `        skipped: TigerGraph ${em.version} RESTPP accepts tokens only; GSQL-Secret on RESTPP arrived with 4.x (and Cloud).`,
        ),
      );
      io.line('');
      io.line(c.green('✔ Done.'));
      return;
    }
    const withSecret = client({ gsqlSecret: secret, exchange: false });
    const second = await withSecret.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
    io.line(patientTable(second, io));

    io.line('');
    io.line(
      c.green('✔ Done.') +
        c.dim(
          ' Next: `tgraph emulator start` in one terminal, then `tgraph login --host http://127.0.0.1:14240` in another.',
        ),
    );
  } finally {
    for (const tg of clients) await tg.close();
    await em.stop();
  }
}

/** A fetch adapter that prints each exchange (headers and bodies) with credentials masked. */
function printingAdapter(io: Io, sensitive: Set<string>) {
  const c = io.c;
  const mask = (text: string) => {
    let out = text;
    for (const s of sensitive) if (s.length >= 6) out = out.split(s).join('***');
    // Secrets and tokens in replies are masked before they are known (and so before `sensitive` has them).
    return out
      .replace(/("(?:secret|token|password|value)"\s*:\s*")[^"]+"/g, '$1***"')
      .replace(/(The secret: )\S+/g, '$1***');
  };
  const show = (text: string) => {
    if (!text) return;
    let pretty = text;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {}
    const lines = mask(pretty).split('\n');
    const shown = lines.length > 24 ? [...lines.slice(0, 24), `… (${lines.length - 24} more lines)`] : lines;
    for (const line of shown) io.line(c.dim(`    ${line}`));
  };
  return {
    capabilities: {
      runtime: 'custom' as const,
      streamingRequestBody: true,
      customCa: false,
      userAgentHeader: true,
    },
    close() {},
    async fetch(input: Request | URL | string, init?: RequestInit): Promise<Response> {
      const request = new Request(input, init);
      const body = request.body ? await request.clone().text() : '';
      io.line(`  ${c.yellow('→')} ${c.bold(request.method)} ${mask(request.url)}`);
      for (const [name, value] of request.headers) {
        if (!/^(authorization|content-type)$/i.test(name)) continue;
        io.line(
          `    ${name}: ${/^authorization$/i.test(name) ? value.replace(/^(\S+)\s+.*/, '$1 ***') : value}`,
        );
      }
      show(body);
      const response = await fetch(request);
      const text = await response.clone().text();
      io.line(
        `  ${c.yellow('←')} ${response.status >= 400 ? c.red(String(response.status)) : c.green(String(response.status))} ${response.headers.get('content-type') ?? ''}`,
      );
      show(text);
      return response;
    },
  };
}

/** The seed document's answer as a small table (always a table: this is a walk-through for people). */
function patientTable(rows: readonly unknown[], io: Io): string {
  return renderTable(rows.map(flatten), ['v_id', 'v_type', 'birth_year'], io.c)
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
