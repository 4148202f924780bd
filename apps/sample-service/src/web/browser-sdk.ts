// Proves the SDK's browser build: this bundle includes `tgraph` resolved with the `browser`
// export condition (the browser's fetch adapter) and calls TigerGraph directly over CORS.
import { createClient } from 'tgraph';

interface DemoConfig {
  host: string;
  graph: string;
  version: string;
  apiToken: string;
}

const checks = document.getElementById('checks') as HTMLOListElement;
const status = document.getElementById('status') as HTMLParagraphElement;

function record(name: string, result: string): void {
  const li = document.createElement('li');
  li.dataset['check'] = name;
  li.textContent = `${name}: ${result}`;
  checks.append(li);
}

async function run(): Promise<void> {
  const response = await fetch('/browser-sdk/config.json');
  if (!response.ok)
    throw new Error('This demo needs the embedded emulator (start the service without TG_HOST).');
  const config = (await response.json()) as DemoConfig;
  const tg = createClient({
    host: config.host,
    graph: config.graph,
    version: config.version,
    apiToken: config.apiToken,
  });
  record('runtime', tg.runtime);
  const count = await tg.vertices.count('Patient');
  record('patients', String(count));
  const first = await tg.vertices.get('Patient', { limit: 3, select: ['birth_year'], sort: ['patient_id'] });
  record('first patients', first.map((p) => p.v_id).join(', '));
  const [chain] = await tg.queries.run<[{ chain: string[] }]>(
    'infection_chain',
    { p: '1000000007' },
    { method: 'GET' },
  );
  record('infection chain of 1000000007', (chain?.chain ?? []).join(' → '));
  await tg.close();
}

run().then(
  () => {
    status.textContent = 'passed';
    document.body.dataset['status'] = 'passed';
  },
  (error: unknown) => {
    status.textContent = `failed: ${(error as Error).message}`;
    document.body.dataset['status'] = 'failed';
  },
);
