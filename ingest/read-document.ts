/** Reads one archive file into a RawDocument, choosing the reader from the name and checking the content agrees. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RawDocument, type Format } from '../lib/schema.ts';
import { ReadError } from './read-error.ts';
import { readText } from './read-text.ts';
import { readPdf, type PdfText } from './read-pdf.ts';
import { readDocx } from './read-docx.ts';
import { ocrPages, type OcrProgress } from './ocr-pages.ts';
import type { OcrSettings } from '../lib/config.ts';

export interface ReadLimits {
  maxFileBytes: number; maxPages: number; parseTimeoutMs: number; maxUnzippedBytes?: number; maxTextChars?: number;
  /** How scanned pages are read; default: Tesseract from PATH, one worker per core, nothing cached. */
  ocr?: OcrSettings;
}

const DEFAULT_OCR: OcrSettings = { tesseract: 'tesseract', pdftoppm: 'pdftoppm', workers: os.availableParallelism(), pageTimeoutMs: 120_000, cacheDir: null };

/** The default of MINUTES_MAX_TEXT_MB, in characters. */
const MAX_TEXT_CHARS = 12_000_000;

const EXTENSIONS: Record<string, Format> = { '.pdf': 'pdf', '.docx': 'docx', '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md' };

export function formatOf(file: string): Format | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

export async function readDocument(file: string, limits: ReadLimits, ocrProgress?: OcrProgress): Promise<RawDocument> {
  const format = formatOf(file);
  if (!format) throw new ReadError(file, `unsupported file type "${path.extname(file) || '(none)'}" (supported: ${Object.keys(EXTENSIONS).join(' ')})`);
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => { throw new ReadError(file, `cannot open: ${err.code ?? err.message}`); });
  if (!info.isFile()) throw new ReadError(file, 'not a regular file');
  if (info.size === 0) throw new ReadError(file, 'empty file (0 bytes)');
  if (info.size > limits.maxFileBytes) {
    throw new ReadError(file, `${(info.size / 2 ** 20).toFixed(1)} MB exceeds the limit of ${(limits.maxFileBytes / 2 ** 20).toFixed(0)} MB (MINUTES_MAX_FILE_MB)`);
  }
  const bytes = new Uint8Array(await readFile(file).catch((err: NodeJS.ErrnoException) => { throw new ReadError(file, `cannot read: ${err.code ?? err.message}`); }));
  checkMagic(file, format, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { source: file, fileName: path.basename(file), format, sha256, bytes: bytes.length };
  const parsed = await withTimeout(file, limits.parseTimeoutMs, async () => {
    if (format === 'pdf') return { ...(await readPdf(file, bytes, limits)), encoding: 'pdf' };
    if (format === 'docx') return { ...(await readDocx(file, bytes, limits.maxUnzippedBytes)), encoding: 'docx', metaTitle: null };
    return readText(file, bytes);
  });
  // OCR runs outside the parse timeout: it takes seconds a page, and each page has its own timeout.
  const pdf = format === 'pdf' ? (parsed as PdfText & { encoding: string }) : null;
  const read = pdf?.scanned.length ? await withOcr(file, pdf, limits.ocr ?? DEFAULT_OCR, ocrProgress) : parsed;
  checkTextSize(file, read.blocks, limits.maxTextChars ?? MAX_TEXT_CHARS);
  return RawDocument.parse({ ...base, ...read });
}

/** The text pages' blocks and the scanned pages' OCR blocks, in page order. */
async function withOcr(file: string, pdf: PdfText & { encoding: string }, settings: OcrSettings, progress?: OcrProgress) {
  const ocr = await ocrPages(file, pdf.scanned, settings, progress);
  const blocks = [...pdf.blocks, ...ocr.blocks].sort((a, b) => a.page - b.page);
  if (!blocks.some((b) => /\p{L}{2}/u.test(b.text))) {
    throw new ReadError(file, `no text layer on any of ${pdf.pageCount} pages, and OCR found no text in the page images`);
  }
  return { ...pdf, blocks, ocr: { pages: ocr.pages, confidence: ocr.confidence, engine: ocr.engine } };
}

/**
 * A file with more text than the limit is refused after reading, which is cheap, and before
 * extraction and indexing, whose memory grows with the text (a 1 MB DOCX can hold 20 million characters).
 */
function checkTextSize(file: string, blocks: { text: string }[], maxChars: number) {
  let chars = 0;
  for (const b of blocks) chars += b.text.length;
  if (chars > maxChars) {
    throw new ReadError(file, `${(chars / 1e6).toFixed(1)} million characters of text, over the limit of ${(maxChars / 1e6).toFixed(1)} million (MINUTES_MAX_TEXT_MB): split the document, or raise the limit (~42 MB of memory per million)`);
  }
}

/** A file whose content contradicts its name is reported rather than guessed at. */
function checkMagic(file: string, format: Format, bytes: Uint8Array) {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const isPdf = head.includes('%PDF-');
  const isZip = head.startsWith('PK\u0003\u0004');
  if (format === 'pdf' && !isPdf) throw new ReadError(file, `named .pdf but is not a PDF (${describe(head, isZip)})`);
  if (format === 'docx' && !isZip) throw new ReadError(file, `named .docx but is not a DOCX/zip file (${describe(head, isZip)})`);
  if ((format === 'txt' || format === 'md') && (head.startsWith('%PDF-') || isZip)) {
    throw new ReadError(file, `named ${path.extname(file)} but is a ${isZip ? 'zip/Office' : 'PDF'} file: rename it with the right extension`);
  }
}

function describe(head: string, isZip: boolean): string {
  if (isZip) return 'content is a zip archive';
  if (head.startsWith('%PDF')) return 'content is a PDF';
  if (/^\s*</.test(head)) return 'content looks like HTML/XML';
  return 'unrecognised content';
}

async function withTimeout<T>(file: string, ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadError(file, `parsing took longer than ${ms} ms (MINUTES_PARSE_TIMEOUT_MS)`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
