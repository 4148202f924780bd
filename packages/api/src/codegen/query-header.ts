// The parameter list of a query's text (`CREATE QUERY q(VERTEX<Patient> p, INT depth = 10)`): which
// parameters have a default, so that generated parameter types make exactly those optional.
import { splitTopLevel } from './gsql-type.js';

/** Names of the parameters that declare a default value. */
export function parametersWithDefaults(queryText: string): Set<string> {
  const head = /\bQUERY\s+[A-Za-z_]\w*\s*\(/i.exec(queryText);
  const out = new Set<string>();
  if (!head) return out;
  let depth = 1;
  let i = head.index + head[0].length;
  const start = i;
  for (; i < queryText.length && depth > 0; i++) {
    if (queryText[i] === '(') depth++;
    else if (queryText[i] === ')') depth--;
  }
  for (const param of splitTopLevel(queryText.slice(start, i - 1))) {
    const m = /([A-Za-z_]\w*)\s*=/.exec(param);
    if (m) out.add(m[1] as string);
  }
  return out;
}
