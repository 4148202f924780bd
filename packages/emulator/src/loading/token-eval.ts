// Evaluates LOAD-statement token expressions and WHERE conditions over one tokenized line.
import type { TupleValue, Udt, Value } from '../store/attr-types.js';
import { compareHolds } from '../store/compare-op.js';
import type { Condition, TokenExpr } from './job-ast.js';
import { conditionFunction, tokenFunction } from './token-functions.js';
import { type Evaluated, fromText } from './values.js';

export interface Env {
  tokens: string[];
  columns: Map<string, number> | undefined;
  now: () => number;
}

export function evalExpr(e: TokenExpr, env: Env, udts: Map<string, Udt>): Evaluated {
  switch (e.kind) {
    case 'position':
      return env.tokens[e.index] ?? '';
    case 'column': {
      const i = env.columns?.get(e.name);
      return i === undefined ? '' : (env.tokens[i] ?? '');
    }
    case 'literal':
      return e.value;
    case 'skip':
      return '';
    case 'call': {
      const udt = udts.get(e.name);
      if (udt)
        return tupleOf(
          udt,
          e.args.map((a) => str(evalExpr(a, env, udts))),
        );
      const f = tokenFunction(e.name);
      const args = e.args.map((a) => str(evalExpr(a, env, udts)));
      return f ? f.fn(args, env.now) : '';
    }
  }
}

export const str = (v: Evaluated): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : '';

function tupleOf(udt: Udt, args: string[]): TupleValue {
  const tuple = new Map<string, Value>();
  udt.fields.forEach((f, i) => {
    const raw = args[i] ?? '';
    const v = raw === '' ? undefined : fromText({ kind: 'primitive', name: f.type }, raw);
    tuple.set(f.name, v ?? (f.type === 'STRING' ? '' : f.type === 'BOOL' ? false : 0));
  });
  return { tuple };
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function evalCondition(c: Condition, env: Env, udts: Map<string, Udt>): boolean {
  switch (c.kind) {
    case 'and':
      return evalCondition(c.left, env, udts) && evalCondition(c.right, env, udts);
    case 'or':
      return evalCondition(c.left, env, udts) || evalCondition(c.right, env, udts);
    case 'not':
      return !evalCondition(c.operand, env, udts);
    case 'is': {
      const v = str(evalExpr(c.operand, env, udts));
      const r = c.test === 'NUMERIC' ? NUMBER.test(v) : v.trim() === '';
      return c.negated ? !r : r;
    }
    case 'in': {
      const v = str(evalExpr(c.operand, env, udts));
      const r = c.values.some((x) => str(evalExpr(x, env, udts)) === v);
      return c.negated ? !r : r;
    }
    case 'call': {
      const e = c.expr as Extract<TokenExpr, { kind: 'call' }>;
      const f = conditionFunction(e.name);
      return f ? f.fn(e.args.map((a) => str(evalExpr(a, env, udts)))) : false;
    }
    case 'compare': {
      const l = str(evalExpr(c.left, env, udts));
      const r = str(evalExpr(c.right, env, udts));
      const numeric = NUMBER.test(l) && NUMBER.test(r);
      const cmp = numeric ? Number(l) - Number(r) : l < r ? -1 : l > r ? 1 : 0;
      return compareHolds(c.op, cmp);
    }
  }
}
