/** PDF reader: pdf-parse text per page, one `line` block per text line (cleaning joins them). */
import { PDFParse, PasswordException, InvalidPDFException } from 'pdf-parse';
import { ReadError } from './read-error.ts';
import { bodyHeight, headingLevels, markStruck, pageRows, type PageRow, type PdfPage } from './pdf-strike.ts';
import type { Block } from '../lib/schema.ts';
import { concatRuns, makeBlock, textOf, withRuns } from '../lib/blocks.ts';
import { splitCells } from './text-blocks.ts';

export interface PdfLimits { maxPages: number }

export async function readPdf(file: string, bytes: Uint8Array, limits: PdfLimits): Promise<{ blocks: Block[]; pageCount: number; metaTitle: string | null }> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const info = await parser.getInfo();
    if (info.total > limits.maxPages) {
      throw new ReadError(file, `${info.total} pages exceeds the limit of ${limits.maxPages} (MINUTES_MAX_PAGES)`);
    }
    const result = await parser.getText({ lineEnforce: true });
    const doc = pdfDocument(parser);
    const layout: PageRow[][] = [];
    for (const page of result.pages) layout.push(doc ? await pageRows(await doc.getPage(page.num)) : []);
    const body = bodyHeight(layout.flat());
    const blocks: Block[] = [];
    result.pages.forEach((page, p) => {
      const lines = page.text.split('\n');
      const levels = headingLevels(lines, layout[p]!, body);
      markStruck(lines, layout[p]!).forEach((line, i) => {
        // Gaps between columns come as tabs: each tab starts a cell.
        const tidy = line.map((r) => ({ ...r, text: r.text.replace(/\s*\t\s*/g, '\t') }));
        const trimmed = makeBlock('line', tidy, page.num).inlines;
        const runs = textOf(trimmed).includes('\t') ? splitCells(trimmed) : trimmed;
        if (!textOf(runs).trim()) return;
        const level = levels[i]!;
        const prev = blocks[blocks.length - 1];
        // A heading that wraps onto a second line is one heading.
        if (level && prev?.kind === 'heading' && prev.level === level && prev.page === page.num && levels[i - 1] === level) blocks[blocks.length - 1] = withRuns(prev, concatRuns(prev.inlines, ' ', runs));
        else blocks.push(makeBlock(level ? 'heading' : 'line', runs, page.num, level || undefined));
      });
    });
    if (!blocks.some((b) => /\p{L}{2}/u.test(b.text))) {
      throw new ReadError(file, `no text layer on any of ${result.total} pages (a scanned PDF needs OCR first)`);
    }
    const title = typeof info.info?.Title === 'string' ? info.info.Title.trim() : '';
    return { blocks, pageCount: Math.max(1, result.total), metaTitle: title || null };
  } catch (err) {
    throw asReadError(file, err);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
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
