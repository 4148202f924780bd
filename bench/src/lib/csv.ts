// A generated CSV of about `totalBytes` (lines `id,name,score`, ids cycling over `ids` vertices so
// the server's store stays bounded), produced chunk by chunk and never held whole. Runtime-neutral
// (Node and Deno): an async generator of ~64 KiB Uint8Array chunks.
export async function* generatedCsv(totalBytes: number, ids: number): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let i = 0;
  while (sent < totalBytes) {
    let text = '';
    while (text.length < 64 * 1024) {
      const id = i % ids;
      text += `${id},person-${id},${id % 1000}\n`;
      i++;
    }
    const chunk = encoder.encode(text);
    sent += chunk.byteLength;
    yield chunk;
  }
}

export const LOAD_GSQL = `CREATE VERTEX Person (PRIMARY_ID id INT, name STRING, score INT) WITH primary_id_as_attribute="true"
CREATE GRAPH g (*)
USE GRAPH g
CREATE LOADING JOB load_person FOR GRAPH g {
  DEFINE FILENAME f;
  LOAD f TO VERTEX Person VALUES ($0, $1, $2) USING SEPARATOR=",";
}`;
