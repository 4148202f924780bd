// node:http / node:https listeners: body limits, CORS, request recording, prompt shutdown.
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { errorReply, RestError } from '../restpp/envelope.js';
import { type EmulatorState, injectedFault } from '../state.js';
import { type CorsOptions, corsHeaders } from './cors.js';
import { dispatch } from './dispatch.js';
import { queryRecord, type RecordedRequest } from './record.js';
import { streamingRoute } from './streaming.js';
import type { EmuRequest, EmuResponse, Listener } from './types.js';

export interface ServerConfig {
  host: string;
  cors: CorsOptions | undefined;
  tls: { key: string | Buffer; cert: string | Buffer } | undefined;
  maxBodyBytes: number;
  maxRecorded: number;
  recorded: RecordedRequest[];
}

export interface RunningListener {
  listener: Listener;
  port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const BASE_HEADERS = { Server: 'nginx', 'X-Frame-Options': 'SAMEORIGIN' };

async function handle(
  state: EmulatorState,
  cfg: ServerConfig,
  listener: Listener,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const fullPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  const cors = corsHeaders(cfg.cors, origin);
  let body: Buffer = Buffer.alloc(0);
  let reply: EmuResponse;
  try {
    // POST /ddl consumes its body as a stream (any size, never buffered whole); the rest is buffered.
    const streamed = streamingRoute(state, listener, req, fullPath, query);
    if (!streamed) body = await readBody(req, cfg.maxBodyBytes);
    if (streamed) ({ reply, prefix: body } = await streamed);
    else if (req.method === 'OPTIONS' && cfg.cors) {
      reply = { status: 204, headers: {}, body: '' };
    } else {
      const emu: EmuRequest = {
        method: req.method ?? 'GET',
        path: fullPath,
        fullPath,
        query,
        headers: req.headers,
        body,
        listener,
      };
      injectedFault(state, 'request');
      reply = await dispatch(state, listener, emu);
    }
  } catch (e) {
    reply =
      e instanceof BodyTooLarge
        ? errorReply(
            new RestError(
              'REST-2001',
              `The request body exceeds the maximum allowed size of ${cfg.maxBodyBytes} bytes.`,
              413,
            ),
          )
        : errorReply(new RestError('REST-10005', `Internal error: ${(e as Error).message}`, 500));
  }
  record(state, cfg, listener, req, rawUrl, fullPath, query, body, reply.status);
  const headers = { ...BASE_HEADERS, ...reply.headers, ...cors };
  res.writeHead(reply.status, { ...headers, 'Content-Length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

let seq = 0;

function record(
  state: EmulatorState,
  cfg: ServerConfig,
  listener: Listener,
  req: IncomingMessage,
  url: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  status: number,
): void {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
  cfg.recorded.push({
    seq: ++seq,
    listener,
    method: req.method ?? 'GET',
    url,
    path,
    query: queryRecord(query),
    headers,
    body: body.toString('utf8'),
    status,
    time: state.clock.now(),
  });
  if (cfg.recorded.length > cfg.maxRecorded) cfg.recorded.splice(0, cfg.recorded.length - cfg.maxRecorded);
}

export async function listen(
  state: EmulatorState,
  cfg: ServerConfig,
  listener: Listener,
  port: number,
): Promise<RunningListener> {
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(state, cfg, listener, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server: Server = cfg.tls
    ? createHttps({ key: cfg.tls.key, cert: cfg.tls.cert }, onRequest)
    : createHttp(onRequest);
  // Plenty of headroom for many concurrent clients on one loopback port.
  server.maxHeadersCount = 200;
  server.keepAliveTimeout = 5000;
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: cfg.host, backlog: 1024 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    listener,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
        for (const s of sockets) s.destroy();
      }),
  };
}
