/** What Tesseract's Swedish model misreads in minutes, mended word by word; and which PDF pages need OCR. */
import { describe, expect, it } from 'vitest';
import { correctWords, sectionHeadings } from '../ingest/ocr-correct.ts';
import { needsOcr } from '../ingest/read-pdf.ts';
import { textBlock } from '../lib/blocks.ts';

const fix = (line: string) => correctWords(line.split(' ')).join(' ');

describe('OCR post-correction', () => {
  it('reads § for the look-alikes before a paragraph number at a heading', () => {
    expect(fix('$ 201 Val av justerare')).toBe('§ 201 Val av justerare');
    expect(fix('S 12 Dnr KS-2024-00123')).toBe('§ 12 Dnr KS-2024-00123');
    expect(fix('8 7')).toBe('§ 7');
    expect(fix('S203 Gränssamverkan med Norge')).toBe('§203 Gränssamverkan med Norge');
    expect(fix('Paragrafer SS 201-205')).toBe('Paragrafer §§ 201-205');
    expect(fix('enligt $ 14 i reglementet')).toBe('enligt § 14 i reglementet');
    // a law's paragraph: the 8 between its number and the law
    expect(fix('omhändertagande enligt 6 8 LVU.')).toBe('omhändertagande enligt 6 § LVU.');
    expect(fix('Sekretess enligt 26 kap. 1 8 offentlighets- och')).toBe('Sekretess enligt 26 kap. 1 § offentlighets- och');
    expect(fix('8 LVU. Beslutet har underställts')).toBe('§ LVU. Beslutet har underställts');
    expect(fix('under 2024 8 LVU-placeringar och 3 8 barn')).toBe('under 2024 8 LVU-placeringar och 3 8 barn');
  });

  it('reads § for an 8 glued to the number of a heading when the document numbers its items so', () => {
    const heading = (text: string) => textBlock('heading', text, 1, 2);
    const texts = (blocks: { text: string }[]) => blocks.map((b) => b.text);
    expect(texts(sectionHeadings([heading('§ 1. Sammanträdet öppnas'), heading('83. Det ekonomiska läget')]))).toEqual(['§ 1. Sammanträdet öppnas', '§3. Det ekonomiska läget']);
    expect(texts(sectionHeadings([heading('83 Penningpolitisk avstämning'), heading('84 Penningpolitiskt beslut')]))).toEqual(['§3 Penningpolitisk avstämning', '§4 Penningpolitiskt beslut']);
    const agenda = [heading('7. Budget'), heading('8. Val av ordförande'), heading('81 Övriga frågor')];
    expect(texts(sectionHeadings(agenda))).toEqual(texts(agenda));
  });

  it('leaves numbers that are no paragraph numbers', () => {
    expect(fix('8 201 invånare bor i kommunen')).toBe('8 201 invånare bor i kommunen');
    expect(fix('Bilaga S 2 (5)')).toBe('Bilaga S 2 (5)');
    expect(fix('Sida 2 (5)')).toBe('Sida 2 (5)');
  });

  it('mends party codes whose bracket was misread', () => {
    expect(fix('Emma Lund (VD ledamot')).toBe('Emma Lund (V) ledamot');
    expect(fix('Claes Pettersson (S} ordförande')).toBe('Claes Pettersson (S) ordförande');
    expect(fix('Mikael Björk (SD ledamot')).toBe('Mikael Björk (SD) ledamot');
    expect(fix('Per Jansson (5) ledamot')).toBe('Per Jansson (S) ledamot');
    expect(fix('Anna Berg (MP,')).toBe('Anna Berg (MP),');
    expect(fix('Ingrid Kindbom (M) ledamot')).toBe('Ingrid Kindbom (M) ledamot');
  });

  it('reads digits for look-alike letters in dates and numbers', () => {
    expect(fix('Datum 2O21-11-23')).toBe('Datum 2021-11-23');
    expect(fix('l8 mars 2O22')).toBe('18 mars 2022');
    expect(fix('2021—11-23')).toBe('2021-11-23');
    expect(fix('Ordet IO och Olof')).toBe('Ordet IO och Olof');
  });
});

describe('pages that need OCR', () => {
  const prose = 'Kommunstyrelsen beslutar att anta planen för kollektivtrafiken i länet under nästa år.';
  it('a scanned page: images cover it and it has (almost) no text', () => {
    expect(needsOcr('', 1)).toBe(true);
    expect(needsOcr('  3  ', 0.95)).toBe(true);
    expect(needsOcr(prose, 1)).toBe(false);
  });
  it('a text layer of garbage: one letter per word, or broken font codes', () => {
    expect(needsOcr('S a m m a n t r ä d e s p r o t o k o l l K o m m u n', 0)).toBe(true);
    expect(needsOcr('\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD a', 0)).toBe(true);
  });
  it('a blank page or a page with a logo and text is not read again', () => {
    expect(needsOcr('', 0)).toBe(false);
    expect(needsOcr(prose, 0.3)).toBe(false);
  });
});
