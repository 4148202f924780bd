// Opt-in CORS, as an admin would configure TigerGraph's nginx (Nginx.ResponseHeaders) for browsers.

export interface CorsOptions {
  origins: string[] | '*';
  /** More request headers to allow, as an admin adds them to nginx's list (e.g. `X-Request-Id`). */
  headers?: string[] | undefined;
}

const ALLOW_HEADERS =
  'Authorization, Content-Type, GSQL-TIMEOUT, RESPONSE-LIMIT, GSQL-THREAD-LIMIT, GSQL-QueryLocalMemLimitMB, GSQL-REPLICA, GSQL-ASYNC, Workload-Queue, gsql-atomic-level, X-User-Agent, Cookie';

/** Headers to add for this request's Origin (none when CORS is off or the origin is not allowed). */
export function corsHeaders(
  cors: CorsOptions | undefined,
  origin: string | undefined,
): Record<string, string> {
  if (!cors || origin === undefined) return {};
  const allowed = cors.origins === '*' || cors.origins.includes(origin);
  if (!allowed) return {};
  return {
    'Access-Control-Allow-Origin': cors.origins === '*' ? '*' : origin,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': cors.headers?.length
      ? `${ALLOW_HEADERS}, ${cors.headers.join(', ')}`
      : ALLOW_HEADERS,
    'Access-Control-Max-Age': '86400',
    ...(cors.origins === '*' ? {} : { Vary: 'Origin' }),
  };
}
