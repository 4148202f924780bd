// Installing the vector helper queries ahead of use (deploy scripts: INSTALL QUERY takes tens of
// seconds to minutes on a server, better not paid by the first user request) and dropping them.
import { ValidationError } from '@tgraph/protocol/errors';
import { type ApiContext, graphOf } from '../context.js';
import { gsqlIdentifier } from '../elements/interpret.js';
import type { SchemaReadOptions } from '../elements/schema-read.js';
import type { RequestOptions } from '../internal/call.js';
import { checkOptions, REQUEST_KEYS } from '../internal/options.js';
import { dropQueries, listQueries } from '../queries/manage.js';
import type { SchemaShape, VectorName, VertexTypeName } from '../schema-types.js';
import { getQuery, HELPER_PREFIXES, type HelperPurpose, searchQuery } from './helper-queries.js';
import { forgetInstalled, type HelperQueryOptions, installed, untilDone } from './installed.js';
import { checkTypes, searchShape } from './shape.js';

const INSTALL_KEYS: readonly string[] = [...REQUEST_KEYS, 'onInstall', 'refresh'];
const SPEC_FIELDS = ['type', 'attribute', 'filter', 'withVectors'];

/** The searches to prepare: the fields of a `searchVectors` request that shape its query. */
export interface VectorQuerySpec<T extends string = string, N extends string = string> {
  type: T | readonly T[];
  attribute: N;
  /** The search's `filter`, exactly as the searches will give it (each filter is a query). */
  filter?: string | undefined;
  /** The searches ask for `withVectors` (a query of its own). */
  withVectors?: boolean | undefined;
}

/** One helper query `installVectorQueries` made sure of. */
export interface VectorQueryInstall {
  name: string;
  /** `search` (searchVectors) or `get` (getVectors of one type). */
  purpose: HelperPurpose;
  /** It was installed on the server already (false: this client installed it). */
  alreadyInstalled: boolean;
}

export interface InstallVectorQueriesOptions extends SchemaReadOptions {
  onInstall?: HelperQueryOptions['onInstall'];
}

/**
 * Installs the helper queries that `searchVectors` (for this type, attribute, filter and
 * `withVectors`) and `getVectors` (for each type) run, unless the graph has them already, and
 * waits until they are installed (INSTALL QUERY takes tens of seconds to minutes on a server).
 * Searches and reads, from any client, then run them without installing anything.
 *
 * @example
 * await installVectorQueries(ctx, { type: 'Patient', attribute: 'profile' }, {
 *   onInstall: (query, status) => console.log(query, status.state, status.elapsedMs),
 * });
 */
export async function installVectorQueries<S extends SchemaShape, T extends VertexTypeName<S>>(
  ctx: ApiContext<S>,
  spec: VectorQuerySpec<T, VectorName<S, T>>,
  options: InstallVectorQueriesOptions = {},
): Promise<VectorQueryInstall[]> {
  checkOptions(options, INSTALL_KEYS, 'installVectorQueries');
  if (typeof spec !== 'object' || spec === null) {
    throw new ValidationError('installVectorQueries needs { type, attribute }', { field: 'spec' });
  }
  const unknown = Object.keys(spec).find(
    (key) => !SPEC_FIELDS.includes(key) && spec[key as keyof VectorQuerySpec] !== undefined,
  );
  if (unknown !== undefined) {
    throw new ValidationError(
      `${unknown} is not a field of installVectorQueries' spec; it takes ${SPEC_FIELDS.join(', ')}`,
      {
        field: unknown,
      },
    );
  }
  const types = checkTypes(spec.type);
  const { shape } = await searchShape(ctx, { ...spec, types }, options);
  const graph = gsqlIdentifier(graphOf(ctx, options.graph), 'graph');
  const queries = [searchQuery(graph, shape), ...types.map((t) => getQuery(graph, t))];
  const run = { onInstall: options.onInstall };
  // One after the other: each INSTALL QUERY already keeps the server busy.
  const out: VectorQueryInstall[] = [];
  for (const query of queries) {
    // A signal stops the waiting; an installation under way goes on on the server.
    const alreadyInstalled = await untilDone(installed(ctx, query, run), options.signal);
    out.push({ name: query.name, purpose: query.purpose, alreadyInstalled });
  }
  return out;
}

/**
 * Drops every vector helper query of the graph (`tgraph_vsearch_…`, `tgraph_vget_…`), e.g. old
 * definitions left behind by a changed filter or SDK version. The next vector call installs what
 * it needs again.
 *
 * @example
 * const { dropped } = await dropVectorQueries(ctx);
 */
export async function dropVectorQueries(
  ctx: ApiContext<SchemaShape>,
  options: RequestOptions = {},
): Promise<{ dropped: string[] }> {
  checkOptions(options, REQUEST_KEYS, 'dropVectorQueries');
  const graph = gsqlIdentifier(graphOf(ctx, options.graph), 'graph');
  const prefixes = Object.values(HELPER_PREFIXES);
  const names = (await listQueries(ctx, options))
    .map((q) => q.name)
    .filter((name) => prefixes.some((p) => name.startsWith(p)));
  forgetInstalled(ctx, graph);
  if (names.length === 0) return { dropped: [] };
  const { dropped } = await dropQueries(ctx, names, options);
  return { dropped };
}
