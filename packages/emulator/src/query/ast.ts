// Parsed GSQL queries: declarations, statements, SELECT blocks and expressions of the supported
// subset (see the README's "GSQL query subset" section).

export type PrimName = 'INT' | 'UINT' | 'FLOAT' | 'DOUBLE' | 'STRING' | 'BOOL' | 'DATETIME';

export type BaseType =
  | { k: 'prim'; name: PrimName }
  | { k: 'vertex'; vtype: string | undefined }
  | { k: 'edge'; etype: string | undefined }
  | { k: 'tuple'; name: string };

export type VarType =
  | BaseType
  | { k: 'coll'; coll: 'SET' | 'BAG' | 'LIST'; el: BaseType }
  | { k: 'map'; key: BaseType; val: BaseType };

export type AccKind =
  | 'Sum'
  | 'Max'
  | 'Min'
  | 'Avg'
  | 'Or'
  | 'And'
  | 'BitwiseOr'
  | 'BitwiseAnd'
  | 'List'
  | 'Set'
  | 'Bag';

export type AccType =
  | {
      k: 'simple';
      kind: AccKind;
      el: BaseType | undefined;
      /** `ListAccum<ListAccum<VERTEX>>`: elements are themselves collections of this type. */
      inner?: AccType;
    }
  | { k: 'Map'; key: BaseType; val: BaseType | AccType }
  | { k: 'Heap'; tuple: string; cap: Expr; order: { field: string; desc: boolean }[] }
  | { k: 'GroupBy'; keys: { type: BaseType; name: string }[]; accs: { type: AccType; name: string }[] };

export interface Pos {
  line: number;
  column: number;
}

export type Expr = Pos &
  (
    | { k: 'lit'; v: import('./values.js').QV }
    | { k: 'name'; name: string }
    | { k: 'gacc'; name: string }
    | { k: 'vacc'; obj: Expr; name: string; prime?: true }
    | { k: 'attr'; obj: Expr; name: string }
    | { k: 'call'; name: string; args: Expr[] }
    | { k: 'method'; obj: Expr; name: string; args: Expr[] }
    | { k: 'bin'; op: string; l: Expr; r: Expr }
    | { k: 'un'; op: '-' | 'NOT'; e: Expr }
    | { k: 'arrow'; keys: Expr[]; vals: Expr[] }
    | { k: 'list'; items: Expr[] }
    | { k: 'in'; e: Expr; set: Expr; not: boolean }
    | { k: 'case'; subject: Expr | undefined; whens: [Expr, Expr][]; else: Expr | undefined }
    | { k: 'isnull'; e: Expr; not: boolean }
  );

export type SeedItem = { k: 'all'; type: string } | { k: 'any' } | { k: 'expr'; e: Expr };

export interface EdgeStep {
  /** Edge type name, or "ANY"/"_" for every edge type. */
  name: string;
  /** out: -(E)-> / E>; in: <-(E)- / <E; both: -(E)- (undirected in v2, any direction in classic). */
  dir: 'out' | 'in' | 'both';
}

export interface SelectBlock extends Pos {
  /** The vertex-set variable the result is assigned to. */
  target: string;
  /** The selected alias (source or target of the pattern). */
  out: string;
  distinct: boolean;
  /** Vertex-set variable, parameter or (syntax v2) vertex type the FROM starts at. */
  src: string;
  srcAlias: string;
  hop:
    | {
        edges: EdgeStep[];
        edgeAlias: string | undefined;
        /** Target vertex types; empty = any. */
        targets: string[];
        targetAlias: string;
      }
    | undefined;
  where: Expr | undefined;
  accum: Stmt[];
  postAccum: Stmt[];
  having: Expr | undefined;
  orderBy: { e: Expr; desc: boolean }[];
  limit: Expr | undefined;
}

export interface PrintItem {
  e: Expr;
  /** JSON key: alias, or the expression text. */
  key: string;
  /** `S[S.a AS x, ...]` projections. */
  proj: { e: Expr; key: string }[] | undefined;
  /** `PRINT v WITH VECTOR` (4.2): vertices carry their vector attributes. */
  withVector?: boolean;
}

export type LValue =
  | { k: 'var'; name: string }
  | { k: 'gacc'; name: string }
  | { k: 'vacc'; obj: Expr; name: string }
  | { k: 'attr'; obj: Expr; name: string };

export type Stmt = Pos &
  (
    | {
        k: 'declAccum';
        /** Whether the first name is global; each name says so for itself (`@a, @@b` mix). */
        global: boolean;
        names: { name: string; init: Expr | undefined; global: boolean }[];
        type: AccType;
      }
    | { k: 'declVar'; type: VarType; names: { name: string; init: Expr | undefined }[] }
    | { k: 'typedef'; name: string; fields: { name: string; type: BaseType }[] }
    | { k: 'declFile'; name: string; path: Expr }
    | { k: 'insert'; edge: boolean; name: string; values: Expr[] }
    | { k: 'declException'; name: string; code: bigint }
    | { k: 'raise'; name: string; message: Expr | undefined }
    | { k: 'try'; body: Stmt[]; handlers: [string, Stmt[]][]; else: Stmt[] | undefined }
    | { k: 'vset'; name: string; seed: SeedItem[] }
    | { k: 'vsetOp'; name: string; op: 'UNION' | 'INTERSECT' | 'MINUS'; l: string; r: string }
    | { k: 'select'; sel: SelectBlock }
    | { k: 'assign'; lhs: LValue; op: '=' | '+='; rhs: Expr }
    | { k: 'if'; branches: [Expr, Stmt[]][]; else: Stmt[] | undefined }
    | { k: 'while'; cond: Expr; limit: Expr | undefined; body: Stmt[] }
    | { k: 'foreach'; vars: string[]; src: Expr; body: Stmt[] }
    | { k: 'print'; items: PrintItem[]; where: Expr | undefined }
    | { k: 'return'; e: Expr | undefined }
    | { k: 'break' }
    | { k: 'continue' }
    | { k: 'expr'; e: Expr }
  );

export interface QueryParam {
  name: string;
  type: VarType;
  default: Expr | undefined;
}

export interface QueryDef {
  name: string;
  graph: string;
  params: QueryParam[];
  syntax: 'v1' | 'v2';
  body: Stmt[];
  /** Full CREATE QUERY text as written. */
  text: string;
}
