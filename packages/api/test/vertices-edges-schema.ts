// A graph with every attribute kind, multi-edges and a reverse edge, for the vertex/edge tests,
// and its hand-written schema type (what generateSchemaTypes would emit).
export const RICH_GSQL = `
TYPEDEF TUPLE <street STRING(20), no INT(4)> Address
CREATE VERTEX Person (PRIMARY_ID id STRING, name STRING, visits INT, score DOUBLE, big INT, ok BOOL, born DATETIME, tags SET<STRING>, nums LIST<INT>, prefs MAP<STRING, INT>, home Address)
CREATE VERTEX Account (PRIMARY_ID num UINT, balance UINT)
CREATE VERTEX Member (first STRING, last STRING, since INT, PRIMARY KEY (first, last))
CREATE DIRECTED EDGE Knows (FROM Person, TO Person, since INT) WITH REVERSE_EDGE="Known_by"
CREATE UNDIRECTED EDGE Friend (FROM Person, TO Person, weight DOUBLE)
CREATE DIRECTED EDGE Pays (FROM Person, TO Account, DISCRIMINATOR(day DATETIME), amount DOUBLE)
CREATE GRAPH MyGraph (*)
`;

export interface RichSchema {
  vertices: {
    Person: {
      id: string;
      attributes: {
        name: string;
        visits: number;
        score: number;
        big: number | bigint;
        ok: boolean;
        born: string;
        tags: string[];
        nums: number[];
        prefs: Record<string, number>;
        home: { street: string; no: number };
      };
    };
    Account: { id: number; attributes: { balance: number } };
    Member: { id: string; attributes: { first: string; last: string; since: number } };
  };
  edges: {
    Knows: { from: 'Person'; to: 'Person'; directed: true; attributes: { since: number } };
    Known_by: { from: 'Person'; to: 'Person'; directed: true; attributes: { since: number } };
    Friend: { from: 'Person'; to: 'Person'; directed: false; attributes: { weight: number } };
    Pays: { from: 'Person'; to: 'Account'; directed: true; attributes: { day: string; amount: number } };
  };
}

/** The covid seed's schema type (a subset of attributes is enough for the tests). */
export interface CovidSchema {
  vertices: {
    Patient: {
      id: string;
      attributes: {
        patient_id: string;
        birth_year: number;
        sex: string;
        infection_case: string;
        confirmed_date: string;
        contact_number: number;
      };
    };
    City: { id: string; attributes: { city: string; university_count: number } };
    Province: { id: string; attributes: { province: string; population: number; area: number } };
    InfectionCase: {
      id: string;
      attributes: { infection_case: string; confirmed: number; group_flag: boolean };
    };
  };
  edges: {
    PATIENT_FROM_CITY: { from: 'Patient'; to: 'City'; directed: false; attributes: Record<string, never> };
    PATIENT_FROM_PROVINCE: {
      from: 'Patient';
      to: 'Province';
      directed: false;
      attributes: Record<string, never>;
    };
    CITY_IN_PROVINCE: { from: 'City'; to: 'Province'; directed: false; attributes: Record<string, never> };
    BELONGS_TO_CASE: {
      from: 'Patient';
      to: 'InfectionCase';
      directed: false;
      attributes: Record<string, never>;
    };
    INFECTED_BY: { from: 'Patient'; to: 'Patient'; directed: true; attributes: Record<string, never> };
    reverse_INFECTED_BY: {
      from: 'Patient';
      to: 'Patient';
      directed: true;
      attributes: Record<string, never>;
    };
  };
}
