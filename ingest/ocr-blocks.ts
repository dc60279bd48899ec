/**
 * Tesseract's word boxes → the text rows a text layer would give, then the same blocks
 * (`pageBlocks`): Tesseract's lines of one height on the page are one row, left to right (a
 * column gap becomes a tab, as in a table), headings are rows of larger letters than the body.
 */
import type { Block } from '../lib/schema.ts';
import { pageBlocks, type PageRow } from './pdf-strike.ts';
import { correctWords, sectionHeadings } from './ocr-correct.ts';

export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0–100. */
  conf: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Tesseract's block, paragraph and line of the word ("1.2.3"). */
  line: string;
}

/** One OCR'd page: its words, which of them are struck through in the image, and the lines a bullet starts. */
export interface OcrPage { page: number; words: OcrWord[]; struck: boolean[]; bullets: Set<string> }

/** The words of Tesseract's TSV output (level 5 rows with text). */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12 || !f[11]!.trim()) continue;
    words.push({
      text: f[11]!.trim(), conf: Number(f[10]), left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]),
      line: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return words;
}

/** Mean word confidence (0–100) of OCR'd words, rounded. */
export function meanConfidence(words: OcrWord[]): number {
  const scored = words.filter((w) => w.conf >= 0);
  return scored.length ? Math.round(scored.reduce((n, w) => n + w.conf, 0) / scored.length) : 0;
}

const BULLET = '•';

interface Segment { words: OcrWord[]; struck: boolean[]; left: number; right: number; top: number; bottom: number; height: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return !s.length ? 0 : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// The dots of i and j reach about as high as an ascender.
const ASCENDS = /[\p{Lu}\dbdfhijklt()[\]/åäöé]/u;
const DESCENDS = /[gjpqy()[\]]/;

/**
 * A word box's height as a font size: a box reaches from the top of the tallest letter to the
 * bottom of the lowest, so "om" is half as tall as "Kommunstyrelsen" in the same type. Each
 * box is scaled by the part of the type height its letters span (x-height, ascender, descender).
 */
function typeHeight(w: OcrWord): number {
  const up = ASCENDS.test(w.text);
  const down = DESCENDS.test(w.text);
  // Rings and dots over a capital or an å reach above the ascenders.
  const over = /[ÅÄÖå]/.test(w.text) ? 0.12 : /[äö]/.test(w.text) ? 0.06 : 0;
  return w.height / ((up && down ? 1 : up ? 0.77 : down ? 0.75 : 0.53) + over);
}

/** A line's letter height: the median type height of its words of two letters or more (a dash is flat). */
const letterHeight = (words: OcrWord[]) => {
  const lettered = words.filter((w) => /\p{L}{2}/u.test(w.text));
  return median((lettered.length ? lettered : words).map(typeHeight));
};

/** Tesseract's lines of a page, in its reading order. */
function segments(page: OcrPage): Segment[] {
  const byLine = new Map<string, { words: OcrWord[]; struck: boolean[] }>();
  page.words.forEach((w, i) => {
    const line = byLine.get(w.line) ?? { words: [], struck: [] };
    line.words.push(w);
    line.struck.push(page.struck[i] ?? false);
    byLine.set(w.line, line);
  });
  return [...byLine].map(([key, { words, struck }]) => ({
    // A bullet Tesseract dropped is put back, cut off by a tab as a text layer has it.
    words: page.bullets.has(key) ? [{ ...words[0]!, text: BULLET }, ...words] : words,
    struck: page.bullets.has(key) ? [false, ...struck] : struck,
    left: Math.min(...words.map((w) => w.left)),
    right: Math.max(...words.map((w) => w.left + w.width)),
    top: median(words.map((w) => w.top)),
    bottom: median(words.map((w) => w.top + w.height)),
    height: letterHeight(words),
  }));
}

/**
 * Lines side by side at one height (two columns, a name and its organisation) are one row, as a
 * text layer has them: a line joins a row when they overlap vertically by half a line and not
 * horizontally.
 */
function rowsOf(lines: Segment[]): Segment[][] {
  const rows: Segment[][] = [];
  for (const line of [...lines].sort((a, b) => a.top - b.top)) {
    const row = rows.find((r) => r.every((o) => Math.min(o.bottom, line.bottom) - Math.max(o.top, line.top) >= 0.5 * Math.min(o.height, line.height)
      && (o.right <= line.left || line.right <= o.left)));
    if (row) row.push(line); else rows.push([line]);
  }
  return rows.map((r) => r.sort((a, b) => a.left - b.left));
}

/** A gap this many letter heights wide between lines on one row is a column break (a tab). */
const COLUMN_GAP = 3;

interface TextRow extends PageRow { text: string }

/** A row's text (corrected) and its strings for heading and strike-through matching. */
function textRow(row: Segment[], pxPerPt: number): TextRow {
  const words = row.flatMap((s) => s.words);
  const corrected = correctWords(words.map((w) => w.text));
  const struck = row.flatMap((s) => s.struck);
  let text = '';
  let i = 0;
  row.forEach((seg, k) => {
    const gap = k ? seg.left - row[k - 1]!.right : 0;
    if (k) text += gap >= COLUMN_GAP * Math.max(seg.height, row[k - 1]!.height) ? '\t' : ' ';
    text += corrected.slice(i, i + seg.words.length).join(' ').replace(`${BULLET} `, `${BULLET}\t`);
    i += seg.words.length;
  });
  return { text, strings: corrected, struck: struckRuns(corrected, struck), height: letterHeight(words) / pxPerPt };
}

/**
 * Struck words next to each other as one string ("Emma Lund (V)"), as a text layer's struck item
 * would be: a short token between or after struck words (a party code, a dash) is in the run.
 */
function struckRuns(words: string[], struck: boolean[]): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  words.forEach((w, i) => {
    const inRun = struck[i] || (run.length > 0 && w.length <= 4 && (struck[i + 1] ?? true));
    if (inRun) run.push(w);
    else if (run.length) { runs.push(run.join(' ')); run = []; }
  });
  if (run.length) runs.push(run.join(' '));
  return runs;
}

/**
 * Blocks of the OCR'd pages. Body letter height is the median over all their rows weighted by
 * characters: word boxes vary by a few pixels with ascenders and descenders, so the most common
 * rounded height (what a text layer's font sizes give) would split the body in two.
 */
export function ocrBlocks(pages: OcrPage[], dpi: number): Block[] {
  const pxPerPt = dpi / 72;
  const rows = pages.map((p) => rowsOf(segments(p)).map((r) => textRow(r, pxPerPt)));
  const heights = rows.flat().flatMap((r) => Array<number>(r.text.length).fill(r.height));
  const body = median(heights);
  return sectionHeadings(pages.flatMap((p, i) => pageBlocks(p.page, rows[i]!.map((r) => r.text), rows[i]!, body)));
}
