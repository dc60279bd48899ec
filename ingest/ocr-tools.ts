/**
 * The two programs OCR needs, run as child processes: pdftoppm (poppler-utils) renders a page to a
 * greyscale image, Tesseract reads it with the Swedish model. Either may be missing on a machine:
 * the file is then reported with the command that installs it, and read again by the next ingest.
 */
import { execFile } from 'node:child_process';
import { ReadError } from './read-error.ts';
import type { OcrSettings } from '../lib/config.ts';

/** Resolution pages are rendered at: Tesseract reads body text best at 300 dpi. */
export const OCR_DPI = 300;
export const OCR_LANGUAGE = 'swe';
export const INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-swe';

/** Output of a finished child process; a missing binary, a timeout or a non-zero exit is an Error. */
export function run(bin: string, args: string[], timeoutMs: number, encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    // One thread per Tesseract: pages run in parallel, and its OpenMP threads would only compete.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    execFile(bin, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 2 ** 20, encoding, env }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      if (e.code === 'ENOENT') reject(Object.assign(new Error(`${bin}: not found`), { code: 'ENOENT' }));
      else if (e.killed || e.signal === 'SIGKILL') reject(Object.assign(new Error(`${bin} took longer than ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
      else reject(new Error(`${bin} failed: ${String(stderr).trim().split('\n').pop() || e.message}`));
    });
  });
}

/** The engine tag OCR results are cached under: another Tesseract version or model reads differently. */
const engines = new Map<string, Promise<string>>();

/**
 * Tesseract's version with the Swedish model, checked once per binary; a ReadError naming the fix
 * when Tesseract, its Swedish model or pdftoppm is missing.
 */
export function ocrEngine(file: string, s: OcrSettings, pages: number[]): Promise<string> {
  const key = `${s.tesseract}\0${s.pdftoppm}`;
  if (!engines.has(key)) engines.set(key, probe(s));
  return engines.get(key)!.catch((err: Error) => {
    // Not remembered: a later file after installing the packages finds them.
    engines.delete(key);
    throw new ReadError(file, `${pageList(pages)} no text layer and need${pages.length === 1 ? 's' : ''} OCR, but ${err.message}`);
  });
}

async function probe(s: OcrSettings): Promise<string> {
  const langs = await run(s.tesseract, ['--list-langs'], 10_000).catch((err: NodeJS.ErrnoException) => {
    throw new Error(err.code === 'ENOENT'
      ? `Tesseract is not installed (${s.tesseract} not found${s.tesseract === 'tesseract' ? '' : ', MINUTES_TESSERACT'}); install it: ${INSTALL_HINT}`
      : `Tesseract does not run (${err.message}); reinstall it: ${INSTALL_HINT}`);
  });
  if (!String(langs).split(/\s+/).includes(OCR_LANGUAGE)) throw new Error(`Tesseract has no Swedish model; install it: ${INSTALL_HINT}`);
  await run(s.pdftoppm, ['-v'], 10_000).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new Error(`pdftoppm is not installed; install it: apt-get install poppler-utils`);
  });
  const version = /tesseract\s+v?([\d.]+)/i.exec(String(await run(s.tesseract, ['--version'], 10_000)))?.[1] ?? 'unknown';
  return `tesseract-${version}-${OCR_LANGUAGE}`;
}

/** "page 3 has", "pages 1–3 have", "pages 2, 5 have". */
export function pageList(pages: number[]): string {
  if (pages.length === 1) return `page ${pages[0]} has`;
  const contiguous = pages.every((p, i) => i === 0 || p === pages[i - 1]! + 1);
  return `pages ${contiguous ? `${pages[0]}–${pages[pages.length - 1]}` : pages.join(', ')} have`;
}

/** Page `page` of `file` as an 8-bit greyscale PGM at OCR_DPI. */
export async function renderPage(file: string, page: number, s: OcrSettings): Promise<Buffer> {
  const args = ['-r', String(OCR_DPI), '-gray', '-f', String(page), '-l', String(page), file];
  return (await run(s.pdftoppm, args, s.pageTimeoutMs, 'buffer')) as Buffer;
}

/** Tesseract's TSV (word boxes with confidence) for an image file. */
export async function recognise(image: string, s: OcrSettings): Promise<string> {
  return String(await run(s.tesseract, [image, 'stdout', '-l', OCR_LANGUAGE, '--psm', '3', 'tsv'], s.pageTimeoutMs));
}
