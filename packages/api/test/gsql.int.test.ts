// gsql(): the endpoint and body per server line, output parsing, typed failures.
import { GsqlError, ValidationError } from '@tgraph/protocol';
import { describe, expect, it } from 'vitest';
import { gsql } from '../src/gsql.js';
import { env, header, thrown, VERSIONS } from './schema-helpers.js';

for (const version of VERSIONS) {
  describe(`gsql on TigerGraph ${version}`, async () => {
    const e = await env(version);

    it('sends the text to the line’s endpoint and returns the cleaned output', async () => {
      e.clear();
      const result = await gsql(e.ctx, 'ls', { graph: 'MyGraph' });
      expect(result.ok).toBe(true);
      expect(result.output.split('\n').slice(0, 2)).toEqual(["Using graph 'MyGraph'", '---- Graph MyGraph']);
      expect(result.output).toContain('  - Graph MyGraph(Patient:v, City:v, Province:v, InfectionCase:v,');
      expect(result.output).not.toContain('__GSQL__');
      if (e.line === '4') {
        const r = e.one('POST', '/gsql/v1/statements');
        expect(r.listener).toBe('gs');
        expect(header(r, 'content-type')).toBe('text/plain');
        expect(r.body).toBe('USE GRAPH MyGraph\nls');
        expect(result.returnCode).toBeUndefined();
      } else {
        const r = e.one('POST', '/gsqlserver/gsql/file');
        expect(header(r, 'content-type')).toBe('application/x-www-form-urlencoded');
        expect(r.body).toBe('USE+GRAPH+MyGraph%0Als');
        expect(result.returnCode).toBe(0);
      }
      expect(e.sent()).toHaveLength(1);
    });

    it('form-encodes like quote_plus on 3.x and sends UTF-8 as is on 4.x', async () => {
      e.clear();
      const text = 'CREATE VERTEX Zoe_v (PRIMARY_ID id STRING, note STRING DEFAULT "Zoë a+b (c)!*\'~")';
      await gsql(e.ctx, text);
      const r = e.sent('POST')[0]!;
      if (e.line === '4') expect(r.body).toBe(text);
      else
        expect(r.body).toBe(
          'CREATE+VERTEX+Zoe_v+%28PRIMARY_ID+id+STRING%2C+note+STRING+DEFAULT+%22Zo%C3%AB+a%2Bb+%28c%29%21%2A%27~%22%29',
        );
      expect((await gsql(e.ctx, 'ls')).output).toContain('VERTEX Zoe_v(PRIMARY_ID id STRING');
    });

    it('raises a GsqlError carrying the output when GSQL reports a failure', async () => {
      const error = await thrown(gsql(e.ctx, 'DROP GRAPH NoSuchGraph'));
      expect(error).toBeInstanceOf(GsqlError);
      const g = error as GsqlError;
      expect(g.output).toMatch(/NoSuchGraph/);
      expect(g.message).toMatch(/^GSQL reported an error: .*NoSuchGraph/);
      expect(g.endpoint?.path).toBe(e.line === '4' ? '/gsql/v1/statements' : '/gsqlserver/gsql/file');
      if (e.line === '3') expect(g.code).toMatch(/^GSQL-RC-[1-9]/);
    });

    it('masks the connection’s credentials in the error', async () => {
      // The basic-auth password is "tigergraph"; a failure output that contains it must not leak it.
      const error = (await thrown(gsql(e.ctx, 'DROP GRAPH tigergraph'))) as GsqlError;
      expect(error).toBeInstanceOf(GsqlError);
      expect(error.output).toContain('***');
      expect(JSON.stringify(error)).not.toContain('tigergraph');
      expect(error.message).not.toContain('tigergraph');
    });

    it('returns the failure instead with throwOnError: false', async () => {
      const r = await gsql(e.ctx, 'DROP GRAPH NoSuchGraph', { throwOnError: false });
      expect(r.ok).toBe(false);
      expect(r.output).toMatch(/NoSuchGraph/);
    });

    it('refuses empty text and a graph name that is not an identifier, before sending', async () => {
      e.clear();
      expect(await thrown(gsql(e.ctx, '  '))).toBeInstanceOf(ValidationError);
      const bad = await thrown(gsql(e.ctx, 'ls', { graph: 'g; DROP ALL' }));
      expect(bad).toBeInstanceOf(ValidationError);
      expect((bad as ValidationError).field).toBe('graph');
      expect(e.sent()).toHaveLength(0);
    });
  });
}
