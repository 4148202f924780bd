// Errors → RFC 9457 problem+json. What TigerGraph said stays in our logs; callers get a status,
// a stable `type`, a plain explanation and the request id to quote — never TigerGraph's messages,
// endpoints, codes or credentials.
import {
  AbortError,
  AuthError,
  NetworkError,
  NotFoundError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from 'tgraph';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  /** Validation failures: where and what. */
  errors?: { path: string; message: string }[];
}

const TYPE_BASE = 'https://tgraph.dev/problems/';

/** An error the service raises on purpose, with a message meant for the caller. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function badRequest(detail: string, errors?: { path: string; message: string }[]): HttpProblem {
  return new HttpProblem(400, 'bad-request', 'Bad Request', detail, errors);
}

/** Raised when the request's own deadline passed. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/** Maps any error to a problem; `log` says whether it deserves an error log line. */
export function problemOf(
  error: unknown,
  deadlineHit = false,
): { problem: Problem; log: 'none' | 'warn' | 'error' } {
  const p = (status: number, slug: string, title: string, detail: string): Problem => ({
    type: TYPE_BASE + slug,
    title,
    status,
    detail,
  });
  if (error instanceof HttpProblem) {
    const problem = p(error.status, error.slug, error.title, error.message);
    if (error.errors) problem.errors = error.errors;
    return { problem, log: 'none' };
  }
  if (error instanceof DeadlineExceeded || (deadlineHit && error instanceof AbortError)) {
    return {
      problem: p(
        504,
        'deadline',
        'Gateway Timeout',
        'The request took longer than the service allows; try again or narrow it.',
      ),
      log: 'warn',
    };
  }
  if (error instanceof TigerGraphError) {
    if (error instanceof AuthError) {
      return {
        problem: p(
          503,
          'tigergraph-auth',
          'Service Unavailable',
          'The graph database rejected the service credentials; the operators have to renew them.',
        ),
        log: 'error',
      };
    }
    if (error instanceof TimeoutError) {
      return {
        problem: p(
          504,
          'tigergraph-timeout',
          'Gateway Timeout',
          'The graph database did not answer in time.',
        ),
        log: 'warn',
      };
    }
    if (error instanceof NetworkError) {
      return {
        problem: p(
          503,
          'tigergraph-unreachable',
          'Service Unavailable',
          'The graph database cannot be reached.',
        ),
        log: 'error',
      };
    }
    if (error instanceof NotFoundError) {
      return { problem: p(404, 'not-found', 'Not Found', 'The requested item does not exist.'), log: 'none' };
    }
    if (error instanceof ValidationError) {
      return {
        problem: p(
          400,
          'rejected',
          'Bad Request',
          'The graph database rejected the input; check ids and values.',
        ),
        log: 'warn',
      };
    }
    return {
      problem: p(502, 'tigergraph', 'Bad Gateway', 'The graph database failed to handle the request.'),
      log: 'error',
    };
  }
  return {
    problem: p(500, 'internal', 'Internal Server Error', 'Something went wrong on our side.'),
    log: 'error',
  };
}
