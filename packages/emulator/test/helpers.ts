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

let installed = 0;

/**
 * CREATE + INSTALL a query (4.x statements endpoint), then run it on RESTPP (GET, `qs` as the query
 * string): the TigerGraph way for what interpreted mode refuses.
 */
export async function installAndRun(
  e: RunningEmulator,
  graph: string,
  params: string,
  body: string,
  qs = '',
): Promise<Reply> {
  const name = `installed_${++installed}`;
  const made = await gsqlStatements(
    e,
    `USE GRAPH ${graph}\nCREATE QUERY ${name}(${params}) FOR GRAPH ${graph} {\n${body}\n}\nINSTALL QUERY ${name}`,
  );
  if (!made.text.includes('Query installation finished')) throw new Error(made.text);
  return http(`${e.restppUrl}/query/${graph}/${name}${qs ? `?${qs}` : ''}`);
}
