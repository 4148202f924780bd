// The pages: `/` (search a patient, draw the neighbourhood) and `/browser-sdk` (the SDK's browser
// build calling TigerGraph directly), plus their bundles from dist/web (built by scripts/build-web.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.js';
import { HttpProblem } from '../problems.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

const ASSET = /^[a-z0-9-]+\.(js|css|map)$/;

export function registerWebRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const send = async (file: string) => {
    let data: Buffer;
    try {
      data = await readFile(join(deps.webDir, file));
    } catch {
      throw new HttpProblem(
        404,
        'not-found',
        'Not Found',
        `The page asset ${file} is not built; run pnpm build.`,
      );
    }
    const ext = file.slice(file.lastIndexOf('.'));
    return new Response(new Uint8Array(data), {
      headers: { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' },
    });
  };
  app.get('/', () => send('index.html'));
  app.get('/browser-sdk', () => send('browser-sdk.html'));
  app.get('/assets/:file', (c) => {
    const file = c.req.param('file');
    if (!ASSET.test(file)) throw new HttpProblem(404, 'not-found', 'Not Found', 'No such asset.');
    return send(file);
  });
  // The browser demo talks to TigerGraph itself, so it needs a token. Only the embedded emulator's
  // demo token is ever handed out; against a real server the page asks for one.
  app.get('/browser-sdk/config.json', (c) =>
    deps.browserDemo
      ? c.json(deps.browserDemo)
      : c.json({ error: 'not available: the service is not running on its embedded emulator' }, 404),
  );
}
