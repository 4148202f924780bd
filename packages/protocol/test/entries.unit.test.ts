// The narrow entries of package.json `exports`: each one re-exports the root's own bindings (no
// copies, so `instanceof` and identity hold whichever entry an app imports from), and the
// endpoint files per resource together are the whole catalogue.
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import * as catalogue from '../src/endpoint-specs.ts';
import * as root from '../src/index.ts';

type Entry = { '@tgraph/source': string };
const entries = Object.entries(pkg.exports as Record<string, Entry | string>).filter(
  (e): e is [string, Entry] => typeof e[1] === 'object' && e[0] !== '.',
);
const load = (source: string): Promise<Record<string, unknown>> =>
  import(new URL(`../${source}`, import.meta.url).href);
const schemaFiles = [
  'common',
  'envelope',
  'graph-data',
  'graph-schema',
  'gsql-output',
  'meta',
  'query',
  'secrets',
  'tokens',
  'upsert',
];

describe('narrow entries', () => {
  it('export only the root bindings themselves, each entry something', async () => {
    const sources = entries.flatMap(([name, e]) =>
      name === './schemas/*'
        ? schemaFiles.map((f) => e['@tgraph/source'].replace('*', f))
        : [e['@tgraph/source']],
    );
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources) {
      const module = await load(source);
      expect([source, Object.keys(module).length > 0]).toEqual([source, true]);
      for (const [name, value] of Object.entries(module)) {
        // Endpoint files re-export the catalogue's entries, the others the root's bindings.
        const same =
          value === (root as Record<string, unknown>)[name] ||
          value === (catalogue as Record<string, unknown>)[name];
        expect([source, name, same]).toEqual([source, name, true]);
      }
    }
  });

  it('split the endpoint catalogue by resource, each endpoint in exactly one file', async () => {
    const names: string[] = [];
    for (const [name, e] of entries.filter(([n]) => n.startsWith('./endpoints/'))) {
      const module = await load(e['@tgraph/source']);
      for (const [key, value] of Object.entries(module)) {
        expect([name, key, value]).toEqual([name, key, (catalogue as Record<string, unknown>)[key]]);
        names.push(key);
      }
    }
    expect(names.sort()).toEqual(Object.keys(catalogue).sort());
    expect(new Set(names).size).toBe(names.length);
  });
});
