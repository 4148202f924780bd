// Choosing which running request is "this client's" when a synchronous query run is aborted.
import { describe, expect, it } from 'vitest';
import { pickRun } from '../src/queries/server-abort.js';

const run = { graph: 'g', query: 'slow', elapsedMs: 2_000 };

describe('pickRun', () => {
  it('matches the query endpoint only (query string ignored)', () => {
    expect(
      pickRun(
        [
          { requestid: 'a', url: '/query/g/other', elapsedTime: 2_000 },
          { requestid: 'b', url: '/query/g/slow?x=1', elapsedTime: 1_900 },
        ],
        run,
      )?.requestid,
    ).toBe('b');
    expect(pickRun([{ requestid: 'a', url: '/query/g/other' }], run)).toBeUndefined();
  });

  it('among several runs picks the elapsed time closest to the client’s wait, not above it', () => {
    const running = [
      { requestid: 'old', url: '/query/g/slow', elapsedTime: 60_000 },
      { requestid: 'mine', url: '/query/g/slow', elapsedTime: 1_950 },
      { requestid: 'newer', url: '/query/g/slow', elapsedTime: 100 },
    ];
    expect(pickRun(running, run)?.requestid).toBe('mine');
  });

  it('never picks a run that has been going longer than the client waited', () => {
    expect(pickRun([{ requestid: 'old', url: '/query/g/slow', elapsedTime: 60_000 }], run)).toBeUndefined();
  });

  it('without elapsed times picks the most recently started run', () => {
    const running = [
      { requestid: 'x', url: '/query/g/slow', startTime: '2024-01-01 10:00:00.000' },
      { requestid: 'y', url: '/query/g/slow', startTime: '2024-01-01 10:00:05.000' },
    ];
    expect(pickRun(running, run)?.requestid).toBe('y');
  });
});
