// Path finding answers a subgraph (vertices and edges, not in path order); the infection chain is
// that subgraph walked from one patient to the other.

export interface PathEdge {
  from_id: string;
  to_id: string;
  e_type: string;
}

/** The vertex ids from `from` to `to` along `edges` (breadth-first), or undefined when unlinked. */
export function orderPath(from: string, to: string, edges: readonly PathEdge[]): string[] | undefined {
  const next = new Map<string, string[]>();
  const link = (a: string, b: string) => next.set(a, [...(next.get(a) ?? []), b]);
  for (const e of edges) {
    link(e.from_id, e.to_id);
    link(e.to_id, e.from_id);
  }
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === to) break;
    for (const n of next.get(at) ?? []) {
      if (!previous.has(n)) {
        previous.set(n, at);
        queue.push(n);
      }
    }
  }
  if (!previous.has(to)) return undefined;
  const path = [to];
  while (path[0] !== from) path.unshift(previous.get(path[0] as string) as string);
  return path;
}
