// Endpoint paths the auth package calls, taken from @tgraph/protocol's endpoints. RESTPP
// paths are below the RESTPP base (`:9000` or `/restpp`); GSQL paths are below the GSQL server
// origin and carry their `/gsqlserver` or `/gsql/v1` prefix.

import * as endpoints from '@tgraph/protocol/endpoints/auth';
import { specFor } from '@tgraph/protocol/paths';

/** Paths used for tokens and secrets, per TigerGraph line. */
export const AUTH_PATHS = {
  /** 3.x (and deprecated 4.x) token endpoint on RESTPP: POST issue, PUT refresh, DELETE drop. */
  requestToken: specFor(endpoints.requestToken, '3').path,
  /** 4.1+ token endpoint on the GSQL server: POST issue, DELETE block-list. */
  tokens: specFor(endpoints.requestToken, '4').path,
  /** 4.1+ token verification on the GSQL server. */
  tokensCheck: specFor(endpoints.checkToken, '4').path,
  /** 4.1+ secrets on the GSQL server. */
  secrets: specFor(endpoints.listSecrets, '4').path,
  /** 3.x GSQL shell endpoint that runs GSQL text (url-encoded body, text reply). */
  gsqlFile: specFor(endpoints.gsqlStatements, '3').path,
} as const;
