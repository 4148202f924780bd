// The token and secret functions re-exported bound to an ApiContext: same wire calls as @tgraph/auth.
import { secretTokenAuth } from '@tgraph/auth';
import { ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  checkToken,
  createSecret,
  deleteToken,
  dropSecret,
  getSecrets,
  getToken,
  listSecrets,
  refreshToken,
} from '../src/auth.js';
import { echo } from '../src/system.js';
import { env, header, thrown, VERSIONS } from './schema-helpers.js';

const SECRET = 'n35lsqofc1if62fld2rmnb9hocqbh8ia';

for (const version of VERSIONS) {
  describe(`auth bound to the context on TigerGraph ${version}`, async () => {
    const e = await env(version, { secrets: [{ secret: SECRET, alias: 'seed', graph: 'MyGraph' }] });

    it('getToken(ctx, { secret, lifetime }) requests a token at the line’s endpoint', async () => {
      e.clear();
      const before = e.emu.clock.now();
      const issued = await getToken(e.ctx, { secret: SECRET, lifetime: 3600, setToken: false });
      const after = e.emu.clock.now();
      const r = e.one('POST', e.line === '4' ? '/gsql/v1/tokens' : '/requesttoken');
      expect(JSON.parse(r.body)).toMatchObject({ secret: SECRET, lifetime: '3600' });
      expect(issued.line).toBe(e.line);
      // The server states expiry in whole seconds, an hour after it issued the token.
      const expiry = issued.expiresAt.getTime();
      expect(expiry % 1000).toBe(0);
      expect(expiry).toBeGreaterThanOrEqual(Math.floor((before + 3600 * 1000) / 1000) * 1000);
      expect(expiry).toBeLessThanOrEqual(after + 3600 * 1000);
      if (e.line === '4') {
        expect(issued.token.split('.')).toHaveLength(3);
        expect(await checkToken(e.ctx, { token: issued.token })).toMatchObject({ valid: true });
        expect(await thrown(refreshToken(e.ctx, { secret: SECRET, token: issued.token }))).toBeInstanceOf(
          ValidationError,
        );
      } else {
        expect(issued.token).toMatch(/^[a-z0-9]{32}$/);
        e.clear();
        const refreshed = await refreshToken(e.ctx, { secret: SECRET, token: issued.token, lifetime: 7200 });
        expect(e.one('PUT', '/requesttoken').body).toContain(`"token":"${issued.token}"`);
        expect(refreshed.token).toBe(issued.token);
        expect(await thrown(checkToken(e.ctx, { token: issued.token }))).toBeInstanceOf(ValidationError);
      }
      e.clear();
      expect(await deleteToken(e.ctx, { secret: SECRET, token: issued.token })).toBe(true);
      expect(e.sent('DELETE')).toHaveLength(1);
    });

    it('creates, lists and drops secrets', async () => {
      const created = await createSecret(e.ctx, { alias: 'ci_secret' });
      expect(created.alias).toBe('ci_secret');
      expect(created.secret.length).toBeGreaterThanOrEqual(32);
      const listed = await listSecrets(e.ctx);
      expect(listed.map((s) => s.alias).sort()).toEqual(['ci_secret', 'seed']);
      expect(getSecrets).toBe(listSecrets);
      const dropped = await dropSecret(e.ctx, 'ci_secret', { ignoreErrors: false });
      expect(dropped.failed).toEqual([]);
      expect((await listSecrets(e.ctx)).map((s) => s.alias)).toEqual(['seed']);
    });

    it('with setToken the connection sends the new token', async () => {
      const t = await env(version, {
        secrets: [{ secret: SECRET, alias: 'seed', graph: 'MyGraph' }],
        authProvider: secretTokenAuth({ secret: SECRET }),
      });
      const issued = await getToken(t.ctx, { secret: SECRET });
      t.clear();
      await echo(t.ctx);
      expect(header(t.one('GET', '/echo'), 'authorization')).toBe(`Bearer ${issued.token}`);
    });
  });
}
