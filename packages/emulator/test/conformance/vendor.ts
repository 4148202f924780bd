// Where the vendored TigerGraph sources are: TGRAPH_VENDOR_DIR, or <repo>/../shared/vendor.
// A missing directory is an error, never a skip: the conformance run must not pass on nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../../..');

export function vendorDir(): string {
  return process.env['TGRAPH_VENDOR_DIR'] ?? join(repoRoot, '..', 'shared', 'vendor');
}

/** A path inside the vendored sources; throws with a clear message when it is not there. */
export function vendorPath(...parts: string[]): string {
  const p = join(vendorDir(), ...parts);
  if (!existsSync(p)) {
    throw new Error(
      `Vendored sources not found: ${p}. Set TGRAPH_VENDOR_DIR to the folder holding ` +
        'gsql-graph-algorithms/ and ecosys-tutorials/ (default <repo>/../shared/vendor).',
    );
  }
  return p;
}

export function readVendor(...parts: string[]): string {
  return readFileSync(vendorPath(...parts), 'utf8');
}

export const ALGORITHMS = ['gsql-graph-algorithms', 'algorithms'] as const;

/** Every tg_*.gsql of the algorithm library, as paths relative to algorithms/, sorted. */
export function libraryQueryFiles(): string[] {
  const root = vendorPath(...ALGORITHMS);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)tg_[^/]*\.gsql$/.test(f))
    .map((f) => relative(root, join(root, f)))
    .sort();
}

export interface LibraryQuery {
  /** The name CREATE QUERY gives (a few differ from their file's name). */
  name: string;
  text: string;
}

/** The library query in `<file>.gsql` (found anywhere under algorithms/). */
export function libraryQuery(file: string): LibraryQuery {
  const path = libraryQueryFiles().find((f) => f.endsWith(`/${file}.gsql`));
  if (path === undefined) throw new Error(`No ${file}.gsql in the vendored algorithm library`);
  const text = readVendor(...ALGORITHMS, path);
  const name = /CREATE\s+(?:OR\s+REPLACE\s+)?(?:DISTRIBUTED\s+)?QUERY\s+(\w+)\s*\(/i.exec(text)?.[1];
  if (name === undefined) throw new Error(`${path} creates no query`);
  return { name, text };
}
