/**
 * Sections: agenda items and headings with the text under them. A section starts at a heading,
 * a numbered or bold agenda line ("### 4. **…**", "**7. Förslag …**", "- 1. Ordförande …", "§ 3a. …"),
 * or a short heading-like line followed by body text (PDF and plain-text exports lose heading styles).
 */
import type { Block, Section } from '../lib/schema.ts';
import { oneLine, plain, wordCount } from '../lib/text.ts';
import { HEADER_FIELD } from './header-fields.ts';

const AGENDA_NUMBER = /^(?:-\s+)?(§\s*\d+[a-z]?|\d{1,2}[a-z]?)[.)]?\s+/;

interface Start { heading: string; number: string | null; rest: string }

/** The sections, and for each block the heading of the section it sits in (for evidence). */
export interface SectionSplit { sections: Section[]; blockSection: string[]; sectionStarts: Set<number> }

export function splitSections(blocks: Block[], title: string, titleBlocks: number[]): SectionSplit {
  const sections: Section[] = [];
  const blockSection: string[] = [];
  const sectionStarts = new Set<number>();
  let current: Section = { heading: title, number: null, text: '', page: blocks[0]?.page ?? 1 };
  const append = (text: string) => { if (text.trim()) current.text += (current.text ? '\n\n' : '') + text.trim(); };
  blocks.forEach((block, i) => {
    if (titleBlocks.includes(i)) { blockSection[i] = title; return; }
    // Header fields above the title belong to the opening section.
    const start = i < (titleBlocks[0] ?? -1) ? null : sectionStart(block, blocks[i + 1], blocks[i - 1]);
    if (start) {
      if (current.text || sections.length || current.heading !== title) sections.push(current);
      current = { heading: start.heading, number: start.number, text: '', page: block.page };
      sectionStarts.add(i);
      append(start.rest);
    } else {
      append(plain(block.text));
    }
    blockSection[i] = current.heading;
  });
  sections.push(current);
  return { sections: sections.filter((s, i) => s.text || s.heading !== title || i === 0), blockSection, sectionStarts };
}

function sectionStart(block: Block, next: Block | undefined, prev: Block | undefined): Start | null {
  const text = block.text.trim();
  if (block.kind === 'heading') return split(oneLine(text).replace(/^-\s+/, ''), '');
  if (block.kind === 'table-row') return null;
  // A bold lead-in that is the whole item title: "**7. Förslag …**" or "**8. Information …** Eva Sund".
  const bold = /^\*\*(.+?)\*\*\s*(.*)$/s.exec(text);
  if (bold && (AGENDA_NUMBER.test(bold[1]!) || !bold[2]) && bold[1]!.length <= 250 && block.kind === 'paragraph') {
    return split(oneLine(bold[1]!), plain(bold[2]!));
  }
  const line = oneLine(text);
  if (block.kind === 'list-item' && /^-\s+\d{1,2}[.)]\s+\p{Lu}/u.test(line)) return split(line.replace(/^-\s+/, ''), '');
  if (block.kind === 'paragraph' && /^§\s*\d+[a-z]?\.?\s+\p{Lu}/u.test(line) && line.length <= 200) return split(line, '');
  // A line right under a heading is its speaker line ("Stina Höök och Malin Wikner, Region Värmland"), not a new section.
  if (block.kind === 'paragraph' && prev?.kind !== 'heading' && !text.includes('\n') && isHeadingLike(line, next)) return split(line, '');
  return null;
}

/** Short, one line, no closing punctuation, capitalised, not a header field, and followed by a real paragraph. */
function isHeadingLike(line: string, next: Block | undefined): boolean {
  return line.length <= 90 && wordCount(line) <= 12 && /^[\p{Lu}\d]/u.test(line) && !/[.,;:!?]$/.test(line)
    && !HEADER_FIELD.test(line) && next?.kind === 'paragraph' && wordCount(plain(next.text)) >= 8;
}

function split(heading: string, rest: string): Start {
  const m = AGENDA_NUMBER.exec(heading);
  const clean = heading.replace(/\*\*/g, '').trim();
  return { heading: clean, number: m ? m[1]!.replace(/\s+/g, ' ') : null, rest };
}
