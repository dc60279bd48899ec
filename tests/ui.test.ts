/**
 * The search page in Debian's Chromium (playwright-core) against the real API and Meilisearch:
 * search, facets, document view, person page, trends chart, an XSS probe, file download safety.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, type MeiliConnection } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { startServer, DIST } from '../search-ui/index.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = path.join(PROJECT_ROOT, 'test-output');
const skip = !existsSync(CHROMIUM) && !process.env.CI;
const tmp = tempDir('ui');
let conn: MeiliConnection;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let probeId = '';

describe.skipIf(skip)('search page in a browser', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) await build({ configFile: path.join(PROJECT_ROOT, 'search-ui', 'web', 'vite.config.ts'), logLevel: 'error' });
    const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data') });
    conn = await connectMeili(config);
    const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'ui_');
    const reporter = createReporter({ tty: false, quiet: true });
    await runIngest(SAMPLE_DIR, { full: false, config, index, reporter });
    const probeDir = path.join(tmp.dir, 'probe');
    mkdirSync(probeDir);
    writeFileSync(path.join(probeDir, 'skriptprov.md'), '## Skriptprov <script>window.__xss = 1</script>\n\nDatum 2024-01-10\n\nEtt skriptprov med <img src=x onerror="window.__xss = 2"> och **fet** text.\n');
    // A scan without a text layer (read by Tesseract): its words are in the page image only.
    copyFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'scans', '212_varmlandsradet-2023-01-20-minnesanteckningar.pdf'), path.join(probeDir, 'skannad-212.pdf'));
    await runIngest(probeDir, { full: false, config, index, reporter });
    probeId = (await index.client.getDocuments<{ id: string }>(index.names.documents, { filter: 'fileName = "skriptprov.md"', fields: ['id'] })).results[0]!.id;
    server = await startServer({ port: 0, index });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(OUTPUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await conn?.stop();
    tmp.cleanup();
  });

  it('searches as the analyst types, with results grouped per document and highlighted', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#q').fill('kompetensförsörjning');
    await page.waitForFunction(() => location.search.includes('q='));
    await page.waitForSelector('.hit mark');
    expect(await page.locator('.hit').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.status').innerText()).toContain('kompetensförsörjning');
    // Themes are shown by their labels, not their ids.
    const themes = await page.locator('[data-facet="themes"]').innerText();
    expect(themes).toContain('Kompetensförsörjning');
    expect(themes).not.toContain('kompetensforsorjning');
    await page.screenshot({ path: path.join(OUTPUT, 'ui-sok.png') });
    // A narrow window: facets stack above the results, nothing overflows sideways.
    await page.setViewportSize({ width: 420, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-sok-smal.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('finds a capitalised question, and offers the archive\'s spelling when nothing matches', async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent('Vad sades om bristen på arbetskraft?')}`);
    await page.waitForSelector('.hit mark');
    expect(await page.locator('.hit').count()).toBeGreaterThanOrEqual(2);
    await page.goto(`${server.url}/?q=V%C3%A4rmlandsbanen`);
    await page.getByRole('button', { name: 'värmlandsbanan' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'värmlandsbanan');
    await page.waitForSelector('.hit mark');
    expect((await page.locator('.hit mark').first().innerText()).toLowerCase()).toBe('värmlandsbanan');
    await page.screenshot({ path: path.join(OUTPUT, 'ui-forslag.png') });
  });

  it('narrows by a facet, keeps the state in the URL, and clears it', async () => {
    await page.locator('[data-facet="docType"] label', { hasText: 'protokoll' }).click();
    await page.waitForFunction(() => location.search.includes('type=protokoll'));
    await page.waitForFunction(() => [...document.querySelectorAll('.hit')].every((h) => h.textContent?.includes('protokoll')));
    const url = page.url();
    await page.goto(url);
    await page.waitForSelector('.hit');
    expect(await page.locator('[data-facet="docType"] input:checked').count()).toBe(1);
    await page.getByRole('button', { name: 'Rensa alla filter' }).click();
    await page.waitForFunction(() => !location.search.includes('type='));
  });

  it('opens a document with its persons, decisions and the hit section', async () => {
    await page.goto(`${server.url}/?q=regementet`);
    await page.locator('.hit h2 a').first().click();
    await page.waitForSelector('.document h1');
    expect(await page.locator('.attendance-present li').count()).toBeGreaterThan(3);
    expect(await page.locator('.attendance-absent li').count()).toBeGreaterThan(0);
    expect(await page.locator('.doc-section mark').count()).toBeGreaterThan(0);
    expect(await page.locator('a[download]').getAttribute('href')).toMatch(/^\/files\/[a-f0-9]+$/);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-dokument.png'), fullPage: true });
  });

  it('shows a person with every spelling and meeting', async () => {
    await page.goto(`${server.url}/personer?q=Irén`);
    await page.waitForSelector('.person h1');
    expect(await page.locator('.person h1').first().innerText()).toMatch(/^Irén Leje?gren/);
    expect(await page.locator('.person').first().locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-person.png') });
  });

  it('draws the themes-per-year chart', async () => {
    await page.goto(`${server.url}/trender`);
    await page.waitForFunction(() => { const c = document.querySelector('canvas'); return c !== null && c.width > 100 && c.toDataURL().length > 5000; });
    await page.screenshot({ path: path.join(OUTPUT, 'ui-trender.png') });
  });

  it('finds and highlights a word that only a scanned page image holds, marked as read by OCR', async () => {
    await page.goto(`${server.url}/?q=Strengsdal`);
    await page.waitForSelector('.hit mark');
    // The sample's own 212 (text layer) matches too; the scan is the hit marked OCR.
    const hit = page.locator('.hit').filter({ has: page.locator('.ocr') }).first();
    expect(await hit.locator('mark').first().innerText()).toBe('Strengsdal');
    expect(await hit.locator('.ocr').first().innerText()).toMatch(/^OCR, \d{2,3} %$/);
    await hit.locator('h2 a').click();
    await page.waitForSelector('dd.ocr');
    expect(await page.locator('dd.ocr').innerText()).toMatch(/OCR, \d{2,3} % \(s\. 1 lästa med OCR/);
    expect(await page.locator('.doc-section .ocr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-ocr.png') });
  });

  it('renders markup inside documents as inert text', async () => {
    await page.goto(`${server.url}/dokument/${probeId}?q=skriptprov`);
    await page.waitForSelector('.document h1');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.document').innerText()).toContain('<script>window.__xss = 1</script>');
    expect(await page.locator('.document script, .document img').count()).toBe(0);
    await page.goto(`${server.url}/?q=skriptprov`);
    await page.waitForSelector('.hit');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('saves a search from the page, lists it, and serves its Atom feed', async () => {
    await page.goto(`${server.url}/?q=Ukraina&type=anteckningar`);
    await page.waitForSelector('.hit');
    await page.locator('.save-search input').fill('Ukraina i anteckningar');
    await page.locator('.save-search button').click();
    await page.waitForSelector('.save-search [role="status"]');
    expect(await page.locator('.save-search [role="status"]').innerText()).toMatch(/Sparad som bevakning \(flöde: \/feeds\/[a-f0-9]{12}\.atom\)/);
    await page.goto(`${server.url}/bevakningar`);
    await page.waitForSelector('.saved tbody tr');
    const feedHref = await page.locator('.saved a', { hasText: 'Atom' }).first().getAttribute('href');
    const feed = await (await fetch(`${server.url}${feedHref}`)).text();
    expect(feed).toMatch(/^<\?xml/);
    expect(feed).toContain('<title>Bevakning: Ukraina i anteckningar</title>');
    expect(feed).toContain('Anteckningar från Regionala samverkansrådet 20 maj 2022');
    expect((await fetch(`${server.url}/api/saved`, { method: 'POST', body: '{"name":"x"}' })).status).toBe(415);
  });

  it('shows an organisation page', async () => {
    await page.goto(`${server.url}/organisation/${encodeURIComponent('Migrationsverket')}`);
    await page.waitForSelector('.organisation tbody tr');
    expect(await page.locator('.organisation tbody tr').count()).toBeGreaterThanOrEqual(2);
  });

  it('asks for a login when one is configured', async () => {
    const guarded = await startServer({ port: 0, index: new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'ui_'), auth: { user: 'analytiker', password: 'hemligt-lösen' } });
    try {
      const denied = await fetch(`${guarded.url}/api/search?q=x`);
      expect(denied.status).toBe(401);
      expect(denied.headers.get('www-authenticate')).toMatch(/^Basic/);
      const auth = `Basic ${Buffer.from('analytiker:hemligt-lösen').toString('base64')}`;
      expect((await fetch(`${guarded.url}/api/search?q=x`, { headers: { Authorization: auth } })).status).toBe(200);
      expect((await fetch(`${guarded.url}/api/search?q=x`, { headers: { Authorization: `Basic ${Buffer.from('analytiker:fel').toString('base64')}` } })).status).toBe(401);
    } finally {
      await guarded.close();
    }
  });

  it('serves originals by document id only, with safe headers', async () => {
    const ok = await fetch(`${server.url}/files/${probeId}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Skriptprov');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const bad of ['/files/..%2F..%2Fetc%2Fpasswd', '/files/%2Fetc%2Fpasswd', '/api/documents/..%2Fsecret']) {
      expect((await fetch(`${server.url}${bad}`)).status, bad).toBeGreaterThanOrEqual(400);
    }
    expect((await fetch(`${server.url}/api/documents/${'0'.repeat(20)}`)).status).toBe(404);
    const badFilter = await fetch(`${server.url}/api/search?q=x&from=2022-13-01`);
    expect(badFilter.status).toBe(400);
    expect(((await badFilter.json()) as { error: string }).error).toMatch(/ogiltigt filter/);
  });

  it('gives every hit on a page its own best passages, at most three', async () => {
    type Page = { total: number; hits: { docId: string; chunkId: string; passages: { docId: string; chunkId: string }[] }[] };
    const res = (await (await fetch(`${server.url}/api/search?q=kommun`)).json()) as Page;
    expect(res.hits.length).toBeGreaterThanOrEqual(5);
    for (const h of res.hits) {
      expect(h.passages.length).toBeGreaterThanOrEqual(1);
      expect(h.passages.length).toBeLessThanOrEqual(3);
      expect(h.passages.every((p) => p.docId === h.docId)).toBe(true);
      expect(h.passages.map((p) => p.chunkId)).toContain(h.chunkId);
    }
  });
});
