// Feeds the lines of one file variable of a loading job into the graph, counting TigerGraph's
// loading statistics. Lines are processed as they arrive; nothing but the current partial line
// is kept.
import type { EmulatorState } from '../state.js';
import type { Udt } from '../store/attr-types.js';
import type { Graph } from '../store/catalog.js';
import { type CompiledTarget, compileEdge, compileVertex, LoadingError, VECTOR_HELPERS } from './compile.js';
import { LineSplitter, quoteChar, tokenizeLine } from './csv.js';
import type { LoadingJobDef, LoadStatementDef, TokenExpr } from './job-ast.js';
import { type FileStats, newFileStats, type ObjectStats, objectStats } from './stats.js';
import { type Env, evalCondition } from './token-eval.js';
import { compileVectorTarget } from './vector-load.js';

/** Longest line kept (characters); longer lines are rejected as `tokenExceedsBuffer`. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

export interface FileOptions {
  /** Separator/EOL overrides (the /ddl `sep`, `eol` parameters). */
  separator?: string;
  eol?: string;
  /** 3.x /ddl `header=true`. */
  header?: boolean;
}

/** Feeds the lines of one file variable of a job into the graph. */
export class FileLoader {
  readonly stats: FileStats = newFileStats();
  private readonly targets: { t: CompiledTarget; s: ObjectStats; st: LoadStatementDef }[] = [];
  private readonly splitter: LineSplitter;
  private readonly sep: string;
  private readonly quote: string | undefined;
  private needsHeader: boolean;
  private columns: Map<string, number> | undefined;
  private needed = 0;
  private readonly now: () => number;
  private readonly udts: Map<string, Udt>;
  /** Bytes received so far. */
  size = 0;

  constructor(state: EmulatorState, g: Graph, job: LoadingJobDef, filename: string, opts: FileOptions) {
    const cat = state.catalog;
    this.now = () => state.clock.now();
    this.udts = cat.udts;
    const statements = job.statements.filter((s) => s.filename === filename);
    const first = statements[0];
    this.sep = opts.separator ?? first?.using.get('SEPARATOR') ?? ',';
    if (this.sep === '') throw new LoadingError('The separator must not be empty.');
    const eol = opts.eol ?? first?.using.get('EOL') ?? '\n';
    this.splitter = new LineSplitter(eol === '' ? '\n' : eol, MAX_LINE_CHARS);
    this.quote = quoteChar(first?.using.get('QUOTE'));
    const udh = first?.using.get('USER_DEFINED_HEADER');
    const userHeader = udh === undefined ? undefined : job.headers.get(udh);
    if (userHeader) this.columns = new Map(userHeader.map((n, i) => [n, i]));
    this.needsHeader = opts.header ?? (first ? first.using.get('HEADER')?.toLowerCase() === 'true' : false);
    statements.forEach((st) => {
      const where = `LOAD statement ${job.statements.indexOf(st) + 1} of job ${job.name}`;
      for (const target of st.targets) {
        const t =
          target.kind === 'vertex'
            ? compileVertex(cat, g, target, true, where)
            : target.kind === 'vector'
              ? compileVectorTarget(cat, g, target, true, where, VECTOR_HELPERS)
              : compileEdge(cat, g, target, true, where);
        const list = t.kind === 'vertex' ? this.stats.vertex : this.stats.edge;
        this.targets.push({ t, s: objectStats(list, t.typeName), st });
      }
    });
    this.computeNeeded(statements);
  }

  /** How many tokens a line needs: one past the largest position any statement reads. */
  private computeNeeded(statements: LoadStatementDef[]): void {
    let max = -1;
    const visit = (e: TokenExpr): void => {
      if (e.kind === 'position') max = Math.max(max, e.index);
      if (e.kind === 'column') max = Math.max(max, this.columns?.get(e.name) ?? -1);
      if (e.kind === 'call') e.args.forEach(visit);
    };
    for (const st of statements) for (const t of st.targets) for (const v of t.values) visit(v.expr);
    this.needed = max + 1;
  }

  private statements(): LoadStatementDef[] {
    return [...new Set(this.targets.map((x) => x.st))];
  }

  write(chunk: Buffer): void {
    this.size += chunk.length;
    this.splitter.write(chunk, this.onLine, this.onOverflow);
  }

  end(): FileStats {
    this.splitter.end(this.onLine, this.onOverflow);
    return this.stats;
  }

  private readonly onOverflow = (): void => {
    this.stats.tokenExceedsBuffer++;
    this.stats.rejectLine++;
  };

  private readonly onLine = (raw: string): void => {
    const line = raw.endsWith('\r') && this.sep !== '\r' ? raw.slice(0, -1) : raw;
    if (this.needsHeader) {
      this.needsHeader = false;
      const names = tokenizeLine(line, this.sep, this.quote);
      this.columns = new Map(names.map((n, i) => [n.trim(), i]));
      this.computeNeeded(this.statements());
      return;
    }
    const s = this.stats;
    if (line === '') {
      s.emptyLine++;
      return;
    }
    const tokens = tokenizeLine(line, this.sep, this.quote);
    if (tokens.length < this.needed) {
      s.notEnoughToken++;
      s.rejectLine++;
      return;
    }
    s.validLine++;
    const env: Env = { tokens, columns: this.columns, now: this.now };
    let failedAll = this.targets.length > 0;
    for (const { t, s: os } of this.targets) {
      if (t.where) {
        if (!evalCondition(t.where, env, this.udts)) {
          os.failedCondition++;
          continue;
        }
        os.passedCondition++;
      }
      failedAll = false;
      t.apply(env, os, line);
    }
    if (failedAll && this.targets.every((x) => x.t.where)) s.failedConditionLine++;
  };
}
