/**
 * Swedish compound splitting with the hunspell word list of `dictionary-sv`: "arbetskraftsbrist"
 * → arbetskraft + brist, "kompetensförsörjningsbehovet" → kompetensförsörjning + behov(et).
 * A split is the one with the fewest parts where every part is a dictionary word of at least three
 * letters, joined directly or by a linking s/e, the last part possibly inflected.
 */
import dictionary from 'dictionary-sv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COMPILED, PROJECT_ROOT } from './config.ts';
import { detached } from './text.ts';

/** The dictionary's stems, lower case; "Z"-flagged stems only occur inside compounds. */
export interface Lexicon { has(stem: string): boolean; onlyInCompound: Set<string> }

let lexiconCache: Lexicon | undefined;
function lexicon(): Lexicon {
  return (lexiconCache ??= (COMPILED && prebuiltLexicon()) || parsedLexicon());
}

/** The word list parsed from the dictionary (~0.3 s): from the sources, and when the build has none. */
export function parsedLexicon(): Lexicon & { words: Set<string> } {
  const words = new Set<string>();
  const onlyInCompound = new Set<string>();
  for (const line of new TextDecoder().decode(dictionary.dic).split('\n').slice(1)) {
    const [raw = '', flags = ''] = line.trim().split('/');
    // Proper nouns count too ("Värmland" in "Värmlandsbanan"), lower-cased like the text.
    const stem = raw.toLowerCase();
    if (stem.length < 3 || /[^\p{Ll}-]/u.test(stem)) continue;
    words.add(stem);
    if (flags.includes('Z')) onlyInCompound.add(stem);
  }
  return { has: (stem) => words.has(stem), onlyInCompound, words };
}

export const LEXICON_FILE = path.join(PROJECT_ROOT, 'build', 'lexicon.txt');
const lexiconHeader = () => `dictionary-sv ${dictionary.dic.byteLength}`;

/**
 * The parsed word list as the build writes it (scripts/build-cli.ts): a header naming the
 * dictionary, the compound-only stems on one line, then every stem sorted, one a line.
 */
export function lexiconFileText(): string {
  const { words, onlyInCompound } = parsedLexicon();
  return [lexiconHeader(), [...onlyInCompound].join(' '), ...[...words].sort()].join('\n');
}

/**
 * The compiled CLI's word list, read from the build (a CLI search looks up a few hundred stems, and
 * parsing the dictionary for them took most of its start): looked up by binary search over the
 * sorted lines, and turned into a Set once lookups are many (an ingest). Null when the build has
 * none or it was made from another dictionary.
 */
function prebuiltLexicon(): Lexicon | null {
  try {
    return lexiconFromFile(readFileSync(LEXICON_FILE, 'utf8'));
  } catch {
    return null;
  }
}

export function lexiconFromFile(text: string): Lexicon | null {
  const lines = text.split('\n');
  if (lines[0] !== lexiconHeader()) return null;
  const sorted = lines.slice(2);
  let set: Set<string> | null = null;
  let lookups = 0;
  return {
    onlyInCompound: new Set(lines[1]!.split(' ')),
    has(stem) {
      if (set) return set.has(stem);
      if (++lookups > 20_000) set = new Set(sorted);
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < stem) lo = mid + 1; else hi = mid;
      }
      return sorted[lo] === stem;
    },
  };
}

const INFLECTIONS = ['', 'en', 'et', 'er', 'ar', 'or', 'na', 'n', 't', 's', 'a', 'e', 'erna', 'arna', 'orna', 'ens', 'ets', 'ernas', 'ns', 'ts', 'ade', 'at', 'ande', 'ning', 'ningen', 'ningar'];
const LINKS = ['', 's', 'e', 'u', 'a'];
/** Leading parts are at least four letters; a final part may be three ("råd", "tid", "län"). */
const MIN_PART = 3;
const MIN_LEAD = 4;
/** Particles and prepositions that start many plain words ("tillsammans", "fortfarande", "framtida"): never a leading part. */
const NOT_LEADING = new Set(['till', 'fram', 'fort', 'efter', 'under', 'över', 'genom', 'kring', 'mellan', 'utan', 'inom', 'bort', 'hemma', 'samman', 'ihop', 'emot', 'före', 'bakom', 'omkring', 'igen', 'ännu', 'även', 'inte', 'denna', 'detta', 'vara', 'från', 'mycket', 'också', 'sedan', 'eller', 'samt', 'dess', 'vars', 'själv']);

/** The stem of a final part if it is a dictionary word possibly inflected ("behovet" → "behov"). */
function finalStem(part: string): string | null {
  const lex = lexicon();
  for (const suffix of INFLECTIONS) {
    if (!part.endsWith(suffix)) continue;
    const stem = part.slice(0, part.length - suffix.length);
    if (stem.length >= MIN_PART && lex.has(stem) && !lex.onlyInCompound.has(stem)) return stem;
  }
  return null;
}

/** A word of the dictionary (common nouns, and the proper nouns it lists): "service", "fastighet". */
export function isDictionaryWord(word: string): boolean {
  return lexicon().has(word.toLowerCase());
}

const cache = new Map<string, string[] | null>();

/** The parts of a compound (dictionary stems), or null when the word is not one. */
export function decompound(word: string): string[] | null {
  const w = word.toLowerCase();
  if (w.length < 7 || !/^[\p{Ll}]+$/u.test(w)) return null;
  if (cache.has(w)) return cache.get(w)!;
  const lex = lexicon();
  // best[i]: fewest parts covering w[0..i) with the cut at i between two parts (links allowed after a part).
  const best: (string[] | null)[] = Array(w.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < w.length; i++) {
    const before = best[i];
    if (!before) continue;
    for (let j = i + MIN_LEAD; j <= w.length - MIN_PART; j++) {
      const part = w.slice(i, j);
      if (!lex.has(part) || NOT_LEADING.has(part)) continue;
      for (const link of LINKS) {
        const k = j + link.length;
        if (link && w.slice(j, k) !== link) continue;
        if (k > w.length - MIN_PART) continue;
        const candidate = [...before, part];
        if (!best[k] || best[k]!.length > candidate.length) best[k] = candidate;
      }
    }
  }
  let result: string[] | null = null;
  for (let i = MIN_PART; i <= w.length - MIN_PART; i++) {
    const head = best[i];
    if (!head?.length) continue;
    const last = finalStem(w.slice(i));
    if (last && (!result || result.length > head.length + 1)) result = [...head, last];
  }
  // Bounded: an archive's vocabulary (names, typos, numbers glued to words) keeps growing.
  if (cache.size >= 200_000) cache.clear();
  cache.set(detached(w), result?.map(detached) ?? null);
  return result;
}

