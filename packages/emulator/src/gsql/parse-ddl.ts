// Vertex and edge definitions, shared by CREATE statements and schema-change jobs.
import type { AttributeDef, EdgePair } from '../store/catalog.js';
import type { EdgeDef, VertexDef } from './ast.js';
import { attributeDef, attrType } from './parse-types.js';
import type { Cursor } from './parser-base.js';

/** `WITH k="v", k2="v2"` (optional). */
function withOptions(c: Cursor): Map<string, string> {
  const options = new Map<string, string>();
  if (!c.acceptKw('WITH')) return options;
  do {
    const key = c.ident().toUpperCase();
    c.expectPunct('=');
    const t = c.next();
    options.set(key, t.text);
  } while (c.acceptPunct(','));
  return options;
}

/** After `VERTEX`: `Name (PRIMARY_ID id T, ...) [WITH ...]`, `(id T PRIMARY KEY, ...)`, `(..., PRIMARY KEY (a, b))`. */
export function vertexDef(c: Cursor): VertexDef {
  const name = c.ident();
  c.expectPunct('(');
  const attributes: AttributeDef[] = [];
  let primaryId: AttributeDef | undefined;
  let keyStyle: VertexDef['keyStyle'] = 'primary_id';
  let compositeKey: string[] = [];
  let first = true;
  if (!c.isPunct(')')) {
    do {
      if (first && c.acceptKw('PRIMARY_ID')) {
        const idName = c.ident();
        primaryId = { name: idName, type: attrType(c) };
      } else if (c.isKw('PRIMARY') && c.isKw('KEY', 1)) {
        c.next();
        c.next();
        c.expectPunct('(');
        compositeKey = c.identList();
        c.expectPunct(')');
        keyStyle = 'composite';
      } else {
        const attr = attributeDef(c);
        if (c.isKw('PRIMARY') && c.isKw('KEY', 1)) {
          c.next();
          c.next();
          primaryId = attr;
          keyStyle = 'primary_key';
        }
        attributes.push(attr);
      }
      first = false;
    } while (c.acceptPunct(','));
  }
  const close = c.peek();
  c.expectPunct(')');
  if (keyStyle === 'composite') {
    const firstKey = attributes.find((a) => a.name === compositeKey[0]);
    if (!firstKey || compositeKey.some((k) => !attributes.some((a) => a.name === k))) throw c.error(close);
    primaryId = firstKey;
  }
  if (!primaryId) throw c.error(close);
  return { name, keyStyle, primaryId, compositeKey, attributes, options: withOptions(c) };
}

/** After `[UNDIRECTED|DIRECTED] EDGE`: `Name (FROM A, TO B [| FROM C, TO D], attrs, DISCRIMINATOR(...))`. */
export function edgeDef(c: Cursor, directed: boolean): EdgeDef {
  const name = c.ident();
  c.expectPunct('(');
  const pairs: EdgePair[] = [];
  let fromStar = false;
  let toStar = false;
  const typeList = (): { names: string[]; star: boolean } => {
    if (c.acceptPunct('*')) return { names: ['*'], star: true };
    const names = [c.ident()];
    while (c.isPunct('|') && !c.isKw('FROM', 1)) {
      c.next();
      names.push(c.ident());
    }
    return { names, star: false };
  };
  do {
    c.expectKw('FROM');
    const from = typeList();
    c.expectPunct(',');
    c.expectKw('TO');
    const to = typeList();
    fromStar ||= from.star;
    toStar ||= to.star;
    for (const f of from.names) for (const t of to.names) pairs.push({ from: f, to: t });
  } while (c.acceptPunct('|'));
  const attributes: AttributeDef[] = [];
  const discriminators: string[] = [];
  while (c.acceptPunct(',')) {
    if (c.acceptKw('DISCRIMINATOR')) {
      c.expectPunct('(');
      do {
        const attr = attributeDef(c);
        attributes.push(attr);
        discriminators.push(attr.name);
      } while (c.acceptPunct(','));
      c.expectPunct(')');
    } else {
      attributes.push(attributeDef(c));
    }
  }
  c.expectPunct(')');
  return { name, directed, pairs, fromStar, toStar, attributes, discriminators, options: withOptions(c) };
}

/** `[UNDIRECTED|DIRECTED] EDGE` prefix; returns directedness or undefined when absent. */
export function edgeKeyword(c: Cursor): boolean | undefined {
  if (c.isKw('DIRECTED') && c.isKw('EDGE', 1)) {
    c.next();
    c.next();
    return true;
  }
  if (c.isKw('UNDIRECTED') && c.isKw('EDGE', 1)) {
    c.next();
    c.next();
    return false;
  }
  if (c.isKw('EDGE')) {
    c.next();
    return false;
  }
  return undefined;
}
