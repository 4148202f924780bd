// Runs the runtime-portable suites (test/**/*.portable.test.ts) under `deno test`.
// Those suites import { describe, it, expect, beforeAll, afterAll, inject } from 'vitest';
// deno.json maps 'vitest' to this file, which registers each `it` as a Deno.test in order.
import { expect } from 'expect';

export { expect };

type Hook = () => unknown | Promise<unknown>;
type TestFn = () => unknown | Promise<unknown>;
interface Scope {
  name: string;
  parent?: Scope;
  beforeAll: Hook[];
  afterAll: Hook[];
  beforeEach: Hook[];
  afterEach: Hook[];
  tests: { name: string; fn: TestFn; scopes: Scope[] }[];
}

const root: Scope = { name: '', beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], tests: [] };
let current = root;
const started = new Set<Scope>();
const remaining = new Map<Scope, number>();

function chain(scope: Scope): Scope[] {
  const out: Scope[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) out.unshift(s);
  return out;
}

export function describe(name: string, body: () => void): void {
  const scope: Scope = {
    name,
    parent: current,
    beforeAll: [],
    afterAll: [],
    beforeEach: [],
    afterEach: [],
    tests: [],
  };
  const previous = current;
  current = scope;
  try {
    body();
  } finally {
    current = previous;
  }
}

export function it(name: string, fn: TestFn, _timeout?: number): void {
  const scopes = chain(current);
  for (const s of scopes) remaining.set(s, (remaining.get(s) ?? 0) + 1);
  const fullName = [...scopes.map((s) => s.name).filter(Boolean), name].join(' > ');
  Deno.test({
    name: fullName,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      for (const s of scopes) {
        if (!started.has(s)) {
          started.add(s);
          for (const h of s.beforeAll) await h();
        }
      }
      try {
        for (const s of scopes) for (const h of s.beforeEach) await h();
        await fn();
      } finally {
        for (const s of [...scopes].reverse()) for (const h of s.afterEach) await h();
        for (const s of [...scopes].reverse()) {
          const left = (remaining.get(s) ?? 1) - 1;
          remaining.set(s, left);
          if (left === 0) for (const h of s.afterAll) await h();
        }
      }
    },
  });
}
export const test = it;

export function beforeAll(h: Hook): void {
  current.beforeAll.push(h);
}
export function afterAll(h: Hook): void {
  current.afterAll.push(h);
}
export function beforeEach(h: Hook): void {
  current.beforeEach.push(h);
}
export function afterEach(h: Hook): void {
  current.afterEach.push(h);
}

/** vitest's inject(): values the runner provides, here from the environment (see run.mjs). */
export function inject(key: string): string {
  const envName = key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  const value = Deno.env.get(envName);
  if (value === undefined)
    throw new Error(`inject('${key}'): ${envName} is not set; run through tooling/deno/run.mjs`);
  return value;
}
