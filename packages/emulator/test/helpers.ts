// Test helpers: start emulators that stop after the file, and small fetch wrappers.
import { afterAll } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../src/index.js';

const running: RunningEmulator[] = [];

afterAll(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const e = await startEmulator(options);
  running.push(e);
  return e;
}

export const basic = (user = 'tigergraph', password = 'tigergraph') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function http(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Runs GSQL through the 3.x shell endpoint (quote_plus body, like pyTigerGraph) and returns the text. */
export async function gsqlFile(e: RunningEmulator, text: string, auth = basic()): Promise<Reply> {
  const body = encodeURIComponent(text).replace(/%20/g, '+');
  return http(`${e.gsUrl}/gsqlserver/gsql/file`, { method: 'POST', headers: { Authorization: auth }, body });
}

/** Runs GSQL through the 4.x statements endpoint. */
export async function gsqlStatements(e: RunningEmulator, text: string, auth = basic()): Promise<Reply> {
  return http(`${e.gsUrl}/gsql/v1/statements`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'text/plain' },
    body: text,
  });
}

export const VERSION_BLOCK = { edition: 'enterprise', api: 'v2', schema: 0 };
