/**
 * PDF reader: pdf-parse text per page, one `line` block per text line (cleaning joins them), a
 * table's rows as `table-row` blocks of cells (ingest/pdf-table.ts). Pages
 * without a usable text layer (a scan, or a text layer of garbage) are listed for OCR instead.
 */
import { PDFParse, PasswordException, InvalidPDFException } from 'pdf-parse';
import path from 'node:path';
import { ReadError } from './read-error.ts';
import { metadataDate } from './metadata-date.ts';
import { run } from './ocr-tools.ts';
import { bodyHeight, pageBlocks, pageLayout, type PageRow, type PdfPage } from './pdf-strike.ts';
import type { Block } from '../lib/schema.ts';

export interface PdfLimits { maxPages: number }

export interface PdfText {
  /** Blocks of the pages read from their text layer. */
  blocks: Block[];
  pageCount: number;
  metaTitle: string | null;
  metaCreated: string | null;
  /** Pages to read by OCR (1-based, ascending). */
  scanned: number[];
}

export async function readPdf(file: string, bytes: Uint8Array, limits: PdfLimits & { ocr?: { pdftoppm: string } }): Promise<PdfText> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const info = await parser.getInfo();
    if (info.total > limits.maxPages) {
      throw new ReadError(file, `${info.total} pages exceeds the limit of ${limits.maxPages} (MINUTES_MAX_PAGES)`);
    }
    const result = await parser.getText({ lineEnforce: true });
    const doc = pdfDocument(parser);
    const layers = result.pages.map((page) => textLayer(page.text));
    // Whether images cover the pages without text, from the file's image list: pdf.js would decode
    // every scanned image to list a page's drawing (seconds a page).
    const covers = layers.includes('none') ? await imageCovers(file, doc, limits.ocr?.pdftoppm ?? 'pdftoppm') : new Map<number, number>();
    const pages: { num: number; text: string; rows: PageRow[]; scan: boolean }[] = [];
    for (const [p, page] of result.pages.entries()) {
      const scan = layers[p] === 'garbage' || (layers[p] === 'none' && (covers.get(page.num) ?? 0) >= MIN_IMAGE_COVER);
      const rows = doc && !scan ? (await pageLayout(await doc.getPage(page.num))).rows : [];
      pages.push({ num: page.num, text: page.text, rows, scan });
    }
    const text = pages.filter((p) => !p.scan);
    const body = bodyHeight(text.flatMap((p) => p.rows));
    const blocks = text.flatMap((p) => pageBlocks(p.num, p.text.split('\n'), p.rows, body));
    const scanned = pages.filter((p) => p.scan).map((p) => p.num);
    if (!scanned.length && !blocks.some((b) => /\p{L}{2}/u.test(b.text))) {
      throw new ReadError(file, `no text layer on any of ${result.total} pages, and no page image to read by OCR`);
    }
    const title = typeof info.info?.Title === 'string' ? info.info.Title.trim() : '';
    return { blocks, pageCount: Math.max(1, result.total), metaTitle: title || null, metaCreated: metadataDate(info.info?.CreationDate), scanned };
  } catch (err) {
    throw asReadError(file, err);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Fewer letters than a line of text: a page number or a stamp on a scanned page is no text layer. */
const MIN_LETTERS = 25;
/** Images covering this share of a page without text make it a scanned page. */
const MIN_IMAGE_COVER = 0.4;

/**
 * What a page's text layer is: text; none (fewer letters than a line: a scan, or a blank page);
 * or garbage — one letter per word ("S a m m a n"), or the codes of a broken font encoding
 * (U+FFFD, private use, control characters).
 */
export function textLayer(text: string): 'text' | 'none' | 'garbage' {
  const visible = text.replace(/\s+/g, '');
  const broken = visible.match(/[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (visible.length >= 10 && broken > 0.2 * visible.length) return 'garbage';
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'none';
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 10 && letters / words.length < 2 ? 'garbage' : 'text';
}

/** A page is read by OCR when its text layer is garbage, or when it has none and images cover most of it. */
export function needsOcr(text: string, imageCover: number): boolean {
  const layer = textLayer(text);
  return layer === 'garbage' || (layer === 'none' && imageCover >= MIN_IMAGE_COVER);
}

/**
 * The share of each page that images cover, from `pdfimages -list` (poppler-utils, beside
 * pdftoppm): an image's pixels over its resolution is its size on the page. Without pdfimages,
 * from pdf.js's drawing operations (slow: it decodes the images).
 */
async function imageCovers(file: string, doc: PdfDocument | null, pdftoppm: string): Promise<Map<number, number>> {
  const covers = new Map<number, number>();
  if (!doc) return covers;
  const list = await run(path.join(path.dirname(pdftoppm), 'pdfimages'), ['-list', file], 30_000).catch(() => null);
  if (list === null) {
    for (let n = 1; n <= doc.numPages; n++) covers.set(n, (await pageLayout(await doc.getPage(n))).imageCover);
    return covers;
  }
  for (const row of String(list).split('\n').slice(2)) {
    const f = row.trim().split(/\s+/);
    const [page, width, height, xppi, yppi] = [Number(f[0]), Number(f[3]), Number(f[4]), Number(f[12]), Number(f[13])];
    if (!page || !xppi || !yppi) continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = (await doc.getPage(page)).view;
    const area = Math.abs((x2 - x1) * (y2 - y1)) / 72 ** 2;
    if (area) covers.set(page, Math.min(1, (covers.get(page) ?? 0) + (width / xppi) * (height / yppi) / area));
  }
  return covers;
}

/**
 * The pdf.js document pdf-parse has already loaded (its `doc`), reused for the drawing operations
 * so the file is not parsed twice. Null if a pdf-parse version stops keeping it: strike-through
 * detection is then skipped, text extraction is unaffected.
 */
interface PdfDocument { numPages: number; getPage(n: number): Promise<PdfPage> }
function pdfDocument(parser: PDFParse): PdfDocument | null {
  const doc = (parser as unknown as { doc?: { getPage?: unknown } }).doc;
  return doc && typeof doc.getPage === 'function' ? (doc as PdfDocument) : null;
}

function asReadError(file: string, err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  if (err instanceof PasswordException) return new ReadError(file, 'encrypted PDF (password required); export an unprotected copy');
  if (err instanceof InvalidPDFException) return new ReadError(file, `not a valid PDF (corrupt or truncated): ${(err as Error).message}`);
  return new ReadError(file, `PDF could not be read: ${err instanceof Error ? err.message : String(err)}`);
}
