// Query signatures for /gsql/v1/queries/signature and 3.x /gsqlserver/gsql/queryinfo: the
// parameters and, per PRINT item, the printed type as GSQL names it.
import type { Json } from '../json.js';
import { type Catalog, type Graph, vertexTypeIn, visibleVertexAttributes } from '../store/catalog.js';
import {
  type AccType,
  type BaseType,
  hopsOf,
  type JsonType,
  type QueryDef,
  type Stmt,
  type VarType,
} from './ast.js';
import { typeText } from './params.js';

const lowerType = (t: VarType): string =>
  typeText(t).replace(/^[A-Z]+|(?<=<)[A-Z]+(?=[<>,])/g, (x) => x.toLowerCase());

function accText(t: AccType): string {
  const base = (b: BaseType | JsonType | AccType): string =>
    'kind' in b || b.k === 'Map' || b.k === 'Heap' || b.k === 'GroupBy' || b.k === 'Array'
      ? accText(b as AccType)
      : lowerType(b as BaseType | JsonType);
  switch (t.k) {
    case 'simple':
      if (t.inner) return `${t.kind}Accum<${accText(t.inner)}>`;
      return `${t.kind}Accum${t.el ? `<${base(t.el)}>` : ''}`;
    case 'Map':
      return `MapAccum<${base(t.key)}, ${base(t.val)}>`;
    case 'Heap':
      return `HeapAccum<${t.tuple}>`;
    case 'GroupBy':
      return `GroupByAccum<${[...t.keys.map((k) => `${base(k.type)} ${k.name}`), ...t.accs.map((a) => `${accText(a.type)} ${a.name}`)].join(', ')}>`;
    case 'Array':
      return `ArrayAccum<${accText(t.el)}>`;
  }
}

/** What PRINT @@acc reports: a scalar accumulator prints its value, so TigerGraph names the value's
 * type (`SumAccum<INT>` → `int`); collection accumulators keep their accumulator type. */
function printedAccText(t: AccType): string {
  if (t.k !== 'simple') return accText(t);
  if ((t.kind === 'Sum' || t.kind === 'Max' || t.kind === 'Min') && t.el) return lowerType(t.el);
  if (t.kind === 'Avg') return 'double';
  if (t.kind === 'Or' || t.kind === 'And') return 'bool';
  return accText(t);
}

function outputSignature(cat: Catalog, g: Graph, def: QueryDef): Json[] {
  const accs = new Map<string, string>();
  const vars = new Map<string, string>();
  const vsets = new Map<string, string | undefined>();
  for (const p of def.params) vars.set(p.name, lowerType(p.type));
  const out: Json[] = [];
  const vsetJson = (type: string | undefined): Json => {
    const t = type ? vertexTypeIn(cat, g, type) : undefined;
    const attributes: Record<string, Json> = {};
    for (const a of t ? visibleVertexAttributes(t) : [])
      attributes[a.name] = a.type.kind === 'primitive' ? a.type.name : a.type.kind.toUpperCase();
    return [{ v_id: 'string', attributes, v_type: type ?? 'vertex' }];
  };
  const walk = (stmts: Stmt[]) => {
    for (const s of stmts) {
      switch (s.k) {
        case 'declAccum':
          for (const n of s.names) accs.set(`${n.global ? '@@' : '@'}${n.name}`, printedAccText(s.type));
          break;
        case 'declVar':
          for (const n of s.names) vars.set(n.name, lowerType(s.type));
          break;
        case 'vset':
          vsets.set(s.name, s.seed[0]?.k === 'all' ? s.seed[0].type : undefined);
          break;
        case 'select':
          vsets.set(
            s.sel.target,
            s.sel.out === s.sel.srcAlias
              ? undefined
              : hopsOf(s.sel)
                  .filter((h) => h.targetAlias === s.sel.out)
                  .at(-1)?.targets[0],
          );
          break;
        case 'vsetOp':
          vsets.set(s.name, undefined);
          break;
        case 'assign':
          // `Q = active;`: a copy of a vertex set is a vertex set of the same type.
          if (s.lhs.k === 'var' && s.op === '=' && s.rhs.k === 'name' && vsets.has(s.rhs.name))
            vsets.set(s.lhs.name, vsets.get(s.rhs.name));
          break;
        case 'if':
          for (const [, b] of s.branches) walk(b);
          if (s.else) walk(s.else);
          break;
        case 'while':
        case 'foreach':
          walk(s.body);
          break;
        case 'print':
          for (const it of s.items) {
            const e = it.e;
            if (e.k === 'gacc') out.push({ [it.key]: accs.get(`@@${e.name}`) ?? 'unknown' });
            else if (e.k === 'name' && vsets.has(e.name)) out.push({ [it.key]: vsetJson(vsets.get(e.name)) });
            else if (e.k === 'name' && vars.has(e.name)) out.push({ [it.key]: vars.get(e.name) as string });
            else if (e.k === 'lit')
              out.push({
                [it.key]:
                  typeof e.v === 'string'
                    ? 'string'
                    : typeof e.v === 'bigint'
                      ? 'int'
                      : typeof e.v === 'boolean'
                        ? 'bool'
                        : 'double',
              });
            else if (e.k === 'method' && e.name.toLowerCase() === 'size') out.push({ [it.key]: 'int' });
            else out.push({ [it.key]: 'unknown' });
          }
          break;
        default:
          break;
      }
    }
  };
  walk(def.body);
  return out;
}

/** The signature / queryinfo reply (reference §4.12): top-level output, input, queryname. */
export function signatureBody(cat: Catalog, g: Graph, def: QueryDef): Record<string, Json> {
  return {
    output: outputSignature(cat, g, def),
    input: def.params.map((p) => ({ [p.name]: lowerType(p.type) })),
    queryname: def.name,
    error: false,
    message: '',
    version: { schema: g.schemaVersion, edition: 'ENTERPRISE_EDITION', api: 'V2' },
  };
}
