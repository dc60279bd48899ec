/**
 * Swedish text analysis, the same at index time and at query time: Unicode word tokens, case
 * folding, Swedish stop words (case-insensitive), the Snowball Swedish stemmer and compound parts.
 *
 * Stemmer: `@orama/stemmers` (Snowball's Swedish algorithm). Measured 2026-12-01 on the 8 783
 * distinct words of data/real against the reference Snowball implementation (Debian's
 * python3-snowballstemmer): @orama/stemmers 100.00 % equal, 1.0 M words/s; @nlpjs/lang-sv
 * 100.00 %, 1.6 M words/s (pulls in @nlpjs/core); snowball-stemmers 100.00 %, 0.2 M words/s;
 * natural's PorterStemmerSv 99.92 % ("kommitté" → "kommitt"). See BENCHMARKS.md.
 */
import { stemmer as snowballSwedish } from '@orama/stemmers/swedish';
import { decompound } from './swedish-compounds.ts';
import { detached } from './text.ts';
import { swedishStopWords, thesaurusEntries } from './reference-data.ts';

/** Letters and digits; a hyphen or apostrophe inside a word splits it ("Karl-Erik" → karl, erik). */
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased NFC word tokens in text order. */
export function tokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

export function isStopWord(token: string): boolean {
  return swedishStopWords().has(token.toLowerCase());
}

/** Snowball's Swedish stemmer as published (tests/fixtures/snowball-swedish.tsv checks it against the reference). */
export const snowball = (token: string): string => snowballSwedish(token);

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/**
 * Snowball's Swedish stem, then the definite singular endings Snowball leaves: -n after a vowel
 * ("pandemin" → "pandemi", like "pandemier"; "skolan" like "skola") and -et ("beslutet" → "beslut", "arbetet" → "arbet"
 * like "arbete"). Only where four letters or more remain, so short words ("man", "son", "paket")
 * keep their ending.
 */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = snowball(token);
    // Stemmed again after the cut, so "skolan" (→ "skola" → "skol") meets "skola" (→ "skol").
    if (s.length >= 5 && /[aeiouyåäö]n$/.test(s)) s = snowball(s.slice(0, -1));
    else if (s.length >= 6 && s.endsWith('et')) s = snowball(s.slice(0, -2));
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(detached(token), detached(s));
  }
  return s;
}

/** Content words: not a stop word, and not a lone letter (a single digit or a year stays). */
const isContent = (t: string) => !isStopWord(t) && (t.length > 1 || /\d/.test(t));

/**
 * The terms a text is indexed by: `words`, the stem of every content word in text order, and
 * `parts`, the stems of the parts of its compounds ("arbetskraftsbrist" → arbetskraft, brist), so
 * that a text writing the compound is found by its parts too, at reduced weight (a part is a
 * weaker match than the word itself: "hälsoskydd" is not about "skydd").
 */
export function indexTerms(text: string): { words: string[]; parts: string[] } {
  const words: string[] = [];
  const parts: string[] = [];
  for (const t of tokens(text)) {
    if (!isContent(t)) continue;
    words.push(stem(t));
    for (const part of decompound(t) ?? []) parts.push(stem(part));
  }
  return { words, parts };
}

export interface QueryTerm {
  term: string;
  /** 1 for a word the analyst typed; less for what the query was expanded with. */
  weight: number;
  from: 'word' | 'compound-part' | 'synonym' | 'thesaurus';
  /**
   * Terms of one group count only together: the parts of a typed compound ("kvarnholm" and
   * "utredning" for "Kvarnholmsutredningen"), the words of a multi-word synonym. A passage with
   * only "utredning" does not match that compound. Null: the term counts alone.
   */
  group: string | null;
  /** An expansion's word or phrase as the synonym list writes it, shown as "also searched". */
  synonym?: string;
}

/**
 * Weights of expansions, measured on data/eval (see BENCHMARKS.md, "keyword ranking"): the
 * project's own synonym groups, and the general thesaurus (swept on the dev queries only).
 */
export const EXPANSION_WEIGHT = { 'compound-part': 0.5, synonym: 0.5, thesaurus: 0.2 } as const;

/**
 * Thesaurus synonyms a query word is expanded with: the first of its headword's list (the same
 * stem), at most this many. More cost a term lookup each and measured no better (BENCHMARKS.md).
 */
export const THESAURUS_PER_WORD = 3;

let byStem: Map<string, string[]> | undefined;
/** Stem → thesaurus synonyms: an inflected query word ("utredningarna") meets its headword ("utredning"). */
export function thesaurusByStem(): Map<string, string[]> {
  if (byStem) return byStem;
  byStem = new Map();
  for (const { head, synonyms } of thesaurusEntries()) {
    const words = tokens(head);
    // A query word is one token: a phrase or a hyphenated headword ("TV-apparat") is never looked up.
    if (words.length !== 1) continue;
    const key = stem(words[0]!);
    const list = byStem.get(key) ?? [];
    if (list.length < THESAURUS_PER_WORD) byStem.set(key, [...list, ...synonyms].slice(0, THESAURUS_PER_WORD));
  }
  return byStem;
}

/**
 * A query's terms, each once with its highest weight: the typed content words' stems, their
 * compound parts, synonyms and thesaurus synonyms (each analysed like text).
 */
export function queryTerms(q: string, synonyms: Record<string, string[]> = {}, thesaurus: Map<string, string[]> = new Map()): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, from: QueryTerm['from'], group: string | null, synonym?: string) => {
    const seen = terms.get(term);
    if (!seen || seen.weight < weight) terms.set(term, { term, weight, from, group: seen?.group === null ? null : group, ...(synonym ? { synonym } : {}) });
  };
  const words = tokens(q).filter(isContent);
  for (const w of words) add(stem(w), 1, 'word', null);
  for (const w of words) {
    const parts = (decompound(w) ?? []).map(stem);
    for (const part of parts) add(part, EXPANSION_WEIGHT['compound-part'], 'compound-part', parts.length > 1 ? `parts of ${w}` : null);
    const expand = (syn: string, from: 'synonym' | 'thesaurus') => {
      // A thesaurus word whose stem is a function word ("sinande" → "sin") would match that word's
      // other forms all over the archive.
      const synTerms = [...new Set(indexTerms(syn).words)].filter((t) => from === 'synonym' || !isStopWord(t));
      for (const t of synTerms) add(t, EXPANSION_WEIGHT[from], from, synTerms.length > 1 ? `synonym ${syn}` : null, syn);
    };
    for (const syn of synonyms[w] ?? []) expand(syn, 'synonym');
    for (const syn of thesaurus.get(stem(w)) ?? []) expand(syn, 'thesaurus');
  }
  return [...terms.values()];
}
