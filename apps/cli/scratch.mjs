import { startEmulator } from '@tgraph/emulator';
import { createClient } from 'tgraph';

const em = await startEmulator({ seed: 'covid', version: '4.2', auth: true });
const tg = createClient({ host: em.gsUrl, graph: 'MyGraph', username: 'tigergraph', password: 'tigergraph' });
for (const t of [
  'USE GRAPH Nope',
  'USE GRAPH MyGraph',
  'USE GRAPH MyGraph\nCREATE VERTX Oops(PRIMARY_ID id STRING)',
  'USE GRAPH MyGraph\nls\nSHOW QUERY *\nCREATE VERTX Oops(PRIMARY_ID id STRING)',
  'USE GRAPH MyGraph; ls',
]) {
  const r = await tg.gsql(t, { throwOnError: false });
  console.log(JSON.stringify(t), '=>', r.ok, JSON.stringify(r.output.slice(0, 300)));
}
try {
  console.log(await tg.auth.dropSecret('nope_alias', { ignoreErrors: false }));
} catch (e) {
  console.log(e.name, e.code, e.message);
}
try {
  console.log(await tg.auth.dropSecret('nope_alias'));
} catch (e) {
  console.log(e.name, e.code, e.message);
}
const bad = createClient({ host: em.gsUrl, graph: 'MyGraph', username: 'tigergraph', password: 'wrong' });
try {
  await bad.auth.listSecrets();
} catch (e) {
  console.log(e.name, e.code, e.message, e.hint);
}
try {
  await bad.vertices.count('Patient');
} catch (e) {
  console.log(e.name, e.code, e.message, e.hint);
}
await tg.close();
await bad.close();
await em.stop();
