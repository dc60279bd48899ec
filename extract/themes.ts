/**
 * Themes from the lexicon in data/themes.json, scored per section and per document. Headings
 * count three times; the document score saturates with the number of hits, so a passing
 * mention (one hit) stays below the threshold while an agenda item about the theme is above it.
 */
import type { Section, Theme } from '../lib/schema.ts';
import { themeTaxonomy, type ThemeDefinition } from '../lib/reference-data.ts';

export const THEME_THRESHOLD = 0.4;
const HEADING_WEIGHT = 3;

interface CompiledTheme { def: ThemeDefinition; pattern: RegExp }

let compiled: CompiledTheme[] | undefined;
function themes(): CompiledTheme[] {
  return (compiled ??= themeTaxonomy().map((def) => ({
    def,
    pattern: new RegExp(def.terms.map(termPattern).join('|'), 'giu'),
  })));
}

/** "*stem" matches inside compounds; "stem" matches at the start of a word. */
function termPattern(term: string): string {
  const inside = term.startsWith('*');
  const stem = (inside ? term.slice(1) : term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return inside ? `[\\p{L}]*${stem}[\\p{L}-]*` : `(?<![\\p{L}\\d])${stem}[\\p{L}-]*`;
}

/** Committee names ("hälso- och sjukvårdsnämnden", "kollektivtrafiknämnd") name a body, not a topic. */
const BODY_NAME = /(nämnd|utskott|forum|förbund)/iu;

function countHits(text: string, pattern: RegExp): number {
  let n = 0;
  for (const m of text.matchAll(pattern)) if (!BODY_NAME.test(m[0])) n++;
  return n;
}

const saturate = (hits: number) => Math.round((1 - Math.exp(-hits / 4)) * 1000) / 1000;

/** Theme scores of one text (a section's heading and text). */
export function sectionThemes(section: Pick<Section, 'heading' | 'text'>): Map<string, number> {
  const hits = new Map<string, number>();
  for (const { def, pattern } of themes()) {
    const n = HEADING_WEIGHT * countHits(section.heading, pattern) + countHits(section.text, pattern);
    if (n) hits.set(def.id, n);
  }
  return hits;
}

/** Document themes above the threshold, best first, each with the sentence that evidences it. */
export function documentThemes(sections: Section[]): Theme[] {
  const total = new Map<string, number>();
  const best = new Map<string, { section: Section; hits: number }>();
  for (const section of sections) {
    for (const [id, n] of sectionThemes(section)) {
      total.set(id, (total.get(id) ?? 0) + n);
      if (n > (best.get(id)?.hits ?? 0)) best.set(id, { section, hits: n });
    }
  }
  return themes()
    .filter(({ def }) => saturate(total.get(def.id) ?? 0) >= THEME_THRESHOLD)
    .map(({ def, pattern }) => {
      const { section } = best.get(def.id)!;
      return { id: def.id, label: def.label, score: saturate(total.get(def.id)!), evidence: { page: section.page, section: section.heading, quote: quoteFor(section, pattern) } };
    })
    .sort((a, b) => b.score - a.score);
}

/** The first sentence of a section that mentions the theme (or its heading). */
function quoteFor(section: Section, pattern: RegExp): string {
  const sentences = section.text.split(/(?<=[.!?])\s+|\n+/);
  const hit = sentences.find((s) => new RegExp(pattern.source, 'iu').test(s));
  return (hit ?? section.heading).trim().slice(0, 300);
}
