/**
 * The text helpers' short cuts (issue 13's speed work) against the plain formulas they replace:
 * the same result on every text, Swedish letters, every kind of white space and sentence marks
 * included. And the word-start scan against the global pattern it stands in for.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached, matchesOf, plain, sentences, withoutLeadingLookbehind, wordCount, wrappedLines } from '../lib/text.ts';
import { indexTerms } from '../lib/swedish-analysis.ts';
import { sectionThemes } from '../extract/themes.ts';

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

  // The sentence split by its mark, as the split on a look behind had it.
  const split: [string, string[]][] = [
    ['Nämnden beslutar. Ärendet är avslutat.', ['Nämnden beslutar.', 'Ärendet är avslutat.']],
    ['Mötet öppnades av ordf. och avslutades kl. tio.', ['Mötet öppnades av ordf. och avslutades kl. tio.']],
    // (a digit may start a sentence: "kl." / "9 …" is joined again where a clock time is read)
    ['Mötet öppnades kl. 9 av ordföranden.', ['Mötet öppnades kl.', '9 av ordföranden.']],
    ['Se bl.a. bilaga 2. "Budgeten" godkändes!  § 5 Val', ['Se bl.a. bilaga 2.', '"Budgeten" godkändes!', '§ 5 Val']],
    ['Frågan ställdes? 2024 blev året.\n\nNy rad', ['Frågan ställdes?', '2024 blev året.', 'Ny rad']],
    ['Rad ett\nrad två.\n Ärende', ['Rad ett', 'rad två.', 'Ärende']],
    ['Slut.\u00a0Åter.\u2003Öppet', ['Slut.', 'Åter.', 'Öppet']],
    ['Slut. ”Citat” och .\nslut', ['Slut.', '”Citat” och .', 'slut']],
  ];
  it.each(split)('splits %j into sentences', (text, want) => { expect(sentences(text)).toEqual(want); expect(sentencesRef(text)).toEqual(want); });

  it('keep a one-line paragraph as one running line, trimmed', () => {
    expect(wrappedLines('  Kommunstyrelsen beslutar.  ')).toEqual(['Kommunstyrelsen beslutar.']);
    expect(wrappedLines('   ')).toEqual([]);
    expect(wrappedLines('Ärendet gäller\nbudgeten för 2025.')).toEqual(['Ärendet gäller budgeten för 2025.']);
  });
});

describe('matchesOf', () => {
  const texts = ['Anna Nilsson berättade, och Per Åberg frågade.', '', 'åäö 😀 x😀y', 'beslutade beslutade'];
  const patterns = [/(?<![\p{L}])(berättade|frågade|beslutade)(?![\p{L}])/giu, /x*/g, /(?:)/gu, /\p{Lu}\p{Ll}+/gu];
  const found = (it: Iterable<RegExpMatchArray>) => [...it].map((m) => [m.index, m[0]]);

  it('finds what matchAll finds, empty matches and characters outside the BMP included', () => {
    for (const re of patterns) for (const t of texts) expect(found(matchesOf(re, t))).toEqual(found(t.matchAll(re)));
  });

  it('keeps its place when the loop body uses the same expression', () => {
    const re = /\p{Lu}\p{Ll}+/gu;
    const outer: string[] = [];
    for (const m of matchesOf(re, 'Anna och Per')) { outer.push(m[0]); expect(found(matchesOf(re, 'Eva Ek')).length).toBe(2); }
    expect(outer).toEqual(['Anna', 'Per']);
  });

  it('refuses an expression that is not global, as matchAll does', () => {
    expect(() => [...matchesOf(/a/, 'aa')]).toThrow(TypeError);
  });
});

describe('matchesOf and lastIndex', () => {
  it('starts where the expression stands and leaves it there, as matchAll does', () => {
    const re = /\p{Lu}\p{Ll}+/gu;
    re.lastIndex = 3;
    expect([...matchesOf(re, 'Anna och Per')].map((m) => m[0])).toEqual(['Per']);
    expect(re.lastIndex).toBe(3);
    for (const _ of matchesOf(re, 'Anna och Per')) break;
    expect(re.lastIndex).toBe(3);
  });
});

describe('withoutLeadingLookbehind', () => {
  const SPEECH = /(?<![\p{L}])(berättar|redovisade)(?![\p{L}])/giu;
  const loose = withoutLeadingLookbehind(SPEECH);
  it('drops the leading look behind and the global flag, keeps the rest', () => {
    expect(loose.source).toBe('(berättar|redovisade)(?![\\p{L}])');
    expect(loose.flags).toBe('iu');
    expect(withoutLeadingLookbehind(/(?<=§\s)\d+/).source).toBe('\\d+');
    expect(withoutLeadingLookbehind(/beslut(?<![\p{L}]x)/u).source).toBe('beslut(?<![\\p{L}]x)');
  });
  // Finds what the expression finds, and also where only the word start fails ("återberättar"): a first test, never the last.
  const ok = ['Anna Ek berättar om läget.', 'Controllern REDOVISADE bokslutet.', 'Per återberättar mötet.'];
  const notOk = ['Berättelsen lästes upp.', 'Ingen redovisning i dag.', ''];
  it.each(ok)('finds the verb in %j', (text) => expect(loose.test(text)).toBe(true));
  it.each(notOk)('finds none in %j, nor does the full expression', (text) => { expect(loose.test(text)).toBe(false); expect([...text.matchAll(SPEECH)]).toEqual([]); });
});

describe('detached', () => {
  it.each([
    ['', ''],
    ['beslut', 'beslut'],
    ['kommunstyrelsen', 'kommunstyrelsen'],
    ['hälso- och sjukvårdsnämnden', 'hälso- och sjukvårdsnämnden'],
    ['Kommunfullmäktige beslutar att godkänna förslaget.'.slice(0, 17), 'Kommunfullmäktige'],
    ['𝐀bc İstanbul Åsa Öberg (S)', '𝐀bc İstanbul Åsa Öberg (S)'],
  ])('%j stays %j', (s, out) => expect(detached(s)).toBe(out));

  // A word a long-lived cache keeps must not keep its document's text: 40 texts of 1 MB each, one
  // new long word in each, through the per-word caches of stemming, compound splitting and themes.
  it('the word caches keep no document text alive', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const filler = 'Nämnden beslutar att godkänna förslaget om skolans budget. '.repeat(17_000);
    const word = (i: number) => `samhällsbyggnads${'abcdefghij'.split('').map((c, k) => ((i >> k) & 1 ? c : '')).join('')}förvaltningen`;
    sectionThemes({ heading: 'Ärende', text: filler.slice(0, 5000) });
    indexTerms(filler.slice(0, 5000));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      const text = `${filler}${word(i)} ${i}`;
      sectionThemes({ heading: 'Ärende', text });
      indexTerms(`Rubrik ${i}\n${text.slice(-200_000)}`);
    }
    gc();
    expect((process.memoryUsage().heapUsed - before) / 2 ** 20).toBeLessThan(8);
  });
});
