// TigerGraph's graph-algorithm library as vendored outside the repository (TGRAPH_VENDOR_DIR, default
// <repo>/../shared/vendor): every tg_*.gsql, with the name its CREATE QUERY gives, in an order where a
// query comes after the library queries it calls. A missing folder is an error, never a skip.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../../..');

function algorithmsDir(): string {
  const dir = join(
    process.env['TGRAPH_VENDOR_DIR'] ?? join(repoRoot, '..', 'shared', 'vendor'),
    'gsql-graph-algorithms',
    'algorithms',
  );
  if (!existsSync(dir))
    throw new Error(`Vendored algorithm library not found: ${dir} (set TGRAPH_VENDOR_DIR).`);
  return dir;
}

export interface LibraryQuery {
  name: string;
  text: string;
}

/** The library's queries, callees before callers. */
export function libraryQueries(): LibraryQuery[] {
  const dir = algorithmsDir();
  const all = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)tg_[^/]*\.gsql$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const name = /CREATE\s+(?:OR\s+REPLACE\s+)?(?:DISTRIBUTED\s+)?QUERY\s+(\w+)\s*\(/i.exec(text)?.[1];
      if (name === undefined) throw new Error(`No CREATE QUERY in ${f}`);
      return { name, text };
    });
  const done = new Set<string>();
  const out: LibraryQuery[] = [];
  const visit = (q: LibraryQuery) => {
    if (done.has(q.name)) return;
    done.add(q.name);
    for (const callee of all)
      if (callee.name !== q.name && new RegExp(`\\b${callee.name}\\s*\\(`).test(q.text)) visit(callee);
    out.push(q);
  };
  for (const q of all) visit(q);
  return out;
}
