// createEmbeddedClient: GSQL works without credentials, and the recorded requests carry their headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmbeddedClient,
  type EmbeddedClient,
  type EmbeddedRecordedRequest,
} from '../src/entry-node.js';

describe('createEmbeddedClient without credentials', () => {
  let tg: EmbeddedClient;
  beforeAll(async () => {
    tg = await createEmbeddedClient();
  });
  afterAll(async () => {
    await tg.close();
  });

  it('runs GSQL as the emulator superuser', async () => {
    const start = tg.emulator.requests.length;
    const { output } = await tg.gsql('SHOW GRAPH *');
    expect(output).toContain('MyGraph');
    const sent = tg.emulator.requests.slice(start).filter((r) => r.path.startsWith('/gsql'));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.status < 400)).toBe(true);
  });

  it('records the headers of every request, in the typed view', async () => {
    const start = tg.emulator.requests.length;
    await tg.vertices.get('Patient', { limit: 2 });
    const sent: EmbeddedRecordedRequest | undefined = tg.emulator.requests
      .slice(start)
      .find((r) => r.path === '/graph/MyGraph/vertices/Patient');
    expect(sent?.headers['authorization']).toBe(`Basic ${btoa('tigergraph:tigergraph')}`);
    expect(sent?.query['limit']).toBe('2');
  });

  it('uses the credentials it is given instead', async () => {
    const other = await createEmbeddedClient({ username: 'tigergraph', password: 'wrong' });
    try {
      await expect(other.gsql('SHOW GRAPH *')).rejects.toThrow();
    } finally {
      await other.close();
    }
  });
});
