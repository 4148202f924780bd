// RESTPP `filter`, `select` and `sort` parameters: `a>=3,name="Tom"`, `a,b`, `-a,b`.
import { type AttrType, parseDatetime, primitiveFromText, type Value } from '../store/attr-types.js';
import type { AttributeDef } from '../store/catalog.js';
import { compareValues } from '../store/data.js';
import { RestError } from './envelope.js';

export interface Condition {
  attr: string;
  op: '=' | '!=' | '>' | '>=' | '<' | '<=';
  literal: string;
  quoted: boolean;
}

/** Splits on commas outside double quotes. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseFilter(text: string | undefined): Condition[] {
  if (text === undefined || text.trim() === '') return [];
  return splitTop(text).map((part) => {
    const m = /^([A-Za-z_][\w.]*)\s*(!=|>=|<=|==|=|>|<)\s*(.*)$/.exec(part);
    if (!m) throw new RestError('REST-30000', `The filter condition '${part}' is not valid.`);
    const raw = (m[3] as string).trim();
    const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
    const op = (m[2] === '==' ? '=' : m[2]) as Condition['op'];
    return { attr: m[1] as string, op, literal: quoted ? raw.slice(1, -1) : raw, quoted };
  });
}

function literalValue(type: AttrType | undefined, c: Condition): Value {
  if (type?.kind === 'primitive') {
    if (type.name === 'DATETIME') return parseDatetime(c.literal) ?? c.literal;
    if (type.name !== 'STRING') {
      const v = primitiveFromText(type.name, c.literal);
      if (v !== undefined) return v;
    }
  }
  return c.literal;
}

/** A predicate over an attribute lookup; unknown attributes are an error. */
export function compileFilter(
  conds: Condition[],
  attrs: AttributeDef[],
  owner: string,
): (get: (name: string) => Value | undefined) => boolean {
  const typed = conds.map((c) => {
    const def = attrs.find((a) => a.name === c.attr);
    if (!def)
      throw new RestError(
        'REST-30000',
        `The attribute '${c.attr}' in the filter is not an attribute of ${owner}.`,
      );
    return { c, value: literalValue(def.type, c) };
  });
  return (get) =>
    typed.every(({ c, value }) => {
      const actual = get(c.attr);
      if (actual === undefined) return false;
      const cmp = compareValues(actual, value);
      const comparable = typeof actual === typeof value || (isNum(actual) && isNum(value));
      switch (c.op) {
        case '=':
          return comparable && cmp === 0;
        case '!=':
          return !comparable || cmp !== 0;
        case '>':
          return comparable && cmp > 0;
        case '>=':
          return comparable && cmp >= 0;
        case '<':
          return comparable && cmp < 0;
        default:
          return comparable && cmp <= 0;
      }
    });
}

const isNum = (v: Value): boolean => typeof v === 'number' || typeof v === 'bigint';

export function parseList(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Checks `select` names against the attributes; `-_` or an empty select means none. */
export function selectAttributes(
  select: string[] | undefined,
  attrs: AttributeDef[],
  owner: string,
): AttributeDef[] {
  if (select === undefined) return attrs;
  if (select.length === 1 && select[0] === '-_') return [];
  return select.map((name) => {
    const def = attrs.find((a) => a.name === name);
    if (!def)
      throw new RestError('REST-30000', `The attribute '${name}' in select is not an attribute of ${owner}.`);
    return def;
  });
}

export interface SortKey {
  attr: string;
  desc: boolean;
}

export function parseSort(text: string | undefined, attrs: AttributeDef[], owner: string): SortKey[] {
  return (parseList(text) ?? []).map((s) => {
    const desc = s.startsWith('-');
    const attr = desc ? s.slice(1) : s;
    if (!attrs.some((a) => a.name === attr)) {
      throw new RestError('REST-30000', `The attribute '${attr}' in sort is not an attribute of ${owner}.`);
    }
    return { attr, desc };
  });
}

export function sortBy<T>(
  items: T[],
  keys: SortKey[],
  get: (item: T, attr: string) => Value | undefined,
): T[] {
  if (keys.length === 0) return items;
  return [...items].sort((a, b) => {
    for (const k of keys) {
      const va = get(a, k.attr);
      const vb = get(b, k.attr);
      if (va === undefined || vb === undefined) continue;
      const c = compareValues(va, vb);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}

export function parseLimit(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text))
    throw new RestError(
      'REST-30000',
      `Values of parameter limit must be UINT64 type, invalid value [${text}] provided.`,
    );
  return Number(text);
}
