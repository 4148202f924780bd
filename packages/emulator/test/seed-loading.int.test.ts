// The covid seed is loaded the way the starter kit loads it: CSV files through a loading job that
// stays in the graph, so a client can stream more rows of the same shape through /ddl.
import { describe, expect, test } from 'vitest';
import { emulator, gsqlStatements, http } from './helpers.js';

describe('covid seed loading job', () => {
  test('load_covid is listed and loads more patients through /ddl', async () => {
    const e = await emulator({ version: '4.2', auth: false, seed: 'covid' });
    const ls = await gsqlStatements(e, 'USE GRAPH MyGraph\nls');
    expect(ls.text).toContain('CREATE LOADING JOB load_covid FOR GRAPH MyGraph {');

    const csv =
      'patient_id,global_num,sex,birth_year,age,country,infection_case,contact_number,symptom_onset_date,confirmed_date,state,city_id,city,province_id,province,case_id,group_flag\n' +
      '9000000001,2001,female,1990,30s,Korea,etc,3,2020-03-01 00:00:00,2020-03-02 00:00:00,isolated,jongno_gu,Jongno-gu,seoul,Seoul,etc,false\n';
    const r = await http(`${e.restppUrl}/ddl/MyGraph?tag=load_covid&filename=patients&sep=,&eol=%0A`, {
      method: 'POST',
      body: csv,
    });
    expect(r.status).toBe(200);
    // 4.x form (reference §4.6): statistics.parsingStatistics.fileLevel / objectLevel.
    expect(r.json).toMatchObject({
      error: false,
      results: [
        {
          sourceFileName: 'Online_POST',
          statistics: { parsingStatistics: { fileLevel: { validLine: 1, rejectLine: 0 } } },
        },
      ],
    });

    const got = await http(
      `${e.restppUrl}/graph/MyGraph/vertices/Patient/9000000001?select=birth_year,state`,
    );
    expect(got.json).toMatchObject({
      error: false,
      results: [
        { v_id: '9000000001', v_type: 'Patient', attributes: { birth_year: 1990, state: 'isolated' } },
      ],
    });
    const count = await http(`${e.restppUrl}/builtins/MyGraph`, {
      method: 'POST',
      body: JSON.stringify({ function: 'stat_vertex_number', type: 'Patient' }),
    });
    expect(count.json).toMatchObject({ results: [{ v_type: 'Patient', count: 25 }] });
  });
});
