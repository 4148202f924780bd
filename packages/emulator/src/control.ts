// A small JSON control API (CORS *) so tests in browsers or Deno can create and steer emulators.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type RunningEmulator, startEmulator } from './emulator.js';
import type { EmulatorOptions } from './options.js';

export interface ControlServer {
  url: string;
  stop(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

function send(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text === '' ? {} : JSON.parse(text);
}

export function describe(id: string, e: RunningEmulator): Record<string, unknown> {
  return {
    id,
    version: e.version,
    host: e.host,
    restppUrl: e.restppUrl,
    restppPort: e.restppPort,
    gsUrl: e.gsUrl,
    gsPort: e.gsPort,
    cloudUrl: e.cloudUrl,
    cloudPort: e.cloudPort,
    restppViaGsUrl: e.restppViaGsUrl,
  };
}

/** GET lists the emulators; POST creates one from a JSON object of options. */
async function handleCollection(
  req: IncomingMessage,
  res: ServerResponse,
  emulators: Map<string, RunningEmulator>,
  nextId: () => string,
): Promise<void> {
  if (req.method === 'GET')
    return send(
      res,
      200,
      [...emulators].map(([id, e]) => describe(id, e)),
    );
  if (req.method !== 'POST') return send(res, 405, { error: 'Use POST to create an emulator' });
  const body = (await readJson(req)) as EmulatorOptions;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return send(res, 400, { error: 'The body must be a JSON object of emulator options' });
  }
  const { clock: _ignored, ...opts } = body as EmulatorOptions & { clock?: unknown };
  const e = await startEmulator({ ...opts, host: opts.host ?? '127.0.0.1' });
  const id = nextId();
  emulators.set(id, e);
  return send(res, 201, describe(id, e));
}

/** The steering actions on one emulator (`/emulators/:id/<action>`); false when none matched. */
async function handleAction(
  req: IncomingMessage,
  res: ServerResponse,
  e: RunningEmulator,
  action: string | undefined,
): Promise<boolean> {
  if (action === 'clock' && req.method === 'POST') {
    const { advanceMs } = (await readJson(req)) as { advanceMs?: unknown };
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs)) {
      send(res, 400, { error: 'advanceMs must be a number' });
      return true;
    }
    e.clock.advance(advanceMs);
    send(res, 200, { now: e.clock.now() });
    return true;
  }
  if (action === 'fault' && req.method === 'POST') {
    const { site } = (await readJson(req)) as { site?: unknown };
    if (site !== 'request' && site !== 'query-run')
      send(res, 400, { error: 'site must be "request" or "query-run"' });
    else {
      e.injectFault(site);
      send(res, 204);
    }
    return true;
  }
  if (action === 'vector-rebuild' && req.method === 'POST') {
    const { pending } = (await readJson(req)) as { pending?: unknown };
    if (typeof pending !== 'boolean') send(res, 400, { error: 'pending must be true or false' });
    else {
      e.setVectorRebuildPending(pending);
      send(res, 204);
    }
    return true;
  }
  if (action === 'clock' && req.method === 'GET') send(res, 200, { now: e.clock.now() });
  else if (action === 'requests' && req.method === 'GET') send(res, 200, e.requests);
  else if (action === 'requests' && req.method === 'DELETE') {
    e.requests.length = 0;
    send(res, 204);
  } else if (action === 'gsql' && req.method === 'POST') {
    const { text } = (await readJson(req)) as { text?: unknown };
    if (typeof text !== 'string') send(res, 400, { error: 'text must be a string' });
    else send(res, 200, { output: e.gsql(text) });
  } else return false;
  return true;
}

export async function startControlServer(
  options: { port?: number; host?: string } = {},
): Promise<ControlServer> {
  const emulators = new Map<string, RunningEmulator>();
  let next = 1;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') return send(res, 204);
    const path = (req.url ?? '/').split('?')[0] as string;
    const parts = path.split('/').filter((p) => p !== '');
    if (parts[0] !== 'emulators') return send(res, 404, { error: `Unknown control path ${path}` });
    if (parts.length === 1) return handleCollection(req, res, emulators, () => String(next++));
    const id = parts[1] as string;
    const e = emulators.get(id);
    if (!e) return send(res, 404, { error: `No emulator ${id}` });
    const action = parts[2];
    if (action === undefined && req.method === 'GET') return send(res, 200, describe(id, e));
    if (action === undefined && req.method === 'DELETE') {
      emulators.delete(id);
      await e.stop();
      return send(res, 204);
    }
    if (await handleAction(req, res, e, action)) return;
    return send(res, 404, { error: `Unknown control path ${path}` });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 400, { error: (err as Error).message }));
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    stop: () => {
      stopped ??= (async () => {
        await Promise.all([...emulators.values()].map((e) => e.stop()));
        emulators.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
      })();
      return stopped;
    },
  };
}
