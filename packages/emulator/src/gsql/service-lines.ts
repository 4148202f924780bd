// The service lines a 3.x GSQL server prints while it restarts its services, which the emulator
// has none of to restart. Recorded 3.x servers print them for the first CREATE GRAPH and for DROP
// ALL (pyTigerGraph notebooks against 3.0.5 and TigerGraph Cloud 3.x; GSQL 101 "Define a Schema":
// https://docs.tigergraph.com/gsql-ref/3.4/tutorials/gsql-101/define-a-schema). 4.x prints none
// that we have seen, so it keeps to the result lines.
import type { GsqlSession } from './session.js';

const is3x = (s: GsqlSession): boolean => s.state.version.major < 4;

/** Before `The graph g is created.` of the catalogue's first graph. */
export function firstGraphLines(s: GsqlSession): void {
  if (!is3x(s) || s.state.catalog.graphs.size > 0) return;
  s.out.push(
    'Stopping GPE GSE RESTPP',
    'Successfully stopped GPE GSE RESTPP in 0.000 seconds',
    'Starting GPE GSE RESTPP',
    'Successfully started GPE GSE RESTPP in 0.000 seconds',
  );
}

/** Before `Everything is dropped.`: the loading jobs aborted per graph, then the GPE/GSE reset. */
export function dropAllLines(s: GsqlSession, graphs: string[]): void {
  if (!is3x(s)) return;
  s.out.push('Dropping all, about 1 minute ...', 'Abort all active loading jobs');
  for (const g of graphs) s.out.push(`Try to abort all loading jobs on graph ${g}, it may take a while ...`);
  if (graphs.length > 0) s.out.push('[ABORT_SUCCESS] No active Loading Job to abort.');
  s.out.push(
    'Resetting GPE...',
    'Successfully reset GPE and GSE',
    'Stopping GPE GSE',
    'Successfully stopped GPE GSE in 0.000 seconds',
    'Clearing graph store...',
    'Successfully cleared graph store',
    'Starting GPE GSE RESTPP',
    'Successfully started GPE GSE RESTPP in 0.000 seconds',
  );
}
