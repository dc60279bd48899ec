/**
 * DOCX reader: mammoth → semantic HTML → blocks. Keeps what extraction needs:
 * headings (Word heading styles), tables (one block per row, a run per cell), bold and
 * strike-through (how absent members are marked) as marked runs.
 */
import mammoth from 'mammoth';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { ReadError } from './read-error.ts';
import type { Block, Inline } from '../lib/schema.ts';
import { makeBlock, run, textOf } from '../lib/blocks.ts';

const STYLE_MAP = ['strike => del', 'b => strong', 'u => '];

/**
 * The total unpacked size a zip's central directory declares, read before anything is inflated:
 * a zip bomb (a small DOCX that unpacks to gigabytes) is refused without being unpacked.
 * ZIP64 sizes (0xFFFFFFFF) count as unbounded.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 65_557); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = view.getUint16(eocd + 10, true);
    let p = view.getUint32(eocd + 16, true);
    let total = 0;
    for (let i = 0; i < entries && p + 46 <= bytes.length; i++) {
      if (view.getUint32(p, true) !== 0x02014b50) return null;
      const size = view.getUint32(p + 24, true);
      total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return null;
}

export async function readDocx(file: string, bytes: Uint8Array, maxUnzippedBytes = 200 * 2 ** 20): Promise<{ blocks: Block[]; pageCount: number }> {
  const unzipped = declaredUnzippedSize(bytes);
  if (unzipped === null) throw new ReadError(file, 'not a valid DOCX (corrupt or truncated zip: no central directory)');
  if (unzipped > maxUnzippedBytes) {
    throw new ReadError(file, `DOCX would unpack to ${Number.isFinite(unzipped) ? `${(unzipped / 2 ** 20).toFixed(0)} MB` : 'more than 4 GB'}, over the limit of ${(maxUnzippedBytes / 2 ** 20).toFixed(0)} MB (a zip bomb?)`);
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true });
    html = result.value;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const reason = /central directory|zip|corrupt/i.test(msg)
      ? `not a valid DOCX (corrupt or truncated zip): ${msg}`
      : `DOCX could not be read: ${msg}`;
    throw new ReadError(file, reason);
  }
  const blocks = htmlToBlocks(html);
  if (!blocks.some((b) => /\p{L}{2}/u.test(b.text))) throw new ReadError(file, 'DOCX contains no text');
  // Word does not store page breaks reliably (layout decides them): a DOCX is one page here.
  return { blocks, pageCount: 1 };
}

export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const walk = (el: HTMLElement) => {
    for (const child of el.childNodes) {
      if (!isElement(child)) continue;
      const tag = child.rawTagName?.toLowerCase() ?? '';
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) push(blocks, 'heading', inlineRuns(child), Number(heading[1]));
      else if (tag === 'p') push(blocks, 'paragraph', inlineRuns(child));
      else if (tag === 'li') pushListItem(blocks, child, walk);
      else if (tag === 'tr') push(blocks, 'table-row', child.querySelectorAll('td, th').flatMap((td, cell) => cellRuns(inlineRuns(td), cell)));
      else walk(child); // ul, ol, table, tbody, div …
    }
  };
  walk(parse(html));
  return blocks;
}

/** A list item's own text is one block; nested lists inside it become their own items. */
function pushListItem(blocks: Block[], li: HTMLElement, walk: (el: HTMLElement) => void) {
  const own = li.clone() as HTMLElement;
  own.querySelectorAll('ul, ol').forEach((n) => n.remove());
  push(blocks, 'list-item', [run('- '), ...inlineRuns(own)]);
  li.querySelectorAll(':scope > ul, :scope > ol').forEach(walk);
}

function push(blocks: Block[], kind: Block['kind'], runs: Inline[], level?: number) {
  if (!textOf(runs).trim()) return;
  blocks.push(makeBlock(kind, runs, 1, level));
}

/** A table cell's runs on one line (line breaks inside a cell are spaces), marked with the cell's column; an empty cell keeps its place. */
function cellRuns(runs: Inline[], cell: number): Inline[] {
  const out = runs.map((r) => run(r.text.replace(/\s*\n\s*/g, ' '), { ...r, cell }));
  return out.length ? out : [run('', { cell })];
}

function isElement(n: Node): n is HTMLElement {
  return n.nodeType === 1;
}

/** Inline content as runs: bold and struck marked, <br> a newline; white space at a mark's edges stays outside it. */
function inlineRuns(el: HTMLElement, marks: { strong?: boolean; struck?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  for (const n of el.childNodes) {
    if (!isElement(n)) { out.push(run(decodeEntities(n.rawText), marks)); continue; }
    const tag = n.rawTagName?.toLowerCase();
    if (tag === 'br') { out.push(run('\n', marks)); continue; }
    const strong = tag === 'strong' || tag === 'b';
    const struck = tag === 'del' || tag === 's';
    const inner = inlineRuns(n, { strong: marks.strong || strong, struck: marks.struck || struck });
    if (tag === 'p' && out.length) out.push(run('\n', marks));
    out.push(...((strong || struck) ? edgesUnmarked(inner, marks) : inner));
  }
  return out;
}

/** "** Anna **" → " " + "**Anna**" + " ": the spaces at a mark's edges carry the outer marks. */
function edgesUnmarked(runs: Inline[], outer: { strong?: boolean; struck?: boolean }): Inline[] {
  const text = textOf(runs);
  if (!text.trim()) return [run(text, outer)];
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  const inner = runs.map((r) => ({ ...r }));
  inner[0]!.text = inner[0]!.text.replace(/^\s+/, '');
  inner.at(-1)!.text = inner.at(-1)!.text.replace(/\s+$/, '');
  return [run(lead, outer), ...inner, run(trail, outer)];
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);|&#(\d+);|&#x([0-9a-f]+);/gi, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' } as Record<string, string>)[name!.toLowerCase()] ?? m;
  });
}
