// Response builders: JSON (bigint-exact) and plain text with the headers TigerGraph's nginx adds.
import { stringifyJson } from '../json.js';
import type { EmuResponse } from './types.js';

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: stringifyJson(body) };
}

export function textReply(status: number, body: string, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body };
}
