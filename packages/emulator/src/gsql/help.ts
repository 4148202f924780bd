// `help`: the GSQL shell's command summary. The first line is the one TigerGraph prints; the list
// is the emulator's own, naming the statements it supports (real GSQL lists more).
const LINES = [
  'GSQL Help: Summary of TigerGraph GSQL Shell commands.',
  'List of Commands:',
  '  ls                                  list the catalog: types, graphs, jobs, queries',
  '  SHOW GRAPH | USER | SECRET | JOB    show catalog objects',
  '  CREATE VERTEX | EDGE | GRAPH        define schema (global scope)',
  '  CREATE [GLOBAL] SCHEMA_CHANGE JOB   change a schema; RUN [GLOBAL] SCHEMA_CHANGE JOB runs it',
  '  CREATE LOADING JOB / RUN LOADING JOB  load data files',
  '  CREATE QUERY / INSTALL QUERY / RUN QUERY / INTERPRET QUERY / DROP QUERY',
  '  UPSERT <vertex> VALUES (...)        insert or update one vertex or edge',
  '  USE GRAPH <name> | USE GLOBAL       change scope',
  '  DROP GRAPH <name> [CASCADE] | DROP ALL | CLEAR GRAPH STORE',
  '  CREATE | DROP USER, GRANT | REVOKE ROLE, CREATE | DROP SECRET',
  '  BEGIN ... END                       multi-line statements',
  '  help                                this summary',
];

export function helpText(): string {
  return LINES.join('\n');
}
