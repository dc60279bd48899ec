/**
 * PDF reader: pdf-parse text per page, one `line` block per text line (cleaning joins them). Pages
 * without a usable text layer (a scan, or a text layer of garbage) are listed for OCR instead.
 */
import { PDFParse, PasswordException, InvalidPDFException } from 'pdf-parse';
import { ReadError } from './read-error.ts';
import { bodyHeight, pageBlocks, pageLayout, type PageRow, type PdfPage } from './pdf-strike.ts';
import type { Block } from '../lib/schema.ts';

export interface PdfLimits { maxPages: number }

export interface PdfText {
  /** Blocks of the pages read from their text layer. */
  blocks: Block[];
  pageCount: number;
  metaTitle: string | null;
  /** Pages to read by OCR (1-based, ascending). */
  scanned: number[];
}

export async function readPdf(file: string, bytes: Uint8Array, limits: PdfLimits): Promise<PdfText> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const info = await parser.getInfo();
    if (info.total > limits.maxPages) {
      throw new ReadError(file, `${info.total} pages exceeds the limit of ${limits.maxPages} (MINUTES_MAX_PAGES)`);
    }
    const result = await parser.getText({ lineEnforce: true });
    const doc = pdfDocument(parser);
    const pages: { num: number; text: string; rows: PageRow[]; scan: boolean }[] = [];
    for (const page of result.pages) {
      const { rows, imageCover } = doc ? await pageLayout(await doc.getPage(page.num)) : { rows: [], imageCover: 0 };
      pages.push({ num: page.num, text: page.text, rows, scan: needsOcr(page.text, imageCover) });
    }
    const text = pages.filter((p) => !p.scan);
    const body = bodyHeight(text.flatMap((p) => p.rows));
    const blocks = text.flatMap((p) => pageBlocks(p.num, p.text.split('\n'), p.rows, body));
    const scanned = pages.filter((p) => p.scan).map((p) => p.num);
    if (!scanned.length && !blocks.some((b) => /\p{L}{2}/u.test(b.text))) {
      throw new ReadError(file, `no text layer on any of ${result.total} pages, and no page image to read by OCR`);
    }
    const title = typeof info.info?.Title === 'string' ? info.info.Title.trim() : '';
    return { blocks, pageCount: Math.max(1, result.total), metaTitle: title || null, scanned };
  } catch (err) {
    throw asReadError(file, err);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Fewer letters than a line of text: a page number or a stamp on a scanned page is no text layer. */
const MIN_LETTERS = 25;

/**
 * A page is read by OCR when images cover most of it and its text layer is (nearly) empty, or
 * when its text layer is garbage whatever is drawn: one letter per word ("S a m m a n"), or
 * characters a broken font encoding gives (U+FFFD, private use, control characters).
 */
export function needsOcr(text: string, imageCover: number): boolean {
  const visible = text.replace(/\s+/g, '');
  const broken = visible.match(/[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (visible.length >= 10 && broken > 0.2 * visible.length) return true;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return imageCover >= 0.4;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 10 && letters / words.length < 2;
}

/**
 * The pdf.js document pdf-parse has already loaded (its `doc`), reused for the drawing operations
 * so the file is not parsed twice. Null if a pdf-parse version stops keeping it: strike-through
 * detection is then skipped, text extraction is unaffected.
 */
function pdfDocument(parser: PDFParse): { getPage(n: number): Promise<PdfPage> } | null {
  const doc = (parser as unknown as { doc?: { getPage?: unknown } }).doc;
  return doc && typeof doc.getPage === 'function' ? (doc as { getPage(n: number): Promise<PdfPage> }) : null;
}

function asReadError(file: string, err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  if (err instanceof PasswordException) return new ReadError(file, 'encrypted PDF (password required); export an unprotected copy');
  if (err instanceof InvalidPDFException) return new ReadError(file, `not a valid PDF (corrupt or truncated): ${(err as Error).message}`);
  return new ReadError(file, `PDF could not be read: ${err instanceof Error ? err.message : String(err)}`);
}
