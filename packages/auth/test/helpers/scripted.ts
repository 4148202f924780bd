// A scripted AuthRequester for unit tests: answers by "METHOD path" with literal replies and records
// every request. (Integration tests use the real transport against the emulator instead.)
import type {
  AuthExchangeRequest,
  AuthExchangeResponse,
  AuthRequestContext,
  AuthRequester,
} from '@tgraph/protocol';

export type Reply =
  | { status?: number; body: unknown }
  | ((req: AuthExchangeRequest) => { status?: number; body: unknown });

export interface Scripted {
  requester: AuthRequester;
  requests: AuthExchangeRequest[];
  /** Replace or add a route. */
  on(route: string, reply: Reply): void;
  /** Delay every reply by this many ms. */
  delayMs: number;
}

export function scripted(routes: Record<string, Reply> = {}): Scripted {
  const table = new Map(Object.entries(routes));
  const state: Scripted = {
    requests: [],
    delayMs: 0,
    on(route, reply) {
      table.set(route, reply);
    },
    requester: async (req) => {
      state.requests.push(req);
      if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
      const route = `${req.method} ${req.path}`;
      const entry = table.get(route);
      const answer =
        entry === undefined
          ? { status: 404, body: { error: true, message: `Route ${route} not found.` } }
          : typeof entry === 'function'
            ? entry(req)
            : entry;
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const response: AuthExchangeResponse = {
        status: answer.status ?? 200,
        headers: new Headers(),
        body: answer.body,
        text,
      };
      return response;
    },
  };
  return state;
}

export function ctxFor(
  s: Scripted,
  service: 'restpp' | 'gsql',
  line: '3' | '4' | undefined,
  graph: string | null = 'MyGraph',
): AuthRequestContext {
  return { service, line, graph: graph ?? undefined, requester: s.requester };
}

export const GENERATED =
  'Generate new token successfully.\nWarning: Tigergraph Support cannot restore access to secrets/tokens for security reasons. Please save your secret/token and keep it safe and accessible.';

/** base64 → UTF-8 (tests only). */
export function decodeBasic(header: string | undefined): string {
  const value = (header ?? '').replace(/^Basic /, '');
  return new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
}
