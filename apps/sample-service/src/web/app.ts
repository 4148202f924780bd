// The contact-tracing page: calls the service's API and draws the neighbourhood with cytoscape.
// The infection chain (infectors back to the source, or the path to a second patient) is red.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';

interface GraphNode {
  id: string;
  type: string;
  label: string;
  role: string;
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  chain: boolean;
}
interface Neighbourhood {
  patient: { id: string; sex: string; birthYear: number; confirmedDate: string };
  infectedBy: { id: string }[];
  infected: { id: string }[];
  homeCity: { name: string } | null;
  visited: { name: string }[];
  infectionCase: { name: string } | null;
  chain: string[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
}
interface Problem {
  detail: string;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');

const COLORS: Record<string, string> = {
  focus: '#1f5fbf',
  infector: '#e08a1e',
  infected: '#8a5cc2',
  chain: '#c62828',
  city: '#2e7d32',
  case: '#6d6d6d',
};

const cy: Core = cytoscape({
  container: $('graph'),
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': 'data(color)',
        'font-size': 10,
        'text-valign': 'bottom',
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
        label: 'data(type)',
        'font-size': 7,
      },
    },
    { selector: 'edge.chain', style: { width: 4, 'line-color': '#c62828', 'target-arrow-color': '#c62828' } },
    { selector: 'node.chain', style: { 'border-width': 3, 'border-color': '#c62828' } },
  ],
});
// Exposed for the end-to-end test, which reads the drawn model.
(window as unknown as { cy: Core }).cy = cy;

function show(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.dataset['kind'] = kind;
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as T | Problem;
  if (!response.ok) throw new Error((body as Problem).detail ?? `HTTP ${response.status}`);
  return body as T;
}

function draw(n: Neighbourhood): void {
  const elements: ElementDefinition[] = [
    ...n.graph.nodes.map((node) => ({
      group: 'nodes' as const,
      data: { ...node, color: COLORS[node.role] ?? '#999' },
      classes: node.role === 'chain' || node.role === 'focus' ? 'chain' : '',
    })),
    ...n.graph.edges.map((edge) => ({
      group: 'edges' as const,
      data: { ...edge },
      classes: edge.chain ? 'chain' : '',
    })),
  ];
  cy.elements().remove();
  cy.add(elements);
  cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 }).run();
  cy.fit(undefined, 30);
  const list = (items: { id?: string; name?: string }[]) =>
    items.map((i) => i.name ?? i.id).join(', ') || '—';
  const details = $('details');
  details.replaceChildren();
  const h = document.createElement('h2');
  h.textContent = `Patient ${n.patient.id}`;
  const ul = document.createElement('ul');
  for (const [k, v] of [
    ['Sex / born', `${n.patient.sex || '?'} / ${n.patient.birthYear || '?'}`],
    ['Confirmed', n.patient.confirmedDate.slice(0, 10)],
    ['Infected by', list(n.infectedBy)],
    ['Infected', list(n.infected)],
    ['Home city', n.homeCity?.name ?? '—'],
    ['Travelled to', list(n.visited)],
    ['Case', n.infectionCase?.name ?? '—'],
    ['Chain to source', n.chain.join(' → ') || '—'],
  ] as const) {
    const li = document.createElement('li');
    li.textContent = `${k}: ${v}`;
    ul.append(li);
  }
  details.append(h, ul);
}

async function search(id: string): Promise<void> {
  show(`Loading ${id}…`);
  try {
    const n = await api<Neighbourhood>(`/api/patients/${encodeURIComponent(id)}`);
    draw(n);
    show(`Patient ${id}: ${n.graph.nodes.length} nodes, ${n.graph.edges.length} edges`);
    document.body.dataset['drawn'] = id;
  } catch (error) {
    show((error as Error).message, 'error');
  }
}

async function chainTo(from: string, to: string): Promise<void> {
  try {
    const chain = await api<{ path: string[]; edges: { from: string; to: string }[] }>(
      `/api/chain?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    cy.elements().removeClass('chain');
    // Nodes first (the chain may reach patients outside the drawn neighbourhood), then the links.
    for (const id of chain.path) {
      const key = `Patient:${id}`;
      if (cy.getElementById(key).empty()) {
        cy.add({
          group: 'nodes',
          data: { id: key, label: id, type: 'Patient', role: 'chain', color: COLORS['chain'] },
        });
      }
      cy.getElementById(key).addClass('chain');
    }
    // Each link in TigerGraph's direction (infected → infector).
    for (const link of chain.edges) {
      const a = `Patient:${link.from}`;
      const b = `Patient:${link.to}`;
      const existing = cy.edges().filter((e) => e.source().id() === a && e.target().id() === b);
      if (existing.empty()) {
        cy.add({
          group: 'edges',
          data: { id: `chain:${a}->${b}`, source: a, target: b, type: 'INFECTED_BY' },
          classes: 'chain',
        });
      } else existing.addClass('chain');
    }
    cy.layout({ name: 'cose', animate: false, randomize: false }).run();
    show(`Infection chain: ${chain.path.join(' → ')}`);
  } catch (error) {
    show((error as Error).message, 'error');
  }
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void search($<HTMLInputElement>('patient-id').value.trim());
});
$('show-chain').addEventListener('click', () => {
  void chainTo($<HTMLInputElement>('patient-id').value.trim(), $<HTMLInputElement>('chain-to').value.trim());
});
// Type-ahead: the first page of ids matching what was typed.
$('patient-id').addEventListener('input', async (event) => {
  const q = (event.target as HTMLInputElement).value.trim();
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(q)) return;
  const page = await api<{ items: { id: string }[] }>(
    `/api/patients?q=${encodeURIComponent(q)}&select=patient_id&limit=10`,
  ).catch(() => ({ items: [] }));
  $('patient-ids').replaceChildren(
    ...page.items.map((p) => Object.assign(document.createElement('option'), { value: p.id })),
  );
});
