// Table-driven GSQL over the covid seed: each query runs through the interpreted-query endpoint (or,
// when it uses what interpreted mode refuses, is created and installed; or is an installed seed
// query) and its printed JSON is checked against results worked out by hand from the seed data in
// src/seeds/covid.ts (never from the interpreter's own output).
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunningEmulator } from '../src/index.js';
import { basic, emulator, http, installAndRun } from './helpers.js';

interface Case {
  name: string;
  /** Parameter list of INTERPRET QUERY (…). */
  params?: string;
  body?: string;
  /** Uses what interpreted mode refuses (ORDER BY, ArrayAccum, …): created, installed and run instead. */
  install?: true;
  /** Installed seed query to call instead (GET /query/MyGraph/<installed>). */
  installed?: string;
  /** Query string (RESTPP's GET encoding). */
  qs?: string;
  expected: Record<string, unknown>[];
  /** [print index, key] of arrays whose order TigerGraph does not define: compared sorted. */
  unordered?: [number, string][];
}

const V = (v_type: string, v_id: string, attributes: Record<string, unknown>) => ({
  v_id,
  v_type,
  attributes,
});

const CASES: Case[] = [
  { name: 'seed {Type.*} and .size()', body: 'S = {Patient.*}; PRINT S.size() AS n;', expected: [{ n: 24 }] },
  {
    name: 'SumAccum with WHERE',
    body: 'SumAccum<INT> @@m; S = {Patient.*}; S = SELECT s FROM S:s WHERE s.sex == "male" ACCUM @@m += 1; PRINT @@m;',
    expected: [{ '@@m': 12 }],
  },
  {
    name: 'MaxAccum / MinAccum',
    body: 'MaxAccum<INT> @@mx; MinAccum<INT> @@mn; S = {Patient.*}; S = SELECT s FROM S:s WHERE s.birth_year > 0 ACCUM @@mx += s.birth_year, @@mn += s.birth_year; PRINT @@mx, @@mn;',
    expected: [{ '@@mx': 1997, '@@mn': 1958 }],
  },
  {
    name: 'MaxAccum / MinAccum of a tuple: field by field, numbers as numbers',
    body: 'TYPEDEF TUPLE<FLOAT q, FLOAT w, STRING c> M; MaxAccum<M> @@mx; MinAccum<M> @@mn; @@mx += M(529, -14, "a"); @@mx += M(1579, -12, "b"); @@mx += M(1579, -13, "z"); @@mx += M(530, -14, "c"); @@mn += M(10, 2, "b"); @@mn += M(9, 5, "a"); @@mn += M(9, 5, "0"); PRINT @@mx, @@mn;',
    expected: [{ '@@mx': { q: 1579, w: -12, c: 'b' }, '@@mn': { q: 9, w: 5, c: '0' } }],
  },
  {
    name: 'instr(): 0-based, from a position, n-th occurrence, -1 when absent',
    body: 'PRINT instr("a,b,c", ",") AS a, instr("a,b,c", ",", 0, 2) AS b, instr("a,b,c", ",", 2) AS c, instr("abc", ",") AS d, instr("a,b", ",", 0, 3) AS e;',
    expected: [{ a: 1, b: 3, c: 3, d: -1, e: -1 }],
  },
  {
    name: 'ArrayAccum: elements read, set and accumulated, printed as nested arrays',
    install: true,
    body: 'ArrayAccum<SumAccum<INT>> @@a[2][3]; @@a[0][1] += 5; @@a[0][1] += 2; @@a[1][2] = 7; @@a[1][0] += @@a[0][1] * 2; PRINT @@a, @@a[0][1] AS x;',
    expected: [
      {
        '@@a': [
          [0, 7, 0],
          [14, 0, 7],
        ],
        x: 7,
      },
    ],
  },
  {
    name: 'ArrayAccum: reallocate gives fresh elements, = copies, += adds element by element',
    install: true,
    body: 'ArrayAccum<SumAccum<INT>> @@a[2]; ArrayAccum<SumAccum<INT>> @@b[2]; @@a[1] += 3; @@a.reallocate(3); @@a[2] += 1; @@b.reallocate(3); @@b[0] += 2; @@a += @@b; @@b = @@a; @@b[1] += 4; PRINT @@a, @@b;',
    expected: [{ '@@a': [2, 0, 1], '@@b': [2, 4, 1] }],
  },
  {
    name: 'ArrayAccum of AvgAccum filled in ACCUM',
    install: true,
    body: 'ArrayAccum<AvgAccum> @@avg[2]; S = {Patient.*}; S = SELECT s FROM S:s ACCUM @@avg[0] += 1, @@avg[1] += 3; PRINT @@avg;',
    expected: [{ '@@avg': [1, 3] }],
  },
  {
    name: 'AvgAccum over a one-hop pattern',
    body: 'AvgAccum @@a; S = {Patient.*}; S = SELECT s FROM S:s -(PATIENT_FROM_PROVINCE:e)- Province:p WHERE p.province == "Busan" ACCUM @@a += s.birth_year; PRINT @@a;',
    expected: [{ '@@a': 1994 }],
  },
  {
    name: 'OrAccum / AndAccum',
    body: 'OrAccum @@old; AndAccum @@korea; S = {Patient.*}; S = SELECT s FROM S:s -(PATIENT_FROM_PROVINCE:e)- Province:p WHERE p.province == "Seoul" ACCUM @@old += s.birth_year < 1960, @@korea += s.country == "Korea"; PRINT @@old, @@korea;',
    expected: [{ '@@old': false, '@@korea': true }],
  },
  {
    name: 'HeapAccum with a TYPEDEF TUPLE, two sort keys',
    body: 'TYPEDEF TUPLE<STRING id, INT year> P; HeapAccum<P>(3, year DESC, id ASC) @@h; S = {Patient.*}; S = SELECT s FROM S:s ACCUM @@h += P(s.patient_id, s.birth_year); PRINT @@h;',
    expected: [
      {
        '@@h': [
          { id: '1100000002', year: 1997 },
          { id: '1000000007', year: 1995 },
          { id: '1000000010', year: 1995 },
        ],
      },
    ],
  },
  {
    name: 'GroupByAccum',
    body: 'GroupByAccum<STRING prov, SumAccum<INT> n> @@g; S = {Patient.*}; S = SELECT s FROM S:s -(PATIENT_FROM_PROVINCE:e)- Province:p ACCUM @@g += (p.province -> 1); PRINT @@g;',
    expected: [
      {
        '@@g': [
          { prov: 'Busan', n: 2 },
          { prov: 'Daegu', n: 3 },
          { prov: 'Gyeonggi-do', n: 4 },
          { prov: 'Gyeongsangbuk-do', n: 4 },
          { prov: 'Gyeongsangnam-do', n: 1 },
          { prov: 'Seoul', n: 10 },
        ],
      },
    ],
    unordered: [[0, '@@g']],
  },
  {
    name: 'MapAccum of SumAccum',
    body: 'MapAccum<STRING, SumAccum<INT>> @@bySex; S = {Patient.*}; S = SELECT s FROM S:s ACCUM @@bySex += (s.sex -> 1); PRINT @@bySex;',
    expected: [{ '@@bySex': { male: 12, female: 9, '': 3 } }],
  },
  {
    name: 'MapAccum with a primitive value type',
    body: 'MapAccum<STRING, INT> @@m; S = {Patient.*}; S = SELECT s FROM S:s ACCUM @@m += (s.state -> 1); PRINT @@m;',
    expected: [{ '@@m': { isolated: 5, released: 19 } }],
  },
  {
    name: 'SetAccum and its size()',
    body: 'SetAccum<STRING> @@c; P = {Province.*}; S = SELECT s FROM P:p -(PATIENT_FROM_PROVINCE:e)- Patient:s WHERE p.province == "Seoul" ACCUM @@c += s.infection_case; PRINT @@c, @@c.size() AS n;',
    expected: [{ '@@c': ['contact with patient', 'overseas inflow'], n: 2 }],
    unordered: [[0, '@@c']],
  },
  {
    name: 'BagAccum keeps duplicates',
    body: 'BagAccum<STRING> @@b; P = {Province.*}; S = SELECT s FROM P:p -(PATIENT_FROM_PROVINCE:e)- Patient:s WHERE p.province == "Busan" ACCUM @@b += s.sex; PRINT @@b, @@b.size() AS n;',
    expected: [{ '@@b': ['male', 'male'], n: 2 }],
  },
  {
    name: 'ListAccum: +=, += list, get(), size()',
    body: 'ListAccum<INT> @@l; @@l += 5; @@l += 7; @@l += [1, 2]; PRINT @@l, @@l.get(1) AS second, @@l.size() AS n;',
    expected: [{ '@@l': [5, 7, 1, 2], second: 7, n: 4 }],
  },
  {
    name: 'VERTEX<T> parameter, classic -(reverse edge)-> pattern, ORDER BY, [attr] projection',
    install: true,
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000003',
    body: 'Start = {p}; R = SELECT t FROM Start:s -(reverse_INFECTED_BY:e)-> Patient:t ORDER BY t.patient_id; PRINT R[R.birth_year];',
    expected: [
      {
        R: [
          V('Patient', '1000000006', { 'R.birth_year': 1966 }),
          V('Patient', '1000000007', { 'R.birth_year': 1995 }),
        ],
      },
    ],
  },
  {
    name: 'classic <-(E)- (incoming directed edge)',
    install: true,
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000005',
    body: 'Start = {p}; R = SELECT t FROM Start:s <-(INFECTED_BY:e)- Patient:t ORDER BY t.patient_id; PRINT R[R.birth_year];',
    expected: [
      {
        R: [
          V('Patient', '1000000009', { 'R.birth_year': 1983 }),
          V('Patient', '1000000010', { 'R.birth_year': 1995 }),
        ],
      },
    ],
  },
  {
    name: 'syntax v2 -(E>)- (outgoing directed edge)',
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000006',
    body: 'Start = {p}; R = SELECT t FROM Start:s -(INFECTED_BY>:e)- Patient:t; PRINT R[R.birth_year];',
    expected: [{ R: [V('Patient', '1000000003', { 'R.birth_year': 1964 })] }],
  },
  {
    name: 'syntax v2 -(<E)- (incoming directed edge)',
    params: 'VERTEX<Patient> p',
    qs: 'p=2000000003',
    body: 'Start = {p}; R = SELECT t FROM Start:s -(<INFECTED_BY:e)- Patient:t; PRINT R[R.sex];',
    expected: [{ R: [V('Patient', '2000000004', { 'R.sex': 'female' })] }],
  },
  {
    name: 'edge-type alternatives E1|E2 on undirected edges, .type',
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000001',
    body: 'SetAccum<STRING> @@types; Start = {p}; R = SELECT t FROM Start:s -(PATIENT_FROM_CITY|PATIENT_FROM_PROVINCE:e)- :t ACCUM @@types += t.type; PRINT R.size() AS n, @@types;',
    expected: [{ n: 2, '@@types': ['City', 'Province'] }],
    unordered: [[0, '@@types']],
  },
  {
    name: 'classic -(_)-> : every edge type leaving the vertex (reverse edges included)',
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000001',
    body: 'SumAccum<INT> @@edges; Start = {p}; R = SELECT t FROM Start:s -(_:e)-> :t ACCUM @@edges += 1; PRINT @@edges, R.size() AS targets;',
    expected: [{ '@@edges': 6, targets: 6 }],
  },
  {
    // No SYNTAX header is v2, where `_` is any edge type, directed or undirected (gsql-docs querying/
    // syntax-versions.adoc): the patient's three undirected edges, its two TRAVELED edges and the
    // reverse_INFECTED_BY edge to the patient it infected (covid seed), as the classic row above.
    name: 'syntax v2 -(_)- (no header): every edge type, directed ones in their direction',
    install: true,
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000001',
    body: 'SetAccum<STRING> @@seen; Start = {p}; R = SELECT t FROM Start:s -(_:e)- :t ACCUM @@seen += e.type + ">" + t.type; PRINT R.size() AS n, @@seen;',
    expected: [
      {
        n: 6,
        '@@seen': [
          'PATIENT_FROM_CITY>City',
          'PATIENT_FROM_PROVINCE>Province',
          'BELONGS_TO_CASE>InfectionCase',
          'TRAVELED>City',
          'reverse_INFECTED_BY>Patient',
        ],
      },
    ],
    unordered: [[0, '@@seen']],
  },
  {
    name: 'syntax v2 FROM a vertex type',
    install: true,
    body: 'R = SELECT s FROM Patient:s WHERE s.birth_year == 1964 ORDER BY s.patient_id; PRINT R[R.sex];',
    expected: [
      {
        R: [V('Patient', '1000000001', { 'R.sex': 'male' }), V('Patient', '1000000003', { 'R.sex': 'male' })],
      },
    ],
  },
  {
    name: 'ACCUM, HAVING, ORDER BY two keys, LIMIT, projection alias',
    install: true,
    body: 'SumAccum<INT> @n; C = {City.*}; C = SELECT c FROM C:c -(PATIENT_FROM_CITY:e)- Patient:p ACCUM c.@n += 1 HAVING c.@n >= 2 ORDER BY c.@n DESC, c.city ASC LIMIT 3; PRINT C[C.city, C.@n AS n];',
    expected: [
      {
        C: [
          V('City', 'jongno_gu', { 'C.city': 'Jongno-gu', n: 3 }),
          V('City', 'seongbuk_gu', { 'C.city': 'Seongbuk-gu', n: 3 }),
          V('City', 'bucheon_si', { 'C.city': 'Bucheon-si', n: 2 }),
        ],
      },
    ],
  },
  {
    name: 'POST-ACCUM with IF and a global accumulator',
    install: true,
    body: 'SumAccum<INT> @cnt; OrAccum @big; SumAccum<INT> @@bigTotal; P = {Province.*}; P = SELECT p FROM P:p -(PATIENT_FROM_PROVINCE:e)- Patient:s ACCUM p.@cnt += 1 POST-ACCUM p.@big += p.@cnt >= 4, IF p.@cnt >= 4 THEN @@bigTotal += p.@cnt END ORDER BY p.province; PRINT @@bigTotal; PRINT P[P.@cnt, P.@big];',
    expected: [
      { '@@bigTotal': 18 },
      {
        P: [
          V('Province', 'busan', { 'P.@cnt': 2, 'P.@big': false }),
          V('Province', 'daegu', { 'P.@cnt': 3, 'P.@big': false }),
          V('Province', 'gyeonggi_do', { 'P.@cnt': 4, 'P.@big': true }),
          V('Province', 'gyeongsangbuk_do', { 'P.@cnt': 4, 'P.@big': true }),
          V('Province', 'gyeongsangnam_do', { 'P.@cnt': 1, 'P.@big': false }),
          V('Province', 'seoul', { 'P.@cnt': 10, 'P.@big': true }),
        ],
      },
    ],
  },
  {
    name: 'global accumulators read in ACCUM see the value before the clause',
    body: 'SumAccum<INT> @@a = 10; SumAccum<INT> @@b; S = SELECT s FROM Patient:s WHERE s.sex == "" ACCUM @@a += 1, @@b += @@a; PRINT @@a, @@b;',
    expected: [{ '@@a': 13, '@@b': 30 }],
  },
  {
    name: 'WHILE … LIMIT',
    install: true,
    body: 'INT i = 0; SumAccum<INT> @@s; WHILE i < 100 LIMIT 5 DO @@s += i; i = i + 1; END; PRINT i, @@s;',
    expected: [{ i: 5, '@@s': 10 }],
  },
  {
    name: 'WHILE with BREAK',
    install: true,
    body: 'INT i = 0; WHILE TRUE LIMIT 100 DO i = i + 1; IF i >= 3 THEN BREAK; END; END; PRINT i;',
    expected: [{ i: 3 }],
  },
  {
    name: 'IF / ELSE IF / ELSE',
    install: true,
    body: 'STRING r = ""; INT x = 7; IF x > 10 THEN r = "big"; ELSE IF x > 5 THEN r = "medium"; ELSE r = "small"; END; PRINT r;',
    expected: [{ r: 'medium' }],
  },
  {
    name: 'FOREACH over RANGE',
    body: 'SumAccum<INT> @@s; FOREACH i IN RANGE[1, 4] DO @@s += i * i; END; PRINT @@s;',
    expected: [{ '@@s': 30 }],
  },
  {
    name: 'FOREACH (k, v) over a MapAccum',
    body: 'MapAccum<STRING, INT> @@m; SumAccum<INT> @@t; @@m += ("a" -> 2); @@m += ("b" -> 3); @@m += ("a" -> 5); FOREACH (k, v) IN @@m DO @@t += v; END; PRINT @@m, @@t;',
    expected: [{ '@@m': { a: 7, b: 3 }, '@@t': 10 }],
  },
  {
    name: 'arithmetic and string built-ins',
    body: 'PRINT 7 / 2 AS intdiv, 7.0 / 2 AS fdiv, 7 % 3 AS m, abs(-4) AS a, pow(2, 10) AS p, sqrt(16) AS r, upper("abc") AS u, lower("XyZ") AS l, trim("  x ") AS t, "a" + "b" AS c, substr("contact", 0, 3) AS sub, length("hello") AS len;',
    expected: [
      {
        intdiv: 3,
        fdiv: 3.5,
        m: 1,
        a: 4,
        p: 1024,
        r: 4,
        u: 'ABC',
        l: 'xyz',
        t: 'x',
        c: 'ab',
        sub: 'con',
        len: 5,
      },
    ],
  },
  {
    name: 'to_string / str_to_int',
    body: 'PRINT to_string(42) AS s, str_to_int("17") + 1 AS n;',
    expected: [{ s: '42', n: 18 }],
  },
  {
    name: 'DATETIME functions',
    install: true,
    body: 'DATETIME d = to_datetime("2020-01-30 12:34:56"); PRINT year(d) AS y, month(d) AS mo, day(d) AS dd, hour(d) AS h, minute(d) AS mi, second(d) AS s, d AS dt, datetime_format(d, "%Y/%m/%d") AS f, datetime_diff(to_datetime("2020-02-01"), to_datetime("2020-01-30")) AS diff, datetime_add(d, INTERVAL 2 DAY) AS later;',
    expected: [
      {
        y: 2020,
        mo: 1,
        dd: 30,
        h: 12,
        mi: 34,
        s: 56,
        dt: '2020-01-30 12:34:56',
        f: '2020/01/30',
        diff: 172800,
        later: '2020-02-01 12:34:56',
      },
    ],
  },
  {
    name: 'DATETIME attribute in WHERE and ORDER BY',
    install: true,
    body: 'S = SELECT s FROM Patient:s WHERE s.confirmed_date < to_datetime("2020-01-27") ORDER BY s.confirmed_date; PRINT S[S.confirmed_date];',
    expected: [
      {
        S: [
          V('Patient', '1000000001', { 'S.confirmed_date': '2020-01-23 00:00:00' }),
          V('Patient', '2000000001', { 'S.confirmed_date': '2020-01-26 00:00:00' }),
        ],
      },
    ],
  },
  {
    name: 'outdegree() and outdegree("E")',
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000001',
    body: 'Start = {p}; PRINT Start[Start.outdegree() AS all_edges, Start.outdegree("TRAVELED") AS trips];',
    expected: [{ Start: [V('Patient', '1000000001', { all_edges: 6, trips: 2 })] }],
  },
  {
    name: 'edge attributes through the edge alias: MinAccum / MaxAccum<DATETIME>',
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000001',
    body: 'MinAccum<DATETIME> @@first; MaxAccum<DATETIME> @@last; SetAccum<STRING> @@et; Start = {p}; R = SELECT t FROM Start:s -(TRAVELED>:e)- City:t ACCUM @@first += e.travel_date, @@last += e.travel_date, @@et += e.type; PRINT @@first, @@last, @@et;',
    expected: [{ '@@first': '2020-01-20 00:00:00', '@@last': '2020-01-21 00:00:00', '@@et': ['TRAVELED'] }],
  },
  {
    name: 'vertex-set UNION / INTERSECT / MINUS',
    body: 'P = {Province.*}; A = SELECT s FROM P:p -(PATIENT_FROM_PROVINCE:e)- Patient:s WHERE p.province == "Seoul"; B = SELECT s FROM Patient:s WHERE s.sex == "male"; U = A UNION B; I = A INTERSECT B; M = A MINUS B; PRINT U.size() AS u, I.size() AS i, M.size() AS m;',
    expected: [{ u: 16, i: 6, m: 4 }],
  },
  {
    name: 'SET<STRING> parameter (repeated keys) and IN',
    params: 'SET<STRING> cases',
    qs: 'cases=etc&cases=Onchun%20Church',
    body: 'S = SELECT s FROM Patient:s WHERE s.infection_case IN cases; PRINT S.size() AS n;',
    expected: [{ n: 5 }],
  },
  {
    name: 'LIST<INT> parameter (indexed form p[0]=…)',
    params: 'LIST<INT> years',
    qs: 'years%5B0%5D=1964&years%5B1%5D=1995',
    body: 'S = SELECT s FROM Patient:s WHERE s.birth_year IN years; PRINT S.size() AS n, years;',
    expected: [{ n: 4, years: [1964, 1995] }],
  },
  {
    name: 'untyped VERTEX parameter with .type',
    install: true,
    params: 'VERTEX v',
    qs: 'v=seoul&v.type=Province',
    body: 'Start = {v}; R = SELECT s FROM Start:p -(PATIENT_FROM_PROVINCE:e)- Patient:s; PRINT R.size() AS n, v AS v, v.type AS t;',
    expected: [{ n: 10, v: 'seoul', t: 'Province' }],
  },
  {
    name: 'SET<VERTEX<Patient>> parameter (repeated ids)',
    params: 'SET<VERTEX<Patient>> ps',
    qs: 'ps=1000000003&ps=1000000005',
    body: 'S = {ps}; R = SELECT t FROM S:s -(<INFECTED_BY:e)- Patient:t; PRINT R.size() AS infected;',
    expected: [{ infected: 4 }],
  },
  {
    name: 'SET<VERTEX> parameter (indexed ids with .type)',
    params: 'SET<VERTEX> vs',
    qs: 'vs%5B0%5D=1000000001&vs%5B0%5D.type=Patient&vs%5B1%5D=seoul&vs%5B1%5D.type=Province',
    body: 'S = {vs}; PRINT S.size() AS n, vs;',
    expected: [{ n: 2, vs: ['1000000001', 'seoul'] }],
    unordered: [[0, 'vs']],
  },
  {
    name: 'DATETIME parameter',
    params: 'DATETIME since',
    qs: 'since=2020-02-20%2000%3A00%3A00',
    body: 'S = SELECT s FROM Patient:s WHERE s.confirmed_date >= since; PRINT S.size() AS n;',
    expected: [{ n: 7 }],
  },
  {
    name: 'CASE expression as a MapAccum key',
    body: 'MapAccum<STRING, SumAccum<INT>> @@m; S = SELECT s FROM Patient:s WHERE s.birth_year > 0 ACCUM @@m += (CASE WHEN s.birth_year < 1970 THEN "old" WHEN s.birth_year < 1990 THEN "mid" ELSE "young" END -> 1); PRINT @@m;',
    expected: [{ '@@m': { old: 7, mid: 7, young: 7 } }],
  },
  {
    name: 'BETWEEN, COALESCE, ISEMPTY, GSQL_INT_MAX',
    install: true,
    body: 'SetAccum<INT> @@none; S = SELECT s FROM Patient:s WHERE s.birth_year BETWEEN 1990 AND 1995; PRINT S.size() AS n, coalesce(NULL, "x") AS c, isempty(@@none) AS empty, GSQL_INT_MAX - 9223372036854775000 AS tail;',
    expected: [{ n: 6, c: 'x', empty: true, tail: 807 }],
  },
  {
    name: 'ListAccum<EDGE> prints edges in RESTPP edge shape',
    params: 'VERTEX<Patient> p',
    qs: 'p=1000000001',
    body: 'ListAccum<EDGE> @@trips; Start = {p}; R = SELECT t FROM Start:s -(TRAVELED>:e)- City:t ACCUM @@trips += e; PRINT @@trips;',
    expected: [
      {
        '@@trips': [
          {
            e_type: 'TRAVELED',
            directed: true,
            from_id: '1000000001',
            from_type: 'Patient',
            to_id: 'jongno_gu',
            to_type: 'City',
            attributes: { travel_date: '2020-01-20 00:00:00' },
          },
          {
            e_type: 'TRAVELED',
            directed: true,
            from_id: '1000000001',
            from_type: 'Patient',
            to_id: 'mapo_gu',
            to_type: 'City',
            attributes: { travel_date: '2020-01-21 00:00:00' },
          },
        ],
      },
    ],
    unordered: [[0, '@@trips']],
  },
  {
    name: 'LIKE and NOT',
    body: 'C = SELECT c FROM City:c WHERE c.city LIKE "%-gu"; D = SELECT c FROM City:c WHERE NOT (c.city LIKE "%-gu"); PRINT C.size() AS gu, D.size() AS other;',
    expected: [{ gu: 10, other: 8 }],
  },
  {
    name: 'PRINT of a vertex set: every attribute plus vertex accumulators',
    body: 'SumAccum<INT> @n; S = SELECT c FROM InfectionCase:c -(BELONGS_TO_CASE:e)- Patient:p WHERE c.infection_case == "Onchun Church" ACCUM c.@n += 1; PRINT S;',
    expected: [
      {
        S: [
          V('InfectionCase', 'onchun_church', {
            infection_case: 'Onchun Church',
            confirmed: 0,
            group_flag: true,
            latitude: 0,
            longitude: 0,
            '@n': 2,
          }),
        ],
      },
    ],
  },
  {
    name: 'installed seed query: neighbourhood',
    installed: 'neighbourhood',
    qs: 'p=1000000005',
    expected: [
      {
        patient: [
          V('Patient', '1000000005', {
            'Start.sex': 'female',
            'Start.birth_year': 1992,
            'Start.confirmed_date': '2020-01-31 00:00:00',
          }),
        ],
      },
      {
        infected_by: [V('Patient', '1000000004', { 'Infectors.birth_year': 1991 })],
        infected: [
          V('Patient', '1000000009', { 'Infected.birth_year': 1983 }),
          V('Patient', '1000000010', { 'Infected.birth_year': 1995 }),
        ],
      },
      {
        home_city: [V('City', 'seongbuk_gu', { 'Home.city': 'Seongbuk-gu' })],
        visited: [V('City', 'jongno_gu', { 'Visited.city': 'Jongno-gu' })],
        infection_case: [
          V('InfectionCase', 'contact_with_patient', { 'Cases.infection_case': 'contact with patient' }),
        ],
      },
      { contact_count: 3 },
    ],
    unordered: [[1, 'infected']],
  },
  {
    name: 'installed seed query: infection_chain (WHILE over the infectors)',
    installed: 'infection_chain',
    qs: 'p=1000000007',
    expected: [{ chain: ['1000000003', '1000000001'], length: 2 }],
  },
  {
    name: 'installed seed query: infection_chain with max_depth',
    installed: 'infection_chain',
    qs: 'p=1000000009&max_depth=1',
    expected: [{ chain: ['1000000005'], length: 1 }],
  },
  {
    name: 'installed seed query: city_stats for one province',
    installed: 'city_stats',
    qs: 'province=Busan',
    expected: [
      { patients: 2, by_case: { 'Onchun Church': 2 } },
      {
        cities: [
          V('City', 'dongnae_gu', { 'Cities.city': 'Dongnae-gu', patients: 1 }),
          V('City', 'haeundae_gu', { 'Cities.city': 'Haeundae-gu', patients: 1 }),
        ],
      },
    ],
  },
];

const key = (x: unknown) => JSON.stringify(x);

function normalise(
  results: Record<string, unknown>[],
  unordered: [number, string][] = [],
): Record<string, unknown>[] {
  return results.map((r, i) => {
    const out = { ...r };
    for (const [idx, k] of unordered) {
      if (idx === i && Array.isArray(out[k]))
        out[k] = [...(out[k] as unknown[])].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    }
    return out;
  });
}

describe('GSQL query subset over the covid seed', () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await emulator({ seed: 'covid' });
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const qs = c.qs ? `?${c.qs}` : '';
    const r = c.installed
      ? await http(`${e.restppUrl}/query/MyGraph/${c.installed}${qs}`)
      : c.install
        ? await installAndRun(e, 'MyGraph', c.params ?? '', c.body ?? '', c.qs)
        : await http(`${e.gsUrl}/gsql/v1/queries/interpret${qs}`, {
            method: 'POST',
            headers: { Authorization: basic(), 'Content-Type': 'text/plain' },
            body: `INTERPRET QUERY (${c.params ?? ''}) FOR GRAPH MyGraph {\n${c.body}\n}`,
          });
    expect(r.json).toMatchObject({ error: false, message: '' });
    expect(r.status).toBe(200);
    const results = (r.json as { results: Record<string, unknown>[] }).results;
    expect(normalise(results, c.unordered)).toEqual(normalise(c.expected, c.unordered));
  });
});
