// Which edge endpoint a selection needs: the path goes as deep as the caller went (source →
// edge type → target type → target id → discriminator), reference §4.3.

import * as endpoints from '@tgraph/protocol/endpoints/elements';
import { ValidationError } from '@tgraph/protocol/errors';
import { discriminatorSegment, type EndpointDef, type PathValue } from '@tgraph/protocol/paths';
import { idText } from '../elements/ids.js';
import type { VertexIdInput } from '../elements/types.js';
import { formatDatetime } from '../elements/values.js';

/** Narrows an edge selection below its source vertex. */
export interface EdgeSelection<E extends string = string> {
  /** Edge type; omitted (or `_`) = any edge type. */
  edgeType?: E | '_' | undefined;
  /** Target vertex type (needs no edge type: `_` is sent). */
  targetType?: string | undefined;
  /** Target vertex id (needs `targetType`). */
  targetId?: VertexIdInput | undefined;
  /** Discriminator values of one multi-edge, in schema order (needs `targetId`). `Date` → DATETIME. */
  discriminator?: readonly (PathValue | Date)[] | undefined;
}

export interface EdgeRoute {
  target: EndpointDef;
  params: Record<string, PathValue>;
}

/** Picks the endpoint and its path parameters. */
export function edgeRoute(
  kind: 'get' | 'delete',
  sourceType: string,
  sourceId: VertexIdInput,
  sel: EdgeSelection,
): EdgeRoute {
  if (typeof sourceType !== 'string' || sourceType === '') {
    throw new ValidationError('sourceType must be a non-empty vertex type name', { field: 'sourceType' });
  }
  const params: Record<string, PathValue> = { sourceType, sourceId: idText(sourceId, 'sourceId') };
  const get = kind === 'get';
  if (sel.targetId !== undefined && sel.targetType === undefined) {
    throw new ValidationError('targetId needs targetType', { field: 'targetType' });
  }
  if (sel.discriminator !== undefined && sel.targetId === undefined) {
    throw new ValidationError('discriminator needs targetType and targetId', { field: 'targetId' });
  }
  if (sel.edgeType === undefined && sel.targetType === undefined) {
    return { target: get ? endpoints.edges : endpoints.deleteEdges, params };
  }
  params['edgeType'] = sel.edgeType ?? '_';
  if (sel.targetType === undefined)
    return { target: get ? endpoints.edgesOfType : endpoints.deleteEdgesOfType, params };
  params['targetType'] = sel.targetType;
  if (sel.targetId === undefined)
    return { target: get ? endpoints.edgesToType : endpoints.deleteEdgesToType, params };
  params['targetId'] = idText(sel.targetId, 'targetId');
  if (sel.discriminator === undefined)
    return { target: get ? endpoints.edgesToVertex : endpoints.deleteEdgesToVertex, params };
  if (sel.discriminator.length === 0) {
    throw new ValidationError('discriminator must list at least one value', { field: 'discriminator' });
  }
  params['discriminator'] = discriminatorSegment(
    sel.discriminator.map((v) => (v instanceof Date ? formatDatetime(v) : v)),
  );
  return { target: get ? endpoints.edgesByDiscriminator : endpoints.deleteEdgesByDiscriminator, params };
}
