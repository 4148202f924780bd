import { describe, expect, it } from 'vitest';
import { CONTROL_HEADERS, clientTimeoutFor, controlHeaders, ValidationError } from '../src/index.ts';

describe('control headers (§5)', () => {
  it('names as TigerGraph documents them', () => {
    expect(CONTROL_HEADERS).toEqual({
      timeout: 'GSQL-TIMEOUT',
      responseLimit: 'RESPONSE-LIMIT',
      threadLimit: 'GSQL-THREAD-LIMIT',
      memoryLimit: 'GSQL-QueryLocalMemLimitMB',
      async: 'GSQL-ASYNC',
      atomicLevel: 'gsql-atomic-level',
      replica: 'GSQL-REPLICA',
      workloadQueue: 'Workload-Queue',
    });
  });

  it('builds only the headers asked for, as whole-number strings', () => {
    expect(controlHeaders({})).toEqual({});
    expect(
      controlHeaders({
        gsqlTimeoutMs: 5000,
        responseLimitBytes: 32_000_000,
        threadLimit: 4,
        memoryLimitMb: 1024,
        async: true,
        atomic: true,
        replica: 2,
        workloadQueue: 'OLTP',
      }),
    ).toEqual({
      'GSQL-TIMEOUT': '5000',
      'RESPONSE-LIMIT': '32000000',
      'GSQL-THREAD-LIMIT': '4',
      'GSQL-QueryLocalMemLimitMB': '1024',
      'GSQL-ASYNC': 'true',
      'gsql-atomic-level': 'atomic',
      'GSQL-REPLICA': '2',
      'Workload-Queue': 'OLTP',
    });
    expect(controlHeaders({ atomic: false, async: false })).toEqual({ 'gsql-atomic-level': 'nonatomic' });
  });

  it('rejects values the server would reject, and header injection', () => {
    expect(() => controlHeaders({ gsqlTimeoutMs: 1.5 })).toThrow(
      'control.gsqlTimeoutMs must be a positive whole number of milliseconds, got 1.5',
    );
    expect(() => controlHeaders({ gsqlTimeoutMs: 0 }, 'options.control')).toThrow(
      'options.control.gsqlTimeoutMs must be a positive whole number of milliseconds, got 0',
    );
    expect(() => controlHeaders({ responseLimitBytes: 0 })).toThrow(ValidationError);
    expect(() => controlHeaders({ workloadQueue: 'a\r\nX-Evil: 1' })).toThrow(ValidationError);
  });

  it('names the server timeout gsqlTimeoutMs only, and says so when given the client timeout', () => {
    expect(() => controlHeaders({ timeoutMs: 5000 } as never)).toThrow(
      "control.timeoutMs is not an option; the server-side timeout is 'gsqlTimeoutMs'",
    );
    expect(() => controlHeaders({ gsqlTimeout: 5000 } as never)).toThrow(
      "control.gsqlTimeout is not an option; did you mean 'gsqlTimeoutMs'?",
    );
    expect(controlHeaders({ timeoutMs: undefined } as never)).toEqual({});
  });

  it('derives the client timeout from the server timeout', () => {
    expect(clientTimeoutFor(16_000)).toBe(46_000);
  });
});
