// @tgraph/auth: credential strategies for TigerGraph and the token/secret lifecycle.
// Browser-safe: no Node built-ins, no Buffer.

export type { AuthContext, IssuedToken, TokenGrant, TokenHolder } from './context.js';
export { isTokenHolder } from './context.js';
export {
  authOptionsSchema,
  authOptionsShape,
  tokenLifecycleOptionsSchema,
  tokenLifecycleShape,
} from './option-schema.js';
export {
  DEFAULT_LIFETIME_3X_SECONDS,
  DEFAULT_LIFETIME_4X_SECONDS,
  type ParsedTokenReply,
  type ParseTokenOptions,
  parseCreatedSecret,
  parseExpiration,
  parseShowSecrets,
  parseTokenReply,
  type SecretInfo,
} from './parse.js';
export { AUTH_PATHS } from './paths.js';
export { type BasicAuthOptions, basicAuth } from './providers/basic.js';
export { type AuthOptions, chooseAuth } from './providers/choose.js';
export { type GsqlSecretAuthOptions, gsqlSecretAuth } from './providers/gsql-secret.js';
export { type JwtAuthOptions, type JwtSource, jwtAuth } from './providers/jwt.js';
export type { TokenLifecycleOptions } from './providers/managed.js';
export { noAuth } from './providers/none.js';
export { type PasswordTokenAuthOptions, passwordTokenAuth } from './providers/password-token.js';
export { type SecretTokenAuthOptions, secretTokenAuth } from './providers/secret-token.js';
export { tokenAuth } from './providers/token.js';
export {
  type CreatedSecret,
  type CreateSecretOptions,
  createSecret,
  type DropSecretOptions,
  type DropSecretResult,
  dropSecret,
  getSecrets,
} from './secrets.js';
export {
  checkJwtToken,
  type DeleteTokenOptions,
  deleteToken,
  type GetTokenOptions,
  getToken,
  type JwtCheckResult,
  type RefreshTokenOptions,
  refreshToken,
} from './tokens.js';
export {
  ALIAS_PATTERN,
  GRAPH_NAME_PATTERN,
  SECRET_OR_ALIAS_PATTERN,
  validateAlias,
  validateGraphName,
  validateSecretOrAlias,
} from './validate.js';
