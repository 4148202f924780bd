// Type names and ids are taken one or many, as pyTigerGraph takes them, and checked at run time.
import { ValidationError } from '@tgraph/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedClient, type EmbeddedClient } from '../src/entry-node.js';

describe('one or many', () => {
  let tg: EmbeddedClient;
  beforeAll(async () => {
    tg = await createEmbeddedClient();
  });
  afterAll(async () => {
    await tg.close();
  });

  it('vertices.stats takes one type as well as a list', async () => {
    const one = await tg.vertices.stats('Patient');
    const many = await tg.vertices.stats(['Patient']);
    expect(Object.keys(one)).toEqual(['Patient']);
    expect(one).toEqual(many);
  });

  it('edges.stats takes one type as well as a list', async () => {
    expect(Object.keys(await tg.edges.stats('INFECTED_BY'))).toEqual(['INFECTED_BY']);
  });

  it('count takes one type (a number) or many (counts by type)', async () => {
    const byType = await tg.vertices.countByType(['City', 'Province']);
    expect(await tg.vertices.count(['City', 'Province'])).toEqual(byType);
    expect(await tg.vertices.count('City')).toBe(byType.City);
    expect(await tg.vertices.countByType('City')).toEqual({ City: byType.City });
    expect(Object.keys(await tg.vertices.count('*'))).toContain('Patient');
    const edges = await tg.edges.countByType(['INFECTED_BY']);
    expect(await tg.edges.count(['INFECTED_BY'])).toEqual(edges);
    expect(await tg.edges.countByType('INFECTED_BY')).toEqual(edges);
  });

  it('getById and deleteById take one id as well as a list', async () => {
    const [first] = await tg.vertices.get('Patient', { limit: 1 });
    const id = first?.v_id as string;
    const one = await tg.vertices.getById('Patient', id);
    expect(one.map((v) => v.v_id)).toEqual([id]);
    expect(await tg.vertices.getById('Patient', [id])).toEqual(one);
    await tg.vertices.upsert('Province', 'one-or-many', {});
    expect(await tg.vertices.deleteById('Province', 'one-or-many')).toBe(1);
  });

  it('a wrong shape is a ValidationError that names the argument, not a per-character lookup', async () => {
    const call = tg.vertices.stats(42 as unknown as 'Patient');
    await expect(call).rejects.toBeInstanceOf(ValidationError);
    await expect(tg.vertices.stats(42 as unknown as 'Patient')).rejects.toThrow(
      /vertexTypes must be '\*', a type name or a non-empty array of type names, got a number/,
    );
    await expect(tg.vertices.countByType([] as string[])).rejects.toThrow(/vertexTypes must be/);
    await expect(tg.vertices.count(['City'], { filter: 'x>1' } as object)).rejects.toThrow(
      /filter counts one/,
    );
  });
});
