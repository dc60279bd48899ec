/**
 * Tables in a PDF's text layer, by where their text items start. A text line knows nothing of
 * columns: an empty cell shifts the later cells left, a cell wrapped onto two lines becomes two
 * rows. Here a table is a run of rows whose pieces of text start at a shared set of x-positions
 * (the columns, found by clustering the pieces' left edges), and each piece belongs to the column
 * it starts at, so a cell keeps its column also when a cell before it is empty.
 *
 * Conservative by design, since a false table cuts prose into cells: at least three rows with two
 * filled cells, every piece of such a row at a column, the first column filled in most rows and no
 * list bullets, cells of a few words (two columns of running text are a page layout).
 */
import type { Inline } from '../lib/schema.ts';
import { run, tidyInlines } from '../lib/blocks.ts';
import { DANGLING } from './clean.ts';

/** A text item placed on the page (pdf.js coordinates: y grows upwards). */
export interface PlacedItem {
  text: string;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  height: number;
  struck: boolean;
  /** Place in the page's stream of non-blank text items (the order pdf-parse's text follows). */
  order: number;
}

/** A table found on a page: its rows as cell runs, and the items it consumed (by `order`). */
export interface PageTable { rows: Inline[][]; items: Set<number> }

/** Left edges this close (points) are one column. */
const ALIGN = 2;
/** A gap of this many letter heights between items on a row separates two cells (a word space is ~0.25). */
const CELL_GAP = 0.5;
/** Fewer rows with two filled cells than this are no table (a letterhead, a signature line). */
const MIN_ROWS = 3;
/** The first column is the table's key (a name, a number): filled in this share of the rows. */
const KEY_FILLED = 0.75;
/** Cells longer than this (median, in words) are running text set in two columns. */
const MAX_CELL_WORDS = 5;
/** A bullet or list number standing apart from its text ("•", "1.", "a)", "o", a symbol font's private-use glyph). */
const LIST_MARKER = /^(?:[-–—•·▪■□◦○●o*>]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivx]{1,4}[.)]|[\p{Co}\uFFFD])$/u;

interface Piece { x: number; right: number; items: PlacedItem[] }
interface Row { y: number; height: number; pieces: Piece[] }
/** A table row being built: per column (of the page's column starts), the lines of its cell. */
interface TableRow { y: number; bottom: number; cells: Map<number, PlacedItem[][]> }

const letterHeight = (items: PlacedItem[]) => Math.max(...items.map((it) => it.height));

/** A row's items split into pieces where the gap between them is wider than word spacing. */
function pieces(items: PlacedItem[], height: number): Piece[] {
  const out: Piece[] = [];
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    if (last && it.x - last.right < CELL_GAP * height) { last.items.push(it); last.right = Math.max(last.right, it.right); }
    else out.push({ x: it.x, right: it.right, items: [it] });
  }
  return out;
}

/** Column starts: left edges of pieces that at least two rows share (within ALIGN). */
function columnStarts(rows: Row[]): number[] {
  const lefts = rows.flatMap((r, i) => r.pieces.map((p) => ({ x: p.x, row: i }))).sort((a, b) => a.x - b.x);
  const starts: number[] = [];
  let group: typeof lefts = [];
  const close = () => { if (new Set(group.map((l) => l.row)).size >= 2) starts.push(group[0]!.x); group = []; };
  for (const l of lefts) {
    if (group.length && l.x - group[0]!.x > ALIGN) close();
    group.push(l);
  }
  if (group.length) close();
  return starts;
}

/** The column index of each piece, or null when a piece starts between columns. */
function columnsOf(row: Row, starts: number[]): number[] | null {
  const cols = row.pieces.map((p) => starts.findIndex((x) => Math.abs(p.x - x) <= ALIGN));
  return cols.every((c, k) => c >= 0 && (k === 0 || c > cols[k - 1]!)) ? cols : null;
}

/** The tables of a page, from its text rows' items (any order; rows are taken top to bottom). */
export function findTables(rowItems: PlacedItem[][]): PageTable[] {
  const rows: Row[] = rowItems.filter((r) => r.length).map((items) => {
    const height = letterHeight(items);
    return { y: items[0]!.y, height, pieces: pieces(items, height) };
  }).sort((a, b) => b.y - a.y);
  const starts = columnStarts(rows);
  const cols = rows.map((r) => columnsOf(r, starts));
  const tables: PageTable[] = [];
  for (let i = 0; i < rows.length;) {
    // (a run may open with the upper line of a cell centred on the row below it: "Tjänstgörande/Ej" over "Namn  Parti …")
    const centredAbove = cols[i]?.length === 1 && (cols[i + 1]?.length ?? 0) >= 2 && rows[i]!.y - rows[i + 1]!.y < 0.9 * rows[i]!.height;
    if ((cols[i]?.length ?? 0) < 2 && !centredAbove) { i++; continue; }
    // A run of rows whose every piece stands at a column, opened by a row of two or more cells.
    let end = i;
    while (end + 1 < rows.length && cols[end + 1]) end++;
    const built = buildTable(rows.slice(i, end + 1), cols.slice(i, end + 1) as number[][], starts);
    if (built.table) tables.push(built.table);
    i += built.used;
  }
  return tables;
}

/**
 * Tables by the text lines they replace, given the items (by `order`) each line is made of: a
 * table's first line maps to its rows, its other lines to null. A table is used only when the lines
 * from its first to its last (blank ones between them aside) hold its items and nothing else.
 */
export function linesOfTables(tables: PageTable[], lineItems: number[][]): Map<number, Inline[][] | null> {
  const out = new Map<number, Inline[][] | null>();
  for (const table of tables) {
    const hit = lineItems.flatMap((span, i) => (span.some((o) => table.items.has(o)) ? [i] : []));
    if (!hit.length) continue;
    const [first, last] = [hit[0]!, hit[hit.length - 1]!];
    const range = lineItems.slice(first, last + 1).flat();
    if (range.length !== table.items.size || !range.every((o) => table.items.has(o))) continue;
    for (let i = first; i <= last; i++) out.set(i, i === first ? table.rows : null);
  }
  return out;
}

/**
 * The table of a run of aligned rows, and how many of the rows it took. Its columns are those of
 * its rows of cells, taken on row by row as long as no cell so far reaches across a new column's
 * start. A row with one piece joins the row below when it sits within a line of that row's
 * baseline (the cells of a taller row are centred on it), or the row above when it continues a
 * cell (see continuesCell); otherwise it is a row of its own between rows of cells. Text that
 * reaches across a column's start (prose under the table) or is set larger (a heading) ends it.
 */
function buildTable(run: Row[], cols: number[][], starts: number[]): { table: PageTable | null; used: number } {
  const isMulti = (i: number) => cols[i]!.length >= 2;
  const used = new Set<number>();
  const spans: Piece[] = [];
  const nextStart = (c: number) => Math.min(...[...used].filter((u) => u > c).map((u) => starts[u]!));
  const crosses = (piece: Piece, c: number) => piece.right > nextStart(c) + ALIGN;
  /** Whether a piece taken so far (other than those of `except`) reaches across column c's start. */
  const spansStart = (c: number, except: Set<PlacedItem> = new Set()) => spans.some((p) => !p.items.every((it) => except.has(it)) && p.x < starts[c]! - ALIGN && p.right > starts[c]! + ALIGN);
  /** The key column: the leftmost taken so far. */
  const keyColumn = () => Math.min(...used);
  const out: TableRow[] = [];
  let pending: { col: number; piece: Piece }[] = [];
  let kept = 0;
  let taken = 0;
  const newRow = (y: number): TableRow => ({ y, bottom: y, cells: new Map() });
  // How far each column's text reaches: the last column has no next column to bound its cells.
  const reach = new Map<number, number>();
  const add = (t: TableRow, col: number, piece: Piece, first = false) => {
    reach.set(col, Math.max(reach.get(col) ?? -Infinity, piece.right));
    const lines = t.cells.get(col) ?? [];
    if (first) lines.unshift(piece.items); else lines.push(piece.items);
    t.cells.set(col, lines);
    spans.push(piece);
  };
  for (let i = 0; i < run.length; i++) {
    const row = run[i]!;
    if (Math.abs(row.height - run[0]!.height) > 0.15 * run[0]!.height) break;
    const here = row.pieces.map((piece, k) => ({ piece, col: cols[i]![k]! }));
    const prevRow = out[out.length - 1];
    // The upper lines of cells centred on the row below ("Tjänstgörande § 88, i övrigt   Jonas Erlandsson"
    // over "Linnea Forsberg  SD  Ersättare"): they wait for that row.
    const below = run[i + 1];
    if (isMulti(i) && used.size && !cols[i]!.includes(keyColumn()) && below && isMulti(i + 1) && cols[i + 1]!.includes(keyColumn())
      && row.y - below.y < 0.9 * row.height && !cols[i]!.some((c) => cols[i + 1]!.includes(c))) {
      for (const h of here) pending.push(h);
      continue;
    }
    // An agenda's item runs over several lines in each of its cells: a line of cells with the key
    // column empty, right under a row, goes on that row's cells ("3. Informationsbeskrivning för" /
    // "nämnden för Miljö &"   "Nämnden … antar"   "min").
    if (isMulti(i) && prevRow && used.size >= 3 && !cols[i]!.includes(keyColumn()) && cols[i]!.every((c) => used.has(c))
      && prevRow.bottom - row.y < 1.6 * row.height && !here.some((h) => crosses(h.piece, h.col))) {
      for (const { piece, col } of here) add(prevRow, col, piece);
      prevRow.bottom = row.y;
      if (out.length === kept) taken = i + 1;
      continue;
    }
    if (isMulti(i)) {
      const fresh = [...new Set([...here, ...pending].map((h) => h.col))].filter((c) => !used.has(c));
      // (the header row may span the columns under it: "Votering § 44" over "Ja  Nej  Avstår")
      // (not the first column's: a label there that runs across the next column is a layout's, "Övriga närvarande  Ersättare")
      const header = new Set(out[0] ? [...out[0].cells].filter(([c]) => c !== Math.min(...out[0]!.cells.keys())).flatMap(([, lines]) => lines.flat()) : []);
      if (fresh.some((c) => spansStart(c, header))) break;
      for (const c of fresh) used.add(c);
      if ([...here, ...pending].some((h) => crosses(h.piece, h.col))) break;
      const t = newRow(row.y);
      for (const p of pending) add(t, p.col, p.piece, true);
      pending = [];
      for (const { piece, col } of here) add(t, col, piece);
      out.push(t);
      kept = out.length;
      taken = i + 1;
      continue;
    }
    const { piece, col } = here[0]!;
    const prev = out[out.length - 1];
    const next = run[i + 1];
    // A line of a cell centred on its row, above or below the row's baseline, may stand in a column
    // no row has filled yet ("Margareta" / "Johansson (S)" beside "Tomas Wennerholm  S  Ersättare").
    if (next && isMulti(i + 1) && !cols[i + 1]!.includes(col) && row.y - next.y < 0.9 * row.height && (used.has(col) || !spansStart(col))) {
      pending.push({ col, piece });
      continue;
    }
    if (!used.has(col) && prev && prev.y - row.y < 0.9 * row.height && !spansStart(col)) used.add(col);
    if (!used.has(col) || crosses(piece, col)) break;
    if (prev && continuesCell(prev, col, piece, row, nextStart(col), reach.get(col)!)) {
      add(prev, col, piece);
      prev.bottom = row.y;
      if (out.length === kept) taken = i + 1;
    } else {
      // A row with one cell filled stands between rows of cells; two in a row are text after the
      // table, unless they stand right under it in a column after the first (a cell's further
      // paragraph: "Tidigare informationsbeskrivning …" under an agenda item's proposal).
      const inner = col > keyColumn() && prev !== undefined && prev.bottom - row.y < 1.6 * row.height;
      // An agenda item with no other cell filled ("1  Upprop och val av justerare") is a row of the table too.
      const item = col === keyColumn() && /^\d{1,3}[.)]?(?:\s|$)/.test(cellPlain([piece.items]));
      // (in a table of three or more columns it goes on the cell above: an agenda's proposal; in
      // two columns it may be the next name of a list, so it stays a row of its own)
      if (inner && used.size >= 3 && prev.cells.has(col)) { add(prev, col, piece); prev.bottom = row.y; if (out.length === kept) taken = i + 1; continue; }
      if (out.length > kept && !inner && !item) break;
      const t = newRow(row.y);
      add(t, col, piece);
      out.push(t);
      if (inner || item) { kept = out.length; taken = i + 1; }
    }
  }
  const columns = [...used].sort((a, b) => a - b);
  const rows = out.slice(0, kept).map((r) => columns.map((c) => r.cells.get(c) ?? []));
  if (columns.length < 2 || rows.filter((r) => r.filter((c) => c.length).length >= 2).length < MIN_ROWS) return { table: null, used: 1 };
  // What fails from here is a layout of columns that is no table: none of its rows start another.
  const none = { table: null, used: taken };
  // (counted over the rows of two or more cells: a lone cell between them is a cell's further
  // paragraph; the key may be the second column, after an agenda's item numbers)
  const multi = rows.filter((r) => r.filter((c) => c.length).length >= 2);
  const texts = rows.map((r) => r.map(cellPlain));
  const numbersFirst = texts.some((t) => t[0]) && texts.every((t) => !t[0] || /^\d{1,3}[.)]?$/.test(t[0]));
  if ((numbersFirst ? [0, 1] : [0]).every((k) => multi.filter((r) => r[k]?.length).length < KEY_FILLED * multi.length)) return none;
  // A bulleted or numbered list whose markers stand apart from the text is a list (an agenda's
  // numbers open rows of three or more columns: item, case number, proposal).
  if (columns.length < 3 && texts.some((t) => LIST_MARKER.test(t.find(Boolean) ?? ''))) return none;
  const words = texts.flat().filter(Boolean).map((t) => t.split(/\s+/).length).sort((a, b) => a - b);
  if (words[Math.floor(words.length / 2)]! > MAX_CELL_WORDS) return none;
  const items = new Set(rows.flatMap((r) => r.flat(2).map((it) => it.order)));
  return { table: { rows: rows.map(cellRunsOf), items }, used: taken };
}

/**
 * Whether a lone piece under a table row continues that row's cell: a line within a line of the
 * row's baseline (a cell centred on the row), or the next line of the cell when the text runs on
 * (the cell's last line had no room for the piece's first word before the next column, or in the
 * last column within the widest line of the column when the last line is not that one; it ends in
 * a hyphen, a comma or a word that cannot end a sentence; or the piece starts in lower case). Names
 * one under the other ("Erik Thedéen, ordförande" / "Anna Breman") stay apart.
 */
function continuesCell(prev: TableRow, col: number, piece: Piece, row: Row, nextX: number, reach: number): boolean {
  const h = row.height;
  const below = prev.bottom - row.y;
  if (below <= 0) return false;
  if (prev.y - row.y < 0.9 * h) return true;
  const cell = prev.cells.get(col) ?? [];
  if (!cell.length) return false;
  const last = cell[cell.length - 1]!;
  const lastText = cellPlain([last]);
  const text = cellPlain([piece.items]);
  const word = text.split(/\s+/)[0] ?? '';
  const wordWidth = (piece.right - piece.x) * (word.length / Math.max(1, text.length));
  const lastRight = Math.max(...last.map((it) => it.right));
  const limit = nextX < Infinity ? nextX - 0.5 * h : lastRight < reach - ALIGN ? reach : Infinity;
  const full = lastRight + 0.25 * h + wordWidth > limit;
  const runsOn = /[-,]$/.test(lastText) || DANGLING.test(lastText) || /^\p{Ll}/u.test(text);
  return below < 1.5 * h && (full || runsOn);
}

const cellPlain = (lines: PlacedItem[][]) => cellRuns(lines, 0).map((r) => r.text).join('').trim();

/** A table row's runs: every column a cell (an empty one an empty run, so that the index is the column). */
function cellRunsOf(row: PlacedItem[][][]): Inline[] {
  return tidyInlines(row.flatMap((lines, c) => {
    const runs = cellRuns(lines, c);
    return runs.length ? runs : [run('', { cell: c })];
  }));
}

/**
 * A cell's text from its lines: items on a line with a space where they stand apart, lines joined
 * by a space; a line ending in a hyphen joins the next without one ("Karl-" + "Erik", "2025-" + "02-10"), and a word
 * broken at a hyphen in lower case is mended ("organisa-" + "tion"). A space between two struck
 * items is struck with them, so a struck name stays one run.
 */
function cellRuns(lines: PlacedItem[][], cell: number): Inline[] {
  const out: Inline[] = [];
  let prev: PlacedItem | null = null;
  for (const line of lines) {
    for (const it of [...line].sort((a, b) => a.x - b.x)) {
      const text = it.text.trim();
      if (!text) continue;
      if (prev) {
        const sameLine = Math.abs(prev.y - it.y) < 0.5 * it.height;
        const struck = prev.struck && it.struck;
        // (a date or case number broken at its hyphen, "2025-" + "02-10", joins without a space)
        if (!sameLine && /\d-$/.test(prev.text.trim()) && /^\d/.test(text)) { /* joined as it stands */ }
        else if (!sameLine && /\p{L}-$/u.test(prev.text.trim())) {
          if (/^\p{Ll}/u.test(text) && !/^(och|eller|samt|till|som)\b/u.test(text)) {
            const last = out[out.length - 1]!;
            last.text = last.text.replace(/-$/, '');
          } else if (/^(och|eller|samt|till|som)\b/u.test(text)) out.push(run(' ', { cell, struck }));
        } else if (!sameLine || it.x - prev.right >= 0.15 * it.height) out.push(run(' ', { cell, struck }));
      }
      out.push(run(text, { cell, struck: it.struck }));
      prev = it;
    }
  }
  return out;
}
