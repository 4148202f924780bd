// Cutting data into request bodies at line ends, counting lines, normalising sources, and reading
// both wire forms of TigerGraph's loading statistics (reference §4.7).
import { describe, expect, it } from 'vitest';
import { LineCounter, LineCutter } from '../src/loading/lines.js';
import { chunksOf, type LoadDataSource } from '../src/loading/source.js';
import { mergeStats, statsOf } from '../src/loading/stats.js';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

async function parts(source: LoadDataSource, eol: string, limit: number): Promise<string[]> {
  const cutter = new LineCutter(chunksOf(source), enc(eol), limit);
  const out: string[] = [];
  while (await cutter.hasMore()) {
    let text = '';
    for await (const piece of cutter.part()) text += dec(piece);
    out.push(text);
  }
  return out;
}

async function* slowly(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('LineCutter', () => {
  it('cuts at the first line end after the limit, never inside a line', async () => {
    expect(await parts('aa\nbb\ncc\ndd\n', '\n', 4)).toEqual(['aa\nbb\n', 'cc\ndd\n']);
    expect(await parts('aaaaaaaa\nb\n', '\n', 2)).toEqual(['aaaaaaaa\n', 'b\n']);
    expect(await parts('a\nb', '\n', 1)).toEqual(['a\n', 'b']);
  });

  it('gives one part without a limit and handles chunks that split lines and \\r\\n', async () => {
    const text = 'id,name\r\n1,Ann\r\n2,Bo\r\n3,Cy';
    expect(await parts(slowly(text, 3), '\r\n', Number.POSITIVE_INFINITY)).toEqual([text]);
    const cut = await parts(slowly(text, 1), '\r\n', 8);
    expect(cut.join('')).toBe(text);
    for (const part of cut.slice(0, -1)) expect(part.endsWith('\r\n')).toBe(true);
  });

  it('reads every source kind: string, bytes, Blob, ReadableStream, async and sync iterables', async () => {
    const text = 'x,1\ny,2\n';
    const sources: LoadDataSource[] = [
      text,
      enc(text),
      enc(text).buffer as ArrayBuffer,
      new Blob([text]),
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc('x,1\n'));
          c.enqueue(enc('y,2\n'));
          c.close();
        },
      }),
      slowly(text, 2),
      ['x,1\n', enc('y,2\n')],
    ];
    for (const source of sources) expect(await parts(source, '\n', 4)).toEqual(['x,1\n', 'y,2\n']);
  });
});

describe('LineCounter', () => {
  it('counts line ends across chunk borders plus a final unterminated line', () => {
    const c = new LineCounter(enc('\r\n'));
    c.add(enc('a\r'));
    c.add(enc('\nb\r\n'));
    c.add(enc('c'));
    expect(c.lines).toBe(2);
    expect(c.totalLines).toBe(3);
    expect(c.bytes).toBe(7);
  });
});

describe('loading statistics', () => {
  it('reads the 3.9+/4.x form (parsingStatistics) and sums chunked replies', () => {
    const reply = [
      {
        sourceFileName: 'Online_POST',
        statistics: {
          parsingStatistics: {
            fileLevel: {
              validLine: 2,
              rejectLine: 1,
              notEnoughToken: 1,
              tokenExceedsBuffer: 0,
              lineData: [{ line: 'x' }],
            },
            objectLevel: { vertex: [{ typeName: 'Person', validObject: 2, invalidAttribute: 0 }], edge: [] },
          },
        },
      },
    ];
    const a = statsOf(reply);
    expect(a).toMatchObject({ sourceFileName: 'Online_POST', validLines: 2, rejectedLines: 1 });
    expect(a.vertices).toEqual([
      { typeName: 'Person', validObject: 2, counters: { validObject: 2, invalidAttribute: 0 } },
    ]);
    expect(a.samples).toEqual([{ line: 'x' }]);
    const sum = mergeStats(a, statsOf(reply));
    expect(sum.validLines).toBe(4);
    expect(sum.fileLevel.notEnoughToken).toBe(2);
    expect(sum.vertices[0]?.validObject).toBe(4);
  });

  it('reads the flat ≤3.8 form', () => {
    const s = statsOf([
      {
        sourceFileName: 'Online_POST',
        statistics: {
          validLine: 7927,
          rejectLine: 0,
          vertex: [{ typeName: 'company', validObject: 7, noIdFound: 0 }],
          edge: [{ typeName: 'works_at', validObject: 3 }],
          deleteVertex: [],
        },
      },
    ]);
    expect(s.validLines).toBe(7927);
    expect(s.vertices[0]).toEqual({
      typeName: 'company',
      validObject: 7,
      counters: { validObject: 7, noIdFound: 0 },
    });
    expect(s.edges[0]?.validObject).toBe(3);
  });
});
