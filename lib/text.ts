/** Small text helpers shared by extraction and indexing. */

/** Text on as few spaces as it needs: a table row's tabs become " | ", runs of spaces one, ends trimmed. */
export function plain(text: string): string {
  // Most blocks have no tab and no double or no-break space: those replacements would change nothing.
  const cells = text.includes('\t') ? text.replace(/\s*\t\s*/g, ' | ') : text;
  const spaced = cells.includes('  ') || cells.includes('\u00a0') ? cells.replace(/[ \u00a0]+/g, ' ') : cells;
  return spaced.trim();
}

/** One line of plain text (newlines folded), for titles, snippets and index fields. */
export function oneLine(text: string): string {
  return plain(text).replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * A copy of `s` that does not keep a longer string alive. V8 makes a substring of 13 characters or
 * more (`slice`, `match`, `split`) a view of its parent, so a word cached from a document keeps the
 * whole document's text in memory for as long as the cache lives. What a long-lived cache keeps,
 * it keeps through this.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const SPACE = /\s/;

/** The words between white space (`\s`, as `split(/\s+/)` has them), counted without making them. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Between U+0080 and U+167F only the no-break space is white space (Swedish letters are not).
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || (c >= 0x1680 && SPACE.test(text[i]!));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * The matches `text.matchAll(re)` yields, from the shared global expression itself: matchAll copies
 * the expression at every call, which in the per-sentence and per-block loops cost more than the
 * search. Like the copy, the search starts at the expression's `lastIndex` and leaves it as it was,
 * also while the loop body runs (which may use the same expression).
 */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  if (!re.global) throw new TypeError(`matchesOf needs a global expression: ${re}`);
  const start = re.lastIndex;
  try {
    for (let at = start; at <= text.length;) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) return;
      // An empty match moves on by one character (a code point under the u flag), as matchAll does.
      at = m[0] ? re.lastIndex : re.lastIndex + (re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1);
      re.lastIndex = start;
      yield m;
    }
  } finally {
    re.lastIndex = start;
  }
}

/**
 * `re` without its leading look behind ("(?<![\p{L}])…", a word start), not global: a cheap first test
 * where most texts hold no match. V8 tries a leading look behind at every position of the text; the
 * rest of the expression it can skip ahead on. Dropping an assertion only widens what matches, so a
 * text this finds nothing in holds no match of `re`.
 */
export function withoutLeadingLookbehind(re: RegExp): RegExp {
  const lead = /^\(\?<[!=][^()]*\)/.exec(re.source)?.[0] ?? '';
  return new RegExp(re.source.slice(lead.length), re.flags.replace(/[gy]/g, ''));
}

/** Sentence split that leaves "bl.a." and "kl. 9" alone: a break needs an upper-case letter or quote after it. */
export function sentences(paragraph: string): string[] {
  // Without a line break or a sentence mark there is nothing to split.
  if (!/[.!?\n]/.test(paragraph)) { const s = paragraph.trim(); return s ? [s] : []; }
  // The pieces of `paragraph.split(/(?<=[.!?])\s+(?=[\p{Lu}"”\d§])|\n+/u)`, by an expression that
  // starts at the sentence mark instead of looking behind for it (which was tried at every position).
  const out: string[] = [];
  let start = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(paragraph); m; m = SENTENCE_BREAK.exec(paragraph)) {
    const piece = paragraph.slice(start, m[0].charCodeAt(0) === 10 ? m.index : m.index + 1).trim();
    if (piece) out.push(piece);
    start = SENTENCE_BREAK.lastIndex;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** A sentence mark with the white space after it, before a sentence start; or line breaks. */
const SENTENCE_BREAK = /[.!?]\s+(?=[\p{Lu}"”\d§])|\n+/gu;

/** A point of a list as section text has it: "• | om …" (a PDF's bullet column), "- …", "– …", "− …" and "+ …" (a sign with a space: "−0,50" is a number), "1. …", "a) …". */
export const POINT = /^(?:[•·▪◦○●■►➢✓–-]|[—−*+](?=\s)|\d{1,2}[.)]|[a-z]\))\s*(?:\|\s*)?\S/u;

/** Lines of one paragraph joined into running text; a word hyphenated at a line end is mended. */
export function joinLines(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).reduce((acc, line) => {
    if (!acc) return line;
    if (/\p{Ll}-$/u.test(acc) && /^\p{Ll}/u.test(line) && !/^(och|eller|samt|till)\b/.test(line)) return acc.slice(0, -1) + line;
    return `${acc} ${line}`;
  }, '');
}

/**
 * A paragraph's lines as running text: a line break is layout where the next line goes on in lower
 * case or with a number ("på\n−0,50 procent"), or where a full-width line wraps; a list point, a short line followed by a capital or a
 * line ending a sentence stand apart ("a) … köpen" / "Denna paragraf förklarades omedelbart justerad.").
 */
export function wrappedLines(paragraph: string): string[] {
  // One line is its own running text.
  if (!paragraph.includes('\n')) { const line = paragraph.trim(); return line ? [line] : []; }
  const groups: string[][] = [];
  for (const line of paragraph.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const group = groups.at(-1);
    const prev = group?.at(-1);
    const wraps = prev !== undefined && !/[.!?:;]$/.test(prev) && !POINT.test(line) && !POINT.test(group![0]!)
      && (/^(?:\p{Ll}|[−+]?\d)/u.test(line) || prev.length >= 60);
    if (wraps) group!.push(line); else groups.push([line]);
  }
  return groups.map((g) => joinLines(g.join('\n')));
}
