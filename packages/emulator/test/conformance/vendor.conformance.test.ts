// The conformance run reads TigerGraph's sources from the vendored folder: check it finds the whole
// algorithm library and the tutorial, so a wrong TGRAPH_VENDOR_DIR fails here first.
import { describe, expect, test } from 'vitest';
import { libraryQuery, libraryQueryFiles, readVendor } from './vendor.js';

describe('vendored TigerGraph sources', () => {
  test('the algorithm library: 69 tg_*.gsql files, each creating one tg_ query', () => {
    const files = libraryQueryFiles();
    expect(files).toHaveLength(69);
    const names = files.map((f) => libraryQuery((f.split('/').pop() as string).replace(/\.gsql$/, '')).name);
    expect(names.every((n) => n.startsWith('tg_'))).toBe(true);
    expect(new Set(names).size).toBe(69);
  });

  test('the GSQL tutorial and its data', () => {
    expect(readVendor('ecosys-tutorials', 'tutorials', 'GSQL.md')).toContain('SYNTAX v3');
    expect(readVendor('ecosys-tutorials', 'tutorials', 'data', 'account.csv').split('\n')[0]).toContain(
      'name',
    );
  });
});
