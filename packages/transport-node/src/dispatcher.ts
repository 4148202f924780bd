// The undici dispatcher of a Node adapter: one keep-alive pool, or a ProxyAgent when a proxy is
// set. A proxy's credentials never appear in errors.
import { checkProxyUrl, ValidationError } from '@tgraph/transport';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';

export interface PoolSettings {
  connections?: number | undefined;
  keepAliveTimeoutMs?: number | undefined;
  connectTimeoutMs?: number | undefined;
  proxy?: string | { uri: string; token?: string } | undefined;
}

/** Refuses a numeric option that is given but is not a positive whole number (undici would fail later, or not at all). */
function positiveInteger(value: unknown, field: string, example: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(
      `${field} must be a positive whole number (${example}), got ${typeof value === 'string' ? `'${value}'` : String(value)}`,
      { field },
    );
  }
}

export function checkPoolSettings(o: PoolSettings): void {
  positiveInteger(o.connections, 'connections', 'sockets per origin, e.g. 16');
  positiveInteger(o.keepAliveTimeoutMs, 'keepAliveTimeoutMs', 'milliseconds, e.g. 30000');
  positiveInteger(o.connectTimeoutMs, 'connectTimeoutMs', 'milliseconds, e.g. 10000');
}

export function createDispatcher(o: PoolSettings, tls: Record<string, unknown>): Dispatcher {
  const connectTimeout = o.connectTimeoutMs ?? 10_000;
  const agentOptions: Agent.Options = {
    connections: o.connections ?? 16,
    keepAliveTimeout: o.keepAliveTimeoutMs ?? 30_000,
    connect: { ...tls, timeout: connectTimeout },
  };
  if (o.proxy === undefined) return new Agent(agentOptions);
  const proxy = typeof o.proxy === 'string' ? { uri: o.proxy } : o.proxy;
  checkProxyUrl(proxy?.uri);
  return new ProxyAgent({
    ...agentOptions,
    uri: proxy.uri,
    ...(proxy.token === undefined ? {} : { token: proxy.token }),
    requestTls: { ...tls, timeout: connectTimeout },
  });
}
