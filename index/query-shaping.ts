/**
 * Shapes what an analyst typed into a query for Meilisearch's own typo-tolerant matching, used
 * only for the spelling suggested when the ranking finds nothing (index/search.ts): compound parts
 * added ("arbetskraftsbrist" → "arbetskraft brist"), and a question longer than Meilisearch's
 * 10-word limit stripped of its Swedish function words first.
 */
import { decompound } from '../lib/swedish-compounds.ts';
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
