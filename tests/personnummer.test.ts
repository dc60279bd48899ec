import { describe, expect, it } from 'vitest';
import { maskPersonnummer } from '../ingest/personnummer.ts';

describe('personnummer masking', () => {
  it('masks valid numbers in all common forms and counts them', () => {
    // 811218-9876 has a valid Luhn check digit (the example in the issue).
    const r = maskPersonnummer('Sökande 19811218-9876, även 811218-9876, 8112189876 och 198112189876.');
    expect(r).toEqual({ text: 'Sökande [personnummer], även [personnummer], [personnummer] och [personnummer].', count: 4 });
  });

  it('masks samordningsnummer (day + 60)', () => {
    expect(maskPersonnummer('Samordningsnummer 701063-2391.').count).toBe(1);
  });

  it('leaves dates, case numbers, amounts and wrong check digits alone', () => {
    const text = 'Möte 2022-11-21, Dnr KS 2023/214, 100 000 kr, telefon 054-701 10 00, fel 811218-9875, 20221121, 1234567890123.';
    expect(maskPersonnummer(text)).toEqual({ text, count: 0 });
  });
});
