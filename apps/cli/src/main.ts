// Entry point. `tgraph --version` answers before anything else is loaded (it is what scripts and
// shells call most often); everything else goes through the command tree in run.ts.
import { cliVersion } from './version.js';

// A reader that went away (`tgraph … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
let code: number;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${cliVersion()}\n`);
  code = 0;
} else {
  const { runCli } = await import('./run.js');
  code = await runCli(process.argv);
}
// Let buffered output reach its destination, then exit even if a socket is still open.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
