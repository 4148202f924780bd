// The contact-tracing page. It opens on the graph's overview (counts and the largest infection
// cluster) and shows a patient's neighbourhood for a search, a click on a patient, or a link
// (`/?patient=1000000007`, `&to=1000000006` adds the chain to a second patient). The address bar
// follows what is shown, so Back and Forward work and any view can be shared.
import type { Core } from 'cytoscape';
import {
  clearDetails,
  type Neighbourhood,
  type Overview,
  type SimilarPatient,
  showOverview,
  showPatient,
  showSimilar,
} from './details.js';
import {
  COLORS,
  createGraph,
  draw,
  type GraphEdge,
  type GraphNode,
  layout,
  wireHover,
} from './graph-view.js';

interface Problem {
  detail: string;
}
type Drawable = { graph: { nodes: GraphNode[]; edges: GraphEdge[] } };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const idInput = $<HTMLInputElement>('patient-id');
const toInput = $<HTMLInputElement>('chain-to');

const cy: Core = createGraph($('graph'));
wireHover(cy);
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

/** Nothing of a previous view may stay on screen next to an error about another one. */
function clearView(): void {
  cy.elements().remove();
  clearDetails();
  delete document.body.dataset['drawn'];
}

async function overview(): Promise<void> {
  show('Loading the overview…');
  try {
    const o = await api<Overview & { largestCluster: Drawable | null }>('/api/overview');
    const source = o.largestCluster?.chain.at(-1);
    draw(cy, o.largestCluster?.graph.nodes ?? [], o.largestCluster?.graph.edges ?? [], `Patient:${source}`);
    showOverview(o);
    const chain = o.largestCluster?.chain.join(' → ');
    show(
      chain
        ? `Largest infection cluster: ${o.largestCluster?.patients.length} patients, longest chain ${chain}`
        : 'No infections recorded yet.',
    );
    document.body.dataset['drawn'] = 'overview';
  } catch (error) {
    clearView();
    show((error as Error).message, 'error');
  }
}

async function patient(id: string): Promise<void> {
  show(`Loading ${id}…`);
  try {
    const n = await api<Neighbourhood & Drawable>(`/api/patients/${encodeURIComponent(id)}`);
    draw(cy, n.graph.nodes, n.graph.edges, `Patient:${n.patient.id}`);
    showPatient(n);
    show(`Patient ${id}: ${n.graph.nodes.length} nodes, ${n.graph.edges.length} edges`);
    document.body.dataset['drawn'] = id;
    void similarTo(id);
  } catch (error) {
    clearView();
    show((error as Error).message, 'error');
  }
}

/** The patients whose profiles are nearest (TigerGraph vector search), under the details. */
async function similarTo(id: string): Promise<void> {
  try {
    const r = await api<{ similar: SimilarPatient[] }>(`/api/patients/${encodeURIComponent(id)}/similar?k=5`);
    if (document.body.dataset['drawn'] === id) showSimilar(r.similar, (other) => go({ patient: other }));
  } catch (error) {
    if (document.body.dataset['drawn'] === id) showSimilar((error as Error).message, () => {});
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
          data: { id: `chain:${a}->${b}`, source: a, target: b, type: 'INFECTED_BY', caption: 'infected by' },
          classes: 'chain',
        });
      } else existing.addClass('chain');
    }
    layout(cy, `Patient:${from}`);
    show(`Infection chain: ${chain.path.join(' → ')}`);
  } catch (error) {
    show((error as Error).message, 'error');
  }
}

/** Shows what the address names: a patient (and a chain), or the overview. */
async function fromAddress(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const id = params.get('patient')?.trim() ?? '';
  const to = params.get('to')?.trim() ?? '';
  idInput.value = id;
  toInput.value = to;
  if (id === '') return overview();
  await patient(id);
  if (to !== '' && document.body.dataset['drawn'] === id) await chainTo(id, to);
}

function go(params: Record<string, string>): void {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();
  history.pushState(null, '', search ? `/?${search}` : '/');
  void fromAddress();
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  go({ patient: idInput.value.trim() });
});
$('show-chain').addEventListener('click', () => {
  go({ patient: idInput.value.trim(), to: toInput.value.trim() });
});
$('overview').addEventListener('click', () => go({}));
cy.on('tap', 'node[type = "Patient"]', (event) => {
  go({ patient: String(event.target.data('label')) });
});
window.addEventListener('popstate', () => void fromAddress());
// Type-ahead: the first page of ids matching what was typed.
idInput.addEventListener('input', async () => {
  const q = idInput.value.trim();
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(q)) return;
  const page = await api<{ items: { id: string }[] }>(
    `/api/patients?q=${encodeURIComponent(q)}&select=patient_id&limit=10`,
  ).catch(() => ({ items: [] }));
  $('patient-ids').replaceChildren(
    ...page.items.map((p) => Object.assign(document.createElement('option'), { value: p.id })),
  );
});

void fromAddress();
