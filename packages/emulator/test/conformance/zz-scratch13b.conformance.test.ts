import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { emulator, gsqlStatements } from '../helpers.js';

test('scratch', async () => {
  const e = await emulator({ dataDir: '/work/shared/vendor/ecosys-tutorials/tutorials/data' });
  const dir = '/work/shared/vendor/ecosys-tutorials/tutorials/gsql';
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const r = await gsqlStatements(e, readFileSync(`${dir}/${f}`, 'utf8'));
    out.push(`==== ${f} ${r.status}\n${r.text.slice(0, 1500)}`);
  }
  writeFileSync('/tmp/13b/tut.txt', out.join('\n'));
}, 300000);
