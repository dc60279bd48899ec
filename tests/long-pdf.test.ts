/**
 * A long PDF whose sentences all start in lower case (no paragraph or sentence breaks the splitter
 * can use), printed by Chromium: every passage keeps to MINUTES_CHUNK_WORDS, and a unique word deep
 * in the document is found and highlighted in a passage of normal size. Without Chromium, the same
 * text as a plain-text file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, searchPassages, type MeiliConnection } from '../index/index.ts';
import { runIngest, type IngestSummary } from '../cli/ingest-job.ts';
import { wordCount } from '../lib/text.ts';
import { tempDir } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const PAGES = 160;
const UNIQUE_PAGE = 120;
const UNIQUE = 'kvastfenomenet';
const tmp = tempDir('longpdf');
const archive = path.join(tmp.dir, 'arkiv');
let conn: MeiliConnection;
let index: ArchiveIndex;
let summary: IngestSummary;
let file = '';
const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data'), MINUTES_CHUNK_WORDS: '250', MINUTES_EMBEDDINGS: 'off' });

const WORDS = ['nämnden', 'diskuterade', 'frågan', 'om', 'kollektivtrafik', 'och', 'skolskjutsar', 'samt', 'budget', 'för', 'året', 'med', 'flera', 'ledamöter', 'som', 'yttrade', 'sig', 'därefter', 'beslutades', 'att'];
/**
 * One page of lower-case running text (~300 words, no sentence starts), the unique word on one page.
 * No two pages share a line: the cleaner drops lines repeated at the same place on many pages as
 * running headers, which a text that repeats every 20 pages would lose (seen with Chromium 156.0.8078.114).
 */
function pageText(n: number): string {
  const words = Array.from({ length: 300 }, (_, i) => WORDS[(i * 7 + n + ((i * n) % 11)) % WORDS.length]!);
  if (n === UNIQUE_PAGE) words[150] = UNIQUE;
  return words.join(' ');
}

beforeAll(async () => {
  mkdirSync(archive, { recursive: true });
  const body = Array.from({ length: PAGES }, (_, i) => pageText(i + 1));
  if (existsSync(CHROMIUM)) {
    file = path.join(archive, 'lång-protokoll.pdf');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const html = `<html><head><meta charset="utf-8"><style>body{font:11pt serif} div{page-break-after:always}</style></head><body><h1>protokoll kommunstyrelsen 2023-05-09</h1>${body.map((t) => `<div>${t}</div>`).join('')}</body></html>`;
      await page.setContent(html);
      await page.pdf({ path: file, format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
    } finally {
      await browser.close();
    }
  } else {
    file = path.join(archive, 'lång-protokoll.txt');
    writeFileSync(file, `protokoll kommunstyrelsen 2023-05-09\n\n${body.join(' ')}\n`);
  }
  conn = await connectMeili(config);
  index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'lp_');
  summary = await runIngest(archive, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
}, 240_000);
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('a long document without sentence starts', () => {
  it('is indexed in passages of at most MINUTES_CHUNK_WORDS words', async () => {
    expect(summary.failed).toEqual([]);
    expect(summary.new).toBe(1);
    const chunks = await index.client.getDocuments<{ text: string }>(index.names.chunks, { fields: ['text'], limit: 10_000 });
    const sizes = chunks.results.map((c) => wordCount(c.text));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(config.chunkWords);
    // ~48 000 words: well over a hundred passages, not a few giant ones.
    expect(chunks.results.length).toBeGreaterThan((PAGES * 300) / config.chunkWords - 5);
  });

  it('finds and highlights a unique word deep in the document, in a passage of normal size', async () => {
    const res = await searchPassages(index.client, index.names, { q: UNIQUE, limit: 5, perDocument: false });
    expect(res.hits).toHaveLength(1);
    const hit = res.hits[0]!;
    expect(hit.snippet).toContain(`<mark>${UNIQUE}</mark>`);
    const chunk = await index.client.getDocument<{ text: string }>(index.names.chunks, hit.chunkId);
    expect(wordCount(chunk.text)).toBeLessThanOrEqual(config.chunkWords);
    expect(chunk.text).toContain(UNIQUE);
  });
});
