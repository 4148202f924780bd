// `ls` lists loading jobs in TigerGraph's normalised form, rebuilt from the job rather than echoed:
// `DEFINE FILENAME f = "…";`, `VALUES(…)`, and USING with SEPARATOR, HEADER and EOL in that order.
import { describe, expect, test } from 'vitest';
import { emulator, gsqlFile, gsqlStatements } from './helpers.js';

const SCHEMA = `CREATE VERTEX Crate (PRIMARY_ID label STRING, label STRING, weight INT)
CREATE DIRECTED EDGE Stacked (FROM Crate, TO Crate, layer INT)
CREATE GRAPH depot (Crate, Stacked)`;

// Written with lower-case options in another order, spaces before VALUES' parenthesis, no EOL.
const JOB = `USE GRAPH depot
CREATE LOADING JOB load_crates FOR GRAPH depot {
  DEFINE FILENAME crates="/data/crates.tsv";
  DEFINE FILENAME stacks;

  LOAD crates TO VERTEX Crate VALUES ($"label", $"label", $"weight") USING header="true", separator="\\t";
  LOAD stacks TO EDGE Stacked VALUES ($0, $1, $2) WHERE $2 > 0 USING separator=";", quote="double";
}`;

const EXPECTED =
  'Jobs:\n' +
  '  - CREATE LOADING JOB load_crates FOR GRAPH depot {\n' +
  '    DEFINE FILENAME crates = "/data/crates.tsv";\n' +
  '    DEFINE FILENAME stacks;\n' +
  '    LOAD crates TO VERTEX Crate VALUES($"label", $"label", $"weight") USING SEPARATOR="\\t", HEADER="true", EOL="\\n";\n' +
  '    LOAD stacks TO EDGE Stacked VALUES($0, $1, $2) WHERE $2 > 0 USING SEPARATOR=";", HEADER="false", EOL="\\n", QUOTE="double";\n' +
  '    }\n' +
  'Queries:\n';

describe('ls prints loading jobs normalised', () => {
  test('3.x /gsqlserver/gsql/file', async () => {
    const e = await emulator({ version: '3.10', gsqlScript: SCHEMA });
    expect((await gsqlFile(e, JOB)).text).toContain('Successfully created loading jobs: [load_crates].');
    const ls = await gsqlFile(e, 'USE GRAPH depot\nls');
    expect(ls.text).toContain(EXPECTED);
  });

  test('4.x /gsql/v1/statements', async () => {
    const e = await emulator({ version: '4.2', gsqlScript: SCHEMA });
    expect((await gsqlStatements(e, JOB)).text).toContain(
      'Successfully created loading jobs: [load_crates].',
    );
    const ls = await gsqlStatements(e, 'USE GRAPH depot\nls');
    expect(ls.text).toContain(EXPECTED);
  });
});
