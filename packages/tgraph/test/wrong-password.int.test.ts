// A wrong password costs one login attempt per call (TigerGraph locks a user after 5 failures), and
// the error talks about the username and password the user gave, not about tokens.
import { type RunningEmulator, startEmulator } from '@tgraph/emulator';
import { AuthError } from '@tgraph/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/entry-node.js';

const WRONG = `Basic ${btoa('tigergraph:wrong-password')}`;

describe('a wrong password on 4.x', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: '4.2', auth: true, seed: 'covid' });
  });
  afterAll(async () => {
    await emu.stop();
  });

  /** Requests the emulator rejected that carried the wrong password. */
  const failedLogins = (from: number) =>
    emu.requests.slice(from).filter((r) => r.headers['authorization'] === WRONG && r.status >= 400);

  it('costs one failed login per call, on RESTPP and on the GSQL server', async () => {
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      username: 'tigergraph',
      password: 'wrong-password',
    });
    try {
      for (const call of [() => tg.vertices.count('Patient'), () => tg.gsql('SHOW GRAPH *')]) {
        const start = emu.requests.length;
        const error = await call().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AuthError);
        expect(failedLogins(start)).toHaveLength(1);
      }
    } finally {
      await tg.close();
    }
  });

  it('says what to check without mentioning tokens, in well-formed sentences', async () => {
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      username: 'tigergraph',
      password: 'wrong-password',
    });
    try {
      const error = (await tg.vertices.count('Patient').catch((e: unknown) => e)) as AuthError;
      expect(error).toBeInstanceOf(AuthError);
      expect(error.message).toMatch(/username.*password/i);
      expect(error.message).not.toMatch(/token/i);
      expect(error.message).not.toMatch(/\.\./);
      expect(error.message).not.toContain('wrong-password');
    } finally {
      await tg.close();
    }
  });

  it('a right password still works', async () => {
    const tg = createClient({
      host: emu.gsUrl,
      graph: 'MyGraph',
      username: 'tigergraph',
      password: 'tigergraph',
    });
    try {
      expect(await tg.vertices.count('Patient')).toBeGreaterThan(0);
    } finally {
      await tg.close();
    }
  });
});
