// Node only: stream a file from disk through a loading job (pyTigerGraph's runLoadingJobWithFile),
// without reading it into memory. The browser-safe api package takes the stream; this opens it.
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import type { ApiContext } from '@tgraph/api/context';
import { type LoadDataOptions, type LoadResult, loadData } from '@tgraph/api/loading';
import type { SchemaShape } from '@tgraph/api/schema-types';
import { ValidationError } from '@tgraph/protocol/errors';
import type { TigerGraphClient } from '../client.js';

/**
 * Streams the file at `path` to loading job `job`'s file variable `fileTag` and returns
 * TigerGraph's loading statistics. A missing or unreadable file is a ValidationError before any
 * request is sent.
 *
 * @example
 * import { createClient, loadFile } from 'tgraph';
 * const tg = createClient({ host: 'http://localhost', graph: 'MyGraph', username: 'tigergraph', password: 'tigergraph' });
 * const result = await loadFile(tg, 'load_covid', 'patients', './patients.csv', {
 *   onProgress: (p) => console.error(`${p.bytes} bytes sent`),
 * });
 */
export async function loadFile<S extends SchemaShape>(
  client: TigerGraphClient<S>,
  job: string,
  fileTag: string,
  path: string,
  options: LoadDataOptions = {},
): Promise<LoadResult> {
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new ValidationError(
      `loadFile: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); check the path and its permissions`,
      { field: 'path' },
    );
  }
  return loadData(client.context as ApiContext<SchemaShape>, job, fileTag, createReadStream(path), options);
}
