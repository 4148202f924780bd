// The drawing: cytoscape with the page's colours and shapes, friendly edge labels that run along
// their edge, and a last pass that hides any label still lying on a node (it shows on hover), so
// labels never cover what they describe.
import cytoscape, { type BoundingBox12, type Core, type ElementDefinition } from 'cytoscape';

export interface GraphNode {
  id: string;
  type: string;
  label: string;
  role: string;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  chain: boolean;
}

export const COLORS: Record<string, string> = {
  focus: '#1f5fbf',
  infector: '#e08a1e',
  infected: '#8a5cc2',
  chain: '#c62828',
  city: '#2e7d32',
  case: '#6d6d6d',
  member: '#7d8fa8',
};

/** Edge types in words (the arrow points from the patient to what the label names). */
const EDGE_LABELS: Record<string, string> = {
  INFECTED_BY: 'infected by',
  PATIENT_FROM_CITY: 'lives in',
  TRAVELED: 'travelled to',
  BELONGS_TO_CASE: 'case',
};

export function createGraph(container: HTMLElement): Core {
  return cytoscape({
    container,
    minZoom: 0.3,
    maxZoom: 2.5,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'background-color': 'data(color)',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
        },
      },
      { selector: 'node[type = "City"]', style: { shape: 'round-rectangle' } },
      { selector: 'node[type = "InfectionCase"]', style: { shape: 'diamond' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9aa3b5',
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#9aa3b5',
          'curve-style': 'bezier',
          label: 'data(caption)',
          'font-size': 9,
          color: '#4a5366',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
        },
      },
      {
        selector: 'edge.chain',
        style: { width: 4, 'line-color': '#c62828', 'target-arrow-color': '#c62828' },
      },
      { selector: 'node.chain', style: { 'border-width': 3, 'border-color': '#c62828' } },
      { selector: 'edge.label-hidden', style: { label: '' } },
      { selector: 'edge.label-hidden.hover', style: { label: 'data(caption)', 'z-index': 10 } },
    ],
  });
}

export const nodeElement = (node: GraphNode): ElementDefinition => ({
  group: 'nodes',
  data: { ...node, color: COLORS[node.role] ?? '#999' },
  classes: node.role === 'chain' || node.role === 'focus' ? 'chain' : '',
});

export const edgeElement = (edge: GraphEdge): ElementDefinition => ({
  group: 'edges',
  data: { ...edge, caption: EDGE_LABELS[edge.type] ?? edge.type.toLowerCase() },
  classes: edge.chain ? 'chain' : '',
});

const overlaps = (a: BoundingBox12, b: BoundingBox12) =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Bounding box of an edge's own label (not its line). */
export const edgeLabelBox = (edge: cytoscape.EdgeSingular): BoundingBox12 =>
  edge.boundingBox({ includeEdges: false, includeNodes: false, includeLabels: true });

/** Hides the labels that lie on a node or its label; they show while the pointer is on the edge. */
export function hideCoveringLabels(cy: Core): void {
  // Measure every label as drawn: a label hidden by an earlier pass has no box to measure.
  cy.edges().removeClass('label-hidden');
  const nodeBoxes = cy.nodes().map((n) => n.boundingBox({ includeLabels: true }));
  const covering = cy.edges().filter((edge) => nodeBoxes.some((n) => overlaps(edgeLabelBox(edge), n)));
  covering.addClass('label-hidden');
}

/**
 * Deterministic layouts with room for edge labels: a tree by hops from the searched patient, or
 * from the source of the infections, so every edge runs between neighbouring levels and none
 * crosses a node. Then fit, not zoomed past legibility, and hide labels that still cover a node.
 */
export function layout(cy: Core, root: string): void {
  cy.layout({
    name: 'breadthfirst',
    // cytoscape takes a collection here too (its typings only list selector strings).
    roots: cy.getElementById(root) as unknown as string[],
    directed: false,
    spacingFactor: 1.15,
    avoidOverlap: true,
    animate: false,
  }).run();
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  hideCoveringLabels(cy);
}

export function draw(cy: Core, nodes: GraphNode[], edges: GraphEdge[], root: string): void {
  cy.elements().remove();
  cy.add([...nodes.map(nodeElement), ...edges.map(edgeElement)]);
  layout(cy, root);
}

export function wireHover(cy: Core): void {
  cy.on('mouseover', 'edge', (e) => {
    e.target.addClass('hover');
  });
  cy.on('mouseout', 'edge', (e) => {
    e.target.removeClass('hover');
  });
}
