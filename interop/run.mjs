// `pnpm test:interop`: runs the pyTigerGraph interop suite with Debian's python3 (which has the
// python3-requests/-aiohttp/-httpx/-pytest packages). A missing Python is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const python = process.env.INTEROP_PYTHON ?? '/usr/bin/python3';
if (!existsSync(python)) {
  console.error(`interop: ${python} not found. Install Debian's python3 and the packages .ci/run lists.`);
  process.exit(1);
}
const here = fileURLToPath(new URL('.', import.meta.url));
const run = spawnSync(python, ['-m', 'pytest', here, '-q', '-p', 'no:cacheprovider', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
