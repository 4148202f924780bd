// Turning command-line input into SDK arguments: `k=v` pairs, comma lists, JSON values and JSON /
// NDJSON files (or stdin as `-`). Bad input is a CliError with exit code 2 saying what to write.
import { readFileSync } from 'node:fs';
import { CliError, EXIT } from './exit-codes.js';

/** Commander collector for repeatable options (`--param a=1 --param b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `a,b , c` → ['a', 'b', 'c'] (for --select and --sort). */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** A whole number ≥ min, or a CliError naming the flag. */
export function int(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new CliError(
      `${flag} must be a whole number${min > 0 ? ` ≥ ${min}` : ''}, got '${value}'`,
      EXIT.invalidInput,
    );
  }
  return n;
}

/**
 * A value typed on the command line: JSON when it parses as JSON (numbers, true/false, null,
 * arrays, objects, "quoted strings"), otherwise the text itself.
 */
export function value(text: string): unknown {
  const t = text.trim();
  if (/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null|\[.*\]|\{.*\}|".*")$/s.test(t)) {
    try {
      const parsed: unknown = JSON.parse(t);
      // Integers beyond 2^53 stay exact as bigint.
      if (typeof parsed === 'number' && Number.isInteger(parsed) && !Number.isSafeInteger(parsed))
        return BigInt(t);
      return parsed;
    } catch {
      return text;
    }
  }
  return text;
}

/** `k=v` pairs into an object; repeated keys collect into arrays (`--param s=a --param s=b`). */
export function pairs(
  items: readonly string[] | undefined,
  flag: string,
  typed = true,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0)
      throw new CliError(
        `${flag} takes key=value, got '${item}'`,
        EXIT.invalidInput,
        `e.g. ${flag} name=value`,
      );
    const key = item.slice(0, eq).trim();
    const v = typed ? value(item.slice(eq + 1)) : item.slice(eq + 1);
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else out[key] = v;
  }
  return out;
}

/** Text of a file, or of stdin when the path is `-`. */
export function readText(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read ${path === '-' ? 'stdin' : path} (${code ?? (error as Error).message})`,
      code === 'ENOENT' ? EXIT.notFound : EXIT.invalidInput,
    );
  }
}

/** A JSON document, or NDJSON (one JSON value per line → an array). */
export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (first) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      return lines.map((line, i) => {
        try {
          return JSON.parse(line);
        } catch (error) {
          throw new CliError(
            `${path} line ${i + 1} is not JSON (${(error as Error).message})`,
            EXIT.invalidInput,
          );
        }
      });
    }
    throw new CliError(
      `${path === '-' ? 'stdin' : path} is not JSON (${(first as Error).message})`,
      EXIT.invalidInput,
    );
  }
}
