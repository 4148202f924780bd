// TigerGraph's error envelope (`{"error": true, "message", "code"}`), which also arrives in 2xx
// answers: recognised on every call, so it sits apart from the error mapping loaded on failure.
/** `error` may be a boolean or the strings "true"/"false" (§2.2). */
export function isErrorEnvelope(
  body: unknown,
): body is { error: true | 'true'; message?: unknown; code?: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const e = (body as { error?: unknown }).error;
  return e === true || (typeof e === 'string' && e.toLowerCase() === 'true');
}

export function envelopeCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  if (typeof code === 'number') return String(code);
  return undefined;
}
