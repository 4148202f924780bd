// The emulator's module graph: no import cycle ties folders together (the engine, the catalogue
// and the HTTP front ends each load without the others), and no value-import cycle exists at all.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const IMPORT = /^(?:import|export)\s(type\s)?[^'";]*?from\s*'(\.[^']+)'/gm;

/** file → relative imports (resolved to .ts paths under src/), optionally only value imports. */
function importGraph(valuesOnly: boolean): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps: string[] = [];
    for (const m of readFileSync(join(SRC, f), 'utf8').matchAll(IMPORT)) {
      if (valuesOnly && m[1]) continue;
      deps.push(relative(SRC, resolve(dirname(join(SRC, f)), (m[2] as string).replace(/\.js$/, '.ts'))));
    }
    graph.set(f, deps);
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan, iterative). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1] as [string, number];
      const [v, i] = top;
      const deps = (graph.get(v) ?? []).filter((w) => graph.has(w));
      if (i < deps.length) {
        top[1]++;
        const w = deps[i] as string;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(v) as number));
      if (low.get(v) !== index.get(v)) continue;
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  }
  return found;
}

const folder = (f: string) => (f.includes('/') ? f.split('/')[0] : '.');

describe('emulator module graph', () => {
  it('has no cycle of value imports', () => {
    expect(cycles(importGraph(true))).toEqual([]);
  });

  it('has no import cycle (types included) that spans folders', () => {
    const spanning = cycles(importGraph(false)).filter((c) => new Set(c.map(folder)).size > 1);
    expect(spanning).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a/x.ts', ['b/y.ts']],
      ['b/y.ts', ['a/x.ts']],
      ['c.ts', ['a/x.ts']],
    ]);
    expect(cycles(g)).toEqual([['a/x.ts', 'b/y.ts']]);
  });
});
