// The protocol error classes adapters and callers need, re-exported so they can depend on
// transport alone. A module of its own so that index.ts can re-export it with `export *` (see there).
export {
  AbortError,
  AuthError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  TigerGraphError,
  TimeoutError,
  ValidationError,
} from '@tgraph/protocol/errors';
