// UDT (tuple) endpoints: 3.x GET /gsqlserver/gsql/udtlist and 4.x /gsql/v1/udt/tuples (GET, POST, DELETE).
import { describe, expect, test } from 'vitest';
import { basic, emulator, http } from './helpers.js';

const auth = { Authorization: basic() };

describe('UDT endpoints', () => {
  test('3.x udtlist: the reference shape (§4.13, §6.5)', async () => {
    const e = await emulator({
      version: '3.10',
      gsqlScript: 'TYPEDEF TUPLE<field1 INT(8), field2 STRING(10), field3 DATETIME> tuple2_simple',
    });
    const r = await http(`${e.gsUrl}/gsqlserver/gsql/udtlist?graph=g`, { headers: auth });
    expect(r.json).toEqual({
      error: false,
      message: '',
      results: [
        {
          name: 'tuple2_simple',
          fields: [
            { fieldName: 'field1', fieldType: 'INT', length: 8 },
            { fieldName: 'field2', fieldType: 'STRING', length: 10 },
            { fieldName: 'field3', fieldType: 'DATETIME' },
          ],
        },
      ],
    });
    expect((await http(`${e.gsUrl}/gsqlserver/gsql/udtlist?graph=g`)).status).toBe(401);
  });

  test('4.x: POST JSON tuples, POST ?gsql=true, GET one and all, DELETE both forms', async () => {
    const e = await emulator({ version: '4.2' });
    const base = `${e.gsUrl}/gsql/v1/udt/tuples`;
    const created = await http(base, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        tuples: [
          {
            Name: 'TestTup',
            TupleElements: [
              { name: 'da', AttributeType: 'uint' },
              { name: 'flow', AttributeType: 'string', length: 8 },
            ],
          },
        ],
      }),
    });
    expect(created.json).toEqual({ error: false, message: 'Successfully created tuple types: [TestTup].' });
    const viaGsql = await http(`${base}?gsql=true`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ gsql: 'TYPEDEF TUPLE<x INT(4), y DOUBLE> Point' }),
    });
    expect(viaGsql.json).toEqual({ error: false, message: 'Successfully created tuple types: [Point].' });
    expect((await http(`${base}/TestTup`, { headers: auth })).json).toEqual({
      error: false,
      message: '',
      results: [
        {
          name: 'TestTup',
          fields: [
            { fieldName: 'da', fieldType: 'UINT', length: 8 },
            { fieldName: 'flow', fieldType: 'STRING', length: 8 },
          ],
        },
      ],
    });
    const all = await http(`${base}?graph=g`, { headers: auth });
    expect((all.json as { results: { name: string }[] }).results.map((t) => t.name)).toEqual([
      'TestTup',
      'Point',
    ]);
    const dup = await http(base, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        tuples: [{ Name: 'Point', TupleElements: [{ name: 'z', AttributeType: 'int' }] }],
      }),
    });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({
      error: true,
      message:
        'Semantic Check Fails: The tuple name Point is used by another object! Please use a different name.',
    });
    const bad = await http(base, { method: 'POST', headers: auth, body: JSON.stringify({ nope: 1 }) });
    expect(bad.json).toEqual({
      error: true,
      message: 'The body must be {"tuples": [{"Name": …, "TupleElements": […]}]}.',
    });
    expect((await http(`${base}/Point`, { method: 'DELETE', headers: auth })).json).toEqual({
      error: false,
      message: 'Successfully dropped tuple types: [Point].',
    });
    expect((await http(`${base}?tupleName=TestTup`, { method: 'DELETE', headers: auth })).json).toEqual({
      error: false,
      message: 'Successfully dropped tuple types: [TestTup].',
    });
    expect((await http(base, { headers: auth })).json).toEqual({ error: false, message: '', results: [] });
    const gone = await http(`${base}/Point`, { method: 'DELETE', headers: auth });
    expect(gone.json).toEqual({
      error: true,
      message: 'Semantic Check Fails: The tuple type Point does not exist.',
    });
  });
});
