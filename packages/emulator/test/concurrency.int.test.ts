// Keeps serving under many concurrent clients.
import { expect, test } from 'vitest';
import { emulator } from './helpers.js';

test('200 concurrent mixed requests all succeed and the data is consistent', async () => {
  const e = await emulator({
    version: '4.2',
    seed: 'covid',
    auth: true,
    tokens: [{ token: 'tohvf6khjqju8jf0r0l1cohhlm8gi5fq' }],
  });
  const auth = { Authorization: 'Bearer tohvf6khjqju8jf0r0l1cohhlm8gi5fq' };
  const jobs = Array.from({ length: 200 }, (_, i) => {
    if (i % 4 === 0) {
      return fetch(`${e.gsUrl}/restpp/graph/MyGraph`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ vertices: { Patient: { [`c${i}`]: { birth_year: { value: 1900 + i } } } } }),
      });
    }
    if (i % 4 === 1)
      return fetch(`${e.restppUrl}/graph/MyGraph/vertices/Patient?limit=5&select=birth_year`, {
        headers: auth,
      });
    if (i % 4 === 2)
      return fetch(`${e.gsUrl}/restpp/graph/MyGraph/edges/Patient/1000000003`, { headers: auth });
    return fetch(`${e.restppUrl}/echo`, { headers: auth });
  });
  const responses = await Promise.all(jobs);
  expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  await Promise.all(responses.map((r) => r.text()));
  const count = await fetch(`${e.restppUrl}/builtins/MyGraph`, {
    method: 'POST',
    headers: auth,
    body: '{"function":"stat_vertex_number","type":"Patient"}',
  });
  expect(((await count.json()) as { results: { count: number }[] }).results[0]?.count).toBe(24 + 50);
});
