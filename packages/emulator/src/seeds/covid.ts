// The `covid` seed: a small contact-tracing graph shaped like TigerGraph's COVID-19 starter kit
// (graph MyGraph: Patient with birth_year, City, Province, InfectionCase; who-infected-whom and
// travel edges; installed queries in covid-queries.ts). Values are synthetic; the first five
// patients are the ones the Cloud docs' example lists, in that order. The data is loaded the way
// the starter kit loads it: CSV files through a loading job.

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
 * The seed's loading job: how the starter kit's CSV files map onto the graph. It stays in the
 * graph (`ls`, `SHOW JOB load_covid`), so a client can load more rows of the same shape.
 */
export const COVID_LOADING_JOB = `
CREATE LOADING JOB load_covid FOR GRAPH MyGraph {
  DEFINE FILENAME patients;
  DEFINE FILENAME infections;
  DEFINE FILENAME travels;
  LOAD patients TO VERTEX Patient VALUES ($"patient_id", $"global_num", $"sex", $"birth_year", $"age", $"country", _, $"infection_case", _, $"contact_number", $"symptom_onset_date", $"confirmed_date", _, _, $"state"),
    TO VERTEX City VALUES ($"city_id", $"city", _, _, _, _, _, _, _),
    TO VERTEX Province VALUES ($"province_id", $"province", _, _),
    TO VERTEX InfectionCase VALUES ($"case_id", $"infection_case", _, $"group_flag", _, _),
    TO EDGE PATIENT_FROM_CITY VALUES ($"patient_id", $"city_id"),
    TO EDGE PATIENT_FROM_PROVINCE VALUES ($"patient_id", $"province_id"),
    TO EDGE BELONGS_TO_CASE VALUES ($"patient_id", $"case_id"),
    TO EDGE CITY_IN_PROVINCE VALUES ($"city_id", $"province_id")
    USING SEPARATOR=",", HEADER="true", EOL="\\n";
  LOAD infections TO EDGE INFECTED_BY VALUES ($"infected", $"infector") USING SEPARATOR=",", HEADER="true", EOL="\\n";
  LOAD travels TO EDGE TRAVELED VALUES ($"patient_id", $"city_id", $"travel_date") USING SEPARATOR=",", HEADER="true", EOL="\\n";
}
`;

const PATIENT_COLUMNS = [
  'patient_id',
  'global_num',
  'sex',
  'birth_year',
  'age',
  'country',
  'infection_case',
  'contact_number',
  'symptom_onset_date',
  'confirmed_date',
  'state',
  'city_id',
  'city',
  'province_id',
  'province',
  'case_id',
  'group_flag',
];

const csv = (columns: string[], rows: (string | number | boolean)[][]): string =>
  [columns, ...rows].map((r) => r.join(',')).join('\n') + '\n';

/** The CSV files `load_covid` reads, by file variable (the documented five patients come first). */
export function covidCsvFiles(): Record<'patients' | 'infections' | 'travels', string> {
  const patients = PATIENTS.map(([id, birthYear, sex, city, province, infectionCase, confirmed], i) => [
    id,
    1000 + i,
    sex,
    birthYear,
    birthYear === 0 ? '' : `${Math.floor((2020 - birthYear) / 10) * 10}s`,
    'Korea',
    infectionCase,
    (i * 7) % 40,
    `${confirmed} 00:00:00`,
    `${confirmed} 00:00:00`,
    i % 5 === 0 ? 'isolated' : 'released',
    slug(city),
    city,
    slug(province),
    province,
    slug(infectionCase),
    !/inflow|contact|etc/.test(infectionCase),
  ]);
  return {
    patients: csv(PATIENT_COLUMNS, patients),
    infections: csv(['infected', 'infector'], INFECTED_BY),
    travels: csv(
      ['patient_id', 'city_id', 'travel_date'],
      TRAVELED.map(([patient, city, date]) => [patient, slug(city), `${date} 00:00:00`]),
    ),
  };
}
