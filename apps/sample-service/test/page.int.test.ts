// The pages in Debian's Chromium (Playwright, driven from Node): the contact-tracing page's
// opening overview, search, chain, deep links and history, a click on a patient, an unknown
// patient, edge labels that leave nodes uncovered; and the browser-SDK page, with the emulator's
// demo token and with a person's own URL and token. Every step leaves a screenshot in
// test-artifacts/ (git-ignored) to look at.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.ts';
import { buildWeb } from '../scripts/build-web.ts';
import { DEMO_TOKEN, lastSeq, requestsSince, type Stack, startStack } from './helpers.js';

const ARTIFACTS = join(import.meta.dirname, '../test-artifacts');

let stack: Stack;
let browser: Browser;
let webDir: string;
beforeAll(async () => {
  webDir = await mkdtemp(join(tmpdir(), 'sample-web-'));
  await buildWeb({ outDir: webDir, source: true });
  stack = await startStack({ webDir, browserDemo: true });
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', ...chromiumArgs] });
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await rm(webDir, { recursive: true, force: true });
});

interface Drawn {
  nodes: string[];
  edges: string[];
  chainEdges: string[];
  canvases: number;
  /** Edge labels drawn on top of a node or a node's label (must be none). */
  coveringLabels: string[];
  visibleLabels: number;
  /** Edges whose line runs through a node other than their ends (must be none). */
  edgesThroughNodes: string[];
}

/** What cytoscape drew, read from its model in the page. */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate((): Drawn => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const hit = (a: import('cytoscape').BoundingBox12, b: import('cytoscape').BoundingBox12) =>
      a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const nodeBoxes = cy.nodes().map((n) => ({ id: n.id(), box: n.boundingBox({ includeLabels: true }) }));
    const labelled = cy.edges().filter((e) => e.style('label') !== '');
    const pair = (e: import('cytoscape').EdgeSingular) => `${e.source().id()}>${e.target().id()}`;
    return {
      nodes: cy.nodes().map((n) => n.id()),
      edges: cy.edges().map(pair),
      chainEdges: cy.edges('.chain').map(pair),
      canvases: document.querySelectorAll('#graph canvas').length,
      coveringLabels: labelled.toArray().flatMap((e) => {
        const box = e.boundingBox({ includeEdges: false, includeNodes: false, includeLabels: true });
        return nodeBoxes.filter((n) => hit(box, n.box)).map((n) => `${e.data('caption')} on ${n.id}`);
      }),
      visibleLabels: labelled.length,
      edgesThroughNodes: cy
        .edges()
        .toArray()
        .flatMap((e) => {
          const [a, b] = [e.source().position(), e.target().position()];
          const others = cy.nodes().filter((n) => n !== e.source() && n !== e.target());
          return others
            .filter((n) => {
              const box = n.boundingBox({ includeLabels: false });
              return Array.from({ length: 19 }, (_, i) => (i + 1) / 20).some((t) => {
                const x = a.x + (b.x - a.x) * t;
                const y = a.y + (b.y - a.y) * t;
                return x > box.x1 && x < box.x2 && y > box.y1 && y < box.y2;
              });
            })
            .map((n) => `${pair(e)} through ${n.id()}`);
        }),
    };
  });
}

async function openPage(path = '/'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.url}${path}`);
  return { page, errors };
}

const shot = async (page: Page, name: string) => {
  const png = await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect(png.byteLength).toBeGreaterThan(10_000);
};

const statusIs = (page: Page, prefix: string) =>
  page.waitForFunction((p) => document.getElementById('status')?.textContent?.startsWith(p), prefix, {
    timeout: 10_000,
  });

describe('the contact-tracing page', { timeout: 60_000 }, () => {
  it('opens on the overview: the largest infection cluster and the counts', async () => {
    const { page, errors } = await openPage();
    await page.waitForSelector('body[data-drawn="overview"]', { timeout: 10_000 });
    const d = await drawn(page);
    expect([...d.nodes].sort()).toEqual([
      'Patient:1000000001',
      'Patient:1000000003',
      'Patient:1000000006',
      'Patient:1000000007',
    ]);
    expect(d.chainEdges).toEqual([
      'Patient:1000000003>Patient:1000000001',
      'Patient:1000000006>Patient:1000000003',
    ]);
    expect(d.canvases).toBeGreaterThan(0);
    expect(d.coveringLabels).toEqual([]);
    expect(await page.textContent('#status')).toBe(
      'Largest infection cluster: 4 patients, longest chain 1000000006 → 1000000003 → 1000000001',
    );
    const facts = await page.$$eval('#details li', (items) => items.map((li) => li.textContent));
    expect(facts).toEqual(
      expect.arrayContaining([
        'Patients: 24',
        'Cities: 18',
        'Infections (infected by): 8',
        'Infection clusters: 4',
      ]),
    );
    await shot(page, 'overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a searched patient with the chain, keeps labels off the nodes, and links to the view', async () => {
    const { page, errors } = await openPage();
    await page.waitForSelector('body[data-drawn="overview"]');
    await page.fill('#patient-id', '1000000007');
    await page.click('#search');
    await page.waitForSelector('body[data-drawn="1000000007"]', { timeout: 10_000 });
    expect(new URL(page.url()).search).toBe('?patient=1000000007');
    const d = await drawn(page);
    expect(d.nodes).toEqual(
      expect.arrayContaining([
        'Patient:1000000007',
        'Patient:1000000003',
        'Patient:1000000001',
        'City:jongno_gu',
        'InfectionCase:contact_with_patient',
      ]),
    );
    expect(d.edges).toContain('Patient:1000000007>City:jongno_gu');
    expect(d.chainEdges).toEqual([
      'Patient:1000000007>Patient:1000000003',
      'Patient:1000000003>Patient:1000000001',
    ]);
    expect(d.coveringLabels).toEqual([]);
    expect(d.edgesThroughNodes).toEqual([]);
    expect(d.visibleLabels).toBeGreaterThan(0);
    expect(await page.textContent('#status')).toBe('Patient 1000000007: 5 nodes, 4 edges');
    expect(await page.textContent('#details')).toContain('Chain to source: 1000000003 → 1000000001');
    expect(await page.textContent('#details')).toContain('Case: contact with patient');
    await shot(page, 'neighbourhood');

    // A chain to another patient, found by path finding, joins the drawing and the address.
    await page.fill('#chain-to', '1000000006');
    await page.click('#show-chain');
    await statusIs(page, 'Infection chain');
    expect(await page.textContent('#status')).toBe('Infection chain: 1000000007 → 1000000003 → 1000000006');
    expect(new URL(page.url()).search).toBe('?patient=1000000007&to=1000000006');
    const chainNodes = await page.evaluate(() =>
      (window as unknown as { cy: import('cytoscape').Core }).cy
        .nodes('.chain')
        .map((n) => n.id())
        .sort(),
    );
    expect(chainNodes).toEqual(['Patient:1000000003', 'Patient:1000000006', 'Patient:1000000007']);
    const withChain = await drawn(page);
    // Arrows point from the infected to the infector, as in the graph.
    expect([...withChain.chainEdges].sort()).toEqual([
      'Patient:1000000006>Patient:1000000003',
      'Patient:1000000007>Patient:1000000003',
    ]);
    expect(withChain.coveringLabels).toEqual([]);
    expect(withChain.edgesThroughNodes).toEqual([]);
    await shot(page, 'chain');

    // Back returns to the view before.
    await page.goBack();
    await statusIs(page, 'Patient 1000000007');
    await page.goBack();
    await page.waitForSelector('body[data-drawn="overview"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens deep links to a patient and to a chain', async () => {
    const { page, errors } = await openPage('/?patient=1000000005');
    await page.waitForSelector('body[data-drawn="1000000005"]', { timeout: 10_000 });
    expect(await page.inputValue('#patient-id')).toBe('1000000005');
    expect((await drawn(page)).nodes).toEqual(
      expect.arrayContaining(['Patient:1000000009', 'Patient:1000000010']),
    );
    await page.goto(`${stack.url}/?patient=1000000007&to=1000000006`);
    await statusIs(page, 'Infection chain');
    expect(await page.textContent('#status')).toBe('Infection chain: 1000000007 → 1000000003 → 1000000006');
    await shot(page, 'deep-link-chain');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists patients with a similar profile (TigerGraph vector search) and opens one', async () => {
    const { page, errors } = await openPage('/?patient=1000000005');
    await page.waitForSelector('#similar li', { timeout: 15_000 });
    const shown = await page.$$eval('#similar li a', (links) => links.map((a) => a.textContent));
    const api = (await (await stack.get('/api/patients/1000000005/similar?k=5')).json()) as {
      similar: { id: string }[];
    };
    expect(shown).toEqual(api.similar.map((s) => s.id));
    expect(shown).toHaveLength(5);
    expect(shown).not.toContain('1000000005');
    await shot(page, 'similar-patients');
    await page.click('#similar li a');
    await page.waitForSelector(`body[data-drawn="${shown[0]}"]`, { timeout: 10_000 });
    expect(new URL(page.url()).search).toBe(`?patient=${shown[0]}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a patient clicked in the drawing', async () => {
    const { page, errors } = await openPage();
    await page.waitForSelector('body[data-drawn="overview"]');
    const at = await page.evaluate(() => {
      const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
      const p = cy.getElementById('Patient:1000000003').renderedPosition();
      const box = (document.getElementById('graph') as HTMLElement).getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('body[data-drawn="1000000003"]', { timeout: 10_000 });
    expect(new URL(page.url()).search).toBe('?patient=1000000003');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clears the previous drawing when a patient is not found', async () => {
    const { page } = await openPage('/?patient=1000000007');
    await page.waitForSelector('body[data-drawn="1000000007"]');
    await page.fill('#patient-id', '9999999999');
    await page.click('#search');
    await page.waitForSelector('#status[data-kind="error"]');
    expect(await page.textContent('#status')).toBe('No patient has the id 9999999999.');
    expect((await drawn(page)).nodes).toEqual([]);
    expect(await page.textContent('#details')).toBe('');
    expect(await page.getAttribute('body', 'data-drawn')).toBeNull();
    await shot(page, 'not-found');
    await page.close();
  });
});

describe('the browser-SDK page', { timeout: 60_000 }, () => {
  it('lists patients and traces a chain straight from TigerGraph over CORS', async () => {
    const before = lastSeq(stack.emulator);
    const { page, errors } = await openPage('/browser-sdk');
    await page.waitForSelector('body[data-status="ready"]', { timeout: 10_000 });
    expect(await page.textContent('#status')).toBe(
      `Connected to graph MyGraph at ${stack.emulator.gsUrl} (TigerGraph 4.2.0), from the browser.`,
    );
    expect(await page.textContent('#patient-count')).toBe('24 patients in graph MyGraph.');
    const ids = () =>
      page.$$eval('#patients tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect((await ids()).slice(0, 3)).toEqual(['1000000001', '1000000002', '1000000003']);
    expect(await ids()).toHaveLength(10);
    const firstRow = await page.$$eval('#patients tbody tr:first-child td', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(firstRow).toEqual(['1000000001', 'male', '1964', 'overseas inflow', '2020-01-23']);
    await page.click('#more');
    await page.waitForFunction(() => document.querySelectorAll('#patients tbody tr').length === 20);
    await page.click('#more');
    await page.waitForFunction(() => document.querySelectorAll('#patients tbody tr').length === 24);
    expect(await page.isHidden('#more')).toBe(true);
    expect(new Set(await ids()).size).toBe(24);

    await page.click('#chain-form button');
    await page.waitForFunction(() => !document.getElementById('chain')?.textContent?.startsWith('Tracing'));
    expect(await page.textContent('#chain')).toBe(
      '1000000007 was infected by 1000000003, who was infected by 1000000001.',
    );
    await page.fill('#chain-patient', '1000000001');
    await page.click('#chain-form button');
    await page.waitForFunction(() => document.getElementById('chain')?.textContent?.includes('source'));
    expect(await page.textContent('#chain')).toBe(
      '1000000001 has no recorded infector: a source, as far as the graph knows.',
    );
    // A page for people: no test-fixture verdict anywhere.
    expect(await page.textContent('body')).not.toMatch(/\bpassed\b/);
    await shot(page, 'browser-sdk');

    // The emulator saw the page's origin and the demo token, not the service.
    const direct = requestsSince(stack.emulator, before).filter((r) => r.headers['origin'] === stack.url);
    expect(direct.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /restpp/graph/MyGraph/vertices/Patient',
        'GET /restpp/query/MyGraph/infection_chain',
      ]),
    );
    expect(
      direct
        .filter((r) => r.method !== 'OPTIONS')
        .every((r) => r.headers['authorization'] === `Bearer ${DEMO_TOKEN}`),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for a URL and a token when the service has no demo token to give', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    // As on a real TigerGraph: the service answers 404 for the demo configuration.
    await page.route('**/browser-sdk/config.json', (route) => route.fulfill({ status: 404, body: '{}' }));
    await page.goto(`${stack.url}/browser-sdk`);
    await page.waitForSelector('#connect:not([hidden])');
    expect(await page.textContent('#status')).toContain('Enter a TigerGraph URL and a token');
    // A normal form: the inputs keep their size (no page style meant for another element leaks in).
    expect((await page.locator('#tg-graph').boundingBox())?.height).toBeLessThan(60);
    await shot(page, 'browser-sdk-connect');
    await page.fill('#tg-host', stack.emulator.gsUrl);
    await page.fill('#tg-token', 'not-a-token');
    await page.click('#connect button');
    await page.waitForFunction(() =>
      document.getElementById('status')?.textContent?.startsWith('Could not connect'),
    );
    expect(await page.isVisible('#connect')).toBe(true);
    await page.fill('#tg-token', DEMO_TOKEN);
    await page.click('#connect button');
    await page.waitForSelector('body[data-status="ready"]', { timeout: 10_000 });
    expect(await page.textContent('#patient-count')).toBe('24 patients in graph MyGraph.');
    expect(await page.isHidden('#connect')).toBe(true);
    await page.close();
  });
});
