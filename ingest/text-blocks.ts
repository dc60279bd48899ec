/**
 * Plain text / Markdown → blocks. Markdown syntax is kept where it carries structure
 * (headings, list items, tab tables); inline strike-through is normalised to `<del>`.
 */
import type { Block } from '../lib/schema.ts';

const HEADING = /^(#{1,6})\s+(.*)$/;
// Bullets only: numbered lines ("5. Uppföljning …") are agenda items the sectioner reads.
const LIST_ITEM = /^\s*[-*•]\s+/;

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  // Form feeds separate pages in text exports (pdftotext and old archives use them).
  text.split('\f').forEach((pageText, pageIndex) => {
    const page = pageIndex + 1;
    let para: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ kind: 'paragraph', text: para.join('\n'), page });
      para = [];
    };
    for (const rawLine of pageText.split(/\r\n|\r|\n/)) {
      const line = normaliseInline(rawLine.replace(/\s+$/, ''));
      if (!line.trim()) { flush(); continue; }
      const heading = HEADING.exec(line);
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


/** `~~x~~` (Markdown) and `<s>`/`<strike>` (HTML) strike-through all become `<del>`. */
export function normaliseInline(line: string): string {
  return line
    .replace(/~~(.+?)~~/g, '<del>$1</del>')
    .replace(/<(s|strike)>(.*?)<\/\1>/gi, '<del>$2</del>');
}
