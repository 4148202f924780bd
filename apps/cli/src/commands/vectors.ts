// `tgraph vectors search|get|upsert|status|install`: TigerGraph 4.2+ vector attributes. Reads and
// searches run installed helper queries, which the SDK installs on first use (--no-install forbids
// it) and `vectors install` installs ahead of use.
import type { Command } from 'commander';
import type { Session } from '../connect.js';
import { action, type CommandContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { int, list } from '../input.js';
import { inFlags, parseVector, readVectorFile } from '../vector-input.js';

interface SearchFlags {
  vector?: string;
  like?: string;
  k?: string;
  ef?: string;
  filter?: string;
  ids?: string;
  withVectors?: boolean;
  install: boolean;
}

const SEARCH_FLAGS = {
  vector: '--vector',
  k: '-k',
  ef: '--ef',
  filter: '--filter',
  ids: '--ids',
  type: '<type>',
  attribute: '<attribute>',
};

export function registerVectors(program: Command): void {
  const group = examples(
    program
      .command('vectors')
      .alias('vec')
      .description('write, read and search vector attributes (TigerGraph 4.2+)'),
    'tgraph vectors search Patient profile --vector 0.1,0.4,0.2,0.9 -k 5',
    'tgraph vectors upsert Patient profile --file profiles.csv',
  );

  registerSearch(group);

  examples(
    group
      .command('get')
      .argument('<type>', 'vertex type')
      .argument('<attribute>', 'vector attribute')
      .argument('<ids...>', 'vertex ids')
      .option('--no-install', 'fail instead of installing the read query when the graph lacks it')
      .description('read the vectors of vertices by id')
      .action(
        action<{ install: boolean }>(async (ctx, [type, attribute, ...ids], o) => {
          const { tg } = await ctx.session();
          const rows = await tg.vectors.get(type!, ids, attribute!, installOptions(ctx, o.install));
          if (rows.length === 0)
            throw new CliError(
              `no ${type} vertex with a ${attribute} vector among ${ids.join(', ')}`,
              EXIT.notFound,
            );
          ctx.io.print(rows);
        }),
      ),
    'tgraph vectors get Patient profile 1000000001 1000000002 --json',
  );

  registerUpsert(group);
  registerStatus(group);
  registerInstall(group);
}

/** The SDK's install options: a note when a helper query gets installed (it can take minutes). */
function installOptions(ctx: CommandContext, install: boolean) {
  const noted = new Set<string>();
  return {
    install,
    onInstall: (query: string, status: { state: string; elapsedMs: number }) => {
      if (!noted.has(query)) {
        noted.add(query);
        ctx.io.note(
          `installing the helper query ${query} (first use on this graph; can take minutes on a server)`,
        );
      }
      ctx.io.debug(`install ${query}: ${status.state} after ${Math.round(status.elapsedMs / 1000)} s`);
    },
  };
}

function registerSearch(group: Command): void {
  examples(
    group
      .command('search')
      .argument('<type>', 'vertex type (comma-separated for several)')
      .argument('<attribute>', 'vector attribute')
      .option('--vector <numbers>', 'query vector: 0.1,-0.2,0.3 or "[0.1,-0.2,0.3]"')
      .option('--like <id>', "use this vertex's own vector as the query")
      .option('-k, --k <n>', 'number of nearest vertices to return', '10')
      .option('--ef <n>', 'HNSW exploration factor (larger: better matches, slower)')
      .option('--filter <condition>', 'GSQL condition on the candidate v, e.g. "v.birth_year > 1980"')
      .option('--ids <ids>', 'only these vertices are candidates, comma-separated')
      .option('--with-vectors', 'print each match with its vector')
      .option('--no-install', 'fail instead of installing the search query when the graph lacks it')
      .description('find the vertices whose vectors are nearest to a vector')
      .action(
        action<SearchFlags>(async (ctx, [typeArg, attribute], o) => {
          if ((o.vector === undefined) === (o.like === undefined)) {
            throw new CliError(
              'give the query vector with --vector or --like <id> (one of them)',
              EXIT.invalidInput,
              'tgraph vectors search Patient profile --vector 0.1,0.4,0.2,0.9',
            );
          }
          const types = list(typeArg) ?? [];
          const k = int(o.k, '-k', 1) as number;
          const ef = int(o.ef, '--ef', 1);
          const { tg } = await ctx.session();
          const install = installOptions(ctx, o.install);
          const vector =
            o.vector !== undefined
              ? parseVector(o.vector, '--vector')
              : await likeVector(tg, types, attribute!, o.like!, install);
          const matches = await ctx.io
            .spin(`Searching ${types.join(', ')}.${attribute}`, () =>
              tg.vectors.search(
                {
                  type: types,
                  attribute: attribute!,
                  vector,
                  k,
                  ef,
                  filter: o.filter,
                  ids: list(o.ids),
                  withVectors: o.withVectors,
                },
                install,
              ),
            )
            .catch((error: unknown) => {
              throw inFlags(error, SEARCH_FLAGS);
            });
          ctx.io.print(matches);
        }),
      ),
    'tgraph vectors search Patient profile --vector 0.1,0.4,0.2,0.9 -k 5',
    'tgraph vectors search Patient profile --like 1000000001 -k 3 --filter "v.birth_year > 1980" --json',
  );
}

/** The vector of `--like <id>`, read from the first of `types` that has it. */
async function likeVector(
  tg: Session['tg'],
  types: string[],
  attribute: string,
  id: string,
  install: ReturnType<typeof installOptions>,
): Promise<number[]> {
  for (const type of types) {
    const [found] = await tg.vectors.get(type, [id], attribute, install);
    if (found) return found.vector;
  }
  throw new CliError(
    `--like ${id}: no ${types.join(' or ')} vertex ${id} with a ${attribute} vector`,
    EXIT.notFound,
  );
}

function registerUpsert(group: Command): void {
  examples(
    group
      .command('upsert')
      .argument('<type>', 'vertex type')
      .argument('<attribute>', 'vector attribute')
      .argument('[id]', 'vertex id (with --vector), or omit and give --file')
      .option('--vector <numbers>', 'the vector: 0.1,-0.2,0.3 or "[0.1,-0.2,0.3]"')
      .option(
        '--file <path>',
        'JSON/NDJSON ([{"id", "vector"}], {id: vector}) or CSV (id,0.1,-0.2,…); "-" = stdin',
      )
      .option('--format <json|csv>', 'format of --file (default: from its extension, else json)')
      .option('--sep <char>', 'CSV field separator', ',')
      .option('--batch-size <n>', 'vertices per request', '1000')
      .description('write vectors (batched RESTPP upserts)')
      .action(
        action<{ vector?: string; file?: string; format?: string; sep: string; batchSize?: string }>(
          async (ctx, [type, attribute, id], o) => {
            if (
              (id === undefined) === (o.file === undefined) ||
              (id !== undefined && o.vector === undefined)
            ) {
              throw new CliError(
                'give a vertex id with --vector, or --file (not both)',
                EXIT.invalidInput,
                'tgraph vectors upsert Patient profile 1000000001 --vector 0.1,0.4,0.2,0.9',
              );
            }
            const rows =
              id !== undefined
                ? [{ id, vector: parseVector(o.vector!, '--vector') }]
                : readVectorFile(o.file!, o.format, o.sep);
            const batchSize = int(o.batchSize, '--batch-size', 1);
            const { tg } = await ctx.session();
            const summary = await ctx.io
              .spin(`Writing ${rows.length} ${attribute} vectors`, () =>
                tg.vectors.upsert(type!, attribute!, rows, { batchSize }),
              )
              .catch((error: unknown) => {
                throw inFlags(error, { attribute: '<attribute>', vertexType: '<type>' }, o.file);
              });
            ctx.io.print({ accepted_vertices: summary.accepted_vertices, requests: summary.batches.length });
          },
        ),
      ),
    'tgraph vectors upsert Patient profile 1000000001 --vector 0.1,0.4,0.2,0.9',
    'tgraph vectors upsert Patient profile --file profiles.csv',
    'tgraph vectors upsert Patient profile --file profiles.ndjson --batch-size 500',
  );
}

function registerStatus(group: Command): void {
  examples(
    group
      .command('status')
      .argument('[type]', 'vertex type (default: the whole graph)')
      .argument('[attribute]', 'vector attribute')
      .option('--verbose', 'per-server instance detail')
      .description('whether the HNSW vector indexes are up to date')
      .action(
        action<{ verbose?: boolean }>(async (ctx, [type, attribute], o) => {
          const { tg } = await ctx.session();
          const status = await tg.vectors.status(type, attribute, { verbose: o.verbose });
          ctx.io.print({
            ...(type ? { type } : {}),
            ...(attribute ? { attribute } : {}),
            upToDate: status.upToDate,
            needRebuildServers: status.needRebuildServers,
          });
        }),
      ),
    'tgraph vectors status',
    'tgraph vectors status Patient profile',
  );
}

function registerInstall(group: Command): void {
  examples(
    group
      .command('install')
      .argument('<type>', 'vertex type (comma-separated for several)')
      .argument('<attribute>', 'vector attribute')
      .option('--filter <condition>', 'the --filter the searches will give, exactly (each filter is a query)')
      .option('--with-vectors', 'the searches ask for --with-vectors')
      .description('install the helper queries that search and get run, ahead of use (deploy scripts)')
      .action(
        action<{ filter?: string; withVectors?: boolean }>(async (ctx, [typeArg, attribute], o) => {
          const types = list(typeArg) ?? [];
          const { tg } = await ctx.session();
          const installed = await ctx.io
            .spin(`Installing the vector queries of ${types.join(', ')}.${attribute}`, () =>
              tg.vectors.installQueries(
                { type: types, attribute: attribute!, filter: o.filter, withVectors: o.withVectors },
                { onInstall: installOptions(ctx, true).onInstall },
              ),
            )
            .catch((error: unknown) => {
              throw inFlags(error, { filter: '--filter', type: '<type>', attribute: '<attribute>' });
            });
          ctx.io.print(installed);
        }),
      ),
    'tgraph vectors install Patient profile',
    'tgraph vectors install Patient profile --filter "v.birth_year > 1980" --with-vectors',
  );
}
