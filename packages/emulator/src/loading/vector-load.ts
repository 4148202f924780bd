// `LOAD f TO VECTOR ATTRIBUTE emb ON VERTEX T VALUES ($0, SPLIT($1, ",")) USING SEPARATOR="|"` (4.2,
// ecosys VectorSearch.md): the first value is the vertex id, the second the elements. A line whose
// element count is not the attribute's DIMENSION, or with an element that is not a number, is an
// invalid attribute of the vertex type (reported with the type's statistics; a good vector is not
// counted as a second valid object); the vertex is created when absent, as every loading upsert does.
import type { Cursor } from '../gsql/parser-base.js';
import type { Catalog, Graph } from '../store/catalog.js';
import { vertexTypeIn } from '../store/catalog.js';
import { newVertex } from '../store/data.js';
import { setVector, vectorAttr } from '../store/vectors.js';
import type { CompiledTarget, checkExpr } from './compile.js';
import type { LoadTarget } from './job-ast.js';
import { MAX_SAMPLES } from './stats.js';
import { evalExpr, str } from './token-eval.js';
import { canonicalKey, own } from './values.js';

/** After `TO`: `VECTOR ATTRIBUTE name ON VERTEX` (the type name follows); undefined when not a vector target. */
export function vectorTargetHead(c: Cursor): string | undefined {
  if (!c.isKw('VECTOR')) return undefined;
  c.next();
  c.expectKw('ATTRIBUTE');
  const name = c.ident();
  c.expectKw('ON');
  c.expectKw('VERTEX');
  return name;
}

/** Checks a vector LOAD target at CREATE time and returns the function that applies a line. */
export function compileVectorTarget(
  cat: Catalog,
  g: Graph,
  target: LoadTarget,
  hasHeader: boolean,
  where: string,
  /** compile.ts's LoadingError and token-expression check (passed in: compile.ts imports this file). */
  helpers: { error: (msg: string) => Error; checkExpr: typeof checkExpr },
): CompiledTarget {
  const fail = (why: string) => helpers.error(`Semantic Check Fails: ${where}: ${why}`);
  const t = vertexTypeIn(cat, g, target.type);
  if (!t) throw fail(`the vertex type ${target.type} does not exist in graph ${g.name}.`);
  const def = vectorAttr(t, target.vectorAttr ?? '');
  if (!def) throw fail(`the vector attribute ${target.vectorAttr} does not exist in vertex type ${t.name}.`);
  const [idExpr, valuesExpr] = target.values.map((v) => v.expr);
  if (target.values.length !== 2 || !idExpr || !valuesExpr)
    throw fail(
      `a vector attribute is loaded with two values, the vertex id and the elements, e.g. VALUES ($0, SPLIT($1, ",")); ${target.values.length} were given.`,
    );
  for (const v of target.values) helpers.checkExpr(v.expr, hasHeader, cat.udts, where);
  return {
    kind: 'vertex',
    typeName: t.name,
    where: target.where,
    apply(env, s, line) {
      const id = canonicalKey(t, str(evalExpr(idExpr, env, cat.udts)));
      if (id === undefined || id === '') {
        s.invalidPrimaryId++;
        return;
      }
      const raw = evalExpr(valuesExpr, env, cat.udts);
      const items = (Array.isArray(raw) ? raw : str(raw).split(',')).map((x) => x.trim());
      const elements = items.map(Number);
      if (
        elements.length !== def.dimension ||
        items.some((x) => x === '') ||
        elements.some((x) => !Number.isFinite(x))
      ) {
        s.invalidAttribute++;
        if (s.invalidAttributeLinesData.length < MAX_SAMPLES) s.invalidAttributeLinesData.push(own(line));
        return;
      }
      if (t.permanentlyDeleted.has(id)) return;
      const rec = t.data.get(id) ?? newVertex(cat, t, id);
      if (!t.data.has(id)) t.data.set(id, rec);
      setVector(t, rec, def.name, elements.map(Math.fround), env.now());
    },
  };
}
