// api's folders form a DAG: no folder imports (directly or through others) a folder that imports
// it back. A file at the top of src/ (an entry, context.ts, schema-types.ts) counts as a unit of
// its own. The walk reads relative imports only; packages are layered by tooling/check-layers.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g;

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** `vertices/get.ts` → `vertices`; `context.ts` → `context.ts` (the first path segment). */
function unitOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts[0] as string;
}

/** Edges between units, each with one file-level import that makes it (for the message). */
function unitGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of tsFiles(SRC)) {
    const from = unitOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), `${match[1]}.ts`));
      const to = unitOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      edges.set(to, `${relative(SRC, file)} → ${relative(SRC, target)}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as the list of units around it. */
export function findCycles(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): void => {
    const at = path.indexOf(node);
    if (at >= 0) {
      cycles.push([...path.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) visit(next);
    path.pop();
    done.add(node);
  };
  for (const node of graph.keys()) visit(node);
  return cycles;
}

describe('api folder imports', () => {
  it('the cycle finder reports a loop through two folders', () => {
    const graph = new Map([
      ['schema', new Map([['udts', 'schema/get.ts → udts/tuples.ts']])],
      ['udts', new Map([['schema', 'udts/tuples.ts → schema/model.ts']])],
      ['vertices', new Map([['elements', 'vertices/get.ts → elements/types.ts']])],
    ]);
    expect(findCycles(graph)).toEqual([['schema', 'udts', 'schema']]);
  });

  it('have no cycles between folders', () => {
    const graph = unitGraph();
    const described = findCycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => graph.get(cycle[i] as string)?.get(to))
        .join(', '),
    );
    expect(described).toEqual([]);
  });

  it('vertices and edges share their element plumbing through elements/, not each other', () => {
    const graph = unitGraph();
    expect(graph.get('vertices')?.has('edges') ?? false).toBe(false);
    expect(graph.get('elements')?.has('vertices') ?? false).toBe(false);
    expect(graph.get('elements')?.has('edges') ?? false).toBe(false);
  });
});
