// The command tree. Command modules only declare commands; the SDK, the emulator and the prompt
// library are imported inside actions, so `tgraph --version` and `--help` start fast.
import { Command, Option } from 'commander';
import { registerCompletion } from './commands/completion.js';
import { registerDemo } from './commands/demo.js';
import { registerDoctor } from './commands/doctor.js';
import { registerEdges } from './commands/edges.js';
import { registerEmulator } from './commands/emulator.js';
import { registerGsql } from './commands/gsql.js';
import { registerLoad } from './commands/load.js';
import { registerLogin } from './commands/login.js';
import {
  registerPaths,
  registerSecrets,
  registerSystem,
  registerToken,
  registerUdt,
} from './commands/misc.js';
import { registerProfile } from './commands/profile.js';
import { registerQuery } from './commands/query.js';
import { registerCodegen, registerSchema } from './commands/schema.js';
import { registerStatus } from './commands/status.js';
import { registerVectors } from './commands/vectors.js';
import { registerVertices } from './commands/vertices.js';
import { examples } from './help.js';
import { cliVersion } from './version.js';

export function buildProgram(): Command {
  const program = new Command('tgraph')
    .description('A terminal client for TigerGraph, built on the tgraph SDK')
    .version(cliVersion(), '-V, --version', 'print the tgraph CLI version')
    .option('-p, --profile <name>', 'use this saved profile (default: the current one; env TG_PROFILE)')
    .option('--host <url>', 'server address, e.g. https://my.i.tgcloud.io (env TG_HOST)')
    .option('-g, --graph <name>', 'graph to work on (env TG_GRAPH)')
    .option('-u, --username <name>', 'GSQL user (env TG_USERNAME; password from TG_PASSWORD or the profile)')
    .option('--local', 'run against an in-process emulator seeded with the COVID-19 starter kit')
    .option('--timeout <ms>', 'client-side timeout per request in milliseconds')
    .addOption(new Option('--json', 'print results as JSON').conflicts(['ndjson', 'csv', 'table']))
    .addOption(new Option('--ndjson', 'print results as newline-delimited JSON').conflicts(['csv', 'table']))
    .addOption(new Option('--csv', 'print results as CSV').conflicts(['table']))
    .option('--table', 'print results as a table (default on a terminal; JSON otherwise)')
    .option('--wide', "tables keep every cell whole (default: cut to the terminal's width)")
    .option('-q, --quiet', 'print results only: no notes, spinners or progress')
    .option('-v, --verbose', 'log every request and response to stderr (credentials redacted)')
    .option('--no-color', 'no colors (also: NO_COLOR=1; colors are only used on a terminal)')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride(); // set before subcommands are added, so they inherit it

  examples(
    program,
    'tgraph demo',
    'tgraph --local vertices list Patient --limit 5 --select birth_year',
    'tgraph login --host https://my.i.tgcloud.io --graph MyGraph',
    'tgraph query run infection_chain --param p=6100000100 --json',
  );
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 failure, 2 invalid input, 3 auth, 4 not found, 5 server error, 6 network.\n',
  );

  registerDemo(program);
  registerLogin(program);
  registerProfile(program);
  registerStatus(program);
  registerDoctor(program);
  registerVertices(program);
  registerVectors(program);
  registerEdges(program);
  registerQuery(program);
  registerGsql(program);
  registerSchema(program);
  registerLoad(program);
  registerPaths(program);
  registerSecrets(program);
  registerToken(program);
  registerUdt(program);
  registerSystem(program);
  registerCodegen(program);
  registerEmulator(program);
  registerCompletion(program);
  return program;
}
