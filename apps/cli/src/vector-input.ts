// Vectors typed on the command line or read from files, for `tgraph vectors`. A vector is a JSON
// list (`[0.1,-0.2,0.3]`) or comma-separated numbers (`0.1,-0.2,0.3`). Files are JSON/NDJSON
// (`[{"id", "vector", "attributes"?}]`, `[[id, vector]]` or `{id: vector}`) or CSV (`.csv`, or
// `--format csv`): one vertex per line, the id then the vector's numbers (`p1,0.1,-0.2,0.3`); a
// first line whose second field is not a number is a header. Bad input is a CliError naming the
// flag or the file line.
import { CliError, EXIT } from './exit-codes.js';
import { readJson, readText } from './input.js';

/** A query vector from `--vector`. */
export function parseVector(text: string, flag: string): number[] {
  const t = text.trim();
  let items: unknown[];
  let shown: string[];
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      items = Array.isArray(parsed) ? parsed : [parsed];
    } catch (error) {
      throw new CliError(
        `${flag} is not a JSON list (${(error as Error).message})`,
        EXIT.invalidInput,
        `e.g. ${flag} "[0.1,-0.2,0.3]"`,
      );
    }
    shown = items.map((x) => JSON.stringify(x) ?? String(x));
  } else {
    shown = t.split(',').map((x) => x.trim());
    items = shown.map((x) => (x === '' ? Number.NaN : Number(x)));
  }
  const bad = items.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (items.length === 0 || bad >= 0) {
    throw new CliError(
      `${flag} must be a list of numbers${bad >= 0 ? ` (item ${bad + 1} is '${shown[bad]}')` : ''}`,
      EXIT.invalidInput,
      `e.g. ${flag} 0.1,-0.2,0.3 or ${flag} "[0.1,-0.2,0.3]"`,
    );
  }
  return items as number[];
}

/** One row of a vectors file, as `upsertVectors` takes it. */
export interface FileRow {
  id: string;
  vector: number[];
  attributes?: Record<string, unknown>;
}

/** The rows of a JSON/NDJSON or CSV vectors file (`-` = stdin). */
export function readVectorFile(path: string, format: string | undefined, sep: string): FileRow[] {
  const kind = format ?? (/\.(csv|tsv|txt)$/i.test(path) ? 'csv' : 'json');
  if (kind === 'csv') return csvRows(readText(path), path, sep);
  if (kind !== 'json') {
    throw new CliError(`--format must be json or csv, got '${format}'`, EXIT.invalidInput);
  }
  return jsonRows(readJson(path), path);
}

function csvRows(text: string, path: string, sep: string): FileRow[] {
  const lines = text.split(/\r?\n/);
  const rows: FileRow[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = line.split(sep).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
    const [id, ...numbers] = fields;
    if (rows.length === 0 && i === 0 && Number.isNaN(Number(numbers[0]))) return; // header
    const vector = numbers.map(Number);
    const bad = numbers.findIndex((f) => f === '' || !Number.isFinite(Number(f)));
    if (!id || vector.length === 0 || bad >= 0) {
      throw new CliError(
        `${path} line ${i + 1}: expected an id then the vector's numbers separated by '${sep}'${bad >= 0 ? `, field ${bad + 2} is '${numbers[bad]}'` : ''}`,
        EXIT.invalidInput,
        `e.g. 1000000001${sep}0.1${sep}-0.2${sep}0.3`,
      );
    }
    rows.push({ id, vector });
  });
  return rows;
}

function jsonRows(data: unknown, path: string): FileRow[] {
  const fail = (where: string) =>
    new CliError(
      `${path}${where}: expected {"id": …, "vector": [numbers], "attributes"?: {…}}, [id, [numbers]] or {id: [numbers]}`,
      EXIT.invalidInput,
    );
  if (!Array.isArray(data)) {
    if (typeof data !== 'object' || data === null) throw fail('');
    return Object.entries(data).map(([id, vector]) => ({ id, vector: vector as number[] }));
  }
  return data.map((item: unknown, i) => {
    if (Array.isArray(item) && item.length >= 2) return { id: String(item[0]), vector: item[1] as number[] };
    if (typeof item === 'object' && item !== null && 'id' in item && 'vector' in item) {
      const o = item as { id: unknown; vector: number[]; attributes?: Record<string, unknown> };
      return { id: String(o.id), vector: o.vector, ...(o.attributes ? { attributes: o.attributes } : {}) };
    }
    throw fail(` item ${i + 1}`);
  });
}

/**
 * The SDK's checks name its arguments (`vector`, `k`, `rows[3].vector`): said again in the CLI's
 * words (the flag, or the file line).
 */
export function inFlags(error: unknown, flags: Record<string, string>, file?: string): unknown {
  const e = error as { name?: string; field?: unknown; message?: string };
  if (e?.name !== 'ValidationError' || typeof e.field !== 'string') return error;
  const row = /^rows\[(\d+)\]/.exec(e.message ?? '');
  if (row && file !== undefined) {
    const message = (e.message ?? '').replace(/^rows\[\d+\]\.?/, '');
    return new CliError(`${file} row ${Number(row[1]) + 1}: ${message.trim()}`, EXIT.invalidInput);
  }
  const flag = flags[e.field];
  if (flag === undefined) return error;
  return new CliError((e.message ?? '').replace(new RegExp(`^${e.field}\\b`), flag), EXIT.invalidInput);
}
