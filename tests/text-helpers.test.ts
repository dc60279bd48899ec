/**
 * The text helpers' short cuts (issue 13's speed work) against the plain formulas they replace:
 * the same result on every text, Swedish letters, every kind of white space and sentence marks
 * included. And the word-start scan against the global pattern it stands in for.
 */
import { describe, expect, it } from 'vitest';
import { plain, sentences, wordCount, wrappedLines } from '../lib/text.ts';
import { wordStartMatches } from '../lib/word-starts.ts';

// The formulas as they were before the short cuts.
const plainRef = (t: string) => t.replace(/\s*\t\s*/g, ' | ').replace(/[ \u00a0]+/g, ' ').trim();
const wordCountRef = (t: string) => t.split(/\s+/).filter(Boolean).length;
const sentencesRef = (p: string) => p.split(/(?<=[.!?])\s+(?=[\p{Lu}"”\d§])|\n+/u).map((s) => s.trim()).filter(Boolean);

/** Texts from pieces of Swedish minutes and odd characters, reproducibly random. */
function texts(n: number): string[] {
  const pieces = ['Nämnden', 'beslutar', 'att', 'godkänna', 'Åsa', 'Öberg', '(S)', 'Kungsbacka kommun', 'Karlstad', 'kommunstyrelsen',
    'Hälso- och sjukvårdsnämnden', '§ 12', '2024-01-24', 'bl.a.', 'kl. 9', '.', '!', '?', ':', '-', 'e-post', 'Region-Halland', '𝐀bc', 'İstanbul'];
  const spaces = [' ', ' ', ' ', '  ', '\t', '\n', '\n\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\r\n', '\v', '\u2028', '\u1680', ''];
  let seed = 7;
  const rand = (k: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return Math.floor((seed / 2 ** 31) * k); };
  return Array.from({ length: n }, () => Array.from({ length: 1 + rand(14) }, () => pieces[rand(pieces.length)]! + spaces[rand(spaces.length)]!).join(''));
}

describe('text helpers', () => {
  const samples = ['', ' ', '\n', 'ett', ' två  ord ', 'Anna Ek\tS', 'rad ett\nrad två', 'Slut. Nästa mening', ...texts(3000)];

  it('count words, fold spaces and split sentences as the plain formulas do', () => {
    expect(samples.filter((t) => wordCount(t) !== wordCountRef(t))).toEqual([]);
    expect(samples.filter((t) => plain(t) !== plainRef(t))).toEqual([]);
    expect(samples.filter((t) => JSON.stringify(sentences(t)) !== JSON.stringify(sentencesRef(t)))).toEqual([]);
    expect(wordCount('Nämnden\u00a0beslutar\u3000att\tgodkänna')).toBe(4);
  });

  it('keep a one-line paragraph as one running line, trimmed', () => {
    expect(wrappedLines('  Kommunstyrelsen beslutar.  ')).toEqual(['Kommunstyrelsen beslutar.']);
    expect(wrappedLines('   ')).toEqual([]);
    expect(wrappedLines('Ärendet gäller\nbudgeten för 2025.')).toEqual(['Ärendet gäller budgeten för 2025.']);
  });

  it('find at word starts what a global scan of the whole pattern finds', () => {
    // Alternatives that each open with a letter (the letters each can open with), some overlapping.
    const alternatives: [string, RegExp][] = [
      ['Karlstad(?:s)?\\s+kommun', /^K$/], ['Kil', /^K$/], ['Kils kommun', /^K$/], ['kommun\\p{L}*', /^k$/u],
      ['[\\p{Lu}][\\p{Ll}]*nämnden', /^\p{Lu}$/u], ['Öberg', /^Ö$/], ['İstanbul', /^İ$/], ['𝐀bc', /^𝐀$/u],
    ];
    const source = (only: string[]) => String.raw`(?<![\p{L}-])(?:${only.join('|')})(?![\p{L}])`;
    const global = new RegExp(source(alternatives.map(([a]) => a)), 'gu');
    // A pattern for each first letter with only the alternatives that can open with it, in their order.
    const tables = new Map<string, RegExp | null>();
    const at = (first: string) => {
      if (!tables.has(first)) {
        const own = alternatives.filter(([, opens]) => opens.test(first)).map(([a]) => a);
        tables.set(first, own.length ? new RegExp(source(own), 'uy') : null);
      }
      return tables.get(first)!;
    };
    const found = (t: string) => JSON.stringify(wordStartMatches(t, at).map((m) => [m.index, m[0]]));
    const expected = (t: string) => JSON.stringify([...t.matchAll(global)].map((m) => [m.index, m[0]]));
    const cases = [...texts(3000), 'Karlstads kommun och Kils kommun', 'Region-Kil, e-Kil och Kil', 'Byggnadsnämnden Öberg-nämnden kommunerna', 'İstanbul 𝐀bc x𝐀bc'];
    expect(cases.filter((t) => found(t) !== expected(t))).toEqual([]);
    expect(found('Karlstads kommun och Kils kommun')).toBe(JSON.stringify([[0, 'Karlstads kommun'], [21, 'Kils kommun']]));
  });
});
