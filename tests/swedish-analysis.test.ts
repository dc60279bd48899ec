/** Swedish analysis and BM25: the pure parts of keyword ranking, against hand-computed values. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, snowball, stem, tokens, isStopWord, thesaurusByStem, EXPANSION_WEIGHT, THESAURUS_PER_WORD } from '../lib/swedish-analysis.ts';
import { idf, termScore, passageScore, rankDocuments } from '../index/bm25.ts';
import { highlightSnippet } from '../index/highlight.ts';
import { PROJECT_ROOT } from '../lib/config.ts';

describe('Swedish analysis', () => {
  it('stems exactly as the reference Snowball implementation on 600 words of real documents', () => {
    const rows = readFileSync(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'snowball-swedish.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
    expect(rows.length).toBe(600);
    const wrong = rows.filter(([w, s]) => snowball(w!) !== s);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['pandemin', 'pandemi'], ['pandemier', 'pandemi'], ['pandemins', 'pandemi'], ['lärdomar', 'lärdom'],
    ['kommunerna', 'kommun'], ['skolan', 'skola'], ['skolans', 'skolor'], ['stationen', 'station'], ['kvinnan', 'kvinnor'], ['kommunen', 'kommun'], ['beslutet', 'beslut'], ['besluten', 'beslut'],
  ])('brings the inflection %s to the stem of %s', (form, base) => {
    expect(stem(form)).toBe(stem(base));
  });

  it.each([['man'], ['son'], ['paket']])('leaves the ending of the short word %s', (w) => {
    expect(stem(w)).toBe(w);
  });

  it('folds case before stop words, so a capitalised question word is a stop word', () => {
    expect(tokens('Vilka beslut fattades?')).toEqual(['vilka', 'beslut', 'fattades']);
    expect(isStopWord('Vilka')).toBe(true);
    expect(queryTerms('Vilka beslut').map((t) => t.term)).toEqual(queryTerms('vilka beslut').map((t) => t.term));
    expect(queryTerms('Vilka beslut').map((t) => t.term)).toEqual([stem('beslut')]);
  });

  it('splits Unicode words, hyphens and digits apart: Karl-Erik, E18, 2024', () => {
    expect(tokens('Karl-Erik Öberg (S) om E18 år 2024.')).toEqual(['karl', 'erik', 'öberg', 's', 'om', 'e18', 'år', '2024']);
  });

  it('indexes a compound by its own stem and, apart, its parts; and gives a typed compound its parts at half weight, to count together', () => {
    expect(indexTerms('Arbetskraftsbristen ökar')).toEqual({ words: [stem('arbetskraftsbristen'), stem('ökar')], parts: [stem('arbetskraft'), stem('brist')] });
    const terms = queryTerms('Arbetskraftsbrist');
    expect(terms[0]).toMatchObject({ term: stem('arbetskraftsbrist'), weight: 1, group: null });
    expect(terms.slice(1).map((t) => [t.term, t.weight])).toEqual([[stem('arbetskraft'), 0.5], [stem('brist'), 0.5]]);
    expect(new Set(terms.slice(1).map((t) => t.group)).size).toBe(1);
  });

  it('adds synonyms at reduced weight, a multi-word synonym as one group', () => {
    const terms = queryTerms('bussar', { bussar: ['buss', 'allmän trafik'] });
    expect(terms.map((t) => [t.term, t.weight, t.from])).toEqual([[stem('bussar'), 1, 'word'], [stem('allmän'), 0.5, 'synonym'], [stem('trafik'), 0.5, 'synonym']]);
    expect(terms[1]!.group).toBe(terms[2]!.group);
    expect(terms[0]!.group).toBeNull();
  });
});

describe('the Swedish thesaurus (data/thesaurus-sv.dat)', () => {
  it('expands an inflected word by its headword\'s first synonyms, below the project\'s own synonyms', () => {
    // "utredning|1 / |sammanställning|undersökning": the plural definite form meets the headword through its stem.
    const terms = queryTerms('Utredningarna', {}, thesaurusByStem());
    expect(terms[0]).toMatchObject({ term: stem('utredningarna'), weight: 1, from: 'word' });
    expect(terms.filter((t) => t.from === 'thesaurus').map((t) => [t.term, t.weight])).toEqual([[stem('sammanställning'), EXPANSION_WEIGHT.thesaurus], [stem('undersökning'), EXPANSION_WEIGHT.thesaurus]]);
    expect(EXPANSION_WEIGHT.thesaurus).toBeLessThan(EXPANSION_WEIGHT.synonym);
    // A typed word is never lowered to a synonym's weight by another word's expansion.
    expect(queryTerms('abonnent prenumerant', {}, thesaurusByStem()).map((t) => [t.term, t.weight])).toEqual([[stem('abonnent'), 1], [stem('prenumerant'), 1]]);
  });

  it('keeps at most a few synonyms a word, and never looks up a phrase or a function word', () => {
    const thesaurus = thesaurusByStem();
    expect(Math.max(...[...thesaurus.values()].map((v) => v.length))).toBeLessThanOrEqual(THESAURUS_PER_WORD);
    expect(thesaurus.size).toBeGreaterThan(10_000);
    expect(queryTerms('och att', {}, thesaurus)).toEqual([]);
    expect([...thesaurus.keys()].some((k) => /\s/.test(k))).toBe(false);
  });
});

describe('BM25', () => {
  // Hand-computed: idf = ln(1 + (10 − 1 + 0.5) / (1 + 0.5)) = ln(7.3333) = 1.99243;
  // tf 2 in a passage of average length: 1.99243 · 2 · 2.2 / (2 + 1.2) = 2.73959.
  it('matches hand-computed values (k1 1.2, b 0.75, Lucene idf)', () => {
    expect(idf(1, 10)).toBeCloseTo(1.99243, 5);
    expect(termScore(2, 1, 10, 10, 10)).toBeCloseTo(2.73959, 5);
    // Twice the average length: norm = 1.2 · (0.25 + 0.75 · 2) = 2.1 → 1.99243 · 4.4 / 4.1 = 2.13822.
    expect(termScore(2, 1, 10, 20, 10)).toBeCloseTo(2.13822, 5);
    expect(idf(10, 10)).toBeGreaterThan(0);
    expect(termScore(0, 1, 10, 10, 10)).toBe(0);
  });

  it('weights terms, and counts a group only when the passage has all of it', () => {
    const terms = [{ term: 'a', weight: 1, df: 1 }, { term: 'p', weight: 0.5, df: 1, group: 'g' }, { term: 'q', weight: 0.5, df: 1, group: 'g' }];
    const one = termScore(1, 1, 10, 10, 10);
    expect(passageScore(new Map([['a', 1]]), 10, terms, 10, 10).score).toBeCloseTo(one, 9);
    expect(passageScore(new Map([['a', 1], ['p', 1]]), 10, terms, 10, 10)).toEqual({ score: one, matched: 1 });
    expect(passageScore(new Map([['p', 1], ['q', 1]]), 10, terms, 10, 10).score).toBeCloseTo(one, 9);
  });

  it('scores a document by its best passage and half its second', () => {
    const ranked = rankDocuments([
      { id: 'a1', docId: 'A', score: 3, matched: 1 }, { id: 'a2', docId: 'A', score: 2, matched: 1 }, { id: 'a3', docId: 'A', score: 2, matched: 1 },
      { id: 'b1', docId: 'B', score: 3.5, matched: 1 },
    ]);
    expect(ranked.map((d) => [d.docId, d.score])).toEqual([['A', 4], ['B', 3.5]]);
    expect(ranked[0]!.passages.map((p) => p.id)).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('highlighting by stem', () => {
  const terms = (words: string[]) => ({ weights: new Map(words.map((w) => [stem(w), 1])), typed: new Set(words.map(stem)) });
  it('marks every inflected form in the best-matching sentence, HTML-escaped', () => {
    const text = 'Mötet öppnades. Pandemin och pandemins följder <b>diskuterades</b>, liksom förra pandemier.\nÖvrigt.';
    const { snippet, matched } = highlightSnippet(text, terms(['pandemi']));
    expect(matched).toBe(true);
    expect(snippet).toBe('<mark>Pandemin</mark> och <mark>pandemins</mark> följder &lt;b&gt;diskuterades&lt;/b&gt;, liksom förra <mark>pandemier</mark>.');
  });
  it('marks a compound that contains a typed word', () => {
    expect(highlightSnippet('Arbetskraftsbristen växer.', terms(['arbetskraft'])).snippet).toBe('<mark>Arbetskraftsbristen</mark> växer.');
  });
});
