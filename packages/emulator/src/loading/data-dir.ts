// Where RUN LOADING JOB reads a server-side path. With the emulator's data directory (option
// `dataDir`, flag --data-dir) the directory stands in for the server's disks and for the S3 buckets of
// data sources: a path is read from <dataDir>/<path> or else <dataDir>/<file name>, never outside it.
// Without one, local paths are the host's own and data-source URIs cannot be read.
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { StatementError } from '../gsql/session.js';

/** Strips TigerGraph's machine prefix: `m1:/data/x.csv`, `ALL:/data/x.csv`, `any:…`. */
const stripMachine = (p: string): string => p.replace(/^(m\d+|all|any):/i, '');

/** `$source:{"file.uris":"s3a://bucket/dir/x.csv"}` → the URI; undefined for a plain path. */
function dataSourceUri(p: string): string | undefined {
  const m = /^\$\w+:(\{[\s\S]*\})$/.exec(p.trim());
  if (m === null) return undefined;
  let spec: unknown;
  try {
    spec = JSON.parse(m[1] as string);
  } catch {
    throw new StatementError(
      `Semantic Check Fails: The file path ${p} has no valid JSON after the data source.`,
    );
  }
  const uris = (spec as Record<string, unknown>)['file.uris'];
  if (typeof uris !== 'string' || uris === '')
    throw new StatementError(`Semantic Check Fails: The file path ${p} gives no "file.uris".`);
  return uris;
}

function inside(dir: string, p: string): boolean {
  const rel = relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !resolve(dir, rel).startsWith('..');
}

/** The host file to read for a server-side path (after USING/DEFINE FILENAME). */
export function hostPath(dataDir: string | undefined, raw: string): string {
  const uri = dataSourceUri(raw);
  const path = uri ?? stripMachine(raw);
  if (dataDir === undefined) {
    if (uri !== undefined) {
      throw new StatementError(
        `Semantic Check Fails: ${uri} is read through a data source; the emulator reads such files from its data directory (option dataDir, flag --data-dir), which is not set.`,
      );
    }
    return path;
  }
  const root = resolve(dataDir);
  const asIs = resolve(root, (uri === undefined ? path : new URL(uri).pathname).replace(/^\/+/, ''));
  if (inside(root, asIs) && existsSync(asIs)) return asIs;
  const byName = join(root, basename(uri === undefined ? path : new URL(uri).pathname));
  if (!inside(root, byName)) {
    throw new StatementError(`Semantic Check Fails: File "${path}" does not exist or cannot be read.`);
  }
  return byName;
}
