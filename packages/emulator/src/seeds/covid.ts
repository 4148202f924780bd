// The `covid` seed: a small contact-tracing graph shaped like TigerGraph's COVID-19 starter kit
// (graph MyGraph: Patient with birth_year, City, Province, InfectionCase; who-infected-whom and
// travel edges; installed queries in covid-queries.ts). Values are synthetic; the first five
// patients are the ones the Cloud docs' example lists, in that order.

export const COVID_SCHEMA = `
CREATE VERTEX Patient (PRIMARY_ID patient_id STRING, global_num INT, sex STRING, birth_year INT, age STRING, country STRING, disease STRING, infection_case STRING, infection_order INT, contact_number INT, symptom_onset_date DATETIME, confirmed_date DATETIME, released_date DATETIME, deceased_date DATETIME, state STRING) WITH STATS="OUTDEGREE_BY_EDGETYPE", PRIMARY_ID_AS_ATTRIBUTE="true"
CREATE VERTEX City (PRIMARY_ID city_id STRING, city STRING, elementary_school_count INT, kindergarten_count INT, university_count INT, academy_ratio DOUBLE, elderly_population_ratio DOUBLE, elderly_alone_ratio DOUBLE, nursing_home_count INT) WITH STATS="OUTDEGREE_BY_EDGETYPE"
CREATE VERTEX Province (PRIMARY_ID province_id STRING, province STRING, population INT, area DOUBLE) WITH STATS="OUTDEGREE_BY_EDGETYPE"
CREATE VERTEX InfectionCase (PRIMARY_ID infection_case_id STRING, infection_case STRING, confirmed INT, group_flag BOOL, latitude DOUBLE, longitude DOUBLE) WITH STATS="OUTDEGREE_BY_EDGETYPE"
CREATE UNDIRECTED EDGE PATIENT_FROM_CITY (FROM Patient, TO City)
CREATE UNDIRECTED EDGE PATIENT_FROM_PROVINCE (FROM Patient, TO Province)
CREATE UNDIRECTED EDGE CITY_IN_PROVINCE (FROM City, TO Province)
CREATE UNDIRECTED EDGE BELONGS_TO_CASE (FROM Patient, TO InfectionCase)
CREATE DIRECTED EDGE INFECTED_BY (FROM Patient, TO Patient) WITH REVERSE_EDGE="reverse_INFECTED_BY"
CREATE DIRECTED EDGE TRAVELED (FROM Patient, TO City, travel_date DATETIME) WITH REVERSE_EDGE="reverse_TRAVELED"
CREATE GRAPH MyGraph (Patient, City, Province, InfectionCase, PATIENT_FROM_CITY, PATIENT_FROM_PROVINCE, CITY_IN_PROVINCE, BELONGS_TO_CASE, INFECTED_BY, reverse_INFECTED_BY, TRAVELED, reverse_TRAVELED)
`;

type Row = [
  id: string,
  birthYear: number,
  sex: string,
  city: string,
  province: string,
  infectionCase: string,
  confirmed: string,
];

const PATIENTS: Row[] = [
  ['6100000100', 1959, 'male', 'Changwon-si', 'Gyeongsangnam-do', 'overseas inflow', '2020-03-28'],
  ['6023000024', 0, '', 'Gyeongju-si', 'Gyeongsangbuk-do', 'etc', '2020-02-25'],
  ['6022000024', 1978, 'female', 'Gyeongsan-si', 'Gyeongsangbuk-do', 'contact with patient', '2020-02-27'],
  ['6020000020', 0, '', 'Andong-si', 'Gyeongsangbuk-do', 'etc', '2020-02-24'],
  ['6015000008', 0, '', 'Yeongcheon-si', 'Gyeongsangbuk-do', 'etc', '2020-02-26'],
  ['1000000001', 1964, 'male', 'Gangseo-gu', 'Seoul', 'overseas inflow', '2020-01-23'],
  ['1000000002', 1987, 'male', 'Jungnang-gu', 'Seoul', 'overseas inflow', '2020-01-30'],
  ['1000000003', 1964, 'male', 'Jongno-gu', 'Seoul', 'contact with patient', '2020-01-30'],
  ['1000000004', 1991, 'male', 'Mapo-gu', 'Seoul', 'overseas inflow', '2020-01-30'],
  ['1000000005', 1992, 'female', 'Seongbuk-gu', 'Seoul', 'contact with patient', '2020-01-31'],
  ['1000000006', 1966, 'female', 'Jongno-gu', 'Seoul', 'contact with patient', '2020-01-31'],
  ['1000000007', 1995, 'male', 'Jongno-gu', 'Seoul', 'contact with patient', '2020-01-31'],
  ['1000000008', 1992, 'male', 'Jungnang-gu', 'Seoul', 'overseas inflow', '2020-02-02'],
  ['1000000009', 1983, 'female', 'Seongbuk-gu', 'Seoul', 'contact with patient', '2020-02-05'],
  ['1000000010', 1995, 'female', 'Seongbuk-gu', 'Seoul', 'contact with patient', '2020-02-05'],
  ['1100000001', 1991, 'male', 'Dongnae-gu', 'Busan', 'Onchun Church', '2020-02-21'],
  ['1100000002', 1997, 'male', 'Haeundae-gu', 'Busan', 'Onchun Church', '2020-02-21'],
  ['1200000001', 1981, 'female', 'Nam-gu', 'Daegu', 'Shincheonji Church', '2020-02-18'],
  ['1200000002', 1966, 'male', 'Dalseo-gu', 'Daegu', 'Shincheonji Church', '2020-02-19'],
  ['1200000003', 1973, 'female', 'Suseong-gu', 'Daegu', 'Shincheonji Church', '2020-02-19'],
  ['2000000001', 1958, 'female', 'Goyang-si', 'Gyeonggi-do', 'overseas inflow', '2020-01-26'],
  ['2000000002', 1988, 'male', 'Pyeongtaek-si', 'Gyeonggi-do', 'contact with patient', '2020-02-01'],
  ['2000000003', 1977, 'male', 'Bucheon-si', 'Gyeonggi-do', 'overseas inflow', '2020-02-02'],
  ['2000000004', 1958, 'female', 'Bucheon-si', 'Gyeonggi-do', 'contact with patient', '2020-02-05'],
];

/** Who infected whom (infected → infector), for INFECTED_BY edges. */
const INFECTED_BY: [string, string][] = [
  ['1000000003', '1000000001'],
  ['1000000005', '1000000004'],
  ['1000000006', '1000000003'],
  ['1000000007', '1000000003'],
  ['1000000009', '1000000005'],
  ['1000000010', '1000000005'],
  ['2000000002', '1000000002'],
  ['2000000004', '2000000003'],
];

/** Trips outside the home city (patient, city visited, date), for TRAVELED edges. */
const TRAVELED: [string, string, string][] = [
  ['1000000001', 'Jongno-gu', '2020-01-20'],
  ['1000000001', 'Mapo-gu', '2020-01-21'],
  ['1000000003', 'Seongbuk-gu', '2020-01-28'],
  ['1000000005', 'Jongno-gu', '2020-01-29'],
  ['1200000001', 'Dalseo-gu', '2020-02-15'],
  ['2000000003', 'Goyang-si', '2020-01-30'],
];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/**
 * The RESTPP upsert payloads that load the seed data. Two payloads, because JS objects list
 * integer-like keys (ids below 2^32) first: the documented five must be inserted before the rest.
 */
export function covidUpserts(): Record<string, unknown>[] {
  return [payload(PATIENTS.slice(0, 5), 0), payload(PATIENTS.slice(5), 5)];
}

function payload(rows: Row[], offset: number): Record<string, unknown> {
  const patients: Record<string, unknown> = {};
  const cities: Record<string, unknown> = {};
  const provinces: Record<string, unknown> = {};
  const cases: Record<string, unknown> = {};
  const patientEdges: Record<string, unknown> = {};
  const cityEdges: Record<string, unknown> = {};
  rows.forEach(([id, birthYear, sex, city, province, infectionCase, confirmed], j) => {
    const i = j + offset;
    const attrs: Record<string, { value: unknown }> = {
      global_num: { value: 1000 + i },
      sex: { value: sex },
      birth_year: { value: birthYear },
      age: { value: birthYear === 0 ? '' : `${Math.floor((2020 - birthYear) / 10) * 10}s` },
      country: { value: 'Korea' },
      infection_case: { value: infectionCase },
      contact_number: { value: (i * 7) % 40 },
      symptom_onset_date: { value: `${confirmed} 00:00:00` },
      confirmed_date: { value: `${confirmed} 00:00:00` },
      state: { value: i % 5 === 0 ? 'isolated' : 'released' },
    };
    patients[id] = attrs;
    const cityId = slug(city);
    const provinceId = slug(province);
    const caseId = slug(infectionCase);
    cities[cityId] = { city: { value: city } };
    provinces[provinceId] = { province: { value: province } };
    cases[caseId] = {
      infection_case: { value: infectionCase },
      group_flag: { value: !/inflow|contact|etc/.test(infectionCase) },
    };
    patientEdges[id] = {
      PATIENT_FROM_CITY: { City: { [cityId]: {} } },
      PATIENT_FROM_PROVINCE: { Province: { [provinceId]: {} } },
      BELONGS_TO_CASE: { InfectionCase: { [caseId]: {} } },
    };
    cityEdges[cityId] = { CITY_IN_PROVINCE: { Province: { [provinceId]: {} } } };
  });
  for (const [infected, infector] of INFECTED_BY) {
    const e = patientEdges[infected] as Record<string, unknown> | undefined;
    if (e) e['INFECTED_BY'] = { Patient: { [infector]: {} } };
  }
  for (const [patient, city, date] of TRAVELED) {
    const e = patientEdges[patient] as Record<string, Record<string, Record<string, unknown>>> | undefined;
    if (!e) continue;
    e['TRAVELED'] ??= { City: {} };
    (e['TRAVELED']['City'] as Record<string, unknown>)[slug(city)] = {
      travel_date: { value: `${date} 00:00:00` },
    };
  }
  return {
    vertices: { Patient: patients, City: cities, Province: provinces, InfectionCase: cases },
    edges: { Patient: patientEdges, City: cityEdges },
  };
}
