/**
 * Snippets highlighted by stem: the passage's best-matching sentence, with every inflected form of
 * a query word marked ("pandemin", "pandemins" for "pandemi"), and compounds whose part matches.
 * The text is HTML-escaped; only the <mark> tags are markup.
 */
import { sentences } from '../lib/text.ts';
import { stem } from '../lib/swedish-analysis.ts';
import { decompound } from '../lib/swedish-compounds.ts';

const WORD = /[\p{L}\p{N}]+/gu;
/** Longest snippet, in words, around the first match of the chosen sentence. */
const SNIPPET_WORDS = 40;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * What a text's words are marked for: query term → weight (idf × query weight, so a rare word picks
 * the sentence); `typed`: the terms the analyst typed, which also mark compounds containing them.
 */
export interface HighlightTerms { weights: Map<string, number>; typed: Set<string> }

/** Each word form's weight, per set of terms: a page highlights ~60 passages, whose words repeat. */
const known = new WeakMap<HighlightTerms, Map<string, number>>();

/** The weight of the query term a word form matches, or 0: its stem, or a part of it that was typed ("arbetskraft" in "arbetskraftsbristen"). */
function matchWeight(word: string, terms: HighlightTerms): number {
  const memo = known.get(terms) ?? known.set(terms, new Map()).get(terms)!;
  let weight = memo.get(word);
  if (weight === undefined) {
    weight = weightOf(word.toLowerCase(), terms);
    memo.set(word, weight);
  }
  return weight;
}

function weightOf(w: string, terms: HighlightTerms): number {
  const direct = terms.weights.get(stem(w));
  if (direct) return direct;
  let best = 0;
  for (const part of decompound(w) ?? []) if (terms.typed.has(stem(part))) best = Math.max(best, terms.weights.get(stem(part)) ?? 0);
  return best;
}

export function highlightSnippet(text: string, weights: HighlightTerms): { snippet: string; matched: boolean } {
  const candidates = text.split(/\n{2,}/).flatMap((p) => sentences(p.replace(/\s*\n\s*/g, ' ')));
  let best = { sentence: candidates[0] ?? '', score: 0 };
  for (const s of candidates) {
    const seen = new Set<string>();
    let score = 0;
    for (const m of s.matchAll(WORD)) {
      const w = matchWeight(m[0], weights);
      if (!w) continue;
      const key = stem(m[0].toLowerCase());
      if (!seen.has(key)) { seen.add(key); score += w; }
    }
    if (score > best.score) best = { sentence: s, score };
  }
  return { snippet: mark(crop(best.sentence, weights), weights), matched: best.score > 0 };
}

/** A long sentence is cut to SNIPPET_WORDS words starting a little before its first match. */
function crop(sentence: string, weights: HighlightTerms): string {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length <= SNIPPET_WORDS) return sentence;
  const first = words.findIndex((w) => [...w.matchAll(WORD)].some((m) => matchWeight(m[0], weights) > 0));
  const start = Math.max(0, Math.min(first - 5, words.length - SNIPPET_WORDS));
  return `${start > 0 ? '… ' : ''}${words.slice(start, start + SNIPPET_WORDS).join(' ')}${start + SNIPPET_WORDS < words.length ? ' …' : ''}`;
}

function mark(text: string, weights: HighlightTerms): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matchWeight(m[0], weights)) continue;
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return (out + escapeHtml(text.slice(last))).replace(/\s+/g, ' ').trim();
}
