// The pages in Debian's Chromium (Playwright, driven from Node): search a patient, check the drawn
// neighbourhood in cytoscape's model and the highlighted infection chain, save a screenshot; and
// the browser-SDK page calling the emulator directly over CORS.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../vitest.shared.ts';
import { buildWeb } from '../scripts/build-web.ts';
import { lastSeq, requestsSince, type Stack, startStack } from './helpers.js';

const SCREENSHOTS = join(import.meta.dirname, '__screenshots__');

let stack: Stack;
let browser: Browser;
let webDir: string;
beforeAll(async () => {
  webDir = await mkdtemp(join(tmpdir(), 'sample-web-'));
  await buildWeb({ outDir: webDir, source: true });
  stack = await startStack({ webDir, browserDemo: true });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
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
}

describe('the contact-tracing page', () => {
  it('draws the neighbourhood of a searched patient with the chain highlighted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/`);
    await page.fill('#patient-id', '1000000007');
    await page.click('#search');
    await page.waitForSelector('body[data-drawn="1000000007"]', { timeout: 10_000 });
    const drawn = await page.evaluate((): Drawn => {
      const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
      return {
        nodes: cy.nodes().map((n) => n.id()),
        edges: cy.edges().map((e) => `${e.source().id()}>${e.target().id()}`),
        chainEdges: cy.edges('.chain').map((e) => `${e.source().id()}>${e.target().id()}`),
        canvases: document.querySelectorAll('#graph canvas').length,
      };
    });
    expect(drawn.nodes).toEqual(
      expect.arrayContaining([
        'Patient:1000000007',
        'Patient:1000000003',
        'Patient:1000000001',
        'City:jongno_gu',
        'InfectionCase:contact_with_patient',
      ]),
    );
    expect(drawn.edges).toContain('Patient:1000000007>City:jongno_gu');
    expect(drawn.chainEdges).toEqual([
      'Patient:1000000007>Patient:1000000003',
      'Patient:1000000003>Patient:1000000001',
    ]);
    expect(drawn.canvases).toBeGreaterThan(0);
    expect(await page.textContent('#status')).toBe('Patient 1000000007: 5 nodes, 4 edges');
    expect(await page.textContent('#details')).toContain('Chain to source: 1000000003 → 1000000001');

    // A chain to another patient, found by path finding, joins the drawing.
    await page.fill('#chain-to', '1000000006');
    await page.click('#show-chain');
    await page.waitForFunction(
      () => document.getElementById('status')?.textContent?.startsWith('Infection chain'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(await page.textContent('#status')).toBe('Infection chain: 1000000007 → 1000000003 → 1000000006');
    const chainNodes = await page.evaluate(() =>
      (window as unknown as { cy: import('cytoscape').Core }).cy
        .nodes('.chain')
        .map((n) => n.id())
        .sort(),
    );
    expect(chainNodes).toEqual(['Patient:1000000003', 'Patient:1000000006', 'Patient:1000000007']);

    await mkdir(SCREENSHOTS, { recursive: true });
    const shot = await page.screenshot({ path: join(SCREENSHOTS, 'neighbourhood.png'), fullPage: true });
    expect(shot.byteLength).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a clear message for an unknown patient', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.url}/`);
    await page.fill('#patient-id', '9999999999');
    await page.click('#search');
    await page.waitForSelector('#status[data-kind="error"]');
    expect(await page.textContent('#status')).toBe('No patient has the id 9999999999.');
    await page.close();
  });
});

describe('the browser-SDK page', () => {
  it('runs the SDK browser build against the emulator over CORS', async () => {
    const page = await browser.newPage();
    const before = lastSeq(stack.emulator);
    await page.goto(`${stack.url}/browser-sdk`);
    await page.waitForSelector('body:not([data-status="running"])');
    expect(await page.getAttribute('body', 'data-status')).toBe('passed');
    const checks = await page.$$eval('#checks li', (items) => items.map((li) => li.textContent));
    expect(checks).toEqual([
      'runtime: browser',
      'patients: 24',
      'first patients: 1000000001, 1000000002, 1000000003',
      'infection chain of 1000000007: 1000000003 → 1000000001',
    ]);
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
        .every((r) => String(r.headers['authorization']).startsWith('Bearer ')),
    ).toBe(true);
    await page.close();
  });
});
