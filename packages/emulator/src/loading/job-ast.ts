// Parsed loading-job statements (CREATE/RUN LOADING JOB, SHOW JOB). The GSQL parser yields these
// as ordinary statements; the loading executor resolves names against the catalogue.

/** A value expression inside `VALUES (…)` or a `WHERE` clause of a LOAD statement. */
export type TokenExpr =
  | { kind: 'position'; index: number }
  | { kind: 'column'; name: string }
  | { kind: 'skip' }
  | { kind: 'literal'; value: string }
  | { kind: 'call'; name: string; args: TokenExpr[] };

/** A LOAD … WHERE condition. */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; left: TokenExpr; right: TokenExpr }
  | { kind: 'is'; test: 'NUMERIC' | 'EMPTY'; negated: boolean; operand: TokenExpr }
  | { kind: 'in'; operand: TokenExpr; values: TokenExpr[]; negated: boolean }
  | { kind: 'call'; expr: TokenExpr };

/** One VALUES item; `vertexType` is the `$1 Person` form for edges with several endpoint types. */
export interface ValueItem {
  expr: TokenExpr;
  vertexType?: string;
}

export interface LoadTarget {
  /** `vector`: `TO VECTOR ATTRIBUTE vectorAttr ON VERTEX type` (4.2). */
  kind: 'vertex' | 'edge' | 'vector';
  type: string;
  vectorAttr?: string;
  values: ValueItem[];
  where?: Condition;
}

export interface LoadStatementDef {
  /** A DEFINE FILENAME variable, or `__GSQL_FILENAME_<n>__` for the n-th literal path. */
  filename: string;
  /** The literal path when the statement names a file directly. */
  literalPath?: string;
  targets: LoadTarget[];
  /** USING options, upper-cased keys, unescaped values. */
  using: Map<string, string>;
}

export interface LoadingJobDef {
  name: string;
  graph: string | undefined;
  /** DEFINE FILENAME variables and their default paths (if any). */
  filenames: { name: string; path?: string }[];
  /** DEFINE HEADER name → column names. */
  headers: Map<string, string[]>;
  statements: LoadStatementDef[];
}

export type LoadingStatement =
  | { kind: 'createLoadingJob'; job: LoadingJobDef }
  | {
      kind: 'runLoadingJob';
      name: string;
      /** `USING f1="path", CONCURRENCY=…, EOF="true"`: upper-cased option keys except filename vars. */
      using: Map<string, string>;
      noprint: boolean;
    }
  | { kind: 'showJob'; name: string };
