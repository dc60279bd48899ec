/**
 * DOCX reader: mammoth → semantic HTML → blocks. Keeps what extraction needs:
 * headings (Word heading styles), tables (one block per row, cells tab-separated),
 * bold (`**`) and strike-through (`<del>`, how absent members are marked).
 */
import mammoth from 'mammoth';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { ReadError } from './read-error.ts';
import type { Block } from '../lib/schema.ts';

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
      if (heading) push(blocks, 'heading', inlineText(child), Number(heading[1]));
      else if (tag === 'p') push(blocks, 'paragraph', inlineText(child));
      else if (tag === 'li') pushListItem(blocks, child, walk);
      else if (tag === 'tr') push(blocks, 'table-row', child.querySelectorAll('td, th').map(inlineText).map((c) => c.replace(/\s*\n\s*/g, ' ')).join('\t'));
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
  push(blocks, 'list-item', `- ${inlineText(own)}`);
  li.querySelectorAll(':scope > ul, :scope > ol').forEach(walk);
}

function push(blocks: Block[], kind: Block['kind'], text: string, level?: number) {
  const t = text.trim();
  if (!t) return;
  blocks.push(level ? { kind, level, text: t, page: 1 } : { kind, text: t, page: 1 });
}

function isElement(n: Node): n is HTMLElement {
  return n.nodeType === 1;
}

/** Inline content with our markup: bold → **x**, struck → <del>x</del>, <br> → newline. */
function inlineText(el: HTMLElement): string {
  let out = '';
  for (const n of el.childNodes) {
    if (!isElement(n)) { out += decodeEntities(n.rawText); continue; }
    const tag = n.rawTagName?.toLowerCase();
    const inner = inlineText(n);
    if (tag === 'br') out += '\n';
    else if ((tag === 'strong' || tag === 'b') && inner.trim()) out += `**${inner.trim()}**${/\s$/.test(inner) ? ' ' : ''}`;
    else if ((tag === 'del' || tag === 's') && inner.trim()) out += `<del>${inner.trim()}</del>${/\s$/.test(inner) ? ' ' : ''}`;
    else if (tag === 'p' && out) out += `\n${inner}`;
    else out += inner;
  }
  return out.replace(/\*\*\*\*/g, '').replace(/<\/del><del>/g, '');
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);|&#(\d+);|&#x([0-9a-f]+);/gi, (m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' } as Record<string, string>)[name!.toLowerCase()] ?? m;
  });
}
