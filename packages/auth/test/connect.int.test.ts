// Every credential style connects to 3.x and 4.x, with RESTPP authentication on and off.
import type { AuthProvider } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  chooseAuth,
  getToken,
  gsqlSecretAuth,
  jwtAuth,
  noAuth,
  passwordTokenAuth,
  secretTokenAuth,
  tokenAuth,
} from '../src/index.js';
import { connect, emulator, SECRET, SEED_PATH, SEED_QUERY } from './helpers/connect.js';

const PRESET_TOKEN = 'presettoken0000000000000000000ab';

type Style = { name: string; make: () => AuthProvider | Promise<AuthProvider>; gsql?: boolean };

for (const version of ['3.10', '4.2'] as const) {
  for (const auth of [true, false]) {
    describe(`TigerGraph ${version}, RESTPP auth ${auth ? 'on' : 'off'}`, async () => {
      const e = await emulator({
        version,
        auth,
        secrets: [{ secret: SECRET, alias: 'seed', graph: 'MyGraph' }],
        tokens: [{ token: PRESET_TOKEN, graph: 'MyGraph' }],
      });
      const jwt = async () => {
        const c = connect(e, basicAuth({ username: 'tigergraph', password: 'tigergraph' }));
        return (await getToken(c.ctx, SECRET, { setToken: false })).token;
      };
      const styles: Style[] = [
        {
          name: 'basicAuth',
          make: () => basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
          gsql: true,
        },
        { name: 'gsqlSecretAuth', make: () => gsqlSecretAuth(SECRET), gsql: true },
        {
          name: 'secretTokenAuth',
          make: () => secretTokenAuth({ secret: SECRET, lifetimeSeconds: 3600 }),
          gsql: true,
        },
        {
          name: 'passwordTokenAuth',
          make: () => passwordTokenAuth({ username: 'tigergraph', password: 'tigergraph' }),
          gsql: true,
        },
        { name: 'chooseAuth(gsqlSecret)', make: () => chooseAuth({ gsqlSecret: SECRET }), gsql: true },
        { name: 'tokenAuth (preset token)', make: () => tokenAuth(PRESET_TOKEN), gsql: version === '4.2' },
      ];
      if (version === '4.2' && auth)
        styles.push({
          name: 'jwtAuth (issued JWT)',
          make: async () => jwtAuth(await jwt(), { check: true }),
          gsql: true,
        });
      if (!auth) styles.push({ name: 'noAuth', make: () => noAuth() });

      for (const style of styles) {
        it(`${style.name} lists 5 Patients${style.gsql ? ' and reads the schema from the GSQL server' : ''}`, async () => {
          const c = connect(e, await style.make());
          const res = await c.restpp(SEED_PATH, SEED_QUERY);
          expect(res.status).toBe(200);
          const results = (res.data as { results: { v_type: string; attributes: { birth_year: number } }[] })
            .results;
          expect(results).toHaveLength(5);
          expect(
            results.every((v) => v.v_type === 'Patient' && typeof v.attributes.birth_year === 'number'),
          ).toBe(true);
          if (style.gsql) expect((await c.gsqlSchema()).status).toBe(200);
        });
      }

      it('with the line unknown, secretTokenAuth detects it and connects', async () => {
        const c = connect(e, secretTokenAuth({ secret: SECRET }), { line: null });
        expect((await c.restpp(SEED_PATH, SEED_QUERY)).status).toBe(200);
        expect((await c.gsqlSchema()).status).toBe(200);
      });
    });
  }
}
