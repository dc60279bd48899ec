/** Section-sized passages for the index: one per section, long sections split at paragraph or sentence boundaries. */
import { createHash } from 'node:crypto';
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
        contentHash: createHash('sha256').update(`${section.heading}\n${text}`).digest('hex'),
      });
    }
  }
  return chunks;
}

function splitText(text: string, maxWords: number): string[] {
  const units = text.split(/\n\n+/).flatMap((p) => (wordCount(p) > maxWords ? sentences(p) : [p])).flatMap((u) => hardSplit(u, maxWords));
  const out: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const unit of units) {
    const n = wordCount(unit);
    if (current.length && words + n > maxWords) {
      out.push(current.join('\n\n'));
      current = [];
      words = 0;
    }
    current.push(unit);
    words += n;
  }
  if (current.length) out.push(current.join('\n\n'));
  return out;
}

/** A hard limit: text without paragraph or sentence breaks (lower-case sentence starts, lists) is cut every `maxWords` words. */
function hardSplit(unit: string, maxWords: number): string[] {
  if (wordCount(unit) <= maxWords) return [unit];
  const words = unit.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += maxWords) out.push(words.slice(i, i + maxWords).join(' '));
  return out;
}
