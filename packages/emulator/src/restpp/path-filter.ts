// Conditions of /shortestpath and /allpaths filters: `year >= 1984`, `rating > 5 and date_time > 1000`,
// `name == "Tom" or (age < 3)` over one vertex's or edge's attributes.
import { type AttrType, parseDatetime, primitiveFromText, type Value } from '../store/attr-types.js';
import type { AttributeDef } from '../store/catalog.js';
import { type CompareOp, compareHolds } from '../store/compare-op.js';
import { compareValues } from '../store/data.js';
import { RestError } from './envelope.js';

type Op = CompareOp;
type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'cmp'; attr: string; op: Op; literal: string; quoted: boolean };

export type Predicate = (get: (name: string) => Value | undefined) => boolean;

const TOKEN =
  /\s*(?:(\()|(\))|(==|!=|<>|<=|>=|=|<|>)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_][\w.]*|[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?))/y;

interface Tok {
  kind: 'open' | 'close' | 'op' | 'string' | 'word';
  text: string;
}

function lex(text: string, bad: () => RestError): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw bad();
    at = TOKEN.lastIndex;
    if (m[1]) out.push({ kind: 'open', text: '(' });
    else if (m[2]) out.push({ kind: 'close', text: ')' });
    else if (m[3]) out.push({ kind: 'op', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'string', text: m[4].replace(/\\(.)/g, '$1') });
    else if (m[5] !== undefined) out.push({ kind: 'string', text: m[5].replace(/\\(.)/g, '$1') });
    else out.push({ kind: 'word', text: m[6] as string });
  }
  return out;
}

function parse(text: string): Node {
  const bad = () => new RestError('REST-30000', `The filter condition '${text}' is not valid.`);
  const toks = lex(text, bad);
  let i = 0;
  const isWord = (w: string) => toks[i]?.kind === 'word' && toks[i]?.text.toLowerCase() === w;
  const or = (): Node => {
    let left = and();
    while (isWord('or')) {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): Node => {
    let left = unary();
    while (isWord('and')) {
      i++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    if (isWord('not')) {
      i++;
      return { kind: 'not', operand: unary() };
    }
    if (toks[i]?.kind === 'open') {
      i++;
      const inner = or();
      if (toks[i]?.kind !== 'close') throw bad();
      i++;
      return inner;
    }
    const attr = toks[i++];
    const op = toks[i++];
    const lit = toks[i++];
    if (attr?.kind !== 'word' || op?.kind !== 'op' || !lit || (lit.kind !== 'word' && lit.kind !== 'string'))
      throw bad();
    const o = op.text === '=' ? '==' : op.text === '<>' ? '!=' : (op.text as Op);
    return { kind: 'cmp', attr: attr.text, op: o, literal: lit.text, quoted: lit.kind === 'string' };
  };
  const node = or();
  if (i !== toks.length) throw bad();
  return node;
}

function literalValue(type: AttrType, literal: string): Value {
  if (type.kind !== 'primitive') return literal;
  if (type.name === 'DATETIME')
    return parseDatetime(literal) ?? (/^\d+$/.test(literal) ? Number(literal) : literal);
  if (type.name === 'STRING') return literal;
  return primitiveFromText(type.name, literal) ?? literal;
}

/** Compiles a condition against the attributes of one type; unknown attributes are REST-30000. */
export function compileCondition(text: string, attrs: AttributeDef[], owner: string): Predicate {
  const node = parse(text);
  const build = (n: Node): Predicate => {
    switch (n.kind) {
      case 'and': {
        const l = build(n.left);
        const r = build(n.right);
        return (get) => l(get) && r(get);
      }
      case 'or': {
        const l = build(n.left);
        const r = build(n.right);
        return (get) => l(get) || r(get);
      }
      case 'not': {
        const p = build(n.operand);
        return (get) => !p(get);
      }
      case 'cmp': {
        const def = attrs.find((a) => a.name === n.attr);
        if (!def)
          throw new RestError(
            'REST-30000',
            `The attribute '${n.attr}' in the filter is not an attribute of ${owner}.`,
          );
        const value = literalValue(def.type, n.literal);
        return (get) => {
          const actual = get(n.attr);
          if (actual === undefined) return false;
          const numeric =
            (typeof actual === 'number' || typeof actual === 'bigint') &&
            (typeof value === 'number' || typeof value === 'bigint');
          if (!numeric && typeof actual !== typeof value) return n.op === '!=';
          return compareHolds(n.op, compareValues(actual, value));
        };
      }
    }
  };
  return build(node);
}
