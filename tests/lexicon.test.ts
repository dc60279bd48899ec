/** The compiled CLI's word list (build/lexicon.txt) answers exactly as the dictionary parsed at start. */
import { describe, expect, it } from 'vitest';
import { lexiconFileText, lexiconFromFile, parsedLexicon } from '../lib/swedish-compounds.ts';

describe('the prebuilt compound lexicon', () => {
  const parsed = parsedLexicon();
  const text = lexiconFileText();

  it('has every stem and no other, by binary search and after it turns into a set', () => {
    const prebuilt = lexiconFromFile(text)!;
    const stems = [...parsed.words];
    // Words, words with a letter changed, prefixes and the edges of the sort order.
    const probes = stems.filter((_, i) => i % 7 === 0).flatMap((w) => [w, `${w}x`, w.slice(0, -1), `${w.slice(0, 2)}å${w.slice(3)}`]).concat(['', 'a', 'öööö', '-', 'zzzzzz']);
    expect(probes.length).toBeGreaterThan(20_000);
    for (const p of probes) if (prebuilt.has(p) !== parsed.has(p)) expect(`${p}: ${prebuilt.has(p)}`).toBe(`${p}: ${parsed.has(p)}`);
    expect([...prebuilt.onlyInCompound].sort()).toEqual([...parsed.onlyInCompound].sort());
  });

  it('is refused when made from another dictionary', () => {
    expect(lexiconFromFile(text.replace(/^dictionary-sv \d+/, 'dictionary-sv 1'))).toBeNull();
  });
});
