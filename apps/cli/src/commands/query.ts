// `tgraph query run|list|install|create|drop|status|result|interpret`.
import type { Command } from 'commander';
import { action } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { collect, int, pairs, readJson, readText } from '../input.js';
import type { Io } from '../output/io.js';

interface RunOptions {
  param?: string[];
  params?: string;
  post?: boolean;
  async?: boolean;
  serverTimeout?: string;
}

export function registerQuery(program: Command): void {
  const group = examples(
    program.command('query').alias('q').description('run and manage GSQL queries'),
    'tgraph query list',
    'tgraph query run hello --param name=world',
  );

  examples(
    group
      .command('run')
      .argument('<name>', 'installed query')
      .option('--param <name=value>', 'a parameter (repeat a name for SET/LIST/BAG values)', collect)
      .option('--params <file>', 'parameters as a JSON object (typed; sent with POST); "-" = stdin')
      .option('--post', 'send the parameters as a JSON body (default: query string, or POST with --params)')
      .option('--async', 'run detached and print the request id (see `query status` / `query result`)')
      .option('--server-timeout <ms>', 'server-side timeout (GSQL-TIMEOUT header)')
      .description('run an installed query and print what it PRINTs')
      .action(
        action<RunOptions>(async (ctx, [name], o) => {
          const { tg } = await ctx.session();
          const fromFile = o.params ? readJson(o.params) : undefined;
          if (
            fromFile !== undefined &&
            (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile))
          ) {
            throw new CliError(
              '--params must hold a JSON object of parameter names to values',
              EXIT.invalidInput,
            );
          }
          // Values typed with --param stay text (as in a URL); a JSON file keeps its types.
          const params = {
            ...(fromFile as Record<string, unknown>),
            ...pairs(o.param, '--param', false),
          } as never;
          const method = o.post || fromFile !== undefined ? 'POST' : 'GET';
          const control = { gsqlTimeoutMs: int(o.serverTimeout, '--server-timeout', 1), method } as const;
          if (o.async) {
            const job = await tg.queries.runQueryAsync(name!, params, control);
            ctx.io.print(job);
            ctx.io.note(`check it with: tgraph query status ${job.requestId}`);
            return;
          }
          const results = await ctx.io.spin(`Running ${name}`, () => tg.queries.run(name!, params, control));
          printResults(ctx.io, results);
        }),
      ),
    'tgraph query run hello --param name=world',
    'tgraph query run infection_chain --param p=6100000100 --param depth=3 --json',
    'tgraph query run city_stats --params params.json --async',
  );

  examples(
    group
      .command('interpret')
      .argument('<file>', 'GSQL query text (INTERPRET QUERY or CREATE QUERY); "-" = stdin')
      .option('--param <name=value>', 'a parameter (repeatable)', collect)
      .description('run query text without installing it')
      .action(
        action<{ param?: string[] }>(async (ctx, [file], o) => {
          const { tg } = await ctx.session();
          const results = await tg.queries.runInterpreted(
            readText(file!),
            pairs(o.param, '--param', false) as never,
          );
          printResults(ctx.io, results);
        }),
      ),
    "echo 'INTERPRET QUERY () FOR GRAPH MyGraph { PRINT 1+1 AS two; }' | tgraph query interpret -",
  );

  examples(
    group
      .command('list')
      .alias('ls')
      .description('list the queries of the graph and whether they are installed')
      .action(
        action(async (ctx) => {
          const { tg } = await ctx.session();
          ctx.io.print(await tg.queries.listQueries(), {
            columns: ['name', 'installed', 'status', 'syntax'],
          });
        }),
      ),
    'tgraph query list',
  );

  examples(
    group
      .command('create')
      .argument('<file>', 'GSQL text with CREATE [OR REPLACE] QUERY; "-" = stdin')
      .option('--install', 'install it afterwards')
      .description('create a query from a file ($graphname is replaced by the graph)')
      .action(
        action<{ install?: boolean }>(async (ctx, [file], o) => {
          const { tg } = await ctx.session();
          const text = readText(file!);
          const created = await tg.queries.createQuery(text);
          ctx.io.note(created.message.trim());
          if (o.install) {
            const names = [
              ...text.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:DISTRIBUTED\s+)?QUERY\s+(\w+)/gi),
            ].map((m) => m[1]!);
            await install(ctx.io, tg, names);
          }
        }),
      ),
    'tgraph query create hello.gsql --install',
  );

  examples(
    group
      .command('install')
      .argument('<names...>', 'queries to install, or "all"')
      .option('--force', 'reinstall queries that are installed already')
      .description('install queries (waits, showing progress)')
      .action(
        action<{ force?: boolean }>(async (ctx, names, o) => {
          const { tg } = await ctx.session();
          await install(ctx.io, tg, names.length === 1 && names[0] === 'all' ? 'all' : names, o.force);
        }),
      ),
    'tgraph query install hello',
    'tgraph query install all --force',
  );

  examples(
    group
      .command('drop')
      .argument('<names...>', 'queries to drop')
      .description('drop queries')
      .action(
        action(async (ctx, names) => {
          const { tg } = await ctx.session();
          const result = await tg.queries.dropQueries(names);
          ctx.io.print(result);
          if (result.failedToDrop.length)
            throw new CliError(`could not drop ${result.failedToDrop.join(', ')}`, EXIT.server);
        }),
      ),
    'tgraph query drop hello',
  );

  examples(
    group
      .command('status')
      .argument('<requestId>', 'request id printed by `query run --async`')
      .description('status of a detached query run')
      .action(
        action(async (ctx, [requestId]) => {
          const { tg } = await ctx.session();
          ctx.io.print(await tg.queries.getQueryStatus(requestId!));
        }),
      ),
    'tgraph query status 196611.RESTPP_1_1.1630601692834.N',
  );

  examples(
    group
      .command('result')
      .argument('<requestId>', 'request id printed by `query run --async`')
      .option('--wait', 'wait until the run ends')
      .description('result of a detached query run')
      .action(
        action<{ wait?: boolean }>(async (ctx, [requestId], o) => {
          const { tg } = await ctx.session();
          if (o.wait) {
            const status = await ctx.io.spin('Waiting for the query', async () => {
              for (;;) {
                const s = await tg.queries.getQueryStatus(requestId!);
                if (s.status !== 'running') return s;
                await new Promise((r) => setTimeout(r, 500));
              }
            });
            if (status.status !== 'success')
              throw new CliError(`the query run ended with status ${status.status}`, EXIT.server);
          }
          printResults(ctx.io, await tg.queries.getResult(requestId!));
        }),
      ),
    'tgraph query result 196611.RESTPP_1_1.1630601692834.N --wait --json',
  );
}

async function install(
  io: Io,
  tg: import('../connect.js').Client,
  names: string[] | 'all',
  force?: boolean,
): Promise<void> {
  const status = await io.spin(`Installing ${names === 'all' ? 'all queries' : names.join(', ')}`, () =>
    tg.queries.installQueries(names, {
      force,
      onProgress: (s) => io.debug(`install: ${s.state} after ${Math.round(s.elapsedMs / 1000)} s`),
    }),
  );
  io.success(`installed ${names === 'all' ? 'all queries' : names.join(', ')} (${status.state})`);
}

/**
 * Query output: JSON keeps the full list of PRINT objects. Tables show each PRINT's vertex/edge
 * sets as rows, and scalar PRINTs as one key/value block.
 */
function printResults(io: Io, results: readonly object[]): void {
  if (io.format === 'json' || io.format === 'ndjson') {
    io.print(results);
    return;
  }
  const lists = results.flatMap((printed) => Object.values(printed).filter(Array.isArray) as unknown[][]);
  const onlyList = results.length === 1 && Object.keys(results[0]!).length === 1 && lists.length === 1;
  if (onlyList) {
    io.print(lists[0]);
    return;
  }
  if (io.format === 'csv') {
    io.print(results.map((r) => ({ ...r })));
    return;
  }
  // A table per vertex/edge set, key/value lines for the rest.
  for (const printed of results) {
    const scalars: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(printed)) {
      if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) {
        io.line(io.c.bold(`${key}:`));
        io.print(value);
      } else scalars[key] = value;
    }
    if (Object.keys(scalars).length) io.print(scalars);
  }
}
