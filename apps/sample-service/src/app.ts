// The HTTP application: request ids and JSON access logs, a deadline per request, the routes, the
// OpenAPI document, and one error handler that turns every failure into problem+json.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './env.js';
import { allowedMethods } from './methods.js';
import { badRequest, DeadlineExceeded, HttpProblem, type Problem, problemOf } from './problems.js';
import { requestContext, requestIdFrom } from './request-context.js';
import { registerCaseRoute } from './routes/cases.js';
import { registerChainRoute } from './routes/chain.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoute } from './routes/import.js';
import { registerOverviewRoute } from './routes/overview.js';
import { registerPatientRoutes } from './routes/patients.js';
import { registerSimilarRoute } from './routes/similar.js';
import { registerStatsRoute } from './routes/stats.js';
import { registerWebRoutes } from './routes/web.js';
import { issueMessage } from './validation.js';

function problemResponse(c: Context<AppEnv>, problem: Problem): Response {
  const body: Problem = { ...problem, instance: c.req.path, requestId: c.get('requestId') };
  return c.body(JSON.stringify(body), problem.status as 400, { 'content-type': 'application/problem+json' });
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const { logger, config } = deps;
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures: 400 naming each bad field and what it must be.
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((i) => ({
        path: [result.target, ...i.path.map(String)].join('.'),
        message: issueMessage(i, (result as { data?: unknown }).data),
      }));
      return problemResponse(c as Context<AppEnv>, {
        type: 'https://tgraph.dev/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    },
  });

  app.use('*', async (c, next) => {
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    const deadlineMs = c.req.path === '/api/import' ? config.importTimeoutMs : config.requestTimeoutMs;
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DeadlineExceeded(`deadline of ${deadlineMs} ms passed`)),
      deadlineMs,
    );
    c.set('signal', deadline.signal);
    const started = performance.now();
    await requestContext.run({ requestId }, async () => {
      try {
        await next();
      } finally {
        clearTimeout(timer);
      }
      c.header('x-request-id', requestId);
      // During shutdown, tell keep-alive clients to reconnect elsewhere after this response.
      if (deps.shuttingDown()) c.header('connection', 'close');
      logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });

  registerHealthRoutes(app, deps);
  registerPatientRoutes(app, deps);
  registerSimilarRoute(app, deps);
  registerChainRoute(app, deps);
  registerStatsRoute(app, deps);
  registerOverviewRoute(app, deps);
  registerCaseRoute(app, deps);
  registerImportRoute(app, deps);
  registerWebRoutes(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Contact tracing (tgraph sample service)',
      version: '1.0.0',
      description: 'Patients, contact neighbourhoods, infection chains and city statistics on TigerGraph.',
    },
  });

  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path);
    if (allow.length > 0) {
      c.header('allow', allow.join(', '));
      return problemResponse(c, {
        type: 'https://tgraph.dev/problems/method-not-allowed',
        title: 'Method Not Allowed',
        status: 405,
        detail: `${c.req.path} does not take ${c.req.method}; use ${allow.join(', ')}.`,
      });
    }
    return problemResponse(c, {
      type: 'https://tgraph.dev/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: `No route for ${c.req.method} ${c.req.path}; see /openapi.json.`,
    });
  });

  app.onError((error, c) => {
    const cause = error instanceof HTTPException ? fromHono(error) : error;
    const { problem, log } = problemOf(cause, c.get('signal')?.aborted ?? false);
    if (log !== 'none') {
      // The log keeps what TigerGraph said (the SDK already redacted credentials); the caller does not get it.
      logger[log]('request failed', {
        status: problem.status,
        error: error.name,
        code: (error as { code?: unknown }).code,
        message: error.message,
      });
    }
    return problemResponse(c, problem);
  });
  return app;
}

/** Hono's own 4xx (a body that is not JSON, a media type the route does not declare) in our words. */
function fromHono(error: HTTPException): Error {
  if (error.status === 400) return badRequest(`${error.message}; send a JSON object`);
  if (error.status === 415) {
    return new HttpProblem(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      'Send the request body as JSON, with Content-Type: application/json.',
    );
  }
  if (error.status >= 500) return error;
  return new HttpProblem(error.status, 'http', 'Client Error', error.message || 'The request was refused.');
}
