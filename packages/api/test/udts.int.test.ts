// UDTs and UDF files against the emulator, on both lines.
import { NotFoundError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { getUdf, getUdt, listUdts, putUdf, type UdfFile } from '../src/udts.js';
import { env, header, thrown, VERSIONS } from './schema-helpers.js';

const SCRIPT =
  'TYPEDEF TUPLE <f1 INT(8), f2 STRING(10), f3 DATETIME> Triple\nTYPEDEF TUPLE <a UINT(4)> Single';

for (const version of VERSIONS) {
  describe(`UDTs and UDF files on TigerGraph ${version}`, async () => {
    const e = await env(version, { gsqlScript: SCRIPT });

    it('lists UDTs with their fields', async () => {
      e.clear();
      const udts = await listUdts(e.ctx);
      expect(e.one('GET', e.line === '4' ? '/gsql/v1/udt/tuples' : '/gsqlserver/gsql/udtlist').url).toBe(
        e.line === '4' ? '/gsql/v1/udt/tuples?graph=MyGraph' : '/gsqlserver/gsql/udtlist?graph=MyGraph',
      );
      expect(udts).toEqual([
        {
          name: 'Triple',
          fields: [
            { name: 'f1', type: 'INT', length: 8 },
            { name: 'f2', type: 'STRING', length: 10 },
            { name: 'f3', type: 'DATETIME', length: undefined },
          ],
        },
        { name: 'Single', fields: [{ name: 'a', type: 'UINT', length: 4 }] },
      ]);
    });

    it('gets one UDT (4.x by name, 3.x from the list) and reports an unknown one', async () => {
      e.clear();
      expect((await getUdt(e.ctx, 'Single')).fields).toEqual([{ name: 'a', type: 'UINT', length: 4 }]);
      if (e.line === '4')
        expect(e.one('GET', '/gsql/v1/udt/tuples/Single').url).toBe('/gsql/v1/udt/tuples/Single');
      else
        expect(e.one('GET', '/gsqlserver/gsql/udtlist').url).toBe('/gsqlserver/gsql/udtlist?graph=MyGraph');
      expect(await thrown(getUdt(e.ctx, 'Nope'))).toBeInstanceOf(NotFoundError);
    });

    it('reads and replaces UDF files at the line’s endpoint', async () => {
      for (const file of ['ExprFunctions', 'ExprUtil'] as const) {
        e.clear();
        const original = await getUdf(e.ctx, file);
        expect(original).toContain('#include <string>');
        const where =
          e.line === '4'
            ? `/gsql/v1/udt/files/${file}`
            : `/gsqlserver/gsql/userdefinedfunction?filename=${file}`;
        expect(e.one('GET', e.line === '4' ? where : '/gsqlserver/gsql/userdefinedfunction').url).toBe(where);
        e.clear();
        const source = `// ${file}\ninline int64_t twice(int64_t x) { return 2 * x; }\n`;
        await putUdf(e.ctx, file, source);
        const put = e.one('PUT', e.line === '4' ? where : '/gsqlserver/gsql/userdefinedfunction');
        expect(put.url).toBe(where);
        expect(put.body).toBe(source);
        expect(header(put, 'content-type')).toBe('text/plain');
        expect(await getUdf(e.ctx, file)).toBe(source);
      }
    });

    it('refuses other file names before sending', async () => {
      e.clear();
      expect(await thrown(getUdf(e.ctx, 'TokenBank' as UdfFile))).toBeInstanceOf(ValidationError);
      expect(await thrown(putUdf(e.ctx, '../etc' as UdfFile, 'x'))).toBeInstanceOf(ValidationError);
      expect(e.sent()).toHaveLength(0);
    });
  });
}
