/** Small text helpers shared by extraction and indexing. */

/** Text on as few spaces as it needs: a table row's tabs become " | ", runs of spaces one, ends trimmed. */
export function plain(text: string): string {
  return text
    .replace(/\s*\t\s*/g, ' | ')
    .replace(/[ \u00a0]+/g, ' ')
    .trim();
}

/** One line of plain text (newlines folded), for titles, snippets and index fields. */
export function oneLine(text: string): string {
  return plain(text).replace(/\s*\n\s*/g, ' ').trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Sentence split that leaves "bl.a." and "kl. 9" alone: a break needs an upper-case letter or quote after it. */
export function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=[\p{Lu}"”\d§])|\n+/u).map((s) => s.trim()).filter(Boolean);
}
