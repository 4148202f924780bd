// The browser side of the streaming-load bench, bundled by esbuild for Chromium: loads the `File`
// picked in `<input id="file">` through the facade's browser entry (`tg.loading.loadData`).
import { createClient } from 'tgraph';

async function runLoad(host: string, gcOnProgress: boolean) {
  const input = document.getElementById('file') as HTMLInputElement;
  const file = input.files?.[0];
  if (file === undefined) throw new Error('no file picked');
  const tg = createClient({ host, graph: 'g', version: '4.2.0', retries: 0, timeoutMs: 30 * 60_000 });
  let progressCalls = 0;
  const started = performance.now();
  const r = await tg.loading.loadData('load_person', 'f', file, {
    onProgress: () => {
      progressCalls++;
      // Diagnostic (TGRAPH_BENCH_BROWSER_GC=1): collect garbage after every request, to tell
      // memory the page holds from garbage V8 has not collected yet.
      if (gcOnProgress) (globalThis as unknown as { gc?: () => void }).gc?.();
    },
  });
  const ms = performance.now() - started;
  await tg.close();
  return {
    bytes: r.bytes,
    lines: r.lines,
    requests: r.requests,
    ms,
    progressCalls,
    validLines: Number(r.statistics.validLines),
  };
}

(globalThis as unknown as { runLoad: typeof runLoad }).runLoad = runLoad;
