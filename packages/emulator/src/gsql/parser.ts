// Recursive-descent parser for the GSQL DDL subset. `nextStatement` yields one statement at a
// time so the executor can run what precedes a syntax error (GSQL runs files line by line).

import { parseCreateDataSource, parseDropDataSource } from '../loading/data-source.js';
import { LoadingJobParser } from '../loading/parse-job.js';
import { queryCommand } from '../query/commands.js';
import type { JobAction, Literal, Statement } from './ast.js';
import { isBuiltinSelect, parseBuiltinSelect } from './builtin-select.js';
import { GsqlSyntaxError, type Token, tokenize } from './lexer.js';
import { edgeDef, edgeKeyword, vertexDef } from './parse-ddl.js';
import { attributeDef, udtField } from './parse-types.js';
import { Cursor } from './parser-base.js';
import { parseShowTypes } from './show-types.js';
import { parsePackageStatement, parseVectorAlter } from './vector-ddl.js';

type Body = Statement extends infer S
  ? S extends Statement
    ? Omit<S, 'line' | 'column' | 'text'>
    : never
  : never;

export type ParseResult = { ok: true; statement: Statement } | { ok: false; error: GsqlSyntaxError };

export class GsqlParser {
  private readonly c: Cursor;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
    let tokens: Token[];
    try {
      tokens = tokenize(src);
    } catch (e) {
      // A lexical error: report it at the first statement and stop.
      this.lexError = e instanceof GsqlSyntaxError ? e : new GsqlSyntaxError(String(e), 1, 1);
      tokens = tokenize('');
    }
    this.c = new Cursor(tokens);
  }

  private lexError: GsqlSyntaxError | undefined;

  /** The next statement, a syntax error (after which parsing resumes on the next line), or undefined at the end. */
  nextStatement(): ParseResult | undefined {
    if (this.lexError) {
      const error = this.lexError;
      this.lexError = undefined;
      return { ok: false, error };
    }
    const c = this.c;
    while (c.isPunct(';')) c.next();
    const first = c.peek();
    if (first.kind === 'eof') return undefined;
    try {
      const body = this.statement();
      const after = c.peek();
      // `USE GRAPH g SHOW QUERY q` on one line is how pyTigerGraph's showQuery() talks to GSQL.
      const sameLineOk = body.kind === 'useGraph' || body.kind === 'useGlobal';
      if (!(after.kind === 'eof' || after.newline || c.isPunct(';') || sameLineOk)) throw c.error(after);
      const text = this.src.slice(first.start, c.tokens[c.pos - 1]?.end ?? first.end);
      return { ok: true, statement: { ...body, line: first.line, column: first.column, text } as Statement };
    } catch (e) {
      if (!(e instanceof GsqlSyntaxError)) throw e;
      this.skipLine();
      return { ok: false, error: e };
    }
  }

  private skipLine(): void {
    const c = this.c;
    if (c.peek().kind !== 'eof') c.next();
    while (c.peek().kind !== 'eof' && !c.peek().newline) c.next();
  }

  private statement(): Body {
    const c = this.c;
    const kw = c.peek().kind === 'ident' ? c.peek().text.toUpperCase() : '';
    if (isBuiltinSelect(c)) return parseBuiltinSelect(c, () => this.literal());
    const query = queryCommand(c, this.src);
    if (query) return { kind: 'queryCmd', cmd: query };
    const pkg = parsePackageStatement(c);
    if (pkg) return pkg;
    switch (kw) {
      case 'CREATE':
        c.next();
        return this.create();
      case 'DROP':
        c.next();
        return this.drop();
      case 'USE':
        c.next();
        if (c.acceptKw('GLOBAL')) return { kind: 'useGlobal' };
        c.expectKw('GRAPH');
        return { kind: 'useGraph', name: c.ident() };
      case 'TYPEDEF': {
        c.next();
        c.expectKw('TUPLE');
        c.expectPunct('<');
        const fields = [udtField(c)];
        while (c.acceptPunct(',')) fields.push(udtField(c));
        c.expectPunct('>');
        return { kind: 'typedef', udt: { name: c.ident(), fields } };
      }
      case 'RUN': {
        c.next();
        if (c.isKw('LOADING')) return new LoadingJobParser(c, this.src).runJob();
        const global = c.acceptKw('GLOBAL');
        c.expectKw('SCHEMA_CHANGE');
        c.expectKw('JOB');
        return { kind: 'runSchemaJob', name: c.ident(), global };
      }
      case 'LS':
        c.next();
        return { kind: 'ls' };
      case 'HELP':
        c.next();
        return { kind: 'help' };
      case 'SHOW':
        c.next();
        return this.show();
      case 'SET': {
        c.next();
        const name = c.ident();
        c.expectPunct('=');
        return { kind: 'set', name, value: c.next().text };
      }
      case 'BEGIN':
        c.next();
        return { kind: 'begin' };
      case 'END':
        c.next();
        return { kind: 'end' };
      case 'CLEAR':
        c.next();
        c.expectKw('GRAPH');
        c.expectKw('STORE');
        if (c.acceptPunct('-')) c.ident();
        return { kind: 'clearStore' };
      case 'GRANT':
      case 'REVOKE':
        c.next();
        return this.grant(kw === 'REVOKE');
      case 'UPSERT':
        c.next();
        return this.upsert();
      default:
        throw c.error();
    }
  }

  private create(): Body {
    const c = this.c;
    const global = c.acceptKw('GLOBAL');
    if (c.acceptKw('VERTEX')) return { kind: 'createVertex', def: vertexDef(c) };
    const directed = edgeKeyword(c);
    if (directed !== undefined) return { kind: 'createEdge', def: edgeDef(c, directed) };
    if (c.acceptKw('GRAPH')) {
      const name = c.ident();
      c.expectPunct('(');
      const types: string[] = [];
      let all = false;
      if (!c.isPunct(')')) {
        do {
          if (c.acceptPunct('*')) all = true;
          else types.push(c.ident());
        } while (c.acceptPunct(','));
      }
      c.expectPunct(')');
      return { kind: 'createGraph', name, types, all };
    }
    if (c.acceptKw('DATA_SOURCE')) return parseCreateDataSource(c);
    if (c.acceptKw('SCHEMA_CHANGE')) return this.schemaJob(global);
    if (c.isKw('LOADING')) return new LoadingJobParser(c, this.src).createJob();
    if (c.acceptKw('SECRET')) {
      const alias = c.peek().kind === 'ident' && !c.peek().newline ? c.ident() : undefined;
      return { kind: 'createSecret', alias };
    }
    if (c.acceptKw('USER')) {
      const name = c.ident();
      c.expectKw('WITH');
      c.expectKw('PASSWORD');
      return { kind: 'createUser', name, password: c.string() };
    }
    throw c.error();
  }

  private schemaJob(global: boolean): Body {
    const c = this.c;
    c.expectKw('JOB');
    const name = c.ident();
    let graph: string | undefined;
    if (c.acceptKw('FOR')) {
      c.expectKw('GRAPH');
      graph = c.ident();
    }
    c.expectPunct('{');
    const actions: JobAction[] = [];
    while (!c.isPunct('}')) {
      actions.push(this.jobAction());
      c.acceptPunct(';');
    }
    c.expectPunct('}');
    return { kind: 'createSchemaJob', name, graph, global, actions };
  }

  private jobAction(): JobAction {
    const c = this.c;
    if (c.acceptKw('ADD')) {
      if (c.acceptKw('VERTEX')) return { kind: 'addVertex', def: vertexDef(c) };
      const directed = edgeKeyword(c);
      if (directed !== undefined) return { kind: 'addEdge', def: edgeDef(c, directed) };
      throw c.error();
    }
    if (c.acceptKw('DROP')) {
      if (c.acceptKw('VERTEX')) return { kind: 'dropVertex', names: c.identList() };
      if (c.acceptKw('EDGE')) return { kind: 'dropEdge', names: c.identList() };
      throw c.error();
    }
    if (c.acceptKw('ALTER')) {
      const typeKind = c.acceptKw('VERTEX') ? 'vertex' : c.acceptKw('EDGE') ? 'edge' : undefined;
      if (!typeKind) throw c.error();
      const type = c.ident();
      const vector = typeKind === 'vertex' ? parseVectorAlter(c, type) : undefined;
      if (vector) return vector;
      if (c.acceptKw('ADD')) {
        c.expectKw('ATTRIBUTE');
        c.expectPunct('(');
        const attributes = [attributeDef(c)];
        while (c.acceptPunct(',')) attributes.push(attributeDef(c));
        c.expectPunct(')');
        return { kind: 'alterAddAttributes', typeKind, type, attributes };
      }
      c.expectKw('DROP');
      c.expectKw('ATTRIBUTE');
      c.expectPunct('(');
      const names = c.identList();
      c.expectPunct(')');
      return { kind: 'alterDropAttributes', typeKind, type, names };
    }
    throw c.error();
  }

  private drop(): Body {
    const c = this.c;
    if (c.acceptKw('VERTEX')) return { kind: 'dropVertex', names: c.identList() };
    if (c.acceptKw('EDGE')) return { kind: 'dropEdge', names: c.identList() };
    if (c.acceptKw('TUPLE')) return { kind: 'dropTuple', names: c.identList() };
    if (c.acceptKw('GRAPH')) return { kind: 'dropGraph', name: c.ident(), cascade: c.acceptKw('CASCADE') };
    if (c.acceptKw('ALL')) return { kind: 'dropAll' };
    if (c.acceptKw('JOB')) return { kind: 'dropJob', names: c.identList() };
    if (c.acceptKw('DATA_SOURCE')) return parseDropDataSource(c);
    if (c.acceptKw('USER')) return { kind: 'dropUser', names: c.identList() };
    if (c.acceptKw('SECRET')) {
      const names = [c.next().text];
      while (c.acceptPunct(',')) names.push(c.next().text);
      return { kind: 'dropSecret', names };
    }
    throw c.error();
  }

  private show(): Body {
    const c = this.c;
    if (c.acceptKw('SECRET')) return { kind: 'showSecret' };
    if (c.acceptKw('USER')) return { kind: 'showUser' };
    if (c.acceptKw('GRAPH')) return { kind: 'showGraph', name: c.acceptPunct('*') ? '*' : c.ident() };
    if (c.acceptKw('VERTEX')) return parseShowTypes(c, this.src, 'VERTEX');
    if (c.acceptKw('EDGE')) return parseShowTypes(c, this.src, 'EDGE');
    if (c.isKw('JOB')) return new LoadingJobParser(c, this.src).showJob();
    throw c.error();
  }

  private grant(revoke: boolean): Body {
    const c = this.c;
    c.expectKw('ROLE');
    const roles = c.identList();
    let graph: string | undefined;
    if (c.acceptKw('ON')) {
      if (!c.acceptKw('GLOBAL')) {
        c.expectKw('GRAPH');
        graph = c.ident();
      }
    }
    if (revoke) c.expectKw('FROM');
    else c.expectKw('TO');
    return { kind: 'grantRole', roles, graph, users: c.identList(), revoke };
  }

  /** `UPSERT V VALUES (…)` or `UPSERT A -(E)-> B VALUES (from, to, attrs…)` (`-(E)-` too). */
  private upsert(): Body {
    const c = this.c;
    const type = c.ident();
    if (c.acceptPunct('-')) {
      c.expectPunct('(');
      const edge = c.ident();
      c.expectPunct(')');
      c.expectPunct('-');
      c.acceptPunct('>');
      const to = c.ident();
      return { kind: 'upsertEdge', from: type, edge, to, values: this.values() };
    }
    return { kind: 'upsert', type, values: this.values() };
  }

  private values(): Literal[] {
    const c = this.c;
    c.expectKw('VALUES');
    c.expectPunct('(');
    const values: Literal[] = [];
    do {
      values.push(this.literal());
    } while (c.acceptPunct(','));
    c.expectPunct(')');
    return values;
  }

  private literal(): Literal {
    const c = this.c;
    const neg = c.acceptPunct('-');
    const t = c.next();
    if (t.kind === 'string' && !neg) return { kind: 'string', value: t.text };
    if (t.kind === 'number') return { kind: 'number', text: (neg ? '-' : '') + t.text };
    if (t.kind === 'ident' && !neg && /^(true|false)$/i.test(t.text)) {
      return { kind: 'bool', value: t.text.toLowerCase() === 'true' };
    }
    throw c.error(t);
  }
}
