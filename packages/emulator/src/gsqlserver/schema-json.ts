// Schema JSON as the GSQL server returns it (reference §6): full boolean flags in 3.x, sparse in 4.x.
import type { AttrType, ElementType, Udt } from '../store/attr-types.js';
import type { AttributeDef, Catalog, EdgeType, Graph, VertexType } from '../store/catalog.js';
import { edgeTypesOf, vertexTypesOf } from '../store/catalog.js';

type Obj = Record<string, unknown>;

function elementKeys(prefix: 'ValueType' | 'KeyType', e: ElementType): Obj {
  return e.kind === 'primitive'
    ? { [`${prefix}Name`]: e.name }
    : { [`${prefix}Name`]: 'UDT', [`${prefix}TupleName`]: e.name };
}

export function attributeTypeJson(t: AttrType): Obj {
  switch (t.kind) {
    case 'primitive':
      return { Name: t.compress ? 'STRING COMPRESS' : t.name };
    case 'fixed_binary':
      return { Name: 'FIXED_BINARY', FixedSize: t.size };
    case 'collection':
      return { Name: t.name, ...elementKeys('ValueType', t.element) };
    case 'map':
      return { Name: 'MAP', ...elementKeys('KeyType', t.key), ...elementKeys('ValueType', t.value) };
    case 'udt':
      return { Name: 'UDT', TupleName: t.name };
  }
}

interface Flags {
  IsPartOfCompositeKey?: boolean;
  PrimaryIdAsAttribute?: boolean;
  HasIndex?: boolean;
  IsPrimaryKey?: boolean;
}

function withFlags(base: Obj, flags: Flags, full: boolean, order: (keyof Flags)[]): Obj {
  for (const k of order) {
    const v = flags[k] ?? false;
    if (full || v) base[k] = v;
  }
  return base;
}

function attributeJson(a: AttributeDef, flags: Flags, full: boolean): Obj {
  const o: Obj = { AttributeName: a.name, AttributeType: attributeTypeJson(a.type) };
  if (a.defaultValue !== undefined) o['DefaultValue'] = a.defaultValue;
  return withFlags(o, flags, full, [
    'IsPartOfCompositeKey',
    'PrimaryIdAsAttribute',
    'HasIndex',
    'IsPrimaryKey',
  ]);
}

export function vertexJson(t: VertexType, full: boolean): Obj {
  const keyNames = t.keyStyle === 'composite' ? t.compositeKey : [t.primaryId.name];
  const pid: Obj = { AttributeName: t.primaryId.name, AttributeType: attributeTypeJson(t.primaryId.type) };
  if (t.keyStyle === 'primary_key' && !full) pid['IsUsingNewSyntax'] = true;
  withFlags(
    pid,
    {
      PrimaryIdAsAttribute: t.primaryIdAsAttribute,
      IsPartOfCompositeKey: t.keyStyle === 'composite',
      IsPrimaryKey: t.keyStyle === 'primary_key',
    },
    full,
    ['PrimaryIdAsAttribute', 'IsPartOfCompositeKey', 'HasIndex', 'IsPrimaryKey'],
  );
  const o: Obj = {
    Name: t.name,
    PrimaryId: pid,
    Attributes: t.attributes.map((a) =>
      attributeJson(
        a,
        {
          IsPartOfCompositeKey: t.keyStyle === 'composite' && keyNames.includes(a.name),
          IsPrimaryKey: t.keyStyle === 'primary_key' && a.name === t.primaryId.name,
          PrimaryIdAsAttribute: t.keyStyle === 'primary_key' && a.name === t.primaryId.name,
        },
        full,
      ),
    ),
    Config: { STATS: t.stats, PRIMARY_ID_AS_ATTRIBUTE: t.primaryIdAsAttribute },
  };
  if (t.keyStyle === 'composite') o['CompositeKeys'] = [...t.compositeKey];
  if (t.graph !== undefined) o['IsLocal'] = true;
  return o;
}

export function edgeJson(t: EdgeType): Obj {
  const multi = t.pairs.length > 1 || t.fromStar || t.toStar;
  const first = t.pairs[0];
  const o: Obj = {
    Name: t.name,
    FromVertexTypeName: multi ? '*' : (first?.from ?? '*'),
    ToVertexTypeName: multi ? '*' : (first?.to ?? '*'),
    IsDirected: t.directed,
    Config: t.directed && t.reverseName ? { REVERSE_EDGE: t.reverseName } : {},
    Attributes: t.attributes.map((a) => {
      const j: Obj = { AttributeName: a.name, AttributeType: attributeTypeJson(a.type) };
      if (a.defaultValue !== undefined) j['DefaultValue'] = a.defaultValue;
      if (t.discriminators.includes(a.name)) j['IsDiscriminator'] = true;
      return j;
    }),
  };
  if (multi) o['EdgePairs'] = t.pairs.map((p) => ({ From: p.from, To: p.to }));
  if (t.discriminators.length > 0) {
    o['DiscriminatorCount'] = t.discriminators.length;
    o['CompositeDiscriminator'] = [...t.discriminators];
  }
  if (t.graph !== undefined) o['IsLocal'] = true;
  return o;
}

export function graphJson(cat: Catalog, g: Graph, full: boolean): Obj {
  return {
    GraphName: g.name,
    VertexTypes: vertexTypesOf(cat, g).map((t) => vertexJson(t, full)),
    EdgeTypes: edgeTypesOf(cat, g).map(edgeJson),
  };
}

/** `udtlist` / `udt/tuples` items: `{"name","fields":[{"fieldName","fieldType","length"?}]}`. */
export function udtJson(u: Udt): Obj {
  return {
    name: u.name,
    fields: u.fields.map((f) => {
      const o: Obj = { fieldName: f.name, fieldType: f.type };
      const length = f.size ?? (f.type === 'INT' || f.type === 'UINT' ? 8 : undefined);
      if (length !== undefined) o['length'] = length;
      return o;
    }),
  };
}
