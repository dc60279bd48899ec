/**
 * Turns what an analyst types into a good Meilisearch query. A compound query word brings its parts
 * ("arbetskraftsbrist" → "arbetskraft brist"), which find texts that write the words apart.
 * Meilisearch reads at most 10 words, so a longer question first loses its Swedish function words
 * (shorter ones keep them: Meilisearch ignores its stop words itself, and measured on data/eval,
 * dropping them client-side from short queries changed nothing).
 */
import { decompound } from '../extract/index.ts';
import { swedishStopWords } from '../lib/reference-data.ts';

const MAX_WORDS = 10;

export function shapeQuery(q: string): string {
  const words = q.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  const stop = swedishStopWords();
  const content = words.filter((w) => !stop.has(w.toLowerCase()));
  const kept = words.length > MAX_WORDS && content.length ? content : words;
  const parts = kept.filter((w) => !stop.has(w.toLowerCase())).flatMap((w) => decompound(w.replace(/[^\p{L}-]/gu, '')) ?? []).filter((p) => !kept.some((k) => k.toLowerCase() === p));
  return [...kept, ...new Set(parts)].slice(0, MAX_WORDS).join(' ');
}
