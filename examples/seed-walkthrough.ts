// The seed documents' walk-through with tgraph (TigerGraph Cloud "Send REST Requests to a
// Cluster" and pyTigerGraph "Connecting to TigerGraph" / "Authentication functions"):
//   1. create a secret (CREATE SECRET, as the logged-in user),
//   2. exchange it for a token with a lifetime (3.x POST /requesttoken, 4.x POST /gsql/v1/tokens),
//   3. list 5 Patient vertices with birth_year, sending the token as `Authorization: Bearer`,
//   4. the same listing with the secret itself as `Authorization: GSQL-Secret` (4.x and Cloud).
// Every request and response is printed, with credentials masked.
//
// Against a real server (COVID-19 starter kit loaded):
//   TG_HOST=https://my.i.tgcloud.io TG_GRAPH=MyGraph TG_USERNAME=… TG_PASSWORD=… [TG_SECRET=…] \
//     node --import ./examples/register.mjs examples/seed-walkthrough.ts
// Without TG_HOST it starts an embedded emulator (TG_VERSION, default 4.2) with the covid graph.
// In an app that installed tgraph, run it with plain `node` (no --import needed).
import {
  type ClientOptions,
  createClient,
  createEmbeddedClient,
  type TigerGraphClient,
  type TransportHooks,
} from 'tgraph';

const env = process.env;
const print = (line = '') => console.log(line);

// The transport hands hooks redacted views: Authorization shows only its scheme, secrets in URLs are masked.
const hooks: TransportHooks = {
  beforeRequest(view) {
    const auth = view.headers.authorization ?? view.headers.Authorization;
    print(`   → ${view.method} ${view.url}${auth ? `  (Authorization: ${auth})` : ''}`);
  },
  afterResponse(view) {
    print(`   ← ${view.status}`);
  },
};

const mask = (text: string) => `${text.slice(0, 3)}…(${text.length} characters, masked)`;

async function main(): Promise<void> {
  let admin: TigerGraphClient;
  let base: ClientOptions;
  if (env.TG_HOST) {
    base = {
      host: env.TG_HOST,
      graph: env.TG_GRAPH ?? 'MyGraph',
      ...(env.TG_VERSION ? { version: env.TG_VERSION } : {}),
    };
    admin = createClient({ ...base, username: env.TG_USERNAME, password: env.TG_PASSWORD, hooks });
    print(`tgraph seed walk-through against ${env.TG_HOST} (graph ${base.graph})`);
  } else {
    const embedded = await createEmbeddedClient({
      emulator: { version: env.TG_VERSION ?? '4.2', auth: true, seed: 'covid' },
      username: 'tigergraph',
      password: 'tigergraph',
      hooks,
    });
    const emu = embedded.emulator;
    base = { host: emu.gsUrl, graph: 'MyGraph', version: emu.version, restppPort: emu.restppPort };
    admin = embedded;
    print(
      `tgraph seed walk-through against an embedded emulator (TigerGraph ${emu.version}, RESTPP auth on)`,
    );
  }
  const line = await admin.line();
  print(`server line: ${line === '4' ? '4.x (4.1 and later)' : '3.x (up to 4.0)'}`);

  const clients: TigerGraphClient[] = [admin];
  let createdAlias: string | undefined;
  try {
    print();
    print('1. Create a secret');
    let secret = env.TG_SECRET;
    if (secret) {
      print('   using TG_SECRET');
    } else {
      const created = await admin.auth.createSecret({ alias: `walkthrough_${Date.now().toString(36)}` });
      createdAlias = created.alias;
      secret = created.secret;
      print(`   created secret ${mask(secret)} with alias ${created.alias}`);
    }

    print();
    print('2. Get a token for the secret with a lifetime of 100000 seconds');
    const bearer = createClient({ ...base, hooks });
    clients.push(bearer);
    const issued = await bearer.auth.getToken({ secret, lifetime: 100000 });
    print(`   token ${mask(issued.token)} expires ${issued.expiresAt.toISOString()}`);

    print();
    print('3. List 5 Patient vertices with birth_year (Authorization: Bearer <token>)');
    const patients = await bearer.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
    for (const p of patients)
      print(`   ${p.v_type} ${p.v_id}: birth_year ${String(p.attributes.birth_year)}`);

    print();
    print('4. The same request with Authorization: GSQL-Secret <secret>');
    if (line === '3') {
      print(
        '   skipped: RESTPP takes GSQL-Secret on TigerGraph 4.1+ and Cloud; on 3.x exchange the secret for a token (step 2)',
      );
    } else {
      const bySecret = createClient({ ...base, gsqlSecret: secret, exchange: false, hooks });
      clients.push(bySecret);
      const again = await bySecret.vertices.get('Patient', { limit: 5, select: ['birth_year'] });
      for (const p of again) print(`   ${p.v_type} ${p.v_id}: birth_year ${String(p.attributes.birth_year)}`);
    }
  } finally {
    if (createdAlias !== undefined) {
      print();
      print(`Clean-up: drop secret ${createdAlias}`);
      await admin.auth.dropSecret(createdAlias);
    }
    await Promise.all(clients.map((c) => c.close()));
  }
  print();
  print('done');
}

main().catch((error: unknown) => {
  // tgraph errors carry no credentials, so printing them is safe.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
