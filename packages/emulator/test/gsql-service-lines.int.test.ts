// The service lines a 3.x GSQL shell prints around the first CREATE GRAPH and DROP ALL (recorded
// 3.0.5 and TigerGraph Cloud 3.x outputs; GSQL 101 "Define a Schema" and "Get Set":
// https://docs.tigergraph.com/gsql-ref/3.4/tutorials/gsql-101/define-a-schema). 4.x prints only
// the result lines.
import { expect, test } from 'vitest';
import { emulator, gsqlFile, gsqlStatements } from './helpers.js';

const RESTART = [
  'Stopping GPE GSE RESTPP',
  'Successfully stopped GPE GSE RESTPP in 0.000 seconds',
  'Starting GPE GSE RESTPP',
  'Successfully started GPE GSE RESTPP in 0.000 seconds',
].join('\n');

test('3.x: the first graph restarts the services, the next one does not', async () => {
  const e = await emulator({ version: '3.10' });
  await gsqlFile(e, 'CREATE VERTEX Lake (PRIMARY_ID name STRING)');
  const first = await gsqlFile(e, 'CREATE GRAPH water (Lake)');
  expect(first.text).toBe(`${RESTART}\nThe graph water is created.\n__GSQL__RETURN__CODE__,0\n`);
  const second = await gsqlFile(e, 'CREATE GRAPH more (Lake)');
  expect(second.text).toBe('The graph more is created.\n__GSQL__RETURN__CODE__,0\n');
});

test('3.x: DROP ALL aborts loading per graph, resets GPE/GSE and clears the store', async () => {
  const e = await emulator({ version: '3.10' });
  await gsqlFile(e, 'CREATE VERTEX Lake (PRIMARY_ID name STRING)\nCREATE GRAPH water (Lake)');
  const r = await gsqlFile(e, 'DROP ALL');
  expect(r.text).toBe(
    [
      'Dropping all, about 1 minute ...',
      'Abort all active loading jobs',
      'Try to abort all loading jobs on graph water, it may take a while ...',
      '[ABORT_SUCCESS] No active Loading Job to abort.',
      'Resetting GPE...',
      'Successfully reset GPE and GSE',
      'Stopping GPE GSE',
      'Successfully stopped GPE GSE in 0.000 seconds',
      'Clearing graph store...',
      'Successfully cleared graph store',
      'Starting GPE GSE RESTPP',
      'Successfully started GPE GSE RESTPP in 0.000 seconds',
      'Everything is dropped.',
      '__GSQL__RETURN__CODE__,0',
      '',
    ].join('\n'),
  );
  // With no graph there is no loading job to abort.
  const empty = await gsqlFile(e, 'DROP ALL');
  expect(empty.text).toContain('Abort all active loading jobs\nResetting GPE...\n');
});

test('4.x prints the result lines only', async () => {
  const e = await emulator({ version: '4.2' });
  const r = await gsqlStatements(
    e,
    'CREATE VERTEX Lake (PRIMARY_ID name STRING)\nCREATE GRAPH water (Lake)\nDROP ALL',
  );
  expect(r.text).toBe(
    'Successfully created vertex types: [Lake].\nThe graph water is created.\nEverything is dropped.\n',
  );
});
