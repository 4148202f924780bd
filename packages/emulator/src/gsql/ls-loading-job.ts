// Loading jobs as `ls` prints them: TigerGraph lists a job in a normalised form rebuilt from the
// catalogue, not the text as written — `DEFINE FILENAME f = "…";`, `VALUES(…)` with no space before
// the parenthesis, and every LOAD's USING clause with SEPARATOR, HEADER and EOL spelled out in that
// order (GSQL 101, "Define a parameterized query" page's `ls` output:
// docs.tigergraph.com/gsql-ref/3.10/tutorials/gsql-101/parameterized-gsql-query, and
// tigergraph/gsql-docs modules/tutorials/pages/gsql-101/parameterized-gsql-query.adoc).
// The pages list the DEFINE FILENAME lines in an order that is not the written one and that nothing
// in them explains; the emulator keeps the written order (README, "Chosen where the reference is silent").
import type {
  Condition,
  LoadingJobDef,
  LoadStatementDef,
  LoadTarget,
  TokenExpr,
} from '../loading/job-ast.js';
import { loadingJobs } from '../loading/registry.js';
import type { Graph } from '../store/catalog.js';

/** A string literal as GSQL writes it: quotes, and `\n`, `\t`, `\r`, `"`, `\` escaped. */
function quoted(value: string): string {
  const body = value.replace(/[\\"\n\t\r]/g, (ch) =>
    ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : `\\${ch}`,
  );
  return `"${body}"`;
}

function exprText(e: TokenExpr): string {
  switch (e.kind) {
    case 'position':
      return `$${e.index}`;
    case 'column':
      return `$${quoted(e.name)}`;
    case 'skip':
      return '_';
    case 'literal':
      return /^-?\d+(\.\d+)?$/.test(e.value) ? e.value : quoted(e.value);
    case 'call':
      return `${e.name}(${e.args.map(exprText).join(', ')})`;
  }
}

function conditionText(c: Condition): string {
  switch (c.kind) {
    case 'and':
    case 'or':
      return `(${conditionText(c.left)} ${c.kind.toUpperCase()} ${conditionText(c.right)})`;
    case 'not':
      return `NOT ${conditionText(c.operand)}`;
    case 'compare':
      return `${exprText(c.left)} ${c.op} ${exprText(c.right)}`;
    case 'is':
      return `${exprText(c.operand)} IS ${c.negated ? 'NOT ' : ''}${c.test}`;
    case 'in':
      return `${exprText(c.operand)} ${c.negated ? 'NOT ' : ''}IN (${c.values.map(exprText).join(', ')})`;
    case 'call':
      return exprText(c.expr);
  }
}

function targetText(t: LoadTarget): string {
  const head =
    t.kind === 'vector'
      ? `TO VECTOR ATTRIBUTE ${t.vectorAttr ?? ''} ON VERTEX ${t.type}`
      : `TO ${t.kind.toUpperCase()} ${t.type}`;
  const values = t.values.map((v) => exprText(v.expr) + (v.vertexType ? ` ${v.vertexType}` : ''));
  const where = t.where ? ` WHERE ${conditionText(t.where)}` : '';
  return `${head} VALUES(${values.join(', ')})${where}`;
}

/** SEPARATOR, HEADER and EOL first with their defaults (",", "false", "\n"), then the rest as written. */
function usingText(using: Map<string, string>): string {
  const first: [string, string][] = [
    ['SEPARATOR', using.get('SEPARATOR') ?? ','],
    ['HEADER', using.get('HEADER') ?? 'false'],
    ['EOL', using.get('EOL') ?? '\n'],
  ];
  const rest = [...using].filter(([k]) => k !== 'SEPARATOR' && k !== 'HEADER' && k !== 'EOL');
  return [...first, ...rest].map(([k, v]) => `${k}=${quoted(v)}`).join(', ');
}

function loadText(st: LoadStatementDef): string {
  const source = st.literalPath !== undefined ? quoted(st.literalPath) : st.filename;
  return `LOAD ${source} ${st.targets.map(targetText).join(', ')} USING ${usingText(st.using)};`;
}

/** The lines inside the job's braces. */
export function normalisedJobBody(def: LoadingJobDef): string[] {
  const lines: string[] = [];
  for (const f of def.filenames)
    lines.push(
      f.path === undefined ? `DEFINE FILENAME ${f.name};` : `DEFINE FILENAME ${f.name} = ${quoted(f.path)};`,
    );
  for (const [name, cols] of def.headers)
    lines.push(`DEFINE HEADER ${name} = ${cols.map(quoted).join(', ')};`);
  for (const st of def.statements) lines.push(loadText(st));
  return lines;
}

/** The `ls` items of a graph's loading jobs (after the `Jobs:` heading). */
export function loadingJobLsItems(g: Graph): string[] {
  const out: string[] = [];
  for (const j of loadingJobs(g).values()) {
    const graph = j.def.graph === undefined ? '' : ` FOR GRAPH ${j.def.graph}`;
    out.push(`  - CREATE LOADING JOB ${j.def.name}${graph} {`);
    for (const line of normalisedJobBody(j.def)) out.push(`    ${line}`);
    out.push('    }');
  }
  return out;
}
