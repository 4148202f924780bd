// loadFile (Node): a CSV on disk streamed through the covid seed's loading job, with progress and
// TigerGraph's statistics; a missing file fails before any request.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { createClient, loadFile, type TigerGraphClient, ValidationError } from 'tgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HEADER =
  'patient_id,global_num,sex,birth_year,age,country,infection_case,contact_number,symptom_onset_date,confirmed_date,state,city_id,city,province_id,province,case_id,group_flag';

describe('loadFile (Node)', () => {
  let emu: RunningEmulator;
  let tg: TigerGraphClient;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', auth: true, seed: 'covid' });
    tg = createClient({ host: emu.gsUrl, graph: 'MyGraph', username: 'tigergraph', password: 'tigergraph' });
  });
  afterAll(async () => {
    await tg?.close();
    await emu?.stop();
  });

  it('streams the file to /ddl and returns the statistics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tgraph-load-'));
    const file = join(dir, 'patients.csv');
    const rows = Array.from(
      { length: 500 },
      (_, i) =>
        `77${String(i).padStart(8, '0')},${i},female,1980,40s,Korea,etc,1,2020-03-01 00:00:00,2020-03-02 00:00:00,released,jongno_gu,Jongno-gu,seoul,Seoul,etc,false`,
    );
    writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
    const progress: number[] = [];
    const start = emu.requests.length;
    const result = await loadFile(tg, 'load_covid', 'patients', file, {
      onProgress: (p) => progress.push(p.bytes),
    });
    expect(result.statistics.validLines).toBe(500);
    expect(result.statistics.rejectedLines).toBe(0);
    expect(progress.at(-1)).toBeGreaterThan(500 * 100);
    const ddl = emu.requests.slice(start).find((r) => r.path === '/restpp/ddl/MyGraph');
    expect(ddl?.query).toMatchObject({ tag: 'load_covid', filename: 'patients' });
    expect(await tg.vertices.count('Patient')).toBe(524);
  });

  it('refuses a missing file before sending anything', async () => {
    const start = emu.requests.length;
    await expect(loadFile(tg, 'load_covid', 'patients', '/nonexistent/x.csv')).rejects.toThrow(
      ValidationError,
    );
    await expect(loadFile(tg, 'load_covid', 'patients', '/nonexistent/x.csv')).rejects.toThrow(
      /cannot read '\/nonexistent\/x.csv' \(ENOENT\)/,
    );
    expect(emu.requests.length).toBe(start);
  });
});
