/** Plain text and Markdown reader with encoding detection for old Swedish archives. */
import { ReadError } from './read-error.ts';
import { frontMatter, highestPage, textToBlocks } from './text-blocks.ts';
import { metadataDate } from './metadata-date.ts';
import type { Block } from '../lib/schema.ts';

export interface DecodedText { text: string; encoding: string }

/**
 * UTF-8 if the bytes are valid UTF-8, else Windows-1252 (a superset of Latin-1 in the printable
 * range, and what Swedish Windows machines wrote for decades). UTF-16 is recognised by its BOM.
 */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new ReadError(file, 'binary content, not text (wrong extension or a damaged file)');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** 0x80–0x9F in Windows-1252 (curly quotes, dashes, €); the rest is Latin-1. Undefined bytes stay as C1 code points. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node's TextDecoder treats "windows-1252" as Latin-1 and turns dashes and quotes into control characters. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** NUL bytes or many control characters in the first 8 KiB mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length * 0.05;
}

export function readText(file: string, bytes: Uint8Array): { blocks: Block[]; encoding: string; pageCount: number; metaTitle: string | null; metaCreated: string | null } {
  const { text, encoding } = decodeText(file, bytes);
  if (!text.trim()) throw new ReadError(file, 'no text (the file holds only whitespace)');
  // A plain text file may be a PDF's layout export: its tables are laid out by spaces (Markdown has pipe tables).
  const blocks = textToBlocks(text, { layoutTables: !/\.(?:md|markdown)$/i.test(file) });
  if (!blocks.length) throw new ReadError(file, 'no text (the file holds only metadata and comments)');
  const pageCount = highestPage(blocks);
  const { fields } = frontMatter(text);
  return { blocks, encoding, pageCount, metaTitle: fields.title || null, metaCreated: metadataDate(fields.created ?? fields.date ?? fields.datum) };
}
