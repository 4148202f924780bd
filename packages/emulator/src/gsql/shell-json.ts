// JSON as the GSQL shell prints it: two-space indents, but an array of one element or an object of
// one key stays on the line that opens it (`[{"count": 7, …}]`, `"attributes": {"name": "Amily"}`),
// as the outputs shown in GSQL 101 are laid out
// (https://docs.tigergraph.com/v/2.6/intro/gsql-101/built-in-select-queries).
import { type Json, stringifyJson } from '../json.js';

export function shellJson(value: Json): string {
  return write(value, '');
}

function write(v: Json, indent: string): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.length === 1) return `[${write(v[0] as Json, indent)}]`;
    const inner = `${indent}  `;
    return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    const pair = ([k, x]: [string, Json], at: string) => `${stringifyJson(k)}: ${write(x, at)}`;
    if (entries.length === 0) return '{}';
    if (entries.length === 1) return `{${pair(entries[0] as [string, Json], indent)}}`;
    const inner = `${indent}  `;
    return `{\n${entries.map((e) => inner + pair(e, inner)).join(',\n')}\n${indent}}`;
  }
  return stringifyJson(v);
}
