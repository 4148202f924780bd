// 4.x `POST /gsql/v1/tokens/check`: does the GSQL server accept this token?
import type { AuthRequester } from '@tgraph/protocol/options';
import { redact } from '@tgraph/protocol/redact';
import { AUTH_PATHS } from '../paths.js';
import { envelopeOf, failure, send } from './http.js';

export interface CheckResult {
  valid: boolean;
  /** The server's message, with the token redacted. */
  message: string;
}

export async function checkToken(params: {
  requester: AuthRequester;
  token: string;
  headers?: Record<string, string> | undefined;
  secrets: readonly string[];
  signal?: AbortSignal | undefined;
}): Promise<CheckResult> {
  const secrets = [...params.secrets, params.token];
  const request = {
    service: 'gsql' as const,
    method: 'POST' as const,
    path: AUTH_PATHS.tokensCheck,
    json: { token: params.token },
    headers: { 'Content-Type': 'application/json', ...params.headers },
    ...(params.signal ? { signal: params.signal } : {}),
  };
  const response = await send(params.requester, request, secrets);
  const envelope = envelopeOf(response);
  const message = redact(envelope.message, secrets);
  if (response.status >= 200 && response.status < 300) return { valid: !envelope.error, message };
  // The check endpoint answers an invalid token with an error envelope (400/401); a missing
  // endpoint (3.x) or a server fault is an error of its own.
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    return { valid: false, message };
  }
  throw failure({ action: 'Checking the token', request, response, secrets });
}
