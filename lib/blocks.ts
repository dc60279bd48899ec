/**
 * Blocks built from typed inline runs (text, strong, struck, cell), and what extraction asks of
 * them: a table row's cells, the struck-through runs, a bold lead-in. Readers build blocks here so
 * that `text` is always the runs' text, computed once.
 */
import type { Block, Inline } from './schema.ts';

type Kind = Block['kind'];
type Marks = Omit<Inline, 'text'>;

const sameMarks = (a: Marks, b: Marks) => a.strong === b.strong && a.struck === b.struck && a.cell === b.cell;

/** The runs' text; a table row's cells separated by a tab. */
export function textOf(inlines: Inline[]): string {
  let out = '';
  inlines.forEach((r, i) => {
    const prev = inlines[i - 1]?.cell;
    if (r.cell !== undefined && prev !== undefined && r.cell !== prev) out += '\t';
    out += r.text;
  });
  return out;
}

/** Adjacent runs with the same marks merged; empty runs dropped (an empty cell keeps one run). */
export function tidyInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of inlines) {
    const prev = out[out.length - 1];
    if (prev && sameMarks(prev, r)) { prev.text += r.text; continue; }
    if (!r.text && (r.cell === undefined || prev?.cell === r.cell)) continue;
    if (prev && !prev.text && prev.cell === r.cell) out.pop();
    out.push({ ...r });
  }
  return out;
}

/** A run with only the marks it has (no `undefined` keys, so records compare and serialise cleanly). */
export function run(text: string, marks: { strong?: boolean; struck?: boolean; cell?: number } = {}): Inline {
  const r: Inline = { text };
  if (marks.strong) r.strong = true;
  if (marks.struck) r.struck = true;
  if (marks.cell !== undefined) r.cell = marks.cell;
  return r;
}

/** Leading and trailing white space of the whole block removed (from as many runs as it spans). */
function trimInlines(inlines: Inline[]): Inline[] {
  const out = inlines.map((r) => ({ ...r }));
  for (const r of out) { r.text = r.text.replace(/^\s+/, ''); if (r.text) break; }
  for (const r of [...out].reverse()) { r.text = r.text.replace(/\s+$/, ''); if (r.text) break; }
  return tidyInlines(out);
}

export function makeBlock(kind: Kind, inlines: Inline[], page: number, level?: number): Block {
  if (inlines.length === 1 && inlines[0]!.cell === undefined) {
    const only = { ...inlines[0]!, text: inlines[0]!.text.trim() };
    return { kind, ...(level ? { level } : {}), text: only.text, inlines: only.text ? [only] : [], page };
  }
  const runs = trimInlines(inlines);
  return { kind, ...(level ? { level } : {}), text: textOf(runs), inlines: runs, page };
}

/** A block of unmarked text. */
export const textBlock = (kind: Kind, text: string, page: number, level?: number): Block => makeBlock(kind, [run(text)], page, level);

/** The block with `fn` applied to the text of every run (character normalisation, masking). */
export function mapRuns(block: Block, fn: (text: string) => string): Block {
  const texts = block.inlines.map((r) => fn(r.text));
  // Most blocks come through unchanged: keep them, rather than copy every run.
  if (texts.every((t, i) => t === block.inlines[i]!.text)) return block;
  const inlines = tidyInlines(block.inlines.map((r, i) => ({ ...r, text: texts[i]! })));
  return { ...block, text: textOf(inlines), inlines };
}

/** Two blocks' runs as one, `joiner` between them ("" or " "). */
export function concatRuns(a: Inline[], joiner: string, b: Inline[]): Inline[] {
  return tidyInlines([...a, ...(joiner ? [run(joiner)] : []), ...b]);
}

/** The block with its runs replaced, `text` recomputed. */
export function withRuns(block: Block, inlines: Inline[]): Block {
  const runs = tidyInlines(inlines);
  return { ...block, text: textOf(runs), inlines: runs };
}

export const hasCells = (block: Block) => block.inlines.some((r) => r.cell !== undefined);

/** A table row's cells: the runs of each. */
export function cellRuns(block: Block): Inline[][] {
  const cells: Inline[][] = [];
  for (const r of block.inlines) (cells[r.cell ?? 0] ??= []).push(r);
  return Array.from(cells, (c) => c ?? []);
}

/** A table row's cells as text (a block without cells is one, unless it has no runs). */
export const cellTexts = (block: Block): string[] =>
  hasCells(block) ? cellRuns(block).map(textOf) : block.inlines.length ? [textOf(block.inlines)] : [];

/** The texts of the struck-through runs. */
export const struckTexts = (inlines: Inline[]): string[] => inlines.filter((r) => r.struck && r.text.trim()).map((r) => r.text);

/** The runs open with a struck one (white space aside): the row or name is crossed out. */
export const startsStruck = (inlines: Inline[]) => inlines.find((r) => r.text.trim())?.struck === true;

/** A bold lead-in ("**7. Förslag …** Eva Sund"): its text and the text after it; null when the block does not open in bold. */
export function boldLead(block: Block): { strong: string; after: string } | null {
  const i = block.inlines.findIndex((r) => r.text.trim());
  const first = block.inlines[i];
  if (!first?.strong) return null;
  return { strong: first.text, after: textOf(block.inlines.slice(i + 1)) };
}

/** One line that opens and closes in bold (a bold agenda heading written as a paragraph). */
export function boldLine(block: Block): boolean {
  const runs = block.inlines.filter((r) => r.text.trim());
  return !block.text.trim().includes('\n') && runs[0]?.strong === true && runs.at(-1)?.strong === true;
}
