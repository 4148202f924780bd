// The CSV head reader: the header line however the upload is cut into chunks, and the body
// passed on whole, without BOM and with CRLF turned into LF even across chunk boundaries.
import { describe, expect, it } from 'vitest';
import { HeaderTooLong, missingColumns, readCsvHead } from '../src/domain/csv-head.js';

const encoder = new TextEncoder();

function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c);
      controller.close();
    },
  });
}

const text = async (s: ReadableStream<Uint8Array>) => new Response(s).text();

describe('readCsvHead', () => {
  it('finds the header across chunks and passes every byte on', async () => {
    const head = await readCsvHead(streamOf('patient', '_id,sex', '\n1,male\n', '2,female\n'));
    expect(head.header).toBe('patient_id,sex');
    expect(await text(head.body)).toBe('patient_id,sex\n1,male\n2,female\n');
  });

  it('drops a BOM and turns CRLF into LF, also when \\r and \\n arrive in different chunks', async () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
    const head = await readCsvHead(streamOf(bom, 'a,b\r', '\n1,2\r', '\n3,\r4\r\n'));
    expect(head.header).toBe('a,b');
    // A lone \r inside a value is data, not a line end: it stays.
    expect(await text(head.body)).toBe('a,b\n1,2\n3,\r4\n');
  });

  it('takes a body of only a header, and reports an empty one', async () => {
    const only = await readCsvHead(streamOf('a,b'));
    expect(only.header).toBe('a,b');
    expect(await text(only.body)).toBe('a,b');
    expect((await readCsvHead(streamOf())).header).toBeUndefined();
  });

  it('stops reading a first line longer than the limit', async () => {
    await expect(readCsvHead(streamOf('x'.repeat(100), 'y'.repeat(100)), 64)).rejects.toThrow(HeaderTooLong);
  });
});

describe('missingColumns', () => {
  it('matches columns by name in any order, quoted or not', () => {
    expect(missingColumns('"b", a', ['a', 'b', 'c'])).toEqual(['c']);
  });
});
