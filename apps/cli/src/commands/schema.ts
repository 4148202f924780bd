// `tgraph schema show|types|diff` and `tgraph codegen`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Session } from '../connect.js';
import { action, type CommandContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { examples } from '../help.js';
import { readJson } from '../input.js';

export function registerSchema(program: Command): void {
  const group = examples(
    program.command('schema').description('read and compare the graph schema'),
    'tgraph schema show',
  );

  examples(
    group
      .command('show')
      .option('--raw', "the server's schema JSON unchanged")
      .description('the graph schema: vertex types, edge types and UDTs')
      .action(
        action<{ raw?: boolean }>(async (ctx, _args, o) => {
          const { tg } = await ctx.session();
          const schema = await tg.schema.getSchema();
          if (o.raw || ctx.io.format === 'json' || ctx.io.format === 'ndjson') {
            ctx.io.print(
              o.raw
                ? schema.raw
                : {
                    graph: schema.graph,
                    vertexTypes: schema.vertexTypes,
                    edgeTypes: schema.edgeTypes.map(({ raw: _r, ...e }) => e),
                    udts: schema.udts,
                  },
            );
            return;
          }
          const c = ctx.io.c;
          const attrs = (list: { name: string; type: { text: string } }[]) =>
            list.map((a) => `${a.name} ${c.dim(a.type.text)}`).join(', ');
          const lines = [c.bold(`Graph ${schema.graph}`), '', c.bold('Vertex types')];
          for (const v of schema.vertexTypes)
            lines.push(
              `  ${c.cyan(v.name)}(PRIMARY_ID ${v.primaryId.name} ${c.dim(v.primaryId.type.text)}${v.attributes.length ? `, ${attrs(v.attributes)}` : ''})`,
            );
          lines.push('', c.bold('Edge types'));
          for (const e of schema.edgeTypes) {
            const ends = e.pairs.map((p) => `${p.from} ${e.directed ? '->' : '--'} ${p.to}`).join(' | ');
            lines.push(
              `  ${c.cyan(e.name)} ${ends}${e.reverseEdge ? c.dim(` (reverse ${e.reverseEdge})`) : ''}${e.attributes.length ? ` [${attrs(e.attributes)}]` : ''}`,
            );
          }
          if (schema.udts.length) {
            lines.push('', c.bold('Tuples'));
            for (const u of schema.udts)
              lines.push(`  ${c.cyan(u.name)}(${u.fields.map((f) => `${f.name} ${f.type}`).join(', ')})`);
          }
          ctx.io.line(lines.join('\n'));
        }),
      ),
    'tgraph schema show',
    'tgraph schema show --raw > schema.json',
  );

  examples(
    group
      .command('types')
      .description('vertex and edge types with their attribute counts')
      .action(
        action(async (ctx) => {
          const { tg } = await ctx.session();
          const schema = await tg.schema.getSchema();
          ctx.io.print([
            ...schema.vertexTypes.map((v) => ({
              kind: 'vertex',
              name: v.name,
              attributes: v.attributes.length,
              from: '',
              to: '',
            })),
            ...schema.edgeTypes.map((e) => ({
              kind: e.directed ? 'directed edge' : 'undirected edge',
              name: e.name,
              attributes: e.attributes.length,
              from: e.from.join('|'),
              to: e.to.join('|'),
            })),
          ]);
        }),
      ),
    'tgraph schema types',
    'tgraph schema types --csv',
  );

  examples(
    group
      .command('diff')
      .argument('<file>', 'desired schema as JSON: {"vertexTypes": {…}, "edgeTypes": {…}} ("-" = stdin)')
      .option('--strict', 'also report types and attributes the file does not mention')
      .description('compare the live schema with a desired one; exit 1 when they differ')
      .action(
        action<{ strict?: boolean }>(async (ctx, [file], o) => {
          const desired = readJson(file!);
          if (typeof desired !== 'object' || desired === null || Array.isArray(desired)) {
            throw new CliError(
              `${file} must hold a JSON object with vertexTypes and/or edgeTypes`,
              EXIT.invalidInput,
            );
          }
          const { tg } = await ctx.session();
          const result = await tg.schema.validateSchema(desired as never, { strict: o.strict === true });
          if (ctx.io.format === 'table' && result.ok) ctx.io.success('the live schema matches');
          else
            ctx.io.print(
              ctx.io.format === 'table'
                ? result.differences.map((d) => ({
                    kind: d.kind,
                    path: d.path,
                    expected: d.expected ?? '',
                    actual: d.actual ?? '',
                  }))
                : result,
            );
          if (!result.ok)
            throw new CliError(
              `${result.differences.length} difference(s) between ${file} and the live schema`,
              EXIT.failure,
            );
        }),
      ),
    'tgraph schema diff expected-schema.json',
    'tgraph schema diff expected-schema.json --strict --json',
  );
}

interface CodegenFlags {
  out?: string;
  check?: boolean;
  queries?: boolean;
  typeName?: string;
  integers: string;
}

/** What `codegen` generated: the module text, what it was generated from, and a summary. */
interface Generated {
  code: string;
  source: string;
  summary: string;
}

async function generateSchemaModule(session: Session, o: CodegenFlags): Promise<Generated> {
  const schema = await session.tg.schema.getSchema();
  const code = session.facade.generateSchemaTypes(schema, {
    integers: o.integers as 'number',
    schemaTypesImport: 'tgraph',
    ...(o.typeName ? { typeName: o.typeName } : {}),
  });
  return {
    code,
    source: `the live schema of ${schema.graph}`,
    summary: `${schema.vertexTypes.length} vertex types, ${schema.edgeTypes.length} edge types`,
  };
}

async function generateQueriesModule(session: Session, o: CodegenFlags): Promise<Generated> {
  const graph = session.tg.connection.graph;
  const sources = await session.facade.describeQueriesForCodegen(session.tg.context);
  // Vector attribute names (4.2+), so vertex sets printed WITH VECTOR get typed Embeddings.
  const schema = await session.tg.schema.getSchema();
  const vectors = Object.fromEntries(
    schema.vertexTypes
      .filter((v) => v.embeddings.length > 0)
      .map((v) => [v.name, v.embeddings.map((e) => e.Name)]),
  );
  const code = session.facade.generateQueryTypes(sources, {
    integers: o.integers as 'number',
    vectors,
    queriesImport: 'tgraph',
    ...(graph ? { graph } : {}),
    ...(o.typeName ? { typeName: o.typeName } : {}),
  });
  return {
    code,
    source: `the installed queries of ${graph ?? 'the graph'}`,
    summary: `${sources.length} installed ${sources.length === 1 ? 'query' : 'queries'}`,
  };
}

/** `--check`: succeeds when the committed file is what the server generates now. */
function checkDrift(ctx: CommandContext, out: string, generated: Generated, o: CodegenFlags): void {
  const committed = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  if (committed === generated.code) {
    ctx.io.success(`${out} matches ${generated.source}`);
    return;
  }
  throw new CliError(
    committed === undefined ? `${out} does not exist` : `${out} differs from ${generated.source}`,
    EXIT.failure,
    `regenerate it: tgraph codegen${o.queries ? ' --queries' : ''} --out ${out}`,
  );
}

export function registerCodegen(program: Command): void {
  examples(
    program
      .command('codegen')
      .option('-o, --out <file>', 'write the module here (default: stdout)')
      .option('--check', 'fail (exit 1) when --out differs from what the server generates')
      .option(
        '--queries',
        "generate the installed queries' parameter and result types instead of the schema's",
      )
      .option('--type-name <name>', 'name of the exported type (default <Graph>Schema, or <Graph>Queries)')
      .option('--integers <mode>', 'TypeScript type of INT/UINT: number, bigint, auto or string', 'number')
      .description(
        'generate TypeScript types from the live schema (for createClient<Schema>()) or its queries',
      )
      .action(
        action<CodegenFlags>(async (ctx, _args, o) => {
          if (o.check && !o.out)
            throw new CliError('--check needs --out <file> (the committed types)', EXIT.invalidInput);
          if (!['number', 'bigint', 'auto', 'string'].includes(o.integers)) {
            throw new CliError(
              `--integers must be number, bigint, auto or string, got '${o.integers}'`,
              EXIT.invalidInput,
            );
          }
          const session = await ctx.session();
          const generated = await (o.queries ? generateQueriesModule : generateSchemaModule)(session, o);
          if (o.check) return checkDrift(ctx, o.out!, generated, o);
          if (o.out) {
            writeFileSync(o.out, generated.code);
            ctx.io.success(`wrote ${o.out} (${generated.summary})`);
          } else ctx.io.write(generated.code);
        }),
      ),
    'tgraph codegen --out src/schema.ts',
    'tgraph codegen --out src/schema.ts --check   # in CI: fails when the server schema drifted',
    'tgraph codegen --queries --out src/queries.ts   # typed tg.queries.run: createClient<Schema & { queries: MyGraphQueries }>()',
  );
}
