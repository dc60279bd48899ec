import { describe, expect, it } from 'vitest';
import { documentThemes, sectionThemes } from '../extract/themes.ts';
import { themeTaxonomy } from '../lib/reference-data.ts';

const section = (heading: string, text: string) => ({ heading, text, number: null, page: 2 });

describe('themes', () => {
  it('has the themes DESIGN.md requires', () => {
    expect(themeTaxonomy().map((t) => t.id)).toEqual(expect.arrayContaining(['ukraina', 'kompetensforsorjning', 'infrastruktur', 'vard', 'civilt-forsvar', 'skola', 'kollektivtrafik', 'norge', 'pandemi']));
  });

  it('matches inflections and compounds', () => {
    const hits = sectionThemes(section('Arbetsmarknad', 'Kompetensförsörjningsbehovet ökar; yrkesvux och valideringen behövs. Ukrainska flyktingar och massflyktsdirektivet.'));
    expect(hits.get('kompetensforsorjning')).toBe(3);
    expect(hits.get('ukraina')).toBe(3);
  });

  it('does not count committee names as topics', () => {
    expect(sectionThemes(section('Välkommen', 'Ordförande i hälso- och sjukvårdsnämnden och kollektivtrafiknämnden deltog.')).size).toBe(0);
  });

  it('keeps a passing mention below the threshold and an agenda item about the theme above it, with evidence', () => {
    const passing = documentThemes([section('Budget', 'Efter pandemin är ekonomin bättre. Budgeten antogs.')]);
    expect(passing).toEqual([]);
    const item = documentThemes([section('Situationen i Ukraina', 'Massflyktsdirektivet är aktiverat. Kommunerna tar emot skyddsbehövande.')]);
    expect(item[0]).toMatchObject({ id: 'ukraina', evidence: { page: 2, section: 'Situationen i Ukraina', quote: 'Massflyktsdirektivet är aktiverat.' } });
    expect(item[0]!.score).toBeGreaterThan(0.6);
  });
});
