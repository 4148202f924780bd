// Helpers the lifecycle functions share: the caller's own headers and the values to redact.
import type { ServiceKind } from '@tgraph/protocol';
import type { AuthContext } from '../context.js';

/** The connection provider's headers for `service` (empty without a provider). */
export async function callerHeaders(
  ctx: AuthContext,
  service: ServiceKind = 'gsql',
): Promise<Record<string, string>> {
  if (!ctx.auth) return {};
  return ctx.auth.headers({
    service,
    line: ctx.line,
    graph: ctx.graph,
    requester: ctx.requester,
    signal: ctx.signal,
  });
}

/** Every credential in play: the provider's plus the extra values given to the call. */
export function secretsOf(ctx: AuthContext, ...extra: (string | readonly string[] | undefined)[]): string[] {
  const out = [...(ctx.auth?.secrets() ?? [])];
  for (const value of extra) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

export function withSignal(ctx: AuthContext): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}
