/**
 * The search page in Debian's Chromium (playwright-core) against the real API and Meilisearch:
 * search, facets, document view, person page, trends chart, an XSS probe, file download safety;
 * and the analyst's day (issue 15): paging by link and keyboard, facets that combine, "Visa fler",
 * Back, bodies per organisation, sorting, decisions exports equal to the table, protocol detail,
 * Swedish labels, struck names, trends as counts side by side or shares, the people list, and
 * every view at phone width (screenshots in test-output/).
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
let arvikaId = '';
let kristinehamnId = '';
/** Whether the page is no wider than the window (nothing to scroll sideways). */
const fitsWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const checked = async (p: Page, facet: string) => (await p.locator(`[data-facet="${facet}"] label:has(input:checked)`).allInnerTexts()).map((t) => t.trim());

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
    // Ten more meetings that speak of the kommun: with the sample, more than one page of results.
    for (let i = 0; i < 10; i++) {
      const date = `${2022 + (i % 2)}-${String(2 + i).padStart(2, '0')}-14`;
      writeFileSync(path.join(probeDir, `planeringsgruppen-${date}.md`), `# Minnesanteckningar Planeringsgruppen ${date}\n\nDatum ${date}\n\n## 1. Kommunens översiktsplan\n\nGruppen gick igenom hur kommunen arbetar med översiktsplanen och vilka remisser som väntar under våren.\n\n## 2. Övriga frågor\n\nNästa möte hålls i kommunhuset.\n`);
    }
    // A scan without a text layer (read by Tesseract): its words are in the page image only.
    copyFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'scans', '212_varmlandsradet-2023-01-20-minnesanteckningar.pdf'), path.join(probeDir, 'skannad-212.pdf'));
    await runIngest(probeDir, { full: false, config, index, reporter });
    const idOf = async (fileName: string) => (await index.client.getDocuments<{ id: string }>(index.names.documents, { filter: `fileName = "${fileName}"`, fields: ['id'] })).results[0]!.id;
    probeId = await idOf('skriptprov.md');
    arvikaId = await idOf('211_arvika-kommunstyrelsen-2021-11-23-protokoll.pdf');
    kristinehamnId = await idOf('206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx');
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

  it('finds a capitalised question, and shows the archive\'s spelling\'s hits when nothing matches', async () => {
    await page.goto(`${server.url}/?q=${encodeURIComponent('Vad sades om bristen på arbetskraft?')}`);
    await page.waitForSelector('.hit mark');
    expect(await page.locator('.hit').count()).toBeGreaterThanOrEqual(2);
    // The thesaurus's synonyms that the archive has are named ("arbetskraft|personal").
    expect(await page.locator('.also-searched').innerText()).toMatch(/^Sökte också efter synonymer: .*\bpersonal\b/);
    await page.goto(`${server.url}/?q=V%C3%A4rmlandsbanen`);
    await page.waitForSelector('.status.corrected');
    expect(await page.locator('.status.corrected').innerText()).toMatch(/^Inga träffar för ”Värmlandsbanen”\. Visar \d+ dokument för ”värmlandsbanan”/);
    await page.waitForSelector('.hit mark');
    expect((await page.locator('.hit mark').first().innerText()).toLowerCase()).toBe('värmlandsbanan');
    await page.screenshot({ path: path.join(OUTPUT, 'ui-forslag.png') });
  });

  it('narrows by a facet, keeps the state in the URL, and clears it', async () => {
    await page.locator('[data-facet="docType"] label', { hasText: 'protokoll' }).click();
    await page.waitForFunction(() => location.search.includes('type=protokoll'));
    await page.waitForFunction(() => [...document.querySelectorAll('.hit')].every((h) => [...h.querySelectorAll('.chip')].some((c) => c.textContent === 'Protokoll')));
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

  it('shows partial attendance beside the attendance, on the document and on the person', async () => {
    await page.goto(`${server.url}/personer?q=Wiik`);
    await page.locator('.people-list a', { hasText: /^Anders Wiik/ }).click();
    await page.waitForSelector('.person h1');
    // "Inbjudna  Anders Wiik (Punkt 3)": there for item 3 only, and present.
    expect(await page.locator('.person td[data-label="Närvaro"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^närvarande.* § 3$/)]));
    await page.locator('.person td[data-label="Möte"] a').first().click();
    await page.waitForSelector('.document h1');
    expect(await page.locator('.attendance-present li', { hasText: 'Anders Wiik' }).locator('.partial').innerText()).toMatch(/^\s*§ 3\b/);
  });

  it('shows a person with every spelling and meeting', async () => {
    await page.goto(`${server.url}/personer?q=Irén`);
    await page.locator('.people-list a', { hasText: /^Irén Leje?gren/ }).click();
    await page.waitForSelector('.person h1');
    expect(await page.locator('.person h1').first().innerText()).toMatch(/^Irén Leje?gren/);
    expect(await page.locator('.person').first().locator('tbody tr').count()).toBe(2);
    // Each meeting's body is named with its organisation.
    expect(await page.locator('.person td[data-label="Organ"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/\(Region Örebro län\)$/)]));
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

  it('pages through the results by a control and by keyboard', async () => {
    await page.goto(`${server.url}/?q=kommun`);
    await page.waitForSelector('.hit');
    const status = await page.locator('#results-status').innerText();
    const total = Number(/^(\d+) dokument/.exec(status)![1]);
    expect(total).toBeGreaterThan(20);
    expect(status).toContain('sida 1 av 2');
    // Documents by their links: two documents may share a title (the sample's 212 and its scan).
    const documents = () => page.locator('.hit h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const first = await documents();
    expect(first).toHaveLength(20);
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Nästa →' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === '2');
    await page.waitForFunction(() => document.querySelector('#results-status')?.textContent?.includes('sida 2 av 2'));
    const second = await documents();
    expect(second).toHaveLength(total - 20);
    expect(second.some((t) => first.includes(t))).toBe(false);
    // The reader lands on the new page's first line.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-status');
    await page.screenshot({ path: path.join(OUTPUT, 'ui-sida-2.png') });
    // Back to page 1 with the keyboard: the page links are reached by Tab and followed by Enter.
    await page.locator('#q').focus();
    let onLink = false;
    for (let i = 0; i < 200 && !onLink; i++) {
      await page.keyboard.press('Tab');
      onLink = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Sida 1');
    }
    expect(onLink).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('page'));
    await page.waitForFunction(() => document.querySelector('#results-status')?.textContent?.includes('sida 1 av 2'));
  });

  it('combines values of a facet, shows more values on request, and Back undoes a tick', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-facet="year"] input');
    const years = async () => (await page.locator('[data-facet="year"] label').allInnerTexts()).map((t) => t.trim().slice(0, 4));
    const allYears = await years();
    await page.locator('[data-facet="year"] label', { hasText: '2022' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2022');
    await page.waitForFunction(() => [...document.querySelectorAll('.hit .chip:first-child')].every((c) => c.textContent?.startsWith('2022')));
    // The other years stay to be ticked beside it.
    expect(await years()).toEqual(allYears);
    await page.locator('[data-facet="year"] label', { hasText: '2023' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2022,2023');
    await page.waitForFunction(() => {
      const dates = [...document.querySelectorAll('.hit .chip:first-child')].map((c) => c.textContent ?? '');
      return dates.some((d) => d.startsWith('2022')) && dates.some((d) => d.startsWith('2023')) && dates.every((d) => /^202[23]/.test(d));
    });
    expect(await checked(page, 'year')).toHaveLength(2);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-fasetter.png') });
    // Back undoes the second tick, then the first.
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2022');
    expect((await checked(page, 'year')).map((t) => t.slice(0, 4))).toEqual(['2022']);
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('year'));
    expect(await checked(page, 'year')).toHaveLength(0);
    // A person the API counts but the first twelve leave out appears after "Visa fler".
    const api = (await (await fetch(`${server.url}/api/search?q=`)).json()) as { facets: { persons: Record<string, number> } };
    const persons = page.locator('[data-facet="persons"]');
    const shown = (await persons.locator('label').allInnerTexts()).map((t) => t.trim());
    expect(shown).toHaveLength(12);
    const missing = Object.keys(api.facets.persons).find((name) => !shown.some((t) => t.startsWith(name)))!;
    expect(missing).toBeTruthy();
    await persons.getByRole('button', { name: /^Visa fler/ }).click();
    expect(await persons.locator('label').count()).toBe(Object.keys(api.facets.persons).length);
    await expect.poll(() => persons.locator('label', { hasText: missing }).count()).toBe(1);
  });

  it('keeps bodies of different organisations apart, and the search when going back from a document', async () => {
    await page.goto(`${server.url}/?q=kommunstyrelsen`);
    await page.waitForSelector('[data-facet="bodyKey"] label');
    const bodies = (await page.locator('[data-facet="bodyKey"] label').allInnerTexts()).map((t) => t.trim());
    expect(bodies.some((b) => b.startsWith('Kommunstyrelsen (Arvika kommun)'))).toBe(true);
    expect(bodies.some((b) => b.startsWith('Kommunstyrelsen (Kristinehamns kommun)'))).toBe(true);
    await page.locator('[data-facet="bodyKey"] label', { hasText: 'Kommunstyrelsen (Arvika kommun)' }).click();
    await page.waitForFunction(() => location.search.includes('body='));
    await page.waitForFunction(() => document.querySelectorAll('.hit').length === 1);
    const search = page.url();
    await page.locator('.hit h2 a').first().click();
    await page.waitForSelector('.document h1');
    await page.getByRole('link', { name: '← Tillbaka till sökningen' }).click();
    await page.waitForSelector('.hit');
    expect(page.url()).toBe(search);
    expect(await checked(page, 'bodyKey')).toEqual([expect.stringMatching(/^Kommunstyrelsen \(Arvika kommun\)/)]);
    // The old filter by the body's name alone still finds both.
    const both = (await (await fetch(`${server.url}/api/search?q=&body=Kommunstyrelsen`)).json()) as { total: number };
    expect(both.total).toBe(2);
  });

  it('sorts results without a query by date, and with one by relevance or date', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.hit');
    const dates = () => page.locator('.hit .chip:first-child').allInnerTexts();
    const newest = await dates();
    expect(newest).toEqual([...newest].sort().reverse());
    expect(await page.locator('.sort option[value="relevance"]').isDisabled()).toBe(true);
    await page.getByLabel('Sortera').selectOption('oldest');
    await page.waitForFunction(() => location.search.includes('sort=oldest'));
    await page.waitForFunction((first) => document.querySelector('.hit .chip')?.textContent !== first, newest[0]);
    const oldest = await dates();
    expect(oldest).toEqual([...oldest].sort());
    expect(oldest[0]).toBe('2019-01-25');
    await page.goto(`${server.url}/?q=kommun`);
    await page.waitForSelector('.hit');
    expect(await page.getByLabel('Sortera').inputValue()).toBe('relevance');
    const ranked = await dates();
    expect(ranked).not.toEqual([...ranked].sort().reverse());
    await page.getByLabel('Sortera').selectOption('newest');
    await page.waitForFunction(() => location.search.includes('sort=newest'));
    await page.waitForFunction(() => { const d = [...document.querySelectorAll('.hit .chip:first-child')].map((c) => c.textContent ?? ''); return d.join() === [...d].sort().reverse().join(); });
  });

  it('exports exactly the rows the decisions table shows, in Swedish, for Excel and others', async () => {
    await page.goto(`${server.url}/beslut`);
    await page.waitForSelector('.decisions tbody tr');
    const options = await page.getByLabel('Organ').locator('option').allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['Kommunstyrelsen (Arvika kommun)', 'Kommunstyrelsen (Kristinehamns kommun)']));
    await page.getByLabel('Mandatperiod').selectOption('2019-2022');
    await page.getByLabel('Organ').selectOption('Kommunstyrelsen (Arvika kommun)');
    await page.waitForFunction(() => location.search.includes('body='));
    await page.getByLabel('Innehåller').fill('Interreg');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Interreg');
    await page.waitForFunction(() => document.querySelectorAll('.decisions tbody tr').length === 1);
    const row = await page.locator('.decisions tbody tr').innerText();
    expect(row).toContain('Interreg');
    expect(row).toContain('Reservation: Mikael Björk');
    expect(row).toContain('Omröstning: 4 ja, 1 nej');
    // A reload keeps the text filter.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.decisions tbody tr').length === 1);
    expect(await page.getByLabel('Innehåller').inputValue()).toBe('Interreg');
    await page.screenshot({ path: path.join(OUTPUT, 'ui-beslut.png'), fullPage: true });
    const download = async (name: RegExp) => (await fetch(`${server.url}${await page.getByRole('link', { name }).getAttribute('href')}`)).text();
    const excel = (await download(/CSV för Excel \(semikolon\)/)).replace(/^\uFEFF/, '').trim().split('\r\n');
    const comma = (await download(/^CSV \(komma\)/)).replace(/^\uFEFF/, '').trim().split('\r\n');
    const json = JSON.parse(await download(/^JSON$/)) as unknown[];
    expect(excel).toHaveLength(2);
    expect(comma).toHaveLength(2);
    expect(json).toHaveLength(1);
    expect(excel[0]).toBe('"Datum";"Organ";"Organisation";"Dokument";"Paragraf";"Beslut";"Yrkanden";"Omröstning";"Reservationer";"Förslag till";"Fil"');
    expect(comma[0]).toBe(excel[0]!.replaceAll(';', ','));
    expect(excel[1]).toContain('"Kommunstyrelsen (Arvika kommun)";"Arvika kommun"');
    expect(excel[1]).toContain('"Ulrika Sundqvist (C): bifall till förslaget; Mikael Björk (SD): avslag";"4 ja, 1 nej";"Mikael Björk"');
    expect(await page.locator('.exports').innerText()).toMatch(/semikolon[\s\S]*komma/);
    // Without the text filter, the same body has more rows, in the table and the export alike.
    await page.getByLabel('Innehåller').fill('');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
    await page.waitForFunction(() => document.querySelectorAll('.decisions tbody tr').length > 1);
    const rows = await page.locator('.decisions tbody tr').count();
    expect((await download(/CSV för Excel/)).trim().split('\r\n')).toHaveLength(rows + 1);
  });

  it('shows a protocol\'s yrkanden, omröstning and reservation, Swedish labels and struck names on the document page', async () => {
    await page.goto(`${server.url}/dokument/${arvikaId}`);
    await page.waitForSelector('.document h1');
    const decisions = await page.locator('.decisions-of-doc').innerText();
    expect(decisions).toContain('Yrkanden');
    expect(decisions).toContain('Mikael Björk (SD): avslag');
    expect(decisions).toMatch(/Omröstning\s+4 ja, 1 nej/);
    expect(decisions).toMatch(/Reservation\s+Mikael Björk/);
    expect(decisions).toMatch(/Förslag till\s+Kommunfullmäktige/);
    expect(await page.locator('.meta').innerText()).toMatch(/Typ\s+Protokoll/);
    const dates = await page.locator('.dates-of-doc').innerText();
    expect(dates).toContain('(sammanträde)');
    expect(dates).not.toMatch(/\((meeting|next-meeting|deadline)\)/);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-protokoll.png'), fullPage: true });
    await page.goto(`${server.url}/dokument/${kristinehamnId}`);
    await page.waitForSelector('.document h1');
    // Struck out in the Beslutande list: shown struck; the list is a table, not "Name | ledamot".
    expect(await page.locator('#Beslutande del').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Pernilla Holm'), expect.stringContaining('Camilla Ek')]));
    expect(await page.locator('#Beslutande del', { hasText: 'Lars Nilsson' }).count()).toBe(0);
    expect(await page.locator('.sections').innerText()).not.toContain(' | ');
    expect(await page.locator('#Beslutande td', { hasText: 'ledamot' }).count()).toBeGreaterThan(2);
    await page.goto(`${server.url}/?q=tjänsteskrivelse`);
    await page.waitForSelector('.hit');
    const chips = await page.locator('.hit .chip').allInnerTexts();
    expect(chips).toContain('Tjänsteskrivelse');
    expect(chips).not.toContain('tjansteskrivelse');
    // The switch that cannot be used says why, in words on the page.
    expect(await page.locator('#hybrid-why').isVisible()).toBe(true);
    expect(await page.locator('#hybrid-why').innerText()).toContain('språkmodell');
  });

  it('draws themes side by side or as shares, with a legend of theme labels, readable on a phone', async () => {
    await page.goto(`${server.url}/trender`);
    await page.waitForSelector('.legend li');
    const legend = await page.locator('.legend li').allInnerTexts();
    expect(legend.map((t) => t.trim())).toContain('Kompetensförsörjning');
    expect(legend.join()).not.toMatch(/kompetensforsorjning|civilt-forsvar/);
    const api = (await (await fetch(`${server.url}/api/trends`)).json()) as { themesPerYear: { year: number; theme: string; documents: number }[]; documentsPerYear: { year: number; documents: number }[] };
    // No theme of a year counts more documents than the year has (what stacked bars suggested).
    for (const t of api.themesPerYear) expect(t.documents).toBeLessThanOrEqual(api.documentsPerYear.find((d) => d.year === t.year)!.documents);
    await page.getByLabel('Andel av årets dokument').check();
    await page.waitForFunction(() => location.search.includes('visa=andel'));
    await page.locator('.trends summary').click();
    const cells = await page.locator('.figures td').allInnerTexts();
    expect(cells.every((c) => /^\d+ %$/.test(c) && Number(c.slice(0, -2)) <= 100)).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'ui-trender-andel.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/trender`);
    await page.waitForSelector('.legend li');
    await page.waitForFunction(() => (document.querySelector('.chart canvas') as HTMLCanvasElement | null)?.getBoundingClientRect().height ?? 0 > 0);
    expect((await page.locator('.chart canvas').boundingBox())!.height).toBeGreaterThanOrEqual(250);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lists people sorted by name or meetings, searchable', async () => {
    await page.goto(`${server.url}/personer`);
    await page.waitForSelector('.people-list tbody tr');
    const names = await page.locator('.people-list tbody td:first-child').allInnerTexts();
    expect(names).toHaveLength(50);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    const total = Number(/^50 av (\d+) personer/.exec(await page.locator('.people .status').innerText())![1]);
    expect(total).toBeGreaterThan(50);
    await page.getByRole('button', { name: /^Visa fler/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.people-list tbody tr').length === n, total);
    const all = await page.locator('.people-list tbody td:first-child').allInnerTexts();
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, 'sv')));
    expect(all.slice(0, 50)).toEqual(names);
    await page.getByLabel('Sortera').selectOption('meetings');
    await page.waitForFunction(() => location.search.includes('sort=meetings'));
    await page.waitForFunction((first) => document.querySelector('.people-list tbody td')?.textContent !== first, names[0]);
    const counts = (await page.locator('.people-list tbody td[data-label="Möten"]').allInnerTexts()).map((t) => t.match(/\d+/g)!.map(Number).reduce((a, b) => a + b, 0));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.getByLabel('Sök person').fill('Lejgren');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'Lejgren');
    await page.waitForFunction(() => document.querySelectorAll('.people-list tbody tr').length === 1);
    expect(await page.locator('.people-list tbody td:first-child').innerText()).toMatch(/^Irén Leje?gren/);
  });

  it('fits a phone (390 px) on every view without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const personId = ((await (await fetch(`${server.url}/api/people?q=Lejgren`)).json()) as { people: { id: string }[] }).people[0]!.id;
    const views: [string, string, string][] = [
      ['sok', '/?q=kommun', '.hit'], ['sok-fasett', '/?q=&year=2022,2023&type=minnesanteckningar', '.hit'],
      ['dokument', `/dokument/${kristinehamnId}?q=kommun`, '.document h1'], ['protokoll', `/dokument/${arvikaId}`, '.document h1'],
      ['personer', '/personer', '.people-list tbody tr'], ['person', `/personer/${personId}`, '.person h1'],
      ['trender', '/trender', '.legend li'], ['beslut', '/beslut', '.decisions tbody tr'],
      ['bevakningar', '/bevakningar', '.saved h1'], ['organisation', `/organisation/${encodeURIComponent('Migrationsverket')}`, '.organisation tbody tr'],
    ];
    try {
      for (const [name, route, ready] of views) {
        await page.goto(`${server.url}${route}`);
        await page.waitForSelector(ready);
        expect(await fitsWidth(page), name).toBe(true);
        await page.screenshot({ path: path.join(OUTPUT, `ui-mobil-${name}.png`), fullPage: true });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
