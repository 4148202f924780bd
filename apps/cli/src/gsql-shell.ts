// The interactive GSQL shell: node:readline with persistent history, multi-line input (BEGIN … END
// blocks and unbalanced { } such as CREATE QUERY bodies), and Tab completion of GSQL keywords,
// vertex/edge type names and query names read from the server.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import envPaths from 'env-paths';
import type { Session } from './connect.js';
import { cliWords } from './explain.js';
import { runGsql } from './gsql-run.js';
import type { Io } from './output/io.js';

const KEYWORDS = [
  'ls',
  'USE GRAPH',
  'USE GLOBAL',
  'SHOW',
  'SHOW QUERY',
  'SHOW SECRET',
  'SHOW USER',
  'CREATE',
  'CREATE QUERY',
  'CREATE OR REPLACE QUERY',
  'CREATE VERTEX',
  'CREATE DIRECTED EDGE',
  'CREATE UNDIRECTED EDGE',
  'CREATE GRAPH',
  'CREATE SECRET',
  'CREATE LOADING JOB',
  'CREATE SCHEMA_CHANGE JOB',
  'INSTALL QUERY',
  'INTERPRET QUERY',
  'RUN QUERY',
  'RUN LOADING JOB',
  'DROP',
  'DROP QUERY',
  'DROP GRAPH',
  'DROP SECRET',
  'BEGIN',
  'END',
  'SELECT',
  'FROM',
  'WHERE',
  'ACCUM',
  'POST-ACCUM',
  'PRINT',
  'LIMIT',
  'ORDER BY',
  'PRIMARY_ID',
  'FOR GRAPH',
  'exit',
  'quit',
];

export function historyPath(): string {
  return join(envPaths('tgraph', { suffix: '' }).data, 'gsql_history');
}

/** True while `text` still needs more lines: an open BEGIN block or unbalanced braces. */
export function needsMore(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  if (/^BEGIN$/i.test(lines[0] ?? '') && !/^END$/i.test(lines.at(-1) ?? '')) return true;
  let depth = 0;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
  }
  return depth > 0;
}

/** Strips a surrounding BEGIN … END (the shell's multi-line marker; the server gets the body). */
function unwrap(text: string): string {
  const lines = text.split('\n');
  if (/^\s*BEGIN\s*$/i.test(lines[0] ?? '') && /^\s*END\s*$/i.test(lines.at(-1) ?? ''))
    return lines.slice(1, -1).join('\n');
  return text;
}

export async function runShell(session: Session, io: Io): Promise<void> {
  const { tg, settings } = session;
  let graph = settings.graph;
  let names: string[] = [];
  const refreshNames = async () => {
    names = [];
    if (!graph) return;
    try {
      const schema = await tg.schema.getSchema({ graph, refresh: true, udts: false });
      const queries = await tg.queries.listQueries({ graph }).catch(() => []);
      names = [
        ...schema.vertexTypes.map((v) => v.name),
        ...schema.edgeTypes.map((e) => e.name),
        ...queries.map((q) => q.name),
      ];
    } catch {
      names = [];
    }
  };
  await refreshNames();

  let history: string[] = [];
  try {
    history = readFileSync(historyPath(), 'utf8').split('\n').filter(Boolean).reverse().slice(0, 1000);
  } catch {}

  const completer = (line: string): [string[], string] => {
    const word = /[\w.-]*$/.exec(line)?.[0] ?? '';
    const candidates = [
      ...KEYWORDS.filter((k) => !k.includes(' ')),
      ...KEYWORDS.filter((k) => k.includes(' ')),
      ...names,
    ];
    // Same-case prefix matches first (so "Infec" finds InfectionCase, not INFECTED_BY too).
    const single = candidates.filter((c) => !c.includes(' '));
    const exact = single.filter((c) => c.startsWith(word));
    const hits = exact.length ? exact : single.filter((c) => c.toLowerCase().startsWith(word.toLowerCase()));
    const phrase = line.trimStart();
    const phraseHits = KEYWORDS.filter(
      (k) => k.includes(' ') && k.toLowerCase().startsWith(phrase.toLowerCase()) && phrase.length > 0,
    );
    if (phraseHits.length && phrase.includes(' '))
      return [phraseHits.map((k) => k.slice(phrase.length - word.length)), word];
    return [[...new Set(hits)], word];
  };

  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    completer,
    history,
    historySize: 1000,
    terminal: true,
  });
  const prompt = () => `${io.c.cyan('GSQL')}${graph ? io.c.dim(` (${graph})`) : ''} > `;
  io.line(
    `${io.c.bold('tgraph GSQL shell')} — ${settings.local ? 'in-process emulator' : settings.host}. Multi-line: BEGIN … END or open { }. Tab completes. Ctrl-D or "exit" quits.`,
  );
  rl.setPrompt(prompt());
  rl.prompt();

  let buffer: string[] = [];
  // Ctrl-C drops the statement being typed (like a shell); Ctrl-D or `exit` leaves.
  rl.on('SIGINT', () => {
    buffer = [];
    rl.write(null, { ctrl: true, name: 'u' });
    io.write('^C\n');
    rl.setPrompt(prompt());
    rl.prompt();
  });
  const saveHistory = () => {
    try {
      mkdirSync(dirname(historyPath()), { recursive: true, mode: 0o700 });
      const entries = (rl as unknown as { history: string[] }).history.slice().reverse();
      writeFileSync(historyPath(), `${entries.join('\n')}\n`, { mode: 0o600 });
      // `mode` applies only when the file is created: an older, wider file is tightened too.
      chmodSync(historyPath(), 0o600);
    } catch {}
  };

  for await (const line of rl) {
    buffer.push(line);
    const text = buffer.join('\n');
    if (buffer.length === 1 && /^\s*(exit|quit)\s*;?\s*$/i.test(line)) break;
    if (text.trim() === '') {
      buffer = [];
      rl.prompt();
      continue;
    }
    if (needsMore(text)) {
      rl.setPrompt(io.c.dim('   ... > '));
      rl.prompt();
      continue;
    }
    buffer = [];
    const statement = unwrap(text);
    // USE GRAPH / USE GLOBAL go to the server, which decides whether the graph exists.
    const use = /^\s*USE\s+(?:GRAPH\s+(\w+)|(GLOBAL))\s*;?\s*$/i.exec(statement);
    try {
      const result = await runGsql(tg, statement, use ? undefined : graph);
      const out = result.output.replace(/\s+$/, '');
      if (out) io.line(result.ok ? out : io.c.red(out));
      if (use && result.ok) {
        graph = use[2] ? undefined : use[1];
        await refreshNames();
      } else if (/\b(CREATE|DROP|INSTALL|RUN\s+SCHEMA_CHANGE)\b/i.test(statement)) await refreshNames();
    } catch (error) {
      io.error(cliWords((error as Error).message));
    }
    rl.setPrompt(prompt());
    rl.prompt();
  }
  saveHistory();
  rl.close();
  io.line('');
}
