/**
 * What pdf-parse's text lines lose: strike-through, which in PDFs is not text but a thin line drawn
 * across the words (found in the page's drawing operations, pdf.js operator list), and headings,
 * which are only larger letters (found in the text items' heights).
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Inline } from '../lib/schema.ts';
import { run } from '../lib/blocks.ts';

type Matrix = [number, number, number, number, number, number];

/** What the reader needs of a pdf.js page. */
export interface PdfPage {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  getTextContent(): Promise<{ items: unknown[] }>;
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

/** Horizontal thin paths (lines or hairline rectangles) in page space. */
async function horizontalSegments(page: PdfPage): Promise<Segment[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(args as unknown as Matrix, ctm);
    else if (fn === OPS.constructPath) {
      const box = args[2] as Record<number, number> | undefined;
      if (!box) return;
      const [x1, y1] = apply(ctm, box[0]!, box[1]!);
      const [x2, y2] = apply(ctm, box[2]!, box[3]!);
      if (Math.abs(x2 - x1) > 4 && Math.abs(y2 - y1) < 2.5) segments.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y: (y1 + y2) / 2 });
    }
  });
  return segments;
}

/** A text row of a page: its strings left to right, those crossed out, and its letter height. */
export interface PageRow extends StruckRow { height: number }

/**
 * The page's text rows from pdf.js text items (grouped by baseline), with crossed-out items found
 * against the page's drawing operations and each row's letter height (headings are set larger).
 */
export async function pageRows(page: PdfPage): Promise<PageRow[]> {
  const segments = await horizontalSegments(page);
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
  return [...rows.values()].map((row) => ({
    strings: row.sort((a, b) => a.transform[4]! - b.transform[4]!).map((it) => it.str.trim()),
    struck: segments.length ? row.filter(crossed).map((it) => it.str.trim()) : [],
    height: Math.max(...row.map((it) => it.height || Math.abs(it.transform[3]!))),
  }));
}

/** The letter height of body text: the height that carries the most characters. */
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
