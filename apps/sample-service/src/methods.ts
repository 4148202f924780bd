// 405 Method Not Allowed: Hono answers a known path with an unregistered method as "not found";
// HTTP says 405 with an `Allow` header listing what the path does take (RFC 9110 §15.5.6).

interface RouteEntry {
  method: string;
  path: string;
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** `/api/patients/:id` → a regular expression for concrete paths. */
function pattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) return '[^/]+';
      if (segment === '*') return '.*';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

/** The methods registered for `path` (HEAD with GET, as Hono serves it); empty for unknown paths. */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    // Middleware registers as ALL; it says nothing about which methods a path takes.
    if (route.method === 'ALL' || !pattern(route.path).test(path)) continue;
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
  }
  return ORDER.filter((m) => methods.has(m));
}
