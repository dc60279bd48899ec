/**
 * DOCX reader: WordprocessingML read in one pass over `word/document.xml` into blocks. Keeps what
 * extraction needs: headings (from paragraph styles and outline levels only), list items, tables
 * (one block per row, a run per cell), bold and strike-through (how absent members are marked) as
 * marked runs (lib/blocks.ts). One pass with no document tree keeps a 100 000-paragraph file in a few
 * hundred MB (mammoth's tree and HTML took 0.9 GB for it).
 */
import { ReadError } from './read-error.ts';
import { declaredUnzippedSize, readZipText, zipEntries } from './zip-entries.ts';
import type { Block, Inline } from '../lib/schema.ts';
import { makeBlock, run as inline, textOf } from '../lib/blocks.ts';
import { metadataDate } from './metadata-date.ts';

export { declaredUnzippedSize } from './zip-entries.ts';

export async function readDocx(file: string, bytes: Uint8Array, maxUnzippedBytes = 200 * 2 ** 20): Promise<{ blocks: Block[]; pageCount: number; metaCreated: string | null }> {
  const entries = zipEntries(bytes);
  const unzipped = declaredUnzippedSize(bytes);
  if (!entries || unzipped === null) throw new ReadError(file, 'not a valid DOCX (corrupt or truncated zip: no central directory)');
  if (unzipped > maxUnzippedBytes) {
    throw new ReadError(file, `DOCX would unpack to ${Number.isFinite(unzipped) ? `${(unzipped / 2 ** 20).toFixed(0)} MB` : 'more than 4 GB'}, over the limit of ${(maxUnzippedBytes / 2 ** 20).toFixed(0)} MB (a zip bomb?)`);
  }
  let blocks: Block[];
  let metaCreated: string | null = null;
  try {
    const document = readZipText(bytes, entries, 'word/document.xml');
    if (document === null) throw new ReadError(file, 'not a DOCX: the zip has no word/document.xml');
    blocks = wordXmlToBlocks(document, readZipText(bytes, entries, 'word/styles.xml') ?? '');
    metaCreated = metadataDate(/<dcterms:created[^>]*>([^<]+)</.exec(readZipText(bytes, entries, 'docProps/core.xml') ?? '')?.[1]);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    throw new ReadError(file, `not a valid DOCX (corrupt or truncated zip): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!blocks.some((b) => /\p{L}{2}/u.test(b.text))) throw new ReadError(file, 'DOCX contains no text');
  // Word does not store page breaks reliably (layout decides them): a DOCX is one page here.
  return { blocks, pageCount: 1, metaCreated };
}

/** An XML tag or a text run between tags. */
const TOKEN = /<([/?!]?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? m[1]! : null;
}

/** `<w:b/>` is on, `<w:b w:val="0"/>` (or false/off) is off. */
const isOn = (attrs: string) => !/^(0|false|off|none)$/.test(attr(attrs, 'w:val') ?? 'true');

interface StyleDef { id: string; name: string; basedOn: string | null; outline: number | null; numbered: boolean; bold: boolean | null; strike: boolean | null }

/** Paragraph and character styles: heading level, list numbering, bold and strike (inherited through basedOn). */
export interface Styles { level(id: string | null): number | null; numbered(id: string | null): boolean; run(id: string | null): { bold: boolean; strike: boolean } }

/** "heading 1" (Word's built-in name, any language), "Heading1", "Rubrik1" (Swedish Word's id), a custom "Rubrik 2". */
const HEADING_NAME = /^(?:heading|rubrik)\s*([1-6])$/i;

export function readStyles(xml: string): Styles {
  const defs = new Map<string, StyleDef>();
  let cur: StyleDef | null = null;
  let inRunProps = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, prefix, tag, attrs = ''] = m;
    if (!tag) continue;
    if (prefix === '/') {
      if (tag === 'w:style') cur = null;
      if (tag === 'w:rPr') inRunProps = false;
      continue;
    }
    if (tag === 'w:style') {
      cur = { id: attr(attrs, 'w:styleId') ?? '', name: '', basedOn: null, outline: null, numbered: false, bold: null, strike: null };
      defs.set(cur.id, cur);
    } else if (!cur) continue;
    else if (tag === 'w:name') cur.name = attr(attrs, 'w:val') ?? '';
    else if (tag === 'w:basedOn') cur.basedOn = attr(attrs, 'w:val');
    else if (tag === 'w:outlineLvl') cur.outline = Number(attr(attrs, 'w:val'));
    else if (tag === 'w:numId') cur.numbered = attr(attrs, 'w:val') !== '0';
    else if (tag === 'w:rPr') inRunProps = m[4] !== '/';
    else if (inRunProps && tag === 'w:b') cur.bold = isOn(attrs);
    else if (inRunProps && (tag === 'w:strike' || tag === 'w:dstrike')) cur.strike = isOn(attrs);
  }
  // A style's own setting wins, else the one it is based on (cycles end at 10 steps).
  const inherit = <T>(id: string | null, own: (d: StyleDef) => T | null, depth = 0): T | null => {
    const d = id === null ? undefined : defs.get(id);
    if (!d || depth > 10) return null;
    return own(d) ?? inherit(d.basedOn, own, depth + 1);
  };
  const levelOf = (d: StyleDef) => {
    const named = HEADING_NAME.exec(d.name) ?? HEADING_NAME.exec(d.id);
    if (named) return Number(named[1]);
    // Outline level 0–5 is a heading level; 9 is body text.
    return d.outline !== null && d.outline >= 0 && d.outline <= 5 ? d.outline + 1 : d.outline === 9 ? 0 : null;
  };
  return {
    level: (id) => inherit(id, levelOf) || null,
    numbered: (id) => inherit(id, (d) => (d.numbered ? true : null)) ?? false,
    run: (id) => ({
      bold: inherit(id, (d) => d.bold ?? (/^(strong|stark)$/i.test(d.name) ? true : null)) ?? false,
      strike: inherit(id, (d) => d.strike) ?? false,
    }),
  };
}

interface Run { text: string; bold: boolean; strike: boolean }
interface Paragraph { style: string | null; outline: number | null; numbered: boolean | null; runs: Run[] }
interface Cell { paragraphs: Inline[][]; continued: boolean }

/** document.xml (and styles.xml) → blocks, in document order; empty paragraphs are dropped. */
export function wordXmlToBlocks(document: string, stylesXml = ''): Block[] {
  const styles = readStyles(stylesXml);
  const blocks: Block[] = [];
  const paragraphs: Paragraph[] = [];
  const rows: Inline[][][] = [];
  const cells: Cell[] = [];
  const stack: string[] = [];
  // A text box sits inside a run of its paragraph: its own paragraphs and runs nest.
  const runs: Run[] = [];
  let skipUntil = -1;
  const para = () => paragraphs[paragraphs.length - 1];
  const parent = () => stack[stack.length - 1];

  const endParagraph = (p: Paragraph) => {
    const runs = inlineRuns(p.runs);
    const cell = cells[cells.length - 1];
    if (cell && paragraphs.length === 0) { if (textOf(runs).trim()) cell.paragraphs.push(runs); return; }
    const level = p.outline !== null && p.outline <= 5 ? p.outline + 1 : p.outline === 9 ? null : styles.level(p.style);
    if (level) push(blocks, 'heading', runs, level);
    else if (p.numbered ?? styles.numbered(p.style)) push(blocks, 'list-item', [inline('- '), ...runs]);
    else push(blocks, 'paragraph', runs);
  };
  const endRow = () => {
    const row = rows.pop()!;
    // A table inside a table cell: its rows are that cell's text, cells apart by a tab.
    const cell = cells[cells.length - 1];
    if (cell) cell.paragraphs.push(row.flatMap((c, i) => [...(i ? [inline('\t')] : []), ...c.map(({ cell: _, ...r }) => r)]));
    else push(blocks, 'table-row', row.flatMap((c, i) => cellRuns(c, i)));
  };

  for (const m of document.matchAll(TOKEN)) {
    const [, prefix, tag, attrs = '', selfClosing, text] = m;
    if (skipUntil >= 0) {
      if (tag && !selfClosing && prefix === '') stack.push(tag);
      else if (prefix === '/' && stack.pop() !== undefined && stack.length === skipUntil) skipUntil = -1;
      continue;
    }
    if (text !== undefined) {
      if (runs.length && parent() === 'w:t') runs[runs.length - 1]!.text += decodeEntities(text);
      continue;
    }
    if (!tag || prefix === '?' || prefix === '!') continue;
    if (prefix === '/') {
      stack.pop();
      if (tag === 'w:p') { const p = paragraphs.pop(); if (p) endParagraph(p); }
      else if (tag === 'w:r') { const r = runs.pop(); if (r) para()?.runs.push(r); }
      else if (tag === 'w:tc') { const c = cells.pop(); if (c && !c.continued) rows[rows.length - 1]?.push(c.paragraphs.flatMap((runs, i) => [...(i ? [inline('\n')] : []), ...runs])); }
      else if (tag === 'w:tr' && rows.length) endRow();
      continue;
    }
    // Text boxes are written twice (DrawingML and a VML fallback) and moved-from text is not there any more.
    if (tag === 'mc:Fallback' || tag === 'w:moveFrom') { if (!selfClosing) { skipUntil = stack.length; stack.push(tag); } continue; }
    const inParagraphProps = parent() === 'w:pPr' || parent() === 'w:numPr';
    const run = parent() === 'w:r' || (parent() === 'w:rPr' && stack[stack.length - 2] === 'w:r') ? runs[runs.length - 1] : undefined;
    if (tag === 'w:p') paragraphs.push({ style: null, outline: null, numbered: null, runs: [] });
    else if (tag === 'w:r') runs.push({ text: '', bold: false, strike: false });
    else if (tag === 'w:tr') rows.push([]);
    else if (tag === 'w:tc') cells.push({ paragraphs: [], continued: false });
    else if (tag === 'w:vMerge' && cells.length) cells[cells.length - 1]!.continued = (attr(attrs, 'w:val') ?? 'continue') === 'continue';
    else if (inParagraphProps && para()) setParagraphProperty(para()!, tag, attrs);
    else if (run && parent() === 'w:rPr') setRunProperty(run, tag, attrs, styles);
    else if (run) run.text += runContent(tag, attrs);
    if (!selfClosing) stack.push(tag);
  }
  return blocks;
}

function setParagraphProperty(p: Paragraph, tag: string, attrs: string) {
  if (tag === 'w:pStyle') p.style = attr(attrs, 'w:val');
  else if (tag === 'w:outlineLvl') p.outline = Number(attr(attrs, 'w:val'));
  else if (tag === 'w:numId') p.numbered = attr(attrs, 'w:val') !== '0';
}

function setRunProperty(run: Run, tag: string, attrs: string, styles: Styles) {
  if (tag === 'w:rStyle') Object.assign(run, styles.run(attr(attrs, 'w:val')));
  else if (tag === 'w:b') run.bold = isOn(attrs);
  else if (tag === 'w:strike' || tag === 'w:dstrike') run.strike = isOn(attrs);
}

/** What a run's non-text elements stand for: a tab, a line break (not a page or column break), a hyphen. */
function runContent(tag: string, attrs: string): string {
  if (tag === 'w:tab') return '\t';
  if (tag === 'w:br') return ['page', 'column'].includes(attr(attrs, 'w:type') ?? '') ? '' : '\n';
  if (tag === 'w:cr') return '\n';
  if (tag === 'w:noBreakHyphen') return '-';
  return '';
}

function push(blocks: Block[], kind: Block['kind'], runs: Inline[], level?: number) {
  if (!textOf(runs).trim()) return;
  blocks.push(makeBlock(kind, runs, 1, level));
}

/** A table cell's runs on one line (line breaks inside a cell are spaces), marked with the cell's column; an empty cell keeps its place. */
function cellRuns(runs: Inline[], cell: number): Inline[] {
  const out = runs.map((r) => inline(r.text.replace(/\s*\n\s*/g, ' '), { ...r, cell }));
  return out.length ? out : [inline('', { cell })];
}

/** Word's runs as marked runs: white space at a bold or struck run's edges stays unmarked. */
function inlineRuns(runs: Run[]): Inline[] {
  return runs.flatMap((r) => {
    const marks = { strong: r.bold, struck: r.strike };
    if (!(r.bold || r.strike) || !r.text.trim()) return [inline(r.text)];
    const lead = /^\s*/.exec(r.text)![0];
    const trail = /\s*$/.exec(r.text)![0];
    return [inline(lead), inline(r.text.trim(), marks), inline(trail)];
  });
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()] ?? m;
  });
}
