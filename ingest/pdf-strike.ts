/**
 * What pdf-parse's text lines lose: strike-through, which in PDFs is not text but a thin line drawn
 * across the words (found in the page's drawing operations, pdf.js operator list), headings,
 * which are only larger letters (found in the text items' heights), tables, which are only text
 * set at column starts (found in the items' x-positions, ./pdf-table.ts), and whether the page is
 * a scanned image.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, Inline } from '../lib/schema.ts';
import { concatRuns, makeBlock, run, textOf, withRuns } from '../lib/blocks.ts';
import { splitCells } from './text-blocks.ts';
import { findTables, linesOfTables, type PlacedItem } from './pdf-table.ts';

type Matrix = [number, number, number, number, number, number];

/** What the reader needs of a pdf.js page. */
export interface PdfPage {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  getTextContent(): Promise<{ items: unknown[] }>;
  /** The page box [x1, y1, x2, y2]. */
  view: number[];
}

interface TextItem { str: string; transform: number[]; width: number; height: number }
interface Segment { x1: number; x2: number; y: number }

/** A struck row: every string on the row (in order) and the ones crossed out. */
export interface StruckRow { strings: string[]; struck: string[] }

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;

const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

/**
 * Horizontal thin paths (lines or hairline rectangles) in page space, and the share of the page
 * that images cover (an image fills the unit square under the current matrix).
 */
async function drawing(page: PdfPage): Promise<{ segments: Segment[]; imageCover: number }> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const segments: Segment[] = [];
  let imageArea = 0;
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(args as unknown as Matrix, ctm);
    else if (IMAGE_OPS.has(fn)) imageArea += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
    else if (fn === OPS.constructPath) {
      const box = args[2] as Record<number, number> | undefined;
      if (!box) return;
      const [x1, y1] = apply(ctm, box[0]!, box[1]!);
      const [x2, y2] = apply(ctm, box[2]!, box[3]!);
      if (Math.abs(x2 - x1) > 4 && Math.abs(y2 - y1) < 2.5) segments.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y: (y1 + y2) / 2 });
    }
  });
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = page.view;
  const pageArea = Math.abs((x2 - x1) * (y2 - y1));
  return { segments, imageCover: pageArea ? Math.min(1, imageArea / pageArea) : 0 };
}

/**
 * A text row of a page: its strings left to right, those crossed out, and its letter height; from
 * a text layer also its items where they stand (tables are read from their x-positions).
 */
export interface PageRow extends StruckRow { height: number; items?: PlacedItem[] }

/**
 * The page's text rows from pdf.js text items (grouped by baseline), with crossed-out items found
 * against the page's drawing operations and each row's letter height (headings are set larger);
 * and how much of the page images cover (a scanned page is one image).
 */
export async function pageLayout(page: PdfPage): Promise<{ rows: PageRow[]; imageCover: number }> {
  const { segments, imageCover } = await drawing(page);
  const items = (await page.getTextContent()).items.filter((it): it is TextItem => typeof (it as TextItem).str === 'string' && (it as TextItem).str.trim() !== '');
  const crossed = (it: TextItem) => {
    const [x, y] = [it.transform[4]!, it.transform[5]!];
    const h = it.height || Math.abs(it.transform[3]!);
    // A strike-through runs through the middle of the letters, not under them (underline) or over them.
    return segments.some((s) => s.y > y + 0.15 * h && s.y < y + 0.7 * h && Math.min(s.x2, x + it.width) - Math.max(s.x1, x) >= 0.6 * it.width);
  };
  const rows = new Map<number, TextItem[]>();
  for (const it of items) {
    const key = [...rows.keys()].find((y) => Math.abs(y - it.transform[5]!) < 1.5) ?? it.transform[5]!;
    rows.set(key, [...(rows.get(key) ?? []), it]);
  }
  const order = new Map(items.map((it, i) => [it, i]));
  return {
    imageCover,
    rows: [...rows.values()].map((row) => {
      row.sort((a, b) => a.transform[4]! - b.transform[4]!);
      const struck = segments.length ? new Set(row.filter(crossed)) : new Set<TextItem>();
      return {
        strings: row.map((it) => it.str.trim()),
        struck: [...struck].map((it) => it.str.trim()),
        height: Math.max(...row.map((it) => it.height || Math.abs(it.transform[3]!))),
        items: row.map((it) => ({
          text: it.str, x: it.transform[4]!, right: it.transform[4]! + it.width, y: it.transform[5]!,
          height: it.height || Math.abs(it.transform[3]!), struck: struck.has(it), order: order.get(it)!,
        })),
      };
    }),
  };
}

/**
 * One page's text lines as blocks: a `line` per text line (cleaning joins them into paragraphs),
 * a heading for a line set larger than `body`, struck strings as struck runs; the lines of a table
 * found by its text items' positions (a text layer's rows carry them, OCR's do not) as its
 * `table-row`s instead, never a heading. Text layers and OCR both come this way, so the same
 * extraction rules read them.
 */
export function pageBlocks(page: number, lines: string[], rows: PageRow[], body: number): Block[] {
  const levels = headingLevels(lines, rows, body);
  const tables = tableLines(lines, rows);
  const blocks: Block[] = [];
  markStruck(lines, rows).forEach((line, i) => {
    const table = tables.get(i);
    if (table) { for (const runs of table) blocks.push(makeBlock('table-row', runs, page)); return; }
    if (table === null) return;
    // Gaps between columns come as tabs: each tab starts a cell.
    const tidy = line.map((r) => ({ ...r, text: r.text.replace(/\s*\t\s*/g, '\t') }));
    const trimmed = makeBlock('line', tidy, page).inlines;
    const runs = textOf(trimmed).includes('\t') ? splitCells(trimmed) : trimmed;
    if (!textOf(runs).trim()) return;
    const level = levels[i]!;
    const prev = blocks[blocks.length - 1];
    // A heading that wraps onto a second line is one heading.
    if (level && prev?.kind === 'heading' && prev.level === level && levels[i - 1] === level) blocks[blocks.length - 1] = withRuns(prev, concatRuns(prev.inlines, ' ', runs));
    else blocks.push(makeBlock(level ? 'heading' : 'line', runs, page, level || undefined));
  });
  return blocks;
}

/**
 * The tables of a page by the text lines they replace (`linesOfTables`; pdf-parse's lines follow the
 * page's item stream, so each line is a run of items).
 */
function tableLines(lines: string[], rows: PageRow[]): Map<number, Inline[][] | null> {
  if (!rows.length || rows.some((r) => !r.items)) return new Map();
  const tables = findTables(rows.map((r) => r.items!));
  if (!tables.length) return new Map();
  const spans = lineItems(lines, rows.flatMap((r) => r.items!).sort((a, b) => a.order - b.order));
  return spans ? linesOfTables(tables, spans) : new Map();
}

/** The items (by order) each text line is made of; null when the lines are not the items' text in order. */
function lineItems(lines: string[], items: PlacedItem[]): number[][] | null {
  const spans: number[][] = [];
  let k = 0;
  for (const line of lines) {
    const want = compact(line);
    const span: number[] = [];
    let got = '';
    while (got.length < want.length && k < items.length) { got += compact(items[k]!.text); span.push(items[k]!.order); k++; }
    if (got !== want) return null;
    spans.push(span);
  }
  return spans;
}

export function bodyHeight(rows: PageRow[]): number {
  const chars = new Map<number, number>();
  for (const r of rows) { const h = Math.round(r.height * 2) / 2; chars.set(h, (chars.get(h) ?? 0) + r.strings.join('').length); }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** Heading level (1–3) of each line set larger than body text, or 0. */
export function headingLevels(lines: string[], rows: PageRow[], body: number): number[] {
  return lines.map((line) => {
    const row = rows.find((r) => compact(r.strings.join('')) === compact(line));
    if (!row || !body || line.length > 150) return 0;
    const ratio = row.height / body;
    return ratio >= 1.6 ? 1 : ratio >= 1.35 ? 2 : ratio >= 1.15 ? 3 : 0;
  });
}

/** Each text line as runs, the struck strings of a row marked struck in the one line that holds the whole row. */
export function markStruck(lines: string[], rows: StruckRow[]): Inline[][] {
  const out = lines.map((l) => [run(l)]);
  const used = new Set<number>();
  for (const row of rows.filter((r) => r.struck.length)) {
    const i = lines.findIndex((l, j) => !used.has(j) && row.strings.every((s) => l.includes(s)));
    if (i < 0) continue;
    used.add(i);
    for (const s of [...new Set(row.struck)].sort((a, b) => b.length - a.length)) out[i] = strike(out[i]!, s);
  }
  return out;
}

/** The first unstruck occurrence of `s` in the runs, struck. */
function strike(runs: Inline[], s: string): Inline[] {
  const k = runs.findIndex((r) => !r.struck && r.text.includes(s));
  if (k < 0) return runs;
  const { text } = runs[k]!;
  const at = text.indexOf(s);
  return [...runs.slice(0, k), run(text.slice(0, at)), run(s, { struck: true }), run(text.slice(at + s.length)), ...runs.slice(k + 1)].filter((r) => r.text);
}
