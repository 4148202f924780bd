// `tgraph vertices list|get|count|upsert|delete|types`.
import type { Command } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { collect, int, list, pairs, readJson } from '../input.js';

/** Options shared by the read commands of `vertices` and `edges`. */
export interface ReadOptions {
  select?: string;
  filter?: string[];
  limit?: string;
  sort?: string;
  serverTimeout?: string;
}

export function registerVertices(program: Command): void {
  const group = examples(
    program.command('vertices').alias('v').description('list, read, count, upsert and delete vertices'),
    'tgraph vertices list Patient --limit 5 --select birth_year',
    'tgraph vertices count',
  );

  examples(
    group
      .command('types')
      .description('list the vertex types of the graph')
      .action(
        action(async (ctx) => {
          const { tg } = await ctx.session();
          const types = await tg.vertices.types();
          ctx.io.print(types.map((name) => ({ type: name })));
        }),
      ),
    'tgraph vertices types',
  );

  examples(
    readOptions(
      group
        .command('list')
        .alias('ls')
        .argument('<type>', 'vertex type')
        .description('list vertices of a type'),
    ).action(
      action<ReadOptions>(async (ctx, [type], o) => {
        const { tg } = await ctx.session();
        const rows = await ctx.io.spin(`Reading ${type}`, () =>
          tg.vertices.get(type!, {
            select: list(o.select),
            filter: o.filter,
            limit: int(o.limit, '--limit'),
            sort: list(o.sort),
            serverTimeoutMs: int(o.serverTimeout, '--server-timeout', 1),
          }),
        );
        ctx.io.print(rows);
      }),
    ),
    'tgraph vertices list Patient --limit 5 --select birth_year',
    'tgraph vertices list Patient --filter "birth_year>1990" --sort -birth_year --csv > young.csv',
  );

  examples(
    group
      .command('get')
      .argument('<type>', 'vertex type')
      .argument('<ids...>', 'vertex ids')
      .option('--select <attrs>', 'attributes to return, comma-separated')
      .description('read vertices by id')
      .action(
        action<{ select?: string }>(async (ctx, [type, ...ids], o) => {
          const { tg } = await ctx.session();
          const rows = await tg.vertices.getById(type!, ids, { select: list(o.select) });
          if (rows.length === 0)
            throw new CliError(`no ${type} vertex with id ${ids.join(', ')}`, EXIT.notFound);
          ctx.io.print(rows);
        }),
      ),
    'tgraph vertices get Patient 6100000100',
    'tgraph vertices get Patient 6100000100 6023000024 --select birth_year,sex --json',
  );

  examples(
    group
      .command('count')
      .argument('[type]', 'vertex type (default: every type)')
      .option('--filter <condition>', 'count only matching vertices (repeatable, ANDed)', collect)
      .description('count vertices')
      .action(
        action<{ filter?: string[] }>(async (ctx, [type], o) => {
          const { tg } = await ctx.session();
          if (type) {
            const count = await tg.vertices.count(type, { filter: o.filter });
            ctx.io.print([{ type, count }]);
          } else {
            if (o.filter)
              throw new CliError(
                '--filter needs a vertex type',
                EXIT.invalidInput,
                'e.g. tgraph vertices count Patient --filter "birth_year>1990"',
              );
            const counts = await tg.vertices.countByType('*');
            ctx.io.print(Object.entries(counts).map(([t, count]) => ({ type: t, count })));
          }
        }),
      ),
    'tgraph vertices count',
    'tgraph vertices count Patient --filter "sex=\\"female\\""',
  );

  examples(
    group
      .command('upsert')
      .argument('<type>', 'vertex type')
      .argument('[id]', 'vertex id (with --set), or omit and give --file')
      .option('--set <attr=value>', 'attribute value (repeatable; JSON values are parsed)', collect)
      .option('--file <path>', 'JSON or NDJSON: [{"id": "…", "attributes": {…}}, …] ("-" = stdin)')
      .option('--new-only', 'skip vertices that already exist')
      .option('--update-only', 'skip vertices that do not exist')
      .description('insert or update vertices')
      .action(
        action<{ set?: string[]; file?: string; newOnly?: boolean; updateOnly?: boolean }>(
          async (ctx, [type, id], o) => {
            const options = { newVertexOnly: o.newOnly, updateVertexOnly: o.updateOnly };
            if ((id === undefined) === (o.file === undefined)) {
              throw new CliError(
                'give a vertex id (with --set) or --file, not both',
                EXIT.invalidInput,
                'tgraph vertices upsert Patient 42 --set birth_year=1990',
              );
            }
            const { tg } = await ctx.session();
            const summary =
              id !== undefined
                ? await tg.vertices.upsert(type!, id, pairs(o.set, '--set'), options)
                : await tg.vertices.upsertMany(
                    type!,
                    vertexInputs(readJson(o.file!), o.file!) as never,
                    options,
                  );
            ctx.io.print(summary);
          },
        ),
      ),
    'tgraph vertices upsert Patient 6100000999 --set birth_year=1990 --set sex=female',
    'tgraph vertices upsert Patient --file patients.ndjson',
  );

  examples(
    group
      .command('delete')
      .alias('rm')
      .argument('<type>', 'vertex type')
      .argument('[ids...]', 'vertex ids (omit to delete by --filter or --all)')
      .option('--filter <condition>', 'delete matching vertices (repeatable, ANDed)', collect)
      .option('--limit <n>', 'delete at most n (with --filter)')
      .option('--all', 'delete every vertex of the type')
      .option('--permanent', 'the ids can never be inserted again')
      .option('-y, --yes', 'delete with --all without asking (needed when not on a terminal)')
      .description('delete vertices by id, by filter, or all of a type')
      .action(
        action<{ filter?: string[]; limit?: string; all?: boolean; permanent?: boolean; yes?: boolean }>(
          async (ctx, [type, ...ids], o) => {
            const chosen = [ids.length > 0, o.filter !== undefined, o.all === true].filter(Boolean).length;
            if (chosen !== 1) {
              throw new CliError(
                'say what to delete: ids, --filter or --all (one of them)',
                EXIT.invalidInput,
                'tgraph vertices delete Patient 6100000100',
              );
            }
            if (o.all) {
              const { confirm } = await import('../confirm.js');
              await confirm(
                `Delete every ${type} vertex${o.permanent ? ' permanently' : ''}? This cannot be undone.`,
                `deleting every ${type} vertex`,
                o.yes,
              );
            }
            const { tg } = await ctx.session();
            const deleted = ids.length
              ? await tg.vertices.deleteById(type!, ids, { permanent: o.permanent })
              : o.all
                ? await tg.vertices.deleteByType(type!, { permanent: o.permanent })
                : await tg.vertices.delete(type!, {
                    filter: o.filter,
                    limit: int(o.limit, '--limit'),
                    permanent: o.permanent,
                  });
            ctx.io.print({ type, deleted });
          },
        ),
      ),
    'tgraph vertices delete Patient 6100000100',
    'tgraph vertices delete Patient --filter "birth_year<1900"',
    'tgraph vertices delete Patient --all --yes',
  );
}

export function readOptions(command: Command): Command {
  return command
    .option('--select <attrs>', 'attributes to return, comma-separated')
    .option('--filter <condition>', 'RESTPP filter such as "birth_year>1990" (repeatable, ANDed)', collect)
    .option('--limit <n>', 'return at most n')
    .option('--sort <attrs>', 'sort by attributes, comma-separated, -name for descending')
    .option('--server-timeout <ms>', 'server-side timeout');
}

/** Accepts `[{id, attributes}]`, `[[id, attributes]]` or `{id: attributes}`. */
function vertexInputs(data: unknown, path: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).map(([id, attributes]) => ({ id, attributes }));
  }
  throw new CliError(
    `${path} must hold a list of {"id", "attributes"} objects or an {id: attributes} object`,
    EXIT.invalidInput,
  );
}
