/**
 * Plain text / Markdown → blocks. Markdown syntax is kept where it carries structure
 * (headings, list items, tab tables); inline strike-through is normalised to `<del>`.
 */
import type { Block } from '../lib/schema.ts';

const HEADING = /^(#{1,6})\s+(.*)$/;
// Bullets only: numbered lines ("5. Uppföljning …") are agenda items the sectioner reads.
const LIST_ITEM = /^\s*[-*•]\s+/;

/** `<!-- sida 3 -->`, `<!-- page 3 -->`: a page marker written by a PDF-to-text conversion. */
const PAGE_MARKER = /^\s*<!--\s*(?:sida|page|s\.)\s*(\d+)\s*-->\s*$/i;

/** YAML front matter ("---\ntitle: …\n---") at the very start: metadata, not text. */
export function frontMatter(text: string): { fields: Record<string, string>; rest: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { fields: {}, rest: text };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([\w-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.replace(/^["']|["']$/g, '');
  }
  // Keep the line count so that nothing after it moves: blank lines where the metadata stood.
  return { fields, rest: '\n'.repeat(m[0].split('\n').length - 1) + text.slice(m[0].length) };
}

export function textToBlocks(input: string): Block[] {
  const blocks: Block[] = [];
  const text = frontMatter(input).rest;
  let page = 1;
  let inComment = false;
  // Form feeds separate pages in text exports (pdftotext and old archives use them); page markers
  // in converted Markdown name the page outright.
  text.split('\f').forEach((pageText, pageIndex) => {
    if (pageIndex > 0) page++;
    let para: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: 'paragraph', text: para.join('\n'), page });
      para = [];
    };
    for (const sourceLine of pageText.split(/\r\n|\r|\n/)) {
      const marker = PAGE_MARKER.exec(sourceLine);
      if (marker) { flush(); page = Number(marker[1]); continue; }
      // HTML comments are not text, also when they span lines.
      let rawLine = sourceLine;
      if (inComment) {
        const end = rawLine.indexOf('-->');
        if (end < 0) continue;
        rawLine = rawLine.slice(end + 3);
        inComment = false;
      }
      rawLine = rawLine.replace(/<!--[\s\S]*?-->/g, '');
      const open = rawLine.indexOf('<!--');
      if (open >= 0) { rawLine = rawLine.slice(0, open); inComment = true; }
      // A line that held only a comment is no blank line: it does not end a paragraph.
      if (!rawLine.trim() && sourceLine.trim()) continue;
      const line = normaliseInline(rawLine.replace(/\s+$/, ''));
      if (!line.trim()) { flush(); continue; }
      const heading = HEADING.exec(line);
      // A Markdown table row ("| 1. | Val av justerare | 2024-00001 |"): its cells, as in tab tables;
      // the separator row ("| --- | --- |") is no text.
      if (/^\s*\|.*\|\s*$/.test(line)) {
        flush();
        if (!/^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line)) {
          const cells = line.trim().slice(1, -1).split('|').map((c) => c.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim());
          blocks.push({ kind: 'table-row', text: cells.join('\t'), page });
        }
        continue;
      }
      if (heading) {
        flush();
        blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.trim(), page });
      } else if (line.includes('\t')) {
        flush();
        blocks.push({ kind: 'table-row', text: line.trim(), page });
      } else if (LIST_ITEM.test(line)) {
        flush();
        blocks.push({ kind: 'list-item', text: line.trim(), page });
      } else {
        para.push(line.trim());
      }
    }
    flush();
  });
  return blocks;
}


/** The highest page a block starts on (at least `atLeast`); a loop, since a long document has more blocks than a call takes arguments. */
export function highestPage(blocks: Block[], atLeast = 1): number {
  let page = atLeast;
  for (const b of blocks) if (b.page > page) page = b.page;
  return page;
}

/** `~~x~~` (Markdown) and `<s>`/`<strike>` (HTML) strike-through all become `<del>`. */
export function normaliseInline(line: string): string {
  return line
    .replace(/~~(.+?)~~/g, '<del>$1</del>')
    .replace(/<(s|strike)>(.*?)<\/\1>/gi, '<del>$2</del>');
}
