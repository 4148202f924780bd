// The streaming load from a browser `File` (run by load.ts): the generated CSV file is picked into `<input type=file>` by Playwright (so the File is disk-backed, as a
// user's file is), and loaded by a page bundled from load-browser-page.ts in Debian's Chromium
// against an emulator child that allows the page's origin. The client's RSS is the sum over the
// browser's processes (renderer, network service, GPU, browser), sampled from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../../vitest.shared.ts';
import type { LoadClientResult } from './load-client.ts';

/** RSS of the Chromium processes below `root` (this process: Playwright starts the browser), by process type, from /proc. */
function chromiumRss(root: number): Map<string, number> {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, i = 0; p !== undefined && p > 1 && i < 64; p = parent.get(p), i++) {
      if (p === root) return true;
    }
    return false;
  };
  const byType = new Map<string, number>();
  for (const pid of parent.keys()) {
    if (pid === root || !inTree(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chrom')) continue;
      const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
      const sub = /--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1];
      const key = sub ? `${type}:${sub}` : type;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) =>
        Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      byType.set(key, (byType.get(key) ?? 0) + kb('VmRSS'));
      // File-backed pages (a File the browser maps to read it) count in RSS but are page cache.
      byType.set(`${key} (file-backed)`, (byType.get(`${key} (file-backed)`) ?? 0) + kb('RssFile'));
    } catch {
      // the process ended meanwhile
    }
  }
  return byType;
}

const sum = (m: Map<string, number>) =>
  [...m].filter(([k]) => !k.endsWith('(file-backed)')).reduce((a, [, v]) => a + v, 0);

export async function runBrowserLoad(host: string, file: string): Promise<LoadClientResult> {
  const bundle = await build({
    entryPoints: [new URL('./load-browser-page.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    logLevel: 'silent',
  });
  const app = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    if (req.url === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(app);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><input type="file" id="file"><script type="module" src="/app.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const gc = process.env['TGRAPH_BENCH_BROWSER_GC'] === '1';
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: gc ? [...chromiumArgs, '--js-flags=--expose-gc'] : chromiumArgs,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'runLoad' in globalThis);
    await page.setInputFiles('#file', file);
    const baseline = chromiumRss(process.pid);
    const baselineRss = sum(baseline);
    let peakRss = baselineRss;
    // Peak growth per process type, to tell the page's memory from the browser's network service.
    const peakByType = new Map<string, number>();
    const timer = setInterval(() => {
      const now = chromiumRss(process.pid);
      peakRss = Math.max(peakRss, sum(now));
      for (const [type, rss] of now) {
        peakByType.set(type, Math.max(peakByType.get(type) ?? 0, rss - (baseline.get(type) ?? 0)));
      }
    }, 50);
    const r = await page
      .evaluate(
        (h) =>
          (globalThis as unknown as { runLoad(host: string): Promise<Record<string, number>> }).runLoad(h),
        host,
      )
      .finally(() => clearInterval(timer));
    const version = browser.version();
    return {
      runtime: `chromium ${version}`,
      mode: `File, ${r['requests']} requests`,
      bytes: r['bytes'] as number,
      lines: r['lines'] as number,
      requests: r['requests'] as number,
      ms: r['ms'] as number,
      baselineRss,
      peakRss,
      progressCalls: r['progressCalls'] as number,
      validLines: r['validLines'] as number,
      peakGrowthByProcess: Object.fromEntries(peakByType),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
