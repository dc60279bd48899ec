/**
 * Themes from the lexicon in data/themes.json, scored per section and per document. Headings
 * count three times; the document score saturates with the number of hits, so a passing
 * mention (one hit) stays below the threshold while an agenda item about the theme is above it.
 */
import type { Section, Theme } from '../lib/schema.ts';
import { themeTaxonomy, type ThemeDefinition } from '../lib/reference-data.ts';
import { detached, matchesOf, sentences, withoutLeadingLookbehind } from '../lib/text.ts';

export const THEME_THRESHOLD = 0.4;
const HEADING_WEIGHT = 3;

/** A theme's terms split by how they match: word prefixes, word infixes (compounds) and phrases. */
interface CompiledTheme {
  def: ThemeDefinition; prefixes: string[]; infixes: string[]; phrases: RegExp | null;
  /** The phrases without their word-start test (which V8 tries at every position): a text without them holds no phrase. */
  anyPhrase: RegExp | null;
}

let compiled: CompiledTheme[] | undefined;
/** The shortest word term: a shorter word starts with none and contains none. */
let shortestTerm = 0;
function themes(): CompiledTheme[] {
  if (!compiled) shortestTerm = Math.min(...themeTaxonomy().flatMap((d) => d.terms.filter((t) => !/\s/.test(t)).map((t) => t.replace(/^\*/, '').length)));
  return (compiled ??= themeTaxonomy().map((def): CompiledTheme => {
    const single = def.terms.filter((t) => !/\s/.test(t));
    const phrases = def.terms.filter((t) => /\s/.test(t)).map((t) => t.replace(/^\*/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    const phrasePattern = phrases.length ? new RegExp(`(?<![\\p{L}\\d])(?:${phrases.join('|')})`, 'giu') : null;
    return {
      def,
      prefixes: single.filter((t) => !t.startsWith('*')),
      infixes: single.filter((t) => t.startsWith('*')).map((t) => t.slice(1)),
      phrases: phrasePattern,
      anyPhrase: phrasePattern && withoutLeadingLookbehind(phrasePattern),
    };
  }));
}

/** Committee names ("hälso- och sjukvårdsnämnden", "kollektivtrafiknämnd") name a body, not a topic. */
const BODY_NAME = /(nämnd|utskott|forum|förbund)/u;
const WORD = /[\p{L}\d][\p{L}\d-]*/gu;

/** Which themes a word belongs to, memoised: the same words recur across an archive. */
const wordThemes = new Map<string, CompiledTheme[]>();
const NO_THEMES: CompiledTheme[] = [];
function themesOfWord(w: string): CompiledTheme[] {
  if (w.length < shortestTerm) return NO_THEMES;
  let hit = wordThemes.get(w);
  if (!hit) {
    hit = BODY_NAME.test(w) ? [] : themes().filter((t) => t.prefixes.some((p) => w.startsWith(p)) || t.infixes.some((p) => w.includes(p)));
    if (wordThemes.size < 200_000) wordThemes.set(detached(w), hit);
  }
  return hit;
}

/**
 * Hits per theme in a text: words that start with a prefix term or contain an infix term (each
 * word counted once), plus multi-word phrases. Word-by-word matching keeps this linear.
 */
function hitsIn(text: string): Map<CompiledTheme, number> {
  const lower = text.toLowerCase();
  const hits = new Map<CompiledTheme, number>();
  for (const w of lower.match(WORD) ?? []) for (const t of themesOfWord(w)) hits.set(t, (hits.get(t) ?? 0) + 1);
  for (const t of themes()) {
    if (!t.phrases || !t.anyPhrase!.test(lower)) continue;
    for (const m of matchesOf(t.phrases, lower)) if (!BODY_NAME.test(m[0])) hits.set(t, (hits.get(t) ?? 0) + 1);
  }
  return hits;
}

export const saturate = (hits: number) => Math.round((1 - Math.exp(-hits / 4)) * 1000) / 1000;

/** Theme scores of one text (a section's heading and text). */
export function sectionThemes(section: Pick<Section, 'heading' | 'text'>): Map<string, number> {
  const hits = new Map<string, number>();
  for (const [t, n] of hitsIn(section.heading)) hits.set(t.def.id, HEADING_WEIGHT * n);
  for (const [t, n] of hitsIn(section.text)) hits.set(t.def.id, (hits.get(t.def.id) ?? 0) + n);
  return hits;
}

/** Document themes above the threshold, best first, each with the sentence that evidences it. */
export function documentThemes(sections: Section[], hits: Map<string, number>[] = sections.map(sectionThemes)): Theme[] {
  const total = new Map<string, number>();
  const best = new Map<string, { section: Section; hits: number }>();
  for (const [i, section] of sections.entries()) {
    for (const [id, n] of hits[i]!) {
      total.set(id, (total.get(id) ?? 0) + n);
      if (n > (best.get(id)?.hits ?? 0)) best.set(id, { section, hits: n });
    }
  }
  return themes()
    .filter(({ def }) => saturate(total.get(def.id) ?? 0) >= THEME_THRESHOLD)
    .map((theme) => {
      const { def } = theme;
      const { section } = best.get(def.id)!;
      return { id: def.id, label: def.label, score: saturate(total.get(def.id)!), evidence: { page: section.page, section: section.heading, quote: quoteFor(section, theme) } };
    })
    .sort((a, b) => b.score - a.score);
}

/** The first sentence of a section that mentions the theme (or its heading). */
function quoteFor(section: Section, theme: CompiledTheme): string {
  const hit = sentences(section.text).find((s) => mentions(s, theme));
  return (hit ?? section.heading).trim().slice(0, 300);
}

/** Whether `hitsIn(text)` counts the theme, without counting the others. */
function mentions(text: string, theme: CompiledTheme): boolean {
  const lower = text.toLowerCase();
  if ((lower.match(WORD) ?? []).some((w) => themesOfWord(w).includes(theme))) return true;
  return theme.phrases !== null && theme.anyPhrase!.test(lower) && [...matchesOf(theme.phrases, lower)].some((m) => !BODY_NAME.test(m[0]));
}
