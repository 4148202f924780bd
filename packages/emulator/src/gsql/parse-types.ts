// Attribute declarations: `name TYPE [DEFAULT v]`, collection/map/UDT/FIXED_BINARY types.
import type { AttrType, ElementType, PrimitiveName, UdtField } from '../store/attr-types.js';
import type { AttributeDef } from '../store/catalog.js';
import type { Cursor } from './parser-base.js';

const PRIMITIVES = new Set(['INT', 'UINT', 'FLOAT', 'DOUBLE', 'BOOL', 'STRING', 'DATETIME']);
const ALIASES: Record<string, PrimitiveName> = { INT64: 'INT', UINT64: 'UINT', BOOLEAN: 'BOOL' };

function primitiveName(word: string): PrimitiveName | undefined {
  const u = word.toUpperCase();
  if (PRIMITIVES.has(u)) return u as PrimitiveName;
  return ALIASES[u];
}

function elementType(c: Cursor): ElementType {
  const word = c.ident();
  const p = primitiveName(word);
  return p ? { kind: 'primitive', name: p } : { kind: 'udt', name: word };
}

export function attrType(c: Cursor): AttrType {
  const start = c.peek();
  const word = c.ident();
  const u = word.toUpperCase();
  if (u === 'LIST' || u === 'SET' || u === 'BAG') {
    c.expectPunct('<');
    const element = elementType(c);
    c.expectPunct('>');
    return { kind: 'collection', name: u, element };
  }
  if (u === 'MAP') {
    c.expectPunct('<');
    const key = elementType(c);
    c.expectPunct(',');
    const value = elementType(c);
    c.expectPunct('>');
    return { kind: 'map', key, value };
  }
  if (u === 'FIXED_BINARY') {
    c.expectPunct('(');
    const size = Number(c.next().text);
    c.expectPunct(')');
    if (!Number.isInteger(size) || size <= 0) throw c.error(start);
    return { kind: 'fixed_binary', size };
  }
  const p = primitiveName(word);
  if (p) {
    if (p === 'STRING' && c.acceptKw('COMPRESS')) return { kind: 'primitive', name: p, compress: true };
    return { kind: 'primitive', name: p };
  }
  return { kind: 'udt', name: word };
}

/** `name TYPE [DEFAULT literal]` */
export function attributeDef(c: Cursor): AttributeDef {
  const name = c.ident();
  const type = attrType(c);
  const def: AttributeDef = { name, type };
  if (c.acceptKw('DEFAULT')) def.defaultValue = literalText(c);
  return def;
}

/** A literal as text: "str", 12, -1.5, true. */
export function literalText(c: Cursor): string {
  const neg = c.acceptPunct('-');
  const t = c.next();
  if (t.kind === 'string' || t.kind === 'number' || t.kind === 'ident') return (neg ? '-' : '') + t.text;
  throw c.error(t);
}

/** Tuple field: `name INT(4)`, `name STRING(10)`, `name DATETIME`. */
export function udtField(c: Cursor): UdtField {
  const name = c.ident();
  const typeTok = c.peek();
  const p = primitiveName(c.ident());
  if (!p) throw c.error(typeTok);
  const field: UdtField = { name, type: p };
  if (c.acceptPunct('(')) {
    field.size = Number(c.next().text);
    c.expectPunct(')');
  }
  return field;
}
