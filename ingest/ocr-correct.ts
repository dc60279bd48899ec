/**
 * Post-correction of what Tesseract's Swedish model gets wrong in minutes, word by word on a text
 * row. The model has no `§`: a paragraph number comes out as `S 201`, `8 201` or `$ 201`. Party
 * codes lose or garble their closing bracket ("(VD" for "(V)"), and digits in dates turn into
 * look-alike letters ("2O21", "l8 mars").
 */
import { partyCodes } from '../lib/reference-data.ts';
import type { Block } from '../lib/schema.ts';
import { withRuns } from '../lib/blocks.ts';

/** What the model reads for `§`. */
const SECTION_SIGN = /^[S$8&5]$/;
const SECTION_NUMBER = /^\d{1,3}[a-z]?[.:]?$/;
/** What the model reads for `§§` (a protocol's "Paragrafer §§ 201–205"). */
const SECTION_SIGNS = /^(?:[S$8§]{2})$/;

/** What follows a law's paragraph number: the law's abbreviation or name ("LVU", "SoL", "offentlighets-", "kommunallagen", "st."). */
const LAW_AFTER = /^(?:LVU|LVM|LSS|SoL|OSL|PBL|KL|FL|HSL|SFB|BrB|FB|ÄB|MB|LOU|AL|LAS|GDPR|st\.?|första|andra|tredje|\p{Ll}+lagen|offentlighets-|socialtjänst\p{L}*|kommunal\p{L}*|förvaltnings\p{L}*|föräldrabalken|miljöbalken|skollagen)[,.;:)]?$/u;

export function correctWords(words: string[]): string[] {
  const out = words.map(digitLookalikes);
  sectionSigns(out);
  for (let i = 0; i < out.length; i++) out[i] = partyCode(out[i]!, out[i - 1]);
  return out;
}

/**
 * `§` where the model wrote a look-alike: at the start of a row before a paragraph number that a
 * title (a capital, "Dnr") or nothing follows ("$ 201 Val av justerare"); `$` before a number
 * anywhere (no Swedish minutes use dollars); `SS 201–205` for `§§`. A row starting "8 201 invånare"
 * stays as it is.
 */
function sectionSigns(words: string[]): void {
  const [first, second, third] = words;
  const titled = third === undefined || /^(\p{Lu}|dnr\b)/u.test(third);
  if (first && second && SECTION_SIGN.test(first) && SECTION_NUMBER.test(second) && titled) words[0] = '§';
  const glued = first ? /^[S$](\d{1,3}[a-z]?[.:]?)$/.exec(first) : null;
  if (glued && (second === undefined || /^(\p{Lu}|Dnr)/u.test(second))) words[0] = `§${glued[1]}`;
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    // A law's paragraph: "enligt 6 8 LVU", "26 kap. 1 8 offentlighets- och sekretesslagen" (and "8 LVU" opening a row after "6").
    if (words[i] === '8' && next && LAW_AFTER.test(next) && (i === 0 || /^\d{1,3}[a-z]?$/.test(words[i - 1]!))) { words[i] = '§'; continue; }
    if (next && /^\d/.test(next) && SECTION_SIGNS.test(words[i]!)) words[i] = '§§';
    else if (next && /^\d/.test(next) && words[i] === '$') words[i] = '§';
    else words[i] = words[i]!.replace(/^\$(?=\d)/, '§ ');
  }
}

const GLUED_EIGHT = /^8(\d{1,3}[a-z]?[.:]?)(?=\s+(?:\p{Lu}|Dnr\b)|$)/u;

/**
 * Headings where `§` was read as an 8 glued to the number ("83. Det ekonomiska läget" for "§3."):
 * mended when the document numbers its items with § elsewhere, or when every numbered heading it
 * has starts with such an 8 — a document whose items run 83, 84 and never 1–79 is numbering §§.
 */
export function sectionHeadings(blocks: Block[]): Block[] {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const numbered = headings.filter((b) => /^\d/.test(b.text));
  const eights = numbered.filter((b) => GLUED_EIGHT.test(b.text));
  const usesSigns = headings.some((b) => b.text.startsWith('§'));
  if (!eights.length || !(usesSigns || eights.length === numbered.length)) return blocks;
  // The number is at the start of the heading's first run.
  return blocks.map((b) => (eights.includes(b) ? withRuns(b, b.inlines.map((r, i) => (i === 0 ? { ...r, text: r.text.replace(GLUED_EIGHT, '§$1') } : r))) : b));
}

const LOOKALIKE: Record<string, string> = { O: '0', o: '0', l: '1', I: '1', '|': '1' };

/**
 * A number with letters read for digits ("2O21-11-23", "l8"): a token of digits, look-alike
 * letters and date punctuation, at least half of it real digits and no other letter, is all digits.
 * The dashes of an ISO date are hyphens.
 */
function digitLookalikes(word: string): string {
  const m = /^([(]?)([\dOolI|]+(?:[-–—./:][\dOolI|]+)*)([.,;:)]?)$/.exec(word);
  const digits = m?.[2]!.match(/\d/g)?.length ?? 0;
  if (!m || !digits || digits < m[2]!.replace(/[^\dOolI|]/g, '').length / 2 || !/[OolI|]/.test(m[2]!)) return isoDashes(word);
  return isoDashes(`${m[1]}${m[2]!.replace(/[OolI|]/g, (c) => LOOKALIKE[c]!)}${m[3]}`);
}

const isoDashes = (word: string) => word.replace(/^(\d{4})[–—](\d{2})[–—-](\d{2})/, '$1-$2-$3').replace(/^(\d{4})-(\d{2})[–—](\d{2})/, '$1-$2-$3');

/** Misread digits in a party code: "(5)" for "(S)", "(1)" for "(L)". */
const CODE_LOOKALIKE: Record<string, string> = { 5: 'S', $: 'S', 1: 'L', '|': 'L' };

/**
 * "(VD" → "(V)", "(S}" → "(S)", "(MP" → "(MP)", "(5)" after a name → "(S)": a bracketed token that
 * becomes a known party code once its closing bracket is mended. A code that is already right,
 * or a number after a number ("Sida 2 (5)"), is left alone.
 */
function partyCode(word: string, previous: string | undefined): string {
  const m = /^\(([^\s(),.;:]{1,4})(\)?)([,.;:]?)$/.exec(word);
  if (!m) return word;
  const codes = partyCodes();
  const afterName = previous !== undefined && /^\p{Lu}\p{Ll}+/u.test(previous);
  const inner = m[1]!;
  const known = (core: string) => {
    const code = (afterName ? core.replace(/[5$1|]/g, (c) => CODE_LOOKALIKE[c]!) : core).toUpperCase();
    return codes.has(code) ? code : null;
  };
  const code = m[2] ? known(inner)
    : (/[}\]|]$/.test(inner) ? known(inner.slice(0, -1)) : null) ?? known(inner) ?? (inner.length > 1 ? known(inner.slice(0, -1)) : null);
  return code ? `(${code})${m[3]}` : word;
}
