// Parsed GSQL queries: declarations, statements, SELECT blocks and expressions of the supported
// subset (see the README's "GSQL query subset" section).

export type PrimName = 'INT' | 'UINT' | 'FLOAT' | 'DOUBLE' | 'STRING' | 'BOOL' | 'DATETIME';

export type BaseType =
  | { k: 'prim'; name: PrimName }
  | { k: 'vertex'; vtype: string | undefined }
  | { k: 'edge'; etype: string | undefined }
  | { k: 'tuple'; name: string };

/** JSONOBJECT / JSONARRAY: variables and ListAccum elements (not parameters, other elements or tuple fields). */
export type JsonType = { k: 'json'; name: 'JSONOBJECT' | 'JSONARRAY' };

export type VarType =
  | BaseType
  | JsonType
  | { k: 'coll'; coll: 'SET' | 'BAG' | 'LIST'; el: BaseType }
  | { k: 'map'; key: BaseType; val: BaseType }
  /** `FILE f` as a query parameter (files.ts): a FILE object from a calling query, or a path. */
  | { k: 'file' };

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
      /** A JSONOBJECT / JSONARRAY only for a ListAccum (parse-acc-type.ts). */
      el: BaseType | JsonType | undefined;
      /** `ListAccum<ListAccum<VERTEX>>`: elements are themselves collections of this type. */
      inner?: AccType;
    }
  | { k: 'Map'; key: BaseType; val: BaseType | AccType }
  | { k: 'Heap'; tuple: string; cap: Expr; order: { field: string; desc: boolean }[] }
  | { k: 'GroupBy'; keys: { type: BaseType; name: string }[]; accs: { type: AccType; name: string }[] }
  | { k: 'Array'; el: AccType };

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
    /** `@@a[i]` (ArrayAccum element; `@@a[i][j]` nests). */
    | { k: 'index'; obj: Expr; index: Expr }
  );

export type SeedItem = { k: 'all'; type: string } | { k: 'any' } | { k: 'expr'; e: Expr };

export interface EdgeStep {
  /** Edge type name, or "ANY"/"_" for every edge type. */
  name: string;
  /**
   * out: -(E)-> / E>; in: <-(E)- / <E; both: -(E)- (undirected in v2, any direction in classic);
   * any: SYNTAX v3 `-[e:E]-`, left, undirected or right.
   */
  dir: 'out' | 'in' | 'both' | 'any';
}

export interface Hop {
  edges: EdgeStep[];
  edgeAlias: string | undefined;
  /** Target vertex types; empty = any. */
  targets: string[];
  targetAlias: string;
  /** `-[:E*1..3]->` (v3): between min and max steps (max undefined = no bound), shortest paths only. */
  repeat?: { min: number; max: number | undefined };
}

/** Every hop of a SELECT block's pattern, in order. */
export const hopsOf = (sel: SelectBlock): Hop[] => (sel.hop ? [sel.hop, ...(sel.more ?? [])] : []);

/** One more path pattern of a conjunctive FROM (`FROM p1, p2, …`), joined on shared vertex aliases. */
export interface PathPattern extends Pos {
  /** Its source vertex type or set; undefined for `:x` / `(x)`, an alias another pattern binds. */
  src: string | undefined;
  srcAlias: string;
  hops: Hop[];
}

/** The block's first pattern followed by its conjunctive ones (conjunctive.ts orders those). */
export const patternsOf = (sel: SelectBlock): PathPattern[] => [
  { line: sel.line, column: sel.column, src: sel.src, srcAlias: sel.srcAlias, hops: hopsOf(sel) },
  ...(sel.patterns ?? []),
];

/** The vertex aliases of every pattern of the block (a shared alias once). */
export const vertexAliasesOf = (sel: SelectBlock): string[] => [
  ...new Set(patternsOf(sel).flatMap((p) => [p.srcAlias, ...p.hops.map((h) => h.targetAlias)])),
];

export interface SelectBlock extends Pos {
  /** The vertex-set variable the result is assigned to. */
  target: string;
  /** The selected alias (source or target of the pattern). */
  out: string;
  distinct: boolean;
  /** Vertex-set variable, parameter or (syntax v2) vertex type the FROM starts at. */
  src: string;
  srcAlias: string;
  /** The first hop of the pattern. */
  hop: Hop | undefined;
  /** SYNTAX v3 paths: the hops after the first, in order. */
  more?: Hop[];
  /** `FROM p1, p2, …`: the patterns after the first, in the order they are joined (conjunctive.ts). */
  patterns?: PathPattern[];
  where: Expr | undefined;
  accum: Stmt[];
  postAccum: Stmt[];
  /** `POST-ACCUM (a) …`: the alias each POST-ACCUM statement was bound to, where one was written. */
  postAliases?: (string | undefined)[];
  having: Expr | undefined;
  orderBy: { e: Expr; desc: boolean }[];
  limit: Expr | undefined;
  /** `LIMIT k OFFSET j`: the first j of the ordered result are skipped before k are kept. */
  offset?: Expr;
  /** Tabular `SELECT e1 AS c1, … INTO T`: one row per match into table T (tabular.ts). */
  table?: TableOutput;
  /** An UPDATE statement's block: its attribute writes wait for the end of the query (update.ts). */
  update?: boolean;
  /** `SAMPLE n [%] EDGE|TARGET WHEN cond` (SYNTAX V1): which matches of a source are kept (sample.ts). */
  sample?: SampleClause;
  /** `PER (a, b) ACCUM …`: ACCUM runs once per distinct binding of these vertex aliases. */
  per?: string[];
}

/** A SAMPLE clause: `size` edges (or distinct targets) per source, or `size` percent of them. */
export interface SampleClause {
  size: Expr;
  percent: boolean;
  by: 'edge' | 'target';
  when: Expr;
}

/** The aggregators of a SQL-like SELECT column (TigerGraph's docs list these five). */
export type Aggregator = 'count' | 'sum' | 'avg' | 'min' | 'max';

/** One column of a tabular SELECT: its printed key, its expression, and its aggregator if any. */
export interface TableColumn {
  key: string;
  /** The column's value, or the aggregator's argument (`count(*)`: the literal true, one per row). */
  e: Expr;
  agg?: { fn: Aggregator; distinct: boolean };
}

/** The table a SQL-like SELECT writes (tabular.ts parses it, tabular-group.ts fills it). */
export interface TableOutput {
  name: string;
  cols: TableColumn[];
  /** `SELECT DISTINCT …`: repeated rows are kept once. */
  distinct: boolean;
  /** `GROUP BY e1, e2`: one row per distinct value of the expressions (evaluated per match). */
  groupBy: Expr[];
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
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr };

export type Stmt = Pos &
  (
    | {
        k: 'declAccum';
        /** Whether the first name is global; each name says so for itself (`@a, @@b` mix). */
        global: boolean;
        /** `dims`: an ArrayAccum's declared sizes (`@@a[3][4]`). */
        names: { name: string; init: Expr | undefined; global: boolean; dims?: Expr[] }[];
        type: AccType;
        /** `SumAccum<INT> EDGE @a`: attached to edges. */
        edge?: boolean;
        /** `STATIC SumAccum<INT> @@a`: kept from one run of the installed query to the next. */
        static?: true;
      }
    | { k: 'declVar'; type: VarType; names: { name: string; init: Expr | undefined }[] }
    | { k: 'typedef'; name: string; fields: { name: string; type: BaseType }[] }
    | { k: 'declFile'; name: string; path: Expr }
    | {
        k: 'insert';
        edge: boolean;
        name: string;
        /** `_` (the attribute's default) is undefined. */
        values: (Expr | undefined)[];
        /** `INSERT INTO T (PRIMARY_ID, a, …)` / `(FROM, TO, a, …)`: the columns the values fill. */
        columns?: string[];
        /** `VALUES (x Person, y Company, …)`: the vertex types written after the FROM / TO values. */
        types?: (string | undefined)[];
      }
    | { k: 'delete'; e: Expr }
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
    | { k: 'print'; items: PrintItem[]; where: Expr | undefined; toCsv?: string }
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
  /** The declared SYNTAX (v2 when the query declares none). */
  syntax: 'v1' | 'v2' | 'v3';
  body: Stmt[];
  /** Full CREATE QUERY text as written. */
  text: string;
}
