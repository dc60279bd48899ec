/**
 * The scanned pages of a PDF read by OCR: each page rendered, its image hashed, and Tesseract run
 * only for an image it has not read before (results cached in the data dir by image hash, so a
 * rerun never reads a page twice). Pages run in parallel, one Tesseract process per worker, each
 * within a timeout.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Block } from '../lib/schema.ts';
import { writeJsonAtomic } from '../lib/atomic-file.ts';
import { ReadError } from './read-error.ts';
import type { OcrSettings } from '../lib/config.ts';
import { OCR_DPI, ocrEngine, recognise, renderPage } from './ocr-tools.ts';
import { meanConfidence, ocrBlocks, parseTsv, type OcrPage, type OcrWord } from './ocr-blocks.ts';
import { parsePgm, struckWords, withoutRules } from './image-strike.ts';
import { bulletLines } from './image-bullets.ts';

export interface OcrResult {
  blocks: Block[];
  /** Each OCR'd page with its mean word confidence (0–100). */
  pages: { page: number; confidence: number }[];
  /** Mean word confidence over all OCR'd words. */
  confidence: number;
  engine: string;
  /** Pages whose words came from the cache. */
  cached: number;
}

/** Reports pages as they finish: `done` of `total`. */
export type OcrProgress = (done: number, total: number) => void;

export async function ocrPages(file: string, pages: number[], s: OcrSettings, progress?: OcrProgress): Promise<OcrResult> {
  const engine = await ocrEngine(file, s, pages);
  let done = 0;
  let cached = 0;
  const read = await Promise.all(pages.map((page) => limit(s.workers, async () => {
    const result = await ocrPage(file, page, engine, s);
    if (result.cached) cached++;
    progress?.(++done, pages.length);
    return result.page;
  })));
  const words = read.flatMap((p) => p.words);
  return {
    blocks: ocrBlocks(read, OCR_DPI),
    pages: read.map((p) => ({ page: p.page, confidence: meanConfidence(p.words) })),
    confidence: meanConfidence(words),
    engine,
    cached,
  };
}

async function ocrPage(file: string, page: number, engine: string, s: OcrSettings): Promise<{ page: OcrPage; cached: boolean }> {
  try {
    const image = await renderPage(file, page, s);
    const key = createHash('sha256').update(image).digest('hex');
    const hit = cacheGet(s.cacheDir, engine, key);
    const words = hit ?? parseTsv(await withImageFile(withoutRules(image), (f) => recognise(f, s)));
    if (!hit) cachePut(s.cacheDir, engine, key, words);
    // Strike-through and bullets come from the image on every run: their rules can change without the cache.
    const grey = parsePgm(image);
    return { page: { page, words, struck: struckWords(grey, words), bullets: bulletLines(grey, words) }, cached: Boolean(hit) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ReadError(file, e.code === 'ETIMEDOUT'
      ? `OCR of page ${page} took longer than ${s.pageTimeoutMs} ms (MINUTES_OCR_TIMEOUT_MS); pages already read are cached for the next run`
      : `OCR of page ${page} failed: ${e.message}`);
  }
}

async function withImageFile<T>(image: Buffer, work: (file: string) => Promise<T>): Promise<T> {
  const dir = path.join(os.tmpdir(), `minutes-ocr-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  try {
    const file = path.join(dir, 'page.pgm');
    writeFileSync(file, image);
    return await work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bumped when what Tesseract is given changes (the page without its drawn lines): its words change with it. */
const CACHE_VERSION = 1;
const cacheFile = (dir: string, engine: string, key: string) => path.join(dir, `${engine}-v${CACHE_VERSION}`, key.slice(0, 2), `${key}.json`);

function cacheGet(dir: string | null, engine: string, key: string): OcrWord[] | null {
  if (!dir) return null;
  try {
    const data = JSON.parse(readFileSync(cacheFile(dir, engine, key), 'utf8')) as { words?: OcrWord[] };
    return Array.isArray(data.words) ? data.words : null;
  } catch {
    // Missing or damaged: read the page again.
    return null;
  }
}

function cachePut(dir: string | null, engine: string, key: string, words: OcrWord[]): void {
  if (!dir) return;
  const file = cacheFile(dir, engine, key);
  mkdirSync(path.dirname(file), { recursive: true });
  writeJsonAtomic(file, { words });
}

/**
 * One limit for every file of the process: an ingest reads two files at a time, and their pages
 * share the workers rather than each file starting its own.
 */
let active = 0;
const waiting: (() => void)[] = [];
async function limit<T>(size: number, work: () => Promise<T>): Promise<T> {
  if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await work();
  } finally {
    active--;
    waiting.shift()?.();
  }
}
