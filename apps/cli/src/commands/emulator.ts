// `tgraph emulator start`: the embedded TigerGraph emulator in the foreground.
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';

interface StartOptions {
  seed: 'covid' | 'empty';
  port: string;
  restppPort: string;
  listen: string;
  serverVersion: string;
  auth?: boolean;
  gsql?: string;
}

export function registerEmulator(program: Command): void {
  const group = examples(
    program.command('emulator').description('run the embedded TigerGraph emulator'),
    'tgraph emulator start --seed covid',
  );
  examples(
    group
      .command('start')
      .description('run a TigerGraph-compatible emulator in the foreground (Ctrl-C stops it)')
      .addOption(
        new Option('--seed <name>', 'data to start with').choices(['covid', 'empty']).default('covid'),
      )
      .option('--port <n>', "nginx-style port (TigerGraph's 14240; 0 = any free port)", '14240')
      .option('--restpp-port <n>', "RESTPP port (TigerGraph's 9000; 0 = any free port)", '9000')
      .option('--listen <addr>', 'interface to listen on', '127.0.0.1')
      .option('--server-version <v>', 'TigerGraph version to imitate (3.10, 4.2, …)', '4.2')
      .option('--auth', 'turn RESTPP authentication on (tokens or secrets required)')
      .option('--gsql <file>', 'run a GSQL script at start')
      .action(
        action<StartOptions>(async ({ io }, _args, o) => {
          const { startEmulator } = await import('@tgraph/emulator');
          const em = await startEmulator({
            seed: o.seed,
            port: port(o.port, '--port'),
            restppPort: port(o.restppPort, '--restpp-port'),
            host: o.listen,
            version: o.serverVersion,
            auth: o.auth === true,
            ...(o.gsql ? { gsqlScript: readFileSync(o.gsql, 'utf8') } : {}),
          }).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'EADDRINUSE') {
              throw new CliError(
                `a port is already in use (${error.message})`,
                EXIT.network,
                'pick others with --port and --restpp-port, or 0 for free ports',
              );
            }
            throw error;
          });
          const info = {
            version: em.version,
            host: em.gsUrl,
            restppUrl: em.restppUrl,
            gsUrl: em.gsUrl,
            graph: o.seed === 'covid' ? 'MyGraph' : undefined,
            username: 'tigergraph',
            auth: o.auth === true,
          };
          if (io.format === 'json' || io.format === 'ndjson') io.line(JSON.stringify(info));
          else {
            const c = io.c;
            io.line(
              `${c.green('●')} TigerGraph ${em.version} emulator (seed ${o.seed}), RESTPP auth ${o.auth ? 'on' : 'off'}`,
            );
            io.line(`  nginx (14240 style): ${em.gsUrl}`);
            io.line(`  RESTPP (9000 style): ${em.restppUrl}`);
            io.line(`  GSQL user:           tigergraph / tigergraph`);
            io.line(
              c.dim(
                `  try: TG_HOST=${em.gsUrl} TG_USERNAME=tigergraph TG_PASSWORD=tigergraph tgraph vertices list Patient --graph MyGraph`,
              ),
            );
            io.line(c.dim('  Ctrl-C to stop'));
          }
          await new Promise<void>((resolve) => {
            const stop = () => resolve();
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          await em.stop();
          io.note('emulator stopped');
        }),
      ),
    'tgraph emulator start',
    'tgraph emulator start --seed empty --port 0 --restpp-port 0 --server-version 3.10 --auth',
  );
}

function port(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new CliError(`${flag} must be a port number 0-65535, got '${value}'`, EXIT.invalidInput);
  }
  return n;
}
