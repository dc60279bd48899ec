/**
 * Tables in layout text (a PDF exported by `pdftotext -layout`, an old archive's text file): the
 * same reading as a PDF's text layer (ingest/pdf-table.ts), with each word a placed item whose x
 * is its character column. Two spaces or more part two cells, one space joins the words of a cell;
 * a cell wrapped onto the next line stays one cell. Only lines that hold a table's words and nothing
 * else become its rows.
 */
import type { Inline } from '../lib/schema.ts';
import { findTables, linesOfTables, type PlacedItem } from './pdf-table.ts';

/** A line's "letter height" in character columns: the table reader parts cells at half of it (two spaces). */
const HEIGHT = 4;
/** The distance between two lines, in the same units (lines of text are not centred on each other). */
const LINE = 1.2 * HEIGHT;

/** The tables of a page's lines by the lines they replace: a table's first line maps to its rows, its other lines to null. */
export function layoutTables(lines: string[]): Map<number, Inline[][] | null> {
  // (most text holds no run of two spaces between words: no table)
  if (!lines.some((l) => /\S {2,}\S/.test(l))) return new Map();
  let order = 0;
  const rows: PlacedItem[][] = lines.map((line, i) => [...line.matchAll(/\S+/g)].map((m) => (
    { text: m[0], x: m.index, right: m.index + m[0].length, y: -i * LINE, height: HEIGHT, struck: false, order: order++ })));
  return linesOfTables(findTables(rows), rows.map((items) => items.map((it) => it.order)));
}
