// Reading what `PRINT S WITH VECTOR` prints: each vertex as `{v_id, v_type, attributes,
// Embeddings: {<vector attribute>: [numbers]}}` (ecosys tutorials/vector/q1a.out).
import { ResponseShapeError } from '@tgraph/protocol/errors';
import * as z from 'zod/mini';

/** One printed vertex, with its vectors when the PRINT had `WITH VECTOR`. */
export const printedVertexSchema = z.looseObject({
  v_id: z.string(),
  v_type: z.string(),
  attributes: z.optional(z.record(z.string(), z.unknown())),
  Embeddings: z.optional(z.record(z.string(), z.array(z.number()))),
});

export type PrintedVertex = z.infer<typeof printedVertexSchema>;

/** The vertex set printed under `key` in one of the query's result objects. */
export function printedSet(
  results: readonly Record<string, unknown>[],
  key: string,
  what: string,
): PrintedVertex[] {
  const holder = results.find((r) => key in r);
  const parsed = z.array(printedVertexSchema).safeParse(holder?.[key] ?? []);
  if (!parsed.success) {
    throw new ResponseShapeError(
      `${what}: the query printed no vertex set '${key}' of {v_id, v_type, attributes, Embeddings}`,
      { code: 'TG-SHAPE' },
    );
  }
  return parsed.data;
}
