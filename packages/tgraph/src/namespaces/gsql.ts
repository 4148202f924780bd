// `tg.gsql(text, options)`: @tgraph/api/gsql's `gsql` bound to the client, with the reserved-word
// helpers attached.
import type { ApiContext } from '@tgraph/api/context';
import type { GsqlOptions, GsqlResult } from '@tgraph/api/gsql';
import { getReservedKeywords, isReservedKeyword } from '@tgraph/api/helpers';
import type { SchemaShape } from '@tgraph/api/schema-types';
import { lazyModule } from './lazy.js';

/**
 * Runs GSQL text (4.x `POST /gsql/v1/statements`, 3.x `POST /gsqlserver/gsql/file`); GSQL errors
 * become a GsqlError.
 *
 * @example
 * const { output } = await tg.gsql('ls');
 * tg.gsql.isReservedKeyword('vertex'); // true
 */
export interface GsqlFunction {
  (text: string, options?: GsqlOptions): Promise<GsqlResult>;
  /** True when `name` is a GSQL reserved word (cannot name a type or attribute). */
  isReservedKeyword(name: string): boolean;
  /** Every GSQL reserved word. */
  reservedKeywords(): string[];
}

export function gsqlFunction(ctx: ApiContext<SchemaShape>): GsqlFunction {
  const api = lazyModule(() => import('@tgraph/api/gsql'));
  return Object.assign((text: string, options?: GsqlOptions) => api.use((m) => m.gsql(ctx, text, options)), {
    isReservedKeyword,
    reservedKeywords: getReservedKeywords,
  });
}
