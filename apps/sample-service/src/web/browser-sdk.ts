// TigerGraph from the browser: this bundle includes `tgraph` resolved with the `browser` export
// condition (the browser's fetch adapter) and calls TigerGraph directly over CORS. On the
// embedded emulator the service hands the page a demo token; elsewhere the person connects with
// their own URL and token, which stay in the page.
import { createClient, type TigerGraphClient } from 'tgraph';

interface Connection {
  host: string;
  graph: string;
  version?: string;
  apiToken: string;
}

const PAGE = 10;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
let lastId: string | undefined;

function say(message: string, state: 'connecting' | 'ready' | 'error'): void {
  status.textContent = message;
  status.dataset['kind'] = state === 'error' ? 'error' : 'info';
  document.body.dataset['status'] = state;
}

const cell = (text: string) => Object.assign(document.createElement('td'), { textContent: text });

/** The next page, by keyset on the id (RESTPP filter), one extra row telling whether more exist. */
async function morePatients(tg: TigerGraphClient): Promise<void> {
  const rows = await tg.vertices.get('Patient', {
    select: ['sex', 'birth_year', 'infection_case', 'confirmed_date'],
    sort: ['patient_id'],
    limit: PAGE + 1,
    ...(lastId === undefined ? {} : { filter: [`patient_id>"${lastId}"`] }),
  });
  const body = $('patients').querySelector('tbody') as HTMLTableSectionElement;
  for (const row of rows.slice(0, PAGE)) {
    const a = row.attributes as Record<string, unknown>;
    const tr = document.createElement('tr');
    tr.append(
      cell(row.v_id),
      cell(String(a['sex'] || '—')),
      cell(String(a['birth_year'] || '—')),
      cell(String(a['infection_case'] || '—')),
      cell(String(a['confirmed_date'] ?? '').slice(0, 10)),
    );
    body.append(tr);
    lastId = row.v_id;
  }
  $('more').hidden = rows.length <= PAGE;
}

async function trace(tg: TigerGraphClient, id: string): Promise<void> {
  const out = $('chain');
  out.textContent = `Tracing ${id}…`;
  try {
    const [result] = await tg.queries.run<[{ chain: string[] }]>(
      'infection_chain',
      { p: id },
      { method: 'GET' },
    );
    const chain = result?.chain ?? [];
    out.textContent = chain.length
      ? `${id} was infected by ${chain.join(', who was infected by ')}.`
      : `${id} has no recorded infector: a source, as far as the graph knows.`;
  } catch (error) {
    out.textContent = `TigerGraph could not trace ${id}: ${(error as Error).message}`;
  }
}

function showCode(c: Connection): void {
  $('code').textContent = [
    "import { createClient } from 'tgraph';",
    '',
    `const tg = createClient({ host: '${c.host}', graph: '${c.graph}', apiToken: token });`,
    "await tg.vertices.count('Patient');",
    "await tg.vertices.get('Patient', { select: ['sex', 'birth_year', 'infection_case', 'confirmed_date'], sort: ['patient_id'], limit: 10 });",
    "await tg.queries.run('infection_chain', { p: '1000000007' }, { method: 'GET' });",
  ].join('\n');
}

async function open(c: Connection): Promise<void> {
  say(`Connecting to ${c.host}…`, 'connecting');
  const tg = createClient({
    host: c.host,
    graph: c.graph,
    apiToken: c.apiToken,
    ...(c.version ? { version: c.version } : {}),
  });
  const count = await tg.vertices.count('Patient');
  $('patient-count').textContent = `${count.toLocaleString('en')} patients in graph ${c.graph}.`;
  lastId = undefined;
  ($('patients').querySelector('tbody') as HTMLElement).replaceChildren();
  await morePatients(tg);
  showCode(c);
  $('more').onclick = () => void morePatients(tg);
  $('chain-form').onsubmit = (event) => {
    event.preventDefault();
    void trace(tg, $<HTMLInputElement>('chain-patient').value.trim());
  };
  $('connect').hidden = true;
  $('workspace').hidden = false;
  say(
    `Connected to graph ${c.graph} at ${c.host}${c.version ? ` (TigerGraph ${c.version})` : ''}, from the ${tg.runtime}.`,
    'ready',
  );
}

function askForConnection(reason: string): void {
  say(reason, 'error');
  $('connect').hidden = false;
  $('connect').onsubmit = (event) => {
    event.preventDefault();
    const connection = {
      host: $<HTMLInputElement>('tg-host').value.trim(),
      graph: $<HTMLInputElement>('tg-graph').value.trim(),
      apiToken: $<HTMLInputElement>('tg-token').value,
    };
    open(connection).catch((error: unknown) =>
      askForConnection(`Could not connect: ${(error as Error).message}`),
    );
  };
}

async function start(): Promise<void> {
  const response = await fetch('/browser-sdk/config.json');
  if (!response.ok) {
    askForConnection(
      'This service does not run on its embedded emulator, so it has no demo token to give. Enter a TigerGraph URL and a token.',
    );
    return;
  }
  await open((await response.json()) as Connection).catch((error: unknown) =>
    askForConnection(`Could not reach TigerGraph: ${(error as Error).message}`),
  );
}

void start();
