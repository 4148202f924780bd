// The installed GSQL queries of the `covid` seed: a patient's neighbourhood, the chain of
// infectors back to the source, and per-city statistics. Plain GSQL, installed at start.

export const COVID_QUERIES = `USE GRAPH MyGraph
CREATE QUERY neighbourhood(VERTEX<Patient> p) FOR GRAPH MyGraph SYNTAX v2 {
  SetAccum<VERTEX<Patient>> @@contacts;
  Start = {p};
  Infectors = SELECT t FROM Start:s -(INFECTED_BY>:e)- Patient:t ACCUM @@contacts += t;
  Infected = SELECT t FROM Start:s -(<INFECTED_BY:e)- Patient:t ACCUM @@contacts += t;
  Home = SELECT c FROM Start:s -(PATIENT_FROM_CITY:e)- City:c;
  Visited = SELECT c FROM Start:s -(TRAVELED>:e)- City:c ORDER BY c.city;
  Cases = SELECT ic FROM Start:s -(BELONGS_TO_CASE:e)- InfectionCase:ic;
  PRINT Start[Start.sex, Start.birth_year, Start.confirmed_date] AS patient;
  PRINT Infectors[Infectors.birth_year] AS infected_by, Infected[Infected.birth_year] AS infected;
  PRINT Home[Home.city] AS home_city, Visited[Visited.city] AS visited, Cases[Cases.infection_case] AS infection_case;
  PRINT @@contacts.size() AS contact_count;
}
CREATE QUERY infection_chain(VERTEX<Patient> p, INT max_depth = 10) FOR GRAPH MyGraph SYNTAX v2 {
  ListAccum<VERTEX<Patient>> @@chain;
  OrAccum @visited;
  Current = {p};
  WHILE Current.size() > 0 LIMIT max_depth DO
    Current = SELECT t FROM Current:s -(INFECTED_BY>:e)- Patient:t
              WHERE t.@visited == FALSE
              ACCUM t.@visited += TRUE, @@chain += t;
  END;
  PRINT @@chain AS chain, @@chain.size() AS length;
}
CREATE QUERY city_stats(STRING province = "") FOR GRAPH MyGraph {
  SumAccum<INT> @patients;
  SumAccum<INT> @@total;
  MapAccum<STRING, SumAccum<INT>> @@by_case;
  Provinces = {Province.*};
  Provinces = SELECT pr FROM Provinces:pr WHERE province == "" OR pr.province == province;
  Cities = SELECT c FROM Provinces:pr -(CITY_IN_PROVINCE:e)- City:c;
  Cities = SELECT c FROM Cities:c -(PATIENT_FROM_CITY:e)- Patient:pt
           ACCUM c.@patients += 1, @@total += 1, @@by_case += (pt.infection_case -> 1)
           ORDER BY c.@patients DESC, c.city ASC;
  PRINT @@total AS patients, @@by_case AS by_case;
  PRINT Cities[Cities.city, Cities.@patients AS patients] AS cities;
}
INSTALL QUERY ALL
`;
