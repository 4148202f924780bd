// An aborted load whose data source has stalled: the abort must end loadData promptly (typed
// AbortError) and cancel the producer, whether the body is streamed or cut into requests.
import { basicAuth } from '@tgraph/auth';
import { AbortError } from '@tgraph/protocol';
import { createTransport } from '@tgraph/transport';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { loadData } from '../src/loading.js';
import { env, thrown } from './schema-helpers.js';

const HEADER =
  'patient_id,global_num,sex,birth_year,age,country,infection_case,contact_number,symptom_onset_date,confirmed_date,state,city_id,city,province_id,province,case_id,group_flag\n';

/** One chunk of data, then nothing: the producer never ends on its own. */
function stalledStream(onCancel: () => void): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode(HEADER));
      }
      return new Promise(() => {}); // stall
    },
    cancel() {
      onCancel();
    },
  });
}

for (const streaming of [false, true]) {
  describe(`loadData with a stalled source (${streaming ? 'streamed body' : 'cut into requests'})`, () => {
    it('an abort ends the load with AbortError and cancels the producer', async () => {
      const e = await env('4.2');
      const transport = createTransport({
        restppUrls: [e.emu.restppViaGsUrl],
        gsqlUrl: e.emu.gsUrl,
        auth: basicAuth({ username: 'tigergraph', password: 'tigergraph' }),
        line: '4',
        graph: 'MyGraph',
        retry: { limit: 0 },
        fetch: globalThis.fetch,
        capabilities: { runtime: 'node', streamingRequestBody: streaming, customCa: false },
      });
      try {
        const ctx = createContext({ transport, graph: 'MyGraph', line: '4' });
        let cancelled = false;
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 300);
        const error = await thrown(
          loadData(
            ctx,
            'load_covid',
            'patients',
            stalledStream(() => {
              cancelled = true;
            }),
            { signal: controller.signal },
          ),
        );
        expect(error).toBeInstanceOf(AbortError);
        expect(cancelled).toBe(true);
      } finally {
        await transport.close();
      }
    });
  });
}
