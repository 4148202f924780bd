// Structured JSON logs, one object per line. Each line carries the request id of the HTTP request
// it belongs to (from the async context). Known secrets are masked before a line is written.

import type { LogLevel } from './config.js';
import { requestContext } from './request-context.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Adds strings that must never be written (current credentials). */
  addSecrets(values: readonly string[]): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go (default stdout). */
  write?: ((line: string) => void) | undefined;
  now?: (() => Date) | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const secrets = new Set<string>();
  const emit = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[options.level]) return;
    const requestId = requestContext.getStore()?.requestId;
    let line = JSON.stringify({
      time: now().toISOString(),
      level,
      msg,
      ...(requestId === undefined ? {} : { requestId }),
      ...fields,
    });
    for (const s of secrets) line = line.split(s).join('***');
    write(line);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    addSecrets(values) {
      for (const v of values) if (v.length >= 4) secrets.add(v);
    },
  };
}
