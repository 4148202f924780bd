// tgraph-emulator's command line (bin.ts checks the Node version first, then loads this).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startControlServer } from './control.js';
import { startEmulator } from './emulator.js';
import type { EmulatorOptions } from './options.js';

const HELP = `Usage: tgraph-emulator [options]

  --port <n>          nginx-style port (TigerGraph 14240: /restpp, /gsqlserver, /gsql/v1); default a free port
  --restpp-port <n>   RESTPP port (TigerGraph 9000, paths at the root); default a free port
  --host <addr>       interface to listen on (default 127.0.0.1)
  --version <v>       TigerGraph version to imitate: 3.10, 4.2, 3.9.3, 4.1.2… (default 4.2)
  --seed <name>       covid | empty (default empty)
  --auth              turn RESTPP authentication on
  --gsql <file>       run a GSQL script at start
  --data-dir <dir>    folder RUN LOADING JOB reads server-side paths (and data-source files) from
  --cors <origin>     allow a browser origin (repeatable; * for any)
  --control           serve the control API instead (POST /emulators creates emulators); --port is its port
  --help              show this help
`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'restpp-port': { type: 'string' },
    host: { type: 'string' },
    version: { type: 'string' },
    seed: { type: 'string' },
    auth: { type: 'boolean' },
    gsql: { type: 'string' },
    'data-dir': { type: 'string' },
    cors: { type: 'string', multiple: true },
    control: { type: 'boolean' },
    help: { type: 'boolean' },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const shutdownOn = (stop: () => Promise<void>) => {
  const shutdown = () => {
    stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

if (values.control) {
  const control = await startControlServer({
    port: values.port === undefined ? 0 : Number(values.port),
    host: values.host ?? '127.0.0.1',
  });
  // Handlers first: whoever reads the banner may signal at once.
  shutdownOn(control.stop);
  process.stdout.write(`tgraph emulator control API: ${control.url}\n`);
} else await runOne();

async function runOne(): Promise<void> {
  const options: EmulatorOptions = {};
  if (values.port !== undefined) options.port = Number(values.port);
  if (values['restpp-port'] !== undefined) options.restppPort = Number(values['restpp-port']);
  if (values.host !== undefined) options.host = values.host;
  if (values.version !== undefined) options.version = values.version;
  if (values.seed === 'covid' || values.seed === 'empty') options.seed = values.seed;
  else if (values.seed !== undefined) {
    process.stderr.write(`Unknown seed "${values.seed}" (expected covid or empty)\n`);
    process.exit(2);
  }
  if (values.auth) options.auth = true;
  if (values.gsql !== undefined) options.gsqlScript = readFileSync(values.gsql, 'utf8');
  if (values['data-dir'] !== undefined) options.dataDir = values['data-dir'];
  if (values.cors !== undefined) options.cors = { origins: values.cors.includes('*') ? '*' : values.cors };

  const emu = await startEmulator(options);
  // Handlers first: whoever reads the banner (a supervisor, a test) may signal at once.
  shutdownOn(emu.stop);
  process.stdout.write(
    `TigerGraph ${emu.version} emulator\n` +
      `  RESTPP (port 9000 style):   ${emu.restppUrl}\n` +
      `  nginx (port 14240 style):   ${emu.gsUrl}  (RESTPP at ${emu.restppViaGsUrl})\n` +
      `  RESTPP auth: ${options.auth ? 'on' : 'off'}; GSQL user tigergraph / tigergraph\n`,
  );
}
