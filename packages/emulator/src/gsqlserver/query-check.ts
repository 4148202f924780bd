// 4.x `POST /gsql/v1/internal/check/query?graph=g` with `{"code": "<query text>"}`: GSQL's semantic
// check without creating anything. The answer lists `errors` and `warnings`; a query that fails
// the check still answers 200 with `error: false` (pyTigerGraph's own tests read both lists from
// the dict it returns for valid and invalid text alike).
import { GsqlSyntaxError } from '../gsql/lexer.js';
import { jsonReply } from '../http/reply.js';
import { type EmuRequest, type EmuResponse, param } from '../http/types.js';
import { isObject, parseJson } from '../json.js';
import { checkQuery, parseQueryText } from '../query/compile.js';
import type { EmulatorState } from '../state.js';
import { GsqlHttpError } from './common.js';

function codeOf(req: EmuRequest): string {
  let body: unknown;
  try {
    body = parseJson(req.body.toString('utf8'));
  } catch {
    throw new GsqlHttpError(400, 'The request body is not valid JSON.');
  }
  const code = isObject(body) ? body['code'] : undefined;
  if (typeof code !== 'string') throw new GsqlHttpError(400, 'The request body needs a "code" string.');
  return code;
}

export function checkQuerySemantic(state: EmulatorState, req: EmuRequest): EmuResponse {
  const code = codeOf(req);
  const errors: { message: string; line?: number; column?: number }[] = [];
  try {
    const { def } = parseQueryText(code);
    const name = def.graph !== '' ? def.graph : param(req, 'graph');
    const g = name === undefined ? undefined : state.catalog.graphs.get(name);
    if (!g) throw new GsqlHttpError(400, `Graph ${name ?? ''} does not exist.`);
    checkQuery(state.catalog, g, { ...def, graph: g.name });
  } catch (e) {
    if (!(e instanceof GsqlSyntaxError)) throw e;
    errors.push({ message: e.message, line: e.line, column: e.column });
  }
  return jsonReply(200, { error: false, message: '', errors, warnings: [] });
}
