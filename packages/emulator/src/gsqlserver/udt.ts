// 4.1+ /gsql/v1/udt/tuples writes (reference §4.14): POST (JSON tuple definitions, or GSQL TYPEDEF
// text with ?gsql=true) and DELETE (?tupleName=a,b or /udt/tuples/{t}). They run as GSQL
// TYPEDEF TUPLE / DROP TUPLE, so the rules and messages are the GSQL ones.
import type { User } from '../auth/model.js';
import { runGsql } from '../gsql/exec.js';
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, type Json, parseJson } from '../json.js';
import type { EmulatorState } from '../state.js';
import { GsqlHttpError } from './common.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function body(req: EmuRequest): Json {
  const text = req.body.toString('utf8').trim();
  if (text === '') throw new GsqlHttpError(400, 'The request body is empty.');
  try {
    return parseJson(text);
  } catch (e) {
    throw new GsqlHttpError(400, `Invalid JSON payload: ${(e as Error).message}`);
  }
}

function ident(v: Json | undefined, what: string): string {
  if (typeof v !== 'string' || !IDENT.test(v))
    throw new GsqlHttpError(400, `Invalid ${what}: ${JSON.stringify(v ?? null)}.`);
  return v;
}

/** `{"Name":"t","TupleElements":[{"name":"a","AttributeType":"int","length"?:4}]}` → TYPEDEF text. */
function typedefText(t: Json): string {
  if (!isObject(t)) throw new GsqlHttpError(400, 'Each tuple must be an object {"Name", "TupleElements"}.');
  const name = ident(t['Name'] ?? t['name'], 'tuple name');
  const elements = t['TupleElements'] ?? t['fields'];
  if (!Array.isArray(elements) || elements.length === 0)
    throw new GsqlHttpError(400, `The tuple ${name} needs a non-empty "TupleElements" list.`);
  const fields = elements.map((e) => {
    if (!isObject(e)) throw new GsqlHttpError(400, `Each element of tuple ${name} must be an object.`);
    const field = ident(e['name'] ?? e['fieldName'], `field name of tuple ${name}`);
    const rawType = e['AttributeType'] ?? e['fieldType'];
    const type = isObject(rawType) ? rawType['Name'] : rawType;
    const typeName = ident(type, `type of field ${field}`).toUpperCase();
    const length = e['length'] ?? e['maxLength'] ?? e['size'];
    return typeof length === 'number' || typeof length === 'bigint'
      ? `${field} ${typeName}(${length})`
      : `${field} ${typeName}`;
  });
  return `TYPEDEF TUPLE<${fields.join(', ')}> ${name}`;
}

function run(state: EmulatorState, user: User, text: string): EmuResponse {
  const r = runGsql(state, user, text);
  if (r.returnCode !== 0) throw new GsqlHttpError(400, r.output);
  return jsonReply(200, { error: false, message: r.output });
}

/** POST/DELETE on `/udt/tuples[/{name}]`; `name` is the optional path segment. */
export function udtTuplesWrite(
  state: EmulatorState,
  req: EmuRequest,
  user: User,
  name: string | undefined,
): EmuResponse | undefined {
  if (req.method === 'POST' && name === undefined) {
    const b = body(req);
    if (param(req, 'gsql') === 'true') {
      const g = isObject(b) ? b['gsql'] : undefined;
      const list = Array.isArray(g) ? g : [g];
      if (!list.every((x) => typeof x === 'string' && /^\s*TYPEDEF\s+TUPLE\b/i.test(x)))
        throw new GsqlHttpError(
          400,
          'With gsql=true the body is {"gsql": "TYPEDEF TUPLE<…> name"} (or a list of them).',
        );
      return run(state, user, (list as string[]).join('\n'));
    }
    const tuples = isObject(b) ? b['tuples'] : undefined;
    if (!Array.isArray(tuples) || tuples.length === 0)
      throw new GsqlHttpError(400, 'The body must be {"tuples": [{"Name": …, "TupleElements": […]}]}.');
    return run(state, user, tuples.map(typedefText).join('\n'));
  }
  if (req.method === 'DELETE') {
    const names =
      name !== undefined ? [name] : (param(req, 'tupleName') ?? '').split(',').filter((x) => x !== '');
    if (names.length === 0)
      throw new GsqlHttpError(400, 'Name the tuples to drop: ?tupleName=a,b or /udt/tuples/{name}.');
    for (const n of names) ident(n, 'tuple name');
    return run(state, user, `DROP TUPLE ${names.join(', ')}`);
  }
  return undefined;
}
