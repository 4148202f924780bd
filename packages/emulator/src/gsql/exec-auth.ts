// Users and secrets through GSQL: CREATE/SHOW/DROP SECRET, CREATE/DROP/SHOW USER, GRANT/REVOKE ROLE.
import { maskSecret, randomAlias, randomSecret } from '../auth/random.js';
import type { Statement } from './ast.js';
import { type GsqlSession, StatementError } from './session.js';

type Of<K extends Statement['kind']> = Extract<Statement, { kind: K }>;

export function createSecret(s: GsqlSession, st: Of<'createSecret'>): void {
  const secrets = s.state.auth.secrets;
  const alias = st.alias ?? randomAlias();
  for (const sec of secrets.values()) {
    if (sec.user === s.user.name && sec.alias === alias) {
      throw new StatementError(`The secret with alias ${alias} already exists for user ${s.user.name}.`);
    }
  }
  const value = randomSecret();
  // 4.1+ secrets are not bound to a graph; 3.x binds them to the graph in use.
  const graph = s.state.version.gsqlV1 ? undefined : s.graph;
  secrets.set(value, { value, alias, user: s.user.name, graph });
  s.out.push(`The secret: ${value} has been created for user "${s.user.name}".`);
}

export function showSecret(s: GsqlSession): void {
  for (const sec of s.state.auth.secrets.values()) {
    if (sec.user !== s.user.name) continue;
    s.out.push(`    - Secret: ${maskSecret(sec.value)}`);
    s.out.push(`      - Alias: ${sec.alias}`);
    if (sec.graph !== undefined) s.out.push(`      - GraphName: ${sec.graph}`);
  }
}

export function dropSecret(s: GsqlSession, st: Of<'dropSecret'>): void {
  const secrets = s.state.auth.secrets;
  const found: string[] = [];
  const missing: string[] = [];
  for (const name of st.names) {
    const hit = [...secrets.values()].find(
      (x) => x.user === s.user.name && (x.value === name || x.alias === name),
    );
    if (hit) found.push(hit.value);
    else missing.push(name);
  }
  if (missing.length > 0) {
    throw new StatementError(
      `Failed to drop secrets: [${missing.join(', ')}]. They do not exist for user ${s.user.name}.`,
    );
  }
  for (const v of found) secrets.delete(v);
  s.out.push(`Successfully dropped secrets: [${st.names.join(', ')}].`);
}

function requireSuperuser(s: GsqlSession): void {
  if (!s.user.superuser) throw new StatementError('Permission denied: the WRITE_USER privilege is required.');
}

export function createUser(s: GsqlSession, st: Of<'createUser'>): void {
  requireSuperuser(s);
  const users = s.state.auth.users;
  if (users.has(st.name))
    throw new StatementError(`Semantic Check Fails: The user ${st.name} already exists.`);
  users.set(st.name, { name: st.name, password: st.password, superuser: false, roles: new Map() });
  s.out.push(`Successfully created users: [${st.name}].`);
}

export function dropUser(s: GsqlSession, st: Of<'dropUser'>): void {
  requireSuperuser(s);
  const users = s.state.auth.users;
  for (const n of st.names) {
    if (!users.has(n)) throw new StatementError(`Semantic Check Fails: The user ${n} does not exist.`);
    if (n === 'tigergraph')
      throw new StatementError('Semantic Check Fails: The user tigergraph cannot be dropped.');
  }
  for (const n of st.names) {
    users.delete(n);
    for (const [k, sec] of s.state.auth.secrets) if (sec.user === n) s.state.auth.secrets.delete(k);
    for (const [k, t] of s.state.auth.tokens) if (t.user === n) s.state.auth.tokens.delete(k);
  }
  s.out.push(`Successfully dropped users: [${st.names.join(', ')}].`);
}

export function showUser(s: GsqlSession): void {
  const list = s.user.superuser ? [...s.state.auth.users.values()] : [s.user];
  for (const u of list) {
    s.out.push(`  - Name: ${u.name}`);
    if (u.superuser) s.out.push('  - Superuser: true');
    for (const [g, roles] of u.roles) {
      s.out.push(
        g === '1' ? `  - Global Roles: ${roles.join(', ')}` : `  - Graph '${g}' Roles: ${roles.join(', ')}`,
      );
    }
    const secrets = [...s.state.auth.secrets.values()].filter((x) => x.user === u.name);
    if (secrets.length > 0) s.out.push(`  - Secrets: ${secrets.map((x) => maskSecret(x.value)).join(', ')}`);
    s.out.push('');
  }
}

export function grantRole(s: GsqlSession, st: Of<'grantRole'>): void {
  requireSuperuser(s);
  const scope = st.graph ?? '1';
  if (st.graph !== undefined && !s.state.catalog.graphs.has(st.graph)) {
    throw new StatementError(`Semantic Check Fails: The graph ${st.graph} does not exist.`);
  }
  for (const n of st.users) {
    const u = s.state.auth.users.get(n);
    if (!u) throw new StatementError(`Semantic Check Fails: The user ${n} does not exist.`);
    const current = new Set(u.roles.get(scope) ?? []);
    for (const r of st.roles) {
      if (st.revoke) current.delete(r);
      else current.add(r);
    }
    u.roles.set(scope, [...current]);
    if (scope === '1') u.superuser = current.has('superuser');
  }
  const on = st.graph ? `on graph '${st.graph}'` : 'globally';
  const verb = st.revoke ? 'revoked' : 'granted';
  const prep = st.revoke ? 'from' : 'to';
  s.out.push(
    `Successfully ${verb} roles [${st.roles.join(', ')}] ${on} ${prep} users [${st.users.join(', ')}].`,
  );
}
