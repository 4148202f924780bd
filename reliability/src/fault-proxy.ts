// A loopback HTTP proxy that misbehaves on purpose: it sits between a client and the emulator
// and, per request, forwards faithfully or injects one fault (a reset connection mid-body, a
// gateway error, a stall, a slow trickle, a truncated or non-JSON body, a restart). The emulator
// has no fault options, and faults belong to the network anyway, so they live here.
// It listens on 127.0.0.1 only and forwards only to the one upstream origin it was given.
import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  /** Forward and answer faithfully. */
  | { kind: 'pass' }
  /** Answer this status without forwarding (a gateway's 502/503/504). */
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** Reset the connection (TCP RST) before forwarding: the server never sees the request. */
  | { kind: 'drop' }
  /** Forward, then send the answer's head and part of its body and reset the connection (RST). */
  | { kind: 'reset-mid-body' }
  /** Forward, then send the head (with the full Content-Length) and part of the body, then close. */
  | { kind: 'truncate' }
  /** Forward, then answer a complete HTTP response whose body is the first part of the JSON. */
  | { kind: 'cut-json' }
  /** Answer this non-JSON body (after forwarding when `forward`, so a write is applied). */
  | { kind: 'non-json'; status: number; body: string; contentType: string; forward: boolean }
  /** Never answer (after forwarding when `forward`); the socket stays open until the client gives up. */
  | { kind: 'stall'; forward: boolean }
  /** Forward, then send the answer `chunkBytes` at a time every `intervalMs`. */
  | { kind: 'trickle'; chunkBytes: number; intervalMs: number };

/** One request the proxy received. */
export interface ProxiedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  fault: Fault['kind'];
  /** Whether it was sent on to the upstream server. */
  forwarded: boolean;
}

export interface InjectOptions {
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Which requests it applies to (default: every request). */
  match?: (method: string, url: string) => boolean;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Every request received, oldest first. */
  received: ProxiedRequest[];
  /** Queues a fault for the next matching request(s); rules apply in the order they were added. */
  inject(fault: Fault, options?: InjectOptions): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Faults still queued (their remaining counts). */
  pending(): number;
  /** Open client connections right now. */
  openConnections(): number;
  /**
   * Imitates a server restart: stops listening, closes every connection (idle keep-alive ones
   * included, in-flight ones reset), stays down `downMs`, then listens on the same port again.
   */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

interface Rule {
  fault: Fault;
  left: number;
  match: ((method: string, url: string) => boolean) | undefined;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
]);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function endToEndHeaders(headers: IncomingMessage['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Starts a fault proxy in front of `target` (an `http://127.0.0.1:<port>` origin).
 *
 * @example
 * const proxy = await startFaultProxy(emulator.gsUrl);
 * proxy.inject({ kind: 'status', status: 503 }, { times: 2 });
 * const tg = createClient({ host: proxy.url, graph: 'MyGraph', version: '4.2.0' });
 * await tg.vertices.count('Patient'); // two 503s, then the real answer
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  if (upstream.protocol !== 'http:' || !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(upstream.hostname)) {
    throw new Error(`fault proxy targets loopback http only, got ${target}`);
  }
  // No keep-alive upstream: the proxy leaves no socket of its own open between requests.
  const agent = new Agent({ keepAlive: false, maxSockets: 256 });
  const rules: Rule[] = [];
  const received: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const pick = (method: string, url: string): Fault => {
    for (const rule of rules) {
      if (rule.left > 0 && (rule.match === undefined || rule.match(method, url))) {
        rule.left--;
        return rule.fault;
      }
    }
    return { kind: 'pass' };
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers = endToEndHeaders(req.headers);
      headers['host'] = upstream.host;
      if (body.length > 0 || req.method === 'POST' || req.method === 'PUT') {
        headers['content-length'] = String(body.length);
      }
      const out = request(
        {
          agent,
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: endToEndHeaders(res.headers),
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const reset = (res: ServerResponse) => {
    const socket = res.socket;
    if (socket && !socket.destroyed) socket.resetAndDestroy();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const body = await readBody(req);
    const fault = pick(method, url);
    const entry: ProxiedRequest = { method, url, fault: fault.kind, forwarded: false };
    received.push(entry);
    const upstreamAnswer = async () => {
      entry.forwarded = true;
      return forward(req, body);
    };

    switch (fault.kind) {
      case 'pass': {
        const up = await upstreamAnswer();
        res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
        res.end(up.body);
        return;
      }
      case 'status': {
        const text = fault.body ?? `<html><head><title>${fault.status}</title></head><body></body></html>`;
        res.writeHead(fault.status, {
          'content-type': fault.contentType ?? 'text/html',
          'content-length': String(Buffer.byteLength(text)),
          ...fault.headers,
        });
        res.end(text);
        return;
      }
      case 'drop':
        reset(res);
        return;
      case 'reset-mid-body': {
        const up = await upstreamAnswer();
        res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
        // Hand part of the body to the kernel, let the client read it, then reset.
        res.write(up.body.subarray(0, Math.max(1, Math.floor(up.body.length / 2))), () =>
          later(20, () => reset(res)),
        );
        return;
      }
      case 'truncate': {
        const up = await upstreamAnswer();
        res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
        res.write(up.body.subarray(0, Math.max(1, Math.floor(up.body.length / 2))), () =>
          later(20, () => res.socket?.destroySoon()),
        );
        return;
      }
      case 'cut-json': {
        const up = await upstreamAnswer();
        const cut = up.body.subarray(0, Math.max(1, Math.floor(up.body.length / 2)));
        res.writeHead(up.status, { ...up.headers, 'content-length': String(cut.length) });
        res.end(cut);
        return;
      }
      case 'non-json': {
        if (fault.forward) await upstreamAnswer();
        res.writeHead(fault.status, {
          'content-type': fault.contentType,
          'content-length': String(Buffer.byteLength(fault.body)),
        });
        res.end(fault.body);
        return;
      }
      case 'stall':
        if (fault.forward) await upstreamAnswer();
        return; // the socket is closed by the client's timeout, a restart or stop()
      case 'trickle': {
        const up = await upstreamAnswer();
        res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
        let offset = 0;
        const next = () => {
          if (res.destroyed || stopped) return;
          const end = Math.min(up.body.length, offset + fault.chunkBytes);
          const chunk = up.body.subarray(offset, end);
          offset = end;
          if (offset >= up.body.length) res.end(chunk);
          else res.write(chunk, () => later(fault.intervalMs, next));
        };
        next();
        return;
      }
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The upstream failed (e.g. during a restart): answer like a gateway would.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(502, { 'content-type': 'text/plain', 'content-length': '11' });
        res.end('Bad Gateway');
      } else reset(res);
    });
  });
  server.keepAliveTimeout = 10_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });

  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    inject(fault, options = {}) {
      rules.push({ fault, left: options.times ?? 1, match: options.match });
    },
    clearFaults() {
      rules.length = 0;
    },
    pending: () => rules.reduce((n, r) => n + r.left, 0),
    openConnections: () => sockets.size,
    async restart(downMs) {
      await close();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await listen(port);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await close();
      agent.destroy();
    },
  };
}
