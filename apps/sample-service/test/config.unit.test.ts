// Configuration and credential sources: bad variables are named at start, mounted files are
// read on every call (so rotation is picked up), and descriptions never carry the values.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { credentialSettingsFromEnv, credentialSource } from '../src/credentials.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readConfig', () => {
  it('defaults to the embedded emulator on 127.0.0.1:8080', () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      tigergraph: undefined,
      graph: 'MyGraph',
      requestTimeoutMs: 15_000,
    });
  });

  it('uses TG_HOST and friends when given', () => {
    const c = readConfig({
      TG_HOST: 'https://tg.example.com',
      TG_GRAPH: 'Covid',
      TG_VERSION: '3.10.1',
      TG_RESTPP_PORT: '9000',
    });
    expect(c.tigergraph).toEqual({
      host: 'https://tg.example.com',
      graph: 'Covid',
      version: '3.10.1',
      restppPort: 9000,
    });
  });

  it('names every bad variable', () => {
    expect(() => readConfig({ PORT: 'eighty', TG_HOST: 'not a url', LOG_LEVEL: 'loud' })).toThrow(
      /Invalid configuration:\n {2}PORT: .*\n {2}TG_HOST: .*\n {2}LOG_LEVEL: /,
    );
  });
});

describe('credentialSource', () => {
  it('reads a mounted secret file on every call and never describes the value', async () => {
    const file = join(dir, 'secret');
    await writeFile(file, 'first-secret-value\n');
    const source = credentialSource(credentialSettingsFromEnv({ TG_SECRET_FILE: file }));
    expect(await source.read()).toEqual({ kind: 'gsqlSecret', gsqlSecret: 'first-secret-value' });
    await writeFile(file, 'second-secret-value');
    expect(await source.read()).toEqual({ kind: 'gsqlSecret', gsqlSecret: 'second-secret-value' });
    expect(source.describe()).toBe(`GSQL secret from file ${file}`);
  });

  it('prefers a secret, then a token, then username and password', async () => {
    expect(await credentialSource({ secret: 's', token: 't' }).read()).toEqual({
      kind: 'gsqlSecret',
      gsqlSecret: 's',
    });
    expect(await credentialSource({ token: 't', username: 'u', password: 'p' }).read()).toEqual({
      kind: 'apiToken',
      apiToken: 't',
    });
    const pw = credentialSource(credentialSettingsFromEnv({ TG_USERNAME: 'svc', TG_PASSWORD: 'hunter22' }));
    expect(await pw.read()).toEqual({ kind: 'password', username: 'svc', password: 'hunter22' });
    expect(pw.describe()).toBe('user svc with password from TG_PASSWORD');
    expect(await credentialSource({}).read()).toEqual({ kind: 'none' });
  });

  it('says what is wrong with a missing or empty file', async () => {
    await expect(credentialSource({ secretFile: join(dir, 'nope') }).read()).rejects.toThrow(
      /TG_SECRET_FILE: cannot read .*nope \(ENOENT\)/,
    );
    const empty = join(dir, 'empty');
    await writeFile(empty, '\n');
    await expect(credentialSource({ tokenFile: empty }).read()).rejects.toThrow(
      `TG_TOKEN_FILE: ${empty} is empty`,
    );
    expect(() => credentialSource({ username: 'svc' })).toThrow(
      'TG_USERNAME is set without TG_PASSWORD or TG_PASSWORD_FILE',
    );
  });
});
