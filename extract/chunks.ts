/** Section-sized passages for the index: one per section, long sections split at paragraph or sentence boundaries. */
import { hash } from 'node:crypto';
import type { Chunk, Section } from '../lib/schema.ts';
import { sentences, wordCount } from '../lib/text.ts';

export function makeChunks(docId: string, sections: Section[], maxWords: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const pieces = section.text ? splitText(section.text, maxWords) : [];
    // A heading without text ("3. Dagordningen godkändes") is still a findable passage.
    if (!pieces.length) pieces.push(section.heading);
    for (const text of pieces) {
      chunks.push({
        id: `${docId}-${chunks.length}`,
        docId,
        ordinal: chunks.length,
        heading: section.heading,
        sectionNumber: section.number,
        page: section.page,
        text,
        // One-shot hashing: a hash object for every passage costs more than the hash itself.
        contentHash: hash('sha256', `${section.heading}\n${text}`, 'hex'),
      });
    }
  }
  return chunks;
}

/** A piece of text with its word count, counted once. */
interface Unit { text: string; words: number }

function splitText(text: string, maxWords: number): string[] {
  const units: Unit[] = [];
  for (const p of text.split(/\n\n+/)) {
    const n = wordCount(p);
    if (n <= maxWords) units.push({ text: p, words: n });
    else for (const s of sentences(p)) units.push(...hardSplit(s, maxWords));
  }
  const out: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const unit of units) {
    if (current.length && words + unit.words > maxWords) {
      out.push(current.join('\n\n'));
      current = [];
      words = 0;
    }
    current.push(unit.text);
    words += unit.words;
  }
  if (current.length) out.push(current.join('\n\n'));
  return out;
}

/** A hard limit: text without paragraph or sentence breaks (lower-case sentence starts, lists) is cut every `maxWords` words. */
function hardSplit(unit: string, maxWords: number): Unit[] {
  const n = wordCount(unit);
  if (n <= maxWords) return [{ text: unit, words: n }];
  const words = unit.split(/\s+/).filter(Boolean);
  const out: Unit[] = [];
  for (let i = 0; i < words.length; i += maxWords) out.push({ text: words.slice(i, i + maxWords).join(' '), words: Math.min(maxWords, words.length - i) });
  return out;
}
