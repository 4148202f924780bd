// Infection clusters from INFECTED_BY edges: the largest first, its longest chain of infectors.
import { describe, expect, it } from 'vitest';
import { infectionClusters } from '../src/domain/clusters.js';

describe('infection clusters', () => {
  it('follows the longest branch and survives a cycle in the data', () => {
    const [top, second] = infectionClusters([
      { infected: 'b', infector: 'a' },
      { infected: 'c', infector: 'b' },
      { infected: 'd', infector: 'a' },
      { infected: 'x', infector: 'y' },
      { infected: 'y', infector: 'x' },
    ]);
    expect(top).toMatchObject({ patients: ['a', 'b', 'c', 'd'], chain: ['c', 'b', 'a'] });
    expect(second?.patients).toEqual(['x', 'y']);
    expect(second?.chain).toHaveLength(2);
  });
});
