/**
 * A global scan for patterns that only match at a word start, with a pattern for each first letter.
 * A pattern that opens with the look-behind `(?<![\p{L}-])` and whose every alternative opens with a
 * letter (or with a character `otherStarts` lists) can only match at a letter not after a letter or
 * hyphen; there the sticky pattern for that letter is tried, and after a match the scan goes on from
 * its end, as `matchAll` does. Worth it when the letter rules out most of a long alternation (the
 * organisation lexicon's names): one sticky pattern for all letters is slower than `matchAll`.
 */
const LETTER = /\p{L}/u;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && LETTER.test(String.fromCodePoint(c)));

/**
 * `patternAt(first)` is the sticky (`uy`) pattern to try where a word starts with `first` (a letter,
 * or one of `otherStarts`), or null when nothing can match there.
 */
export function wordStartMatches(text: string, patternAt: (first: string) => RegExp | null, otherStarts: ReadonlySet<string> = new Set()): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let afterWord = false;
  for (let p = 0; p < text.length;) {
    const c = text.codePointAt(p)!;
    const letter = isLetter(c);
    if (!afterWord && (letter || (otherStarts.size > 0 && otherStarts.has(String.fromCodePoint(c))))) {
      const re = patternAt(String.fromCodePoint(c));
      if (re) {
        re.lastIndex = p;
        const m = re.exec(text);
        if (m) { out.push(m); p += m[0].length; afterWord = /[\p{L}-]$/u.test(m[0]); continue; }
      }
    }
    afterWord = letter || c === 45;
    p += c > 0xffff ? 2 : 1;
  }
  return out;
}

/** Whether a character is a letter (`\p{L}`), as the scan tells word starts. */
export const isLetterChar = (ch: string) => LETTER.test(ch);
