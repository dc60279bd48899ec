/**
 * The mandate-period review: figures from the indexed sample archive, then the HTML report opened
 * in Debian's Chromium (playwright-core) to check that the chart and the tables render.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, type MeiliConnection } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { writeReport } from '../cli/report-command.ts';
import { loadQueries, runEval } from '../cli/eval-command.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = path.join(PROJECT_ROOT, 'test-output');
const tmp = tempDir('report');
let conn: MeiliConnection;
let index: ArchiveIndex;

beforeAll(async () => {
  const config = loadConfig({ MINUTES_DATA_DIR: tmp.dir });
  conn = await connectMeili(config);
  index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'r_');
  await runIngest(SAMPLE_DIR, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
});
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('evaluation on the sample archive', () => {
  it('runs data/eval/queries.json in every mode, skipping those without a model', async () => {
    const results = await runEval(index, loadQueries(path.join(PROJECT_ROOT, 'data', 'eval', 'queries.json')), ['keyword', 'semantic', 'hybrid'], 10);
    const keyword = results.find((r) => r.mode === 'keyword')!;
    expect(keyword.perQuery).toHaveLength(34);
    // The level reached with compounds and synonyms (0.876); a drop below this fails.
    expect(keyword.mean!.ndcg).toBeGreaterThanOrEqual(0.85);
    expect(results.find((r) => r.mode === 'hybrid')!.skipped).toMatch(/needs an embedding model/);
  });
});

describe('evaluation after a nightly ingest', () => {
  it('keeps a history and flags a drop in nDCG since the previous run', async () => {
    const { evaluateAfterIngest } = await import('../cli/eval-command.ts');
    const { appendFileSync } = await import('node:fs');
    const queries = path.join(PROJECT_ROOT, 'data', 'eval', 'queries.json');
    const history = path.join(tmp.dir, 'eval-history.jsonl');
    const first = await evaluateAfterIngest(index, queries, SAMPLE_DIR, history);
    expect(first).toMatchObject({ previous: null, drops: [] });
    // Pretend an earlier run scored higher: this run is then a drop.
    appendFileSync(history, `${JSON.stringify({ time: 't', root: SAMPLE_DIR, queries, ndcg: { keyword: first.ndcg.keyword! + 0.1 } })}\n`);
    const second = await evaluateAfterIngest(index, queries, SAMPLE_DIR, history);
    expect(second.drops).toEqual([`keyword nDCG@10 ${first.ndcg.keyword! + 0.1} → ${first.ndcg.keyword}`]);
    expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});

describe('mandate-period report', () => {
  let html = '';
  beforeAll(async () => {
    const written = await writeReport(index, { period: '2023-2026', body: null, out: path.join(tmp.dir, 'rapport'), evalResults: null });
    html = written.html;
    expect(readFileSync(written.markdown, 'utf8')).toMatch(/^# Mandatperiodens genomgång 2023–2026/);
    // Bodies per organisation: Kristinehamn's Kommunstyrelsen is not Arvika's.
    expect(written.data.meetings).toContainEqual({ body: 'Kommunstyrelsen (Kristinehamns kommun)', year: 2023, count: 1 });
    expect(written.data.decisions.map((d) => d.body)).toContain('Kommunstyrelsen (Kristinehamns kommun)');
    // Attendance counts the body's members; the kommundirektör and the secretary are listed apart.
    const members = written.data.attendance.map((a) => a.name);
    expect(members).toEqual(expect.arrayContaining(['Lars Nilsson', 'Pernilla Holm', 'Hans Gustafsson']));
    expect(members).not.toContain('Martin Willén');
    expect(members).not.toContain('Helena Bergqvist');
    expect(written.data.others).toEqual(expect.arrayContaining([{ name: 'Martin Willén', roles: ['kommundirektör'], present: 1 }, expect.objectContaining({ name: 'Helena Bergqvist' })]));
    expect(written.data.decisions.map((d) => d.date)).toEqual([...written.data.decisions.map((d) => d.date)].sort());
  });

  const needChromium = !existsSync(CHROMIUM) && !process.env.CI;
  it.skipIf(needChromium)('renders in Chromium with the themes chart, the tables and linked decisions', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} (apt-get install -y chromium)`).toBe(true);
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href);
      expect(await page.locator('h1').innerText()).toBe('Mandatperiodens genomgång 2023–2026');
      expect(await page.locator('#teman svg .mark-rect path, #teman svg .mark-rect rect').count()).toBeGreaterThan(3);
      expect(await page.locator('#moten tbody tr').count()).toBeGreaterThan(3);
      expect(await page.locator('#narvaro tbody tr').count()).toBeGreaterThan(10);
      expect(await page.locator('#narvaro').innerText()).not.toContain('Martin Willén');
      expect(await page.locator('#ovriga tbody tr', { hasText: 'Martin Willén' }).innerText()).toContain('kommundirektör');
      expect(await page.locator('#beslut li a[href^="file://"]').count()).toBeGreaterThan(3);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'rapport-2023-2026.png'), fullPage: true });
    } finally {
      await browser?.close();
    }
  });
});
