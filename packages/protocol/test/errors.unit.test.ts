// The error classes' brands: two installed copies of the package (two versions in one app, or a
// bundled and an external copy) recognise each other's errors class by class.
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthError,
  GsqlError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '../src/errors.ts';

const here = {
  AbortError,
  AuthError,
  GsqlError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
};

// A second instance of the same module: what a second installed copy of the package is at run time.
async function secondCopy(): Promise<typeof import('../src/errors.ts')> {
  const url = new URL('../src/errors.ts?second-copy', import.meta.url).href;
  return (await import(/* @vite-ignore */ url)) as typeof import('../src/errors.ts');
}

describe('error brands across two copies of the package', () => {
  it('are two distinct sets of classes', async () => {
    const other = await secondCopy();
    expect(other.AuthError).not.toBe(here.AuthError);
  });

  it('recognise each subclass from the other copy, and only that subclass', async () => {
    const other = await secondCopy();
    const names = [
      'AuthError',
      'NotFoundError',
      'TimeoutError',
      'NetworkError',
      'ValidationError',
      'ResponseShapeError',
      'GsqlError',
      'AbortError',
    ] as const;
    for (const name of names) {
      const foreign = new other[name]('from the other copy', { code: 'X' });
      expect(foreign instanceof here[name]).toBe(true);
      expect(foreign instanceof here.TigerGraphError).toBe(true);
      expect(new here[name]('local') instanceof other[name]).toBe(true);
      for (const otherName of names.filter((n) => n !== name)) {
        expect(foreign instanceof here[otherName]).toBe(false);
      }
    }
  });

  it('keep plain instanceof for a caller subclass and refuse look-alikes', async () => {
    const other = await secondCopy();
    class MyAuthError extends here.AuthError {}
    expect(new MyAuthError('mine') instanceof here.AuthError).toBe(true);
    expect(new MyAuthError('mine') instanceof MyAuthError).toBe(true);
    expect(new other.AuthError('theirs') instanceof MyAuthError).toBe(false);
    const lookAlike = Object.assign(new Error('x'), { name: 'AuthError' });
    expect(lookAlike instanceof here.AuthError).toBe(false);
    expect(lookAlike instanceof here.TigerGraphError).toBe(false);
    expect((null as unknown as object) instanceof here.TigerGraphError).toBe(false);
  });
});
