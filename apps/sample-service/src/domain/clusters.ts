// Infection clusters from INFECTED_BY edges (infected → infector): the patients linked by
// infections, and within a cluster the longest chain of infectors. The page opens on the largest
// cluster, so a first visit shows the graph's most interesting part instead of an empty box.

export interface Infection {
  infected: string;
  infector: string;
}

export interface Cluster {
  /** Every patient in the cluster, sorted. */
  patients: string[];
  /** The longest chain: a patient, their infector, theirs … back to the source. */
  chain: string[];
  /** The cluster's infections, by infected then infector id. */
  infections: Infection[];
}

/** The chain from `id` back to a source, taking at each step the infector with the longest chain. */
function longestChainFrom(
  id: string,
  infectors: Map<string, string[]>,
  memo: Map<string, string[]>,
  seen: Set<string>,
): string[] {
  const known = memo.get(id);
  if (known) return known;
  // A cycle (bad data) ends the chain instead of looping.
  if (seen.has(id)) return [];
  seen.add(id);
  let best: string[] = [];
  for (const infector of [...(infectors.get(id) ?? [])].sort()) {
    const chain = longestChainFrom(infector, infectors, memo, seen);
    if (chain.length > best.length) best = chain;
  }
  seen.delete(id);
  const chain = [id, ...best];
  memo.set(id, chain);
  return chain;
}

/** All clusters, largest first (most patients, then longest chain, then smallest patient id). */
export function infectionClusters(infections: readonly Infection[]): Cluster[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  const infectors = new Map<string, string[]>();
  for (const { infected, infector } of infections) {
    for (const id of [infected, infector]) if (!parent.has(id)) parent.set(id, id);
    parent.set(find(infected), find(infector));
    infectors.set(infected, [...(infectors.get(infected) ?? []), infector]);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  const memo = new Map<string, string[]>();
  const clusters = [...groups.values()].map((members): Cluster => {
    const patients = members.sort();
    const inCluster = new Set(patients);
    let chain: string[] = [];
    for (const id of patients) {
      const c = longestChainFrom(id, infectors, memo, new Set());
      if (c.length > chain.length) chain = c;
    }
    const links = infections
      .filter((i) => inCluster.has(i.infected))
      .sort((a, b) => a.infected.localeCompare(b.infected) || a.infector.localeCompare(b.infector));
    return { patients, chain, infections: links };
  });
  return clusters.sort(
    (a, b) =>
      b.patients.length - a.patients.length ||
      b.chain.length - a.chain.length ||
      (a.patients[0] ?? '').localeCompare(b.patients[0] ?? ''),
  );
}
