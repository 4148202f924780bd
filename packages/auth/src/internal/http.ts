// Sending exchange requests through the transport's AuthRequester and turning replies into the
// SDK's errors. Every message is redacted with the caller's secrets before an error is built, and
// no error carries a response body or request as its cause.
import {
  AuthError,
  type ErrorEndpoint,
  NotFoundError,
  TigerGraphError,
  ValidationError,
} from '@tgraph/protocol/errors';
import type { AuthExchangeRequest, AuthExchangeResponse, AuthRequester } from '@tgraph/protocol/options';
import { containsSecret, redact } from '@tgraph/protocol/redact';

/** The `{error, message, code}` part of a TigerGraph reply (RESTPP or GSQL server). */
export interface Envelope {
  error: boolean;
  message: string;
  code: string | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `error`/`message`/`code`, accepting `"true"` strings and numeric codes. */
export function envelopeOf(response: AuthExchangeResponse): Envelope {
  const body = response.body;
  if (isRecord(body)) {
    const code =
      typeof body.code === 'string' || typeof body.code === 'number' ? String(body.code) : undefined;
    return {
      error: body.error === true || body.error === 'true' || (response.status >= 400 && body.error !== false),
      message: typeof body.message === 'string' ? body.message : '',
      code,
    };
  }
  return { error: response.status >= 400, message: response.text.trim().slice(0, 300), code: undefined };
}

export function endpointOf(request: AuthExchangeRequest): ErrorEndpoint {
  return { method: request.method, path: request.path, service: request.service };
}

/** Every text form of an error and its cause chain (message, toString, JSON). */
export function errorTexts(error: unknown, depth = 0): string[] {
  if (depth > 8 || error === undefined || error === null) return [];
  const out: string[] = [];
  if (error instanceof Error) {
    out.push(error.message, String(error));
    if (typeof error.stack === 'string') out.push(error.stack);
    out.push(...errorTexts((error as { cause?: unknown }).cause, depth + 1));
  } else {
    out.push(String(error));
  }
  try {
    out.push(JSON.stringify(error) ?? '');
  } catch {
    // circular or BigInt: nothing to add
  }
  return out;
}

function leaks(error: unknown, secrets: readonly string[]): boolean {
  const live = secrets.filter((s) => s !== '');
  if (live.length === 0) return false;
  return errorTexts(error).some((text) => live.some((s) => containsSecret(text, s)));
}

/**
 * Returns `error` when no secret appears in it (or its causes); otherwise an equivalent error of the
 * same SDK class with the message redacted and no cause.
 */
export function sanitizeError(error: unknown, secrets: readonly string[]): unknown {
  if (!leaks(error, secrets)) return error;
  if (error instanceof TigerGraphError) {
    const Ctor = error.constructor as new (
      message: string,
      options: ConstructorParameters<typeof TigerGraphError>[1],
    ) => TigerGraphError;
    const copy = new Ctor(redact(error.message, secrets), {
      code: error.code,
      status: error.status,
      endpoint: error.endpoint,
      serverMessage: error.serverMessage === undefined ? undefined : redact(error.serverMessage, secrets),
      requestId: error.requestId,
    });
    return copy;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TigerGraphError(redact(message, secrets), { code: 'TG-AUTH-EXCHANGE' });
}

/** Sends one exchange request; errors thrown by the requester come back redacted. */
export async function send(
  requester: AuthRequester,
  request: AuthExchangeRequest,
  secrets: readonly string[],
): Promise<AuthExchangeResponse> {
  try {
    return await requester(request);
  } catch (error) {
    throw sanitizeError(error, secrets);
  }
}

/** Status codes and TigerGraph codes that mean "these credentials were not accepted". */
export function isAuthRejection(response: AuthExchangeResponse, envelope: Envelope): boolean {
  if (response.status === 401 || response.status === 403) return true;
  return envelope.code !== undefined && /^REST-100(16|18|19)$/.test(envelope.code);
}

/** True when RESTPP answered "endpoint not found" (REST-1000) — e.g. /requesttoken with RESTPP auth off. */
export function isEndpointMissing(response: AuthExchangeResponse, envelope: Envelope): boolean {
  return envelope.code === 'REST-1000' || (response.status === 404 && envelope.code === undefined);
}

export interface FailureContext {
  /** What was being done, e.g. "Requesting a token with the secret". */
  action: string;
  request: AuthExchangeRequest;
  response: AuthExchangeResponse;
  secrets: readonly string[];
  /** Advice appended when the server rejected the credentials. */
  authHint?: string | undefined;
  /** Advice appended for other failures. */
  hint?: string | undefined;
}

/** The SDK error for a failed exchange reply: AuthError, NotFoundError, ValidationError or TigerGraphError. */
export function failure(ctx: FailureContext): TigerGraphError {
  const { request, response, secrets } = ctx;
  const envelope = envelopeOf(response);
  const serverMessage = envelope.message ? redact(envelope.message, secrets) : undefined;
  const where = `${request.method} ${request.path}`;
  const status = `HTTP ${response.status}${envelope.code ? `, ${envelope.code}` : ''}`;
  // The sentence ends once: a server message that ends with its own period gets no second one.
  const said = serverMessage ? `: ${serverMessage.replace(/[.\s]+$/, '')}` : '';
  const options = {
    code: envelope.code,
    status: response.status,
    endpoint: endpointOf(request),
    serverMessage,
  };
  if (isAuthRejection(response, envelope)) {
    const hint = ctx.authHint ? ` ${ctx.authHint}` : '';
    const message = `${ctx.action} was rejected by the server (${where}, ${status})${said}.${hint}`;
    return new AuthError(redact(message, secrets), options);
  }
  const hint = ctx.hint ? ` ${ctx.hint}` : '';
  const message = redact(`${ctx.action} failed (${where}, ${status})${said}.${hint}`, secrets);
  if (response.status === 404 || envelope.code === 'REST-1000') return new NotFoundError(message, options);
  if (response.status === 400) return new ValidationError(message, options);
  return new TigerGraphError(message, options);
}
