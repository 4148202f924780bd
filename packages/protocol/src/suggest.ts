// "Did you mean …?" for option names: the first known name that differs only in case or by at
// most two edits (insertions, deletions, substitutions).

/**
 * The known name closest to `name`, or undefined when none is near.
 *
 * @example
 * closestName('integrs', ['integers', 'graph']); // 'integers'
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  return known.find((k) => k.toLowerCase() === name.toLowerCase() || editDistance(k, name) <= 2);
}

function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}
