// The side panel: a titled list of facts, for a patient or for the graph's overview.

export interface Neighbourhood {
  patient: { id: string; sex: string; birthYear: number; confirmedDate: string };
  infectedBy: { id: string }[];
  infected: { id: string }[];
  homeCity: { name: string } | null;
  visited: { name: string }[];
  infectionCase: { name: string } | null;
  chain: string[];
}

export interface Overview {
  vertices: Record<string, number>;
  edges: Record<string, number>;
  clusters: number;
  largestCluster: { patients: string[]; chain: string[] } | null;
}

const details = () => document.getElementById('details') as HTMLElement;

function render(title: string, facts: readonly (readonly [string, string])[], note?: string): void {
  const h = document.createElement('h2');
  h.textContent = title;
  const ul = document.createElement('ul');
  for (const [k, v] of facts) {
    const li = document.createElement('li');
    li.textContent = `${k}: ${v}`;
    ul.append(li);
  }
  const parts: HTMLElement[] = [h, ul];
  if (note) parts.push(Object.assign(document.createElement('p'), { className: 'note', textContent: note }));
  details().replaceChildren(...parts);
}

export function clearDetails(): void {
  details().replaceChildren();
}

export function showPatient(n: Neighbourhood): void {
  const list = (items: { id?: string; name?: string }[]) =>
    items.map((i) => i.name ?? i.id).join(', ') || '—';
  render(`Patient ${n.patient.id}`, [
    ['Sex / born', `${n.patient.sex || '?'} / ${n.patient.birthYear || '?'}`],
    ['Confirmed', n.patient.confirmedDate.slice(0, 10)],
    ['Infected by', list(n.infectedBy)],
    ['Infected', list(n.infected)],
    ['Home city', n.homeCity?.name ?? '—'],
    ['Travelled to', list(n.visited)],
    ['Case', n.infectionCase?.name ?? '—'],
    ['Chain to source', n.chain.join(' → ') || '—'],
  ]);
}

const WORDS: Record<string, string> = {
  Patient: 'Patients',
  City: 'Cities',
  Province: 'Provinces',
  InfectionCase: 'Infection cases',
  INFECTED_BY: 'Infections (infected by)',
  PATIENT_FROM_CITY: 'Home cities (lives in)',
  PATIENT_FROM_PROVINCE: 'Home provinces',
  CITY_IN_PROVINCE: 'Cities in provinces',
  BELONGS_TO_CASE: 'Case memberships',
  TRAVELED: 'Trips (travelled to)',
};

export function showOverview(o: Overview): void {
  const counts = (from: Record<string, number>) =>
    Object.entries(from).map(([type, n]) => [WORDS[type] ?? type, n.toLocaleString('en')] as const);
  const largest = o.largestCluster;
  render(
    'The graph',
    [
      ...counts(o.vertices),
      ...counts(o.edges),
      ['Infection clusters', String(o.clusters)],
      ...(largest
        ? ([
            ['Largest cluster', `${largest.patients.length} patients`],
            ['Its longest chain', largest.chain.join(' → ')],
          ] as const)
        : []),
    ],
    'Drawn: the largest infection cluster, its longest chain in red. Click a patient for their neighbourhood.',
  );
}

export interface SimilarPatient {
  id: string;
  distance: number;
  sex: string;
  birthYear: number;
  infectionCase: string;
}

/** Appends "Patients with a similar profile" (a vector search) under the patient's facts. */
export function showSimilar(similar: readonly SimilarPatient[] | string, open: (id: string) => void): void {
  const section = document.createElement('section');
  section.id = 'similar';
  const h = Object.assign(document.createElement('h3'), { textContent: 'Patients with a similar profile' });
  if (typeof similar === 'string') {
    section.append(
      h,
      Object.assign(document.createElement('p'), { className: 'note', textContent: similar }),
    );
  } else {
    const ol = document.createElement('ol');
    for (const s of similar) {
      const a = Object.assign(document.createElement('a'), {
        href: `/?patient=${encodeURIComponent(s.id)}`,
        textContent: s.id,
      });
      a.addEventListener('click', (event) => {
        event.preventDefault();
        open(s.id);
      });
      const li = document.createElement('li');
      li.dataset['distance'] = String(s.distance);
      li.append(
        a,
        ` — ${s.sex || '?'}, born ${s.birthYear || '?'}, ${s.infectionCase || '?'} (distance ${s.distance.toFixed(3)})`,
      );
      ol.append(li);
    }
    section.append(h, ol);
  }
  details().querySelector('#similar')?.remove();
  details().append(section);
}
