// SHOW VERTEX / SHOW EDGE with a name, a glob (`*`, `?`) or `-r regex`, in the graph in use or globally.
import { describe, expect, test } from 'vitest';
import { emulator, gsqlFile } from './helpers.js';

const SCHEMA = `CREATE VERTEX Account (PRIMARY_ID name STRING, isBlocked BOOL)
CREATE VERTEX City (PRIMARY_ID name STRING)
CREATE VERTEX Phone (PRIMARY_ID number STRING)
CREATE DIRECTED EDGE transfer (FROM Account, TO Account) WITH REVERSE_EDGE="transfer_reverse"
CREATE UNDIRECTED EDGE hasPhone (FROM Account, TO Phone)
CREATE GRAPH g (Account, Phone, transfer, transfer_reverse, hasPhone)`;

const names = (text: string, kind: string) =>
  [...text.matchAll(new RegExp(`^  - ${kind} (\\w+)`, 'gm'))].map((m) => m[1]);

describe('SHOW VERTEX / SHOW EDGE', () => {
  test('globs and regexes pick types by name; the scope is the graph in use', async () => {
    const e = await emulator({ gsqlScript: SCHEMA });
    const show = async (line: string, graph = true) =>
      (await gsqlFile(e, `${graph ? 'USE GRAPH g' : 'USE GLOBAL'}\n${line}`)).text;
    expect(names(await show('SHOW VERTEX Acc*'), 'VERTEX')).toEqual(['Account']);
    expect(names(await show('SHOW VERTEX Ac?*t'), 'VERTEX')).toEqual(['Account']);
    expect(names(await show('SHOW VERTEX ?????'), 'VERTEX')).toEqual(['Phone']);
    expect(names(await show('SHOW VERTEX ????', false), 'VERTEX')).toEqual(['City']);
    expect(names(await show('SHOW VERTEX ????'), 'VERTEX')).toEqual([]);
    expect(names(await show('SHOW VERTEX -r [AP].*'), 'VERTEX')).toEqual(['Account', 'Phone']);
    // Reverse edge types are listed with their forward type, as ls lists them.
    expect(names(await show('SHOW EDGE *'), 'DIRECTED EDGE')).toEqual(['transfer']);
    expect(names(await show('SHOW EDGE has*'), 'UNDIRECTED EDGE')).toEqual(['hasPhone']);
  });
});
