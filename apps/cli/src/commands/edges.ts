// `tgraph edges list|get|count|upsert|delete|types`.
import type { Command } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { collect, int, list, pairs, readJson } from '../input.js';
import { type ReadOptions, readOptions } from './vertices.js';

export function registerEdges(program: Command): void {
  const group = examples(
    program.command('edges').alias('e').description('list, read, count, upsert and delete edges'),
    'tgraph edges get Patient 6100000100',
    'tgraph edges count',
  );

  examples(
    group
      .command('types')
      .description('list the edge types of the graph')
      .action(
        action(async (ctx) => {
          const { tg } = await ctx.session();
          const types = await tg.edges.types();
          ctx.io.print(types.map((name) => ({ type: name })));
        }),
      ),
    'tgraph edges types',
  );

  examples(
    readOptions(
      group
        .command('list')
        .alias('ls')
        .argument('<edgeType>', 'edge type')
        .description('list edges of a type (from every source vertex)'),
    ).action(
      action<ReadOptions>(async (ctx, [edgeType], o) => {
        const { tg } = await ctx.session();
        const rows = await ctx.io.spin(`Reading ${edgeType}`, () =>
          tg.edges.getByType(edgeType!, {
            select: list(o.select),
            filter: o.filter,
            limit: int(o.limit, '--limit'),
            sort: list(o.sort),
            serverTimeoutMs: int(o.serverTimeout, '--server-timeout', 1),
          } as never),
        );
        ctx.io.print(rows);
      }),
    ),
    'tgraph edges list INFECTED_BY --limit 10',
  );

  examples(
    readOptions(
      group
        .command('get')
        .argument('<sourceType>', 'source vertex type')
        .argument('<sourceId>', 'source vertex id')
        .argument('[edgeType]', 'edge type (default: any)')
        .argument('[targetType]', 'target vertex type')
        .argument('[targetId]', 'target vertex id')
        .description('read the edges of a vertex, optionally of one type and to one target'),
    ).action(
      action<ReadOptions>(async (ctx, [sourceType, sourceId, edgeType, targetType, targetId], o) => {
        const { tg } = await ctx.session();
        const rows = await tg.edges.get(sourceType!, sourceId!, {
          edgeType,
          targetType,
          targetId,
          select: list(o.select),
          filter: o.filter,
          limit: int(o.limit, '--limit'),
          sort: list(o.sort),
          serverTimeoutMs: int(o.serverTimeout, '--server-timeout', 1),
        } as never);
        ctx.io.print(rows);
      }),
    ),
    'tgraph edges get Patient 6100000100',
    'tgraph edges get Patient 6100000100 PATIENT_FROM_CITY City --json',
  );

  examples(
    group
      .command('count')
      .argument('[edgeType]', 'edge type (default: every type)')
      .option('--from <type:id>', 'count the edges of one vertex instead, e.g. Patient:6100000100')
      .option('--source-type <type>', 'only edges leaving this vertex type')
      .option('--target-type <type>', 'only edges reaching this vertex type')
      .description('count edges')
      .action(
        action<{ from?: string; sourceType?: string; targetType?: string }>(async (ctx, [edgeType], o) => {
          const { tg } = await ctx.session();
          if (o.from) {
            const [type, id] = splitVertex(o.from, '--from');
            const counts = await tg.edges.countFrom(type, id, {
              edgeType,
              targetType: o.targetType,
            } as never);
            ctx.io.print(Object.entries(counts).map(([t, count]) => ({ type: t, count })));
          } else if (edgeType) {
            const count = await tg.edges.count(edgeType, {
              sourceType: o.sourceType,
              targetType: o.targetType,
            });
            ctx.io.print([{ type: edgeType, count }]);
          } else {
            const counts = await tg.edges.countByType('*');
            ctx.io.print(Object.entries(counts).map(([t, count]) => ({ type: t, count })));
          }
        }),
      ),
    'tgraph edges count',
    'tgraph edges count PATIENT_FROM_CITY',
    'tgraph edges count --from Patient:6100000100',
  );

  examples(
    group
      .command('upsert')
      .argument('<sourceType>', 'source vertex type')
      .argument('<sourceId|edgeType>', 'source id, or (with --file) the edge type')
      .argument('[edgeType|targetType]', 'edge type, or (with --file) the target vertex type')
      .argument('[targetType]', 'target vertex type')
      .argument('[targetId]', 'target vertex id')
      .option('--set <attr=value>', 'edge attribute value (repeatable)', collect)
      .option(
        '--file <path>',
        'JSON or NDJSON: [{"from": "…", "to": "…", "attributes": {…}}, …] ("-" = stdin)',
      )
      .option('--vertex-must-exist', 'skip edges whose endpoints do not exist (instead of creating them)')
      .description('insert or update edges: one from arguments, or many of one type from --file')
      .action(
        action<{ set?: string[]; file?: string; vertexMustExist?: boolean }>(async (ctx, args, o) => {
          const { tg } = await ctx.session();
          const options = { vertexMustExist: o.vertexMustExist };
          if (o.file) {
            const [sourceType, edgeType, targetType, extra] = args;
            if (!targetType || extra)
              throw new CliError(
                'with --file give <sourceType> <edgeType> <targetType>',
                EXIT.invalidInput,
                'tgraph edges upsert Patient INFECTED_BY Patient --file edges.json',
              );
            const data = readJson(o.file);
            if (!Array.isArray(data))
              throw new CliError(
                `${o.file} must hold a list of {"from", "to", "attributes"} objects`,
                EXIT.invalidInput,
              );
            ctx.io.print(
              await tg.edges.upsertMany(sourceType!, edgeType!, targetType, data as never, options),
            );
            return;
          }
          const [sourceType, sourceId, edgeType, targetType, targetId] = args;
          if (!targetId)
            throw new CliError(
              'give <sourceType> <sourceId> <edgeType> <targetType> <targetId>',
              EXIT.invalidInput,
              'tgraph edges upsert Patient 1 INFECTED_BY Patient 2',
            );
          ctx.io.print(
            await tg.edges.upsert(
              sourceType!,
              sourceId!,
              edgeType!,
              targetType!,
              targetId,
              pairs(o.set, '--set'),
              options,
            ),
          );
        }),
      ),
    'tgraph edges upsert Patient 6100000100 INFECTED_BY Patient 6023000024',
    'tgraph edges upsert Patient INFECTED_BY Patient --file infections.json',
  );

  examples(
    group
      .command('delete')
      .alias('rm')
      .argument('<sourceType>', 'source vertex type')
      .argument('<sourceId>', 'source vertex id')
      .argument('[edgeType]', 'edge type (default: any)')
      .argument('[targetType]', 'target vertex type')
      .argument('[targetId]', 'target vertex id')
      .option('--filter <condition>', 'delete matching edges only (repeatable, ANDed)', collect)
      .description('delete the edges of a vertex (of one type, to one target, matching a filter)')
      .action(
        action<{ filter?: string[] }>(
          async (ctx, [sourceType, sourceId, edgeType, targetType, targetId], o) => {
            const { tg } = await ctx.session();
            const deleted = await tg.edges.delete(sourceType!, sourceId!, {
              edgeType,
              targetType,
              targetId,
              filter: o.filter,
            } as never);
            ctx.io.print(Object.entries(deleted).map(([type, count]) => ({ type, deleted: count })));
          },
        ),
      ),
    'tgraph edges delete Patient 6100000100 INFECTED_BY',
  );
}

function splitVertex(text: string, flag: string): [string, string] {
  const i = text.indexOf(':');
  if (i <= 0 || i === text.length - 1)
    throw new CliError(
      `${flag} takes type:id, got '${text}'`,
      EXIT.invalidInput,
      `e.g. ${flag} Patient:6100000100`,
    );
  return [text.slice(0, i), text.slice(i + 1)];
}
