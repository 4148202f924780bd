// The CLI's version, read from its package.json (no import of the SDK needed for --version).
import { readFileSync } from 'node:fs';

export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
