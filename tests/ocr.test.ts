/**
 * Scanned PDFs read by real Tesseract (Swedish model) into a real Meilisearch: scans made by
 * scripts/make-scans.sh from the sample's own PDFs (tests/fixtures/scans/, no text layer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig, PROJECT_ROOT, type Config } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, searchPassages, type MeiliConnection } from '../index/index.ts';
import { readDocument } from '../ingest/index.ts';
import { runIngest, type IngestSummary } from '../cli/ingest-job.ts';
import { extractFile } from '../cli/extract-file.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const SCANS = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'scans');
const ARVIKA = '211_arvika-kommunstyrelsen-2021-11-23-protokoll';
const VARMLAND = '212_varmlandsradet-2023-01-20-minnesanteckningar';
const tmp = tempDir('ocr');
const archive = path.join(tmp.dir, 'arkiv');
const tesseractLog = path.join(tmp.dir, 'tesseract.log');
let config: Config;
let conn: MeiliConnection;
let index: ArchiveIndex;
let first: IngestSummary;

/** Page reads so far: the wrapper logs every Tesseract call that reads an image (TSV out). */
const pagesRead = () => (existsSync(tesseractLog) ? readFileSync(tesseractLog, 'utf8').split('\n').filter((l) => l.includes('tsv')).length : 0);

beforeAll(async () => {
  mkdirSync(archive, { recursive: true });
  for (const f of [`${ARVIKA}.pdf`, `${ARVIKA}-mixed.pdf`]) copyFileSync(path.join(SCANS, f), path.join(archive, f));
  writeFileSync(path.join(archive, 'anteckning.txt'), 'Minnesanteckningar Kulturnämnden 3 maj 2021\n\nNämnden diskuterade biblioteken.\n');
  // The real Tesseract, behind a wrapper that counts the pages it reads.
  const wrapper = path.join(tmp.dir, 'tesseract');
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${tesseractLog}'\nexec tesseract "$@"\n`);
  chmodSync(wrapper, 0o755);
  config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data'), MINUTES_TESSERACT: wrapper, MINUTES_OCR_WORKERS: '2' });
  conn = await connectMeili(config);
  index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'ocr_');
  first = await runIngest(archive, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
}, 240_000);
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('scanned PDFs', () => {
  it('indexes the scans', () => {
    expect(first.failed).toEqual([]);
    expect(first.new).toBe(3);
  });

  it('finds a word that only the page images hold, highlighted, with the page\'s OCR confidence', async () => {
    expect(execFileSync('pdftotext', [path.join(SCANS, `${ARVIKA}.pdf`), '-'], { encoding: 'utf8' })).not.toMatch(/Morokulien/);
    const r = await searchPassages(index.client, index.names, { q: 'Morokulien', limit: 10 });
    const hit = r.hits.find((h) => h.fileName === `${ARVIKA}.pdf`);
    expect(hit?.snippet).toContain('<mark>Morokulien</mark>');
    expect(hit?.page).toBe(2);
    expect(hit?.ocrConfidence).toBeGreaterThanOrEqual(80);
  });

  it('keeps the text page of a mixed PDF as its text layer has it and reads only the scanned pages', async () => {
    const mixed = await readDocument(path.join(archive, `${ARVIKA}-mixed.pdf`), config.limits);
    const original = await readDocument(path.join(SAMPLE_DIR, `${ARVIKA}.pdf`), config.limits);
    expect(mixed.ocr?.pages.map((p) => p.page)).toEqual([2, 3]);
    expect(mixed.blocks.filter((b) => b.page === 1)).toEqual(original.blocks.filter((b) => b.page === 1));
    expect(mixed.blocks.some((b) => b.page === 2 && /Morokulien/.test(b.text))).toBe(true);
  });

  it('recovers the § numbers, the attendance (a struck-through name is absent) and the decisions of the original', async () => {
    const settings = { limits: config.limits, chunkWords: config.chunkWords, maskPersonnummer: true };
    const [scan, original] = await Promise.all([extractFile(path.join(archive, `${ARVIKA}.pdf`), settings), extractFile(path.join(SAMPLE_DIR, `${ARVIKA}.pdf`), settings)]);
    if (!scan.ok || !original.ok) throw new Error('not extracted');
    const s = scan.extracted.extraction;
    const o = original.extracted.extraction;
    expect(s.sections.map((x) => x.number).filter(Boolean)).toEqual(['§ 201', '§ 202', '§ 203', '§ 204', '§ 205']);
    expect(s.sections.map((x) => x.number)).toEqual(o.sections.map((x) => x.number));
    const attendance = (e: typeof s) => e.persons.map((p) => `${p.name} (${p.party}) ${p.attendance}`).sort();
    expect(attendance(s)).toEqual(attendance(o));
    expect(s.persons.find((p) => p.name === 'Emma Lund')?.attendance).toBe('absent');
    expect(s.decisions).toHaveLength(o.decisions.length);
    expect(s.date).toBe(o.date);
    expect(s.decisions.every((d) => d.evidence?.ocr === true)).toBe(true);
    expect(o.decisions.some((d) => d.evidence?.ocr)).toBe(false);
    expect(s.ocr?.confidence).toBeGreaterThanOrEqual(80);
  });

  it('never reads a page twice: a full rerun takes every page from the cache', async () => {
    const before = pagesRead();
    // Three scanned pages and two of the mixed file, whose images are the same as the scan's.
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThanOrEqual(5);
    const rerun = await runIngest(archive, { full: true, config, index, reporter: createReporter({ tty: false, quiet: true }) });
    expect(rerun.failed).toEqual([]);
    expect(rerun.changed + rerun.new).toBe(3);
    expect(pagesRead()).toBe(before);
  }, 120_000);
});

describe('without Tesseract', () => {
  const run = promisify(execFile);
  const dir = path.join(tmp.dir, 'utan');
  const env = { ...process.env, MINUTES_DATA_DIR: path.join(tmp.dir, 'cli-data'), MEILI_URL: '', MEILI_MASTER_KEY: '', MINUTES_EMBEDDINGS: 'off' };
  async function minutes(extra: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'minutes.js'), ...args], { env: { ...env, ...extra }, cwd: tmp.dir, timeout: 120_000 });
      return { code: 0, out: stdout + stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  }

  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(SCANS, `${VARMLAND}.pdf`), path.join(dir, `${VARMLAND}.pdf`));
    copyFileSync(path.join(SAMPLE_DIR, '203_varmlandsradet-2019-01-25-minnesanteckningar.txt'), path.join(dir, '203.txt'));
  });

  it('reports the scan with the one-line fix, indexes the rest, exits 1, and the next ingest after installing reads it', async () => {
    const missing = { MINUTES_TESSERACT: path.join(tmp.dir, 'finns-inte', 'tesseract') };
    const r = await minutes(missing, 'ingest', dir, '--quiet');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`FAILED .*${VARMLAND}\\.pdf: page 1 has no text layer and needs OCR, but Tesseract is not installed .*; install it: apt-get install tesseract-ocr tesseract-ocr-swe`));
    expect(r.out).toMatch(/1 new, .* 1 failed/);
    const status = await minutes(missing, 'status');
    expect(status.out).toMatch(new RegExp(`FAILED .*${VARMLAND}\\.pdf: .*apt-get install tesseract-ocr tesseract-ocr-swe`));

    const installed = await minutes({}, 'ingest', dir, '--quiet');
    expect(installed.code).toBe(0);
    expect(installed.out).toMatch(/1 new, 0 changed, 1 unchanged/);
    expect((await minutes({}, 'status')).out).toMatch(/Inga filer har misslyckats/);
    expect((await minutes({}, 'search', 'Strengsdal')).out).toMatch(new RegExp(`${VARMLAND}\\.pdf`));
  }, 240_000);
});
