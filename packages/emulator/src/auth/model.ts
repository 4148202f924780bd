// Users, secrets and tokens held by the emulator.

export interface User {
  name: string;
  password: string;
  superuser: boolean;
  /** Roles by graph name; "1" is the global scope (as TigerGraph's user records write it). */
  roles: Map<string, string[]>;
}

export interface Secret {
  value: string;
  alias: string;
  user: string;
  /** 3.x binds a secret to the graph in use when it was created. */
  graph: string | undefined;
}

export interface Token {
  token: string;
  user: string;
  graph: string | undefined;
  /** Epoch ms; Infinity for tokens that never expire. */
  expiresAt: number;
  jwt: boolean;
}

export interface AuthState {
  users: Map<string, User>;
  secrets: Map<string, Secret>;
  tokens: Map<string, Token>;
  /** JWTs dropped via DELETE /gsql/v1/tokens (block list). */
  blockedJwts: Set<string>;
  /** HS256 key for emulator-issued JWTs. */
  jwtKey: Buffer;
}
