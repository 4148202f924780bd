// Endpoint paths the auth package calls, taken from @tgraph/protocol's endpoint catalogue. RESTPP
// paths are below the RESTPP base (`:9000` or `/restpp`); GSQL paths are below the GSQL server
// origin and carry their `/gsqlserver` or `/gsql/v1` prefix.
import { endpoint } from '@tgraph/protocol';

/** Paths used for tokens and secrets, per TigerGraph line. */
export const AUTH_PATHS = {
  /** 3.x (and deprecated 4.x) token endpoint on RESTPP: POST issue, PUT refresh, DELETE drop. */
  requestToken: endpoint('requestToken', '3').path,
  /** 4.1+ token endpoint on the GSQL server: POST issue, DELETE block-list. */
  tokens: endpoint('requestToken', '4').path,
  /** 4.1+ token verification on the GSQL server. */
  tokensCheck: endpoint('checkToken', '4').path,
  /** 4.1+ secrets on the GSQL server. */
  secrets: endpoint('listSecrets', '4').path,
  /** 3.x GSQL shell endpoint that runs GSQL text (url-encoded body, text reply). */
  gsqlFile: endpoint('gsqlStatements', '3').path,
} as const;
