// Parsed GSQL statements. Definitions hold names only; the executor resolves them against the
// catalogue. New statement kinds (queries, loading jobs) extend `Statement`.

import type { DataSourceStatement } from '../loading/data-source.js';
import type { LoadingStatement } from '../loading/job-ast.js';
import type { QueryCommand } from '../query/commands.js';
import type { Udt } from '../store/attr-types.js';
import type { EdgeDef, JobAction, VertexDef } from '../store/catalog.js';
import type { BuiltinSelect } from './builtin-select.js';
import type { ShowTypesStatement } from './show-types.js';

export type { EdgeDef, JobAction, VertexDef } from '../store/catalog.js';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'bool'; value: boolean };

export type Statement = { line: number; column: number; text: string } & (
  | { kind: 'createVertex'; def: VertexDef }
  | { kind: 'createEdge'; def: EdgeDef }
  | { kind: 'typedef'; udt: Udt }
  | { kind: 'createGraph'; name: string; types: string[]; all: boolean }
  | { kind: 'dropGraph'; name: string; cascade: boolean }
  | { kind: 'useGraph'; name: string }
  | { kind: 'useGlobal' }
  | { kind: 'dropVertex'; names: string[] }
  | { kind: 'dropEdge'; names: string[] }
  | { kind: 'dropTuple'; names: string[] }
  | { kind: 'dropAll' }
  | { kind: 'clearStore' }
  | {
      kind: 'createSchemaJob';
      name: string;
      graph: string | undefined;
      global: boolean;
      actions: JobAction[];
    }
  | { kind: 'runSchemaJob'; name: string; global: boolean }
  | { kind: 'dropJob'; names: string[] }
  | { kind: 'ls' }
  | { kind: 'showGraph'; name: string }
  | { kind: 'set'; name: string; value: string }
  | { kind: 'createSecret'; alias: string | undefined }
  | { kind: 'showSecret' }
  | { kind: 'dropSecret'; names: string[] }
  | { kind: 'createUser'; name: string; password: string }
  | { kind: 'dropUser'; names: string[] }
  | { kind: 'showUser' }
  | { kind: 'grantRole'; roles: string[]; graph: string | undefined; users: string[]; revoke: boolean }
  | { kind: 'upsert'; type: string; values: Literal[] }
  | { kind: 'upsertEdge'; from: string; edge: string; to: string; values: Literal[] }
  | { kind: 'help' }
  | { kind: 'queryCmd'; cmd: QueryCommand }
  | { kind: 'begin' }
  | { kind: 'end' }
  | { kind: 'package'; cmd: 'import' | 'installFunction' | 'showPackage'; name: string }
  | LoadingStatement
  | DataSourceStatement
  | ShowTypesStatement
  | BuiltinSelect
);

export type StatementKind = Statement['kind'];
