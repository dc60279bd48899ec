/**
 * Sections: agenda items and headings with the text under them. A section starts at a heading,
 * a numbered or bold agenda line ("### 4. **…**", "**7. Förslag …**", "- 1. Ordförande …", "§ 3a. …"),
 * or a short heading-like line followed by body text (PDF and plain-text exports lose heading styles).
 * A DOCX keeps its styles: there only styled headings and agenda lines start sections, never a line
 * for being short (a long DOCX of short lines made every other paragraph a section).
 */
import type { Block, Section } from '../lib/schema.ts';
import { oneLine, plain, wordCount } from '../lib/text.ts';
import { boldLead } from '../lib/blocks.ts';
import type { DocText } from './context.ts';
import { HEADER_FIELD } from './header-fields.ts';
import { endsWithLabel, findCaseNumbers, firstCaseNumber, leadingCaseNumbers } from './case-numbers.ts';
import { ITEM_NUMBER, ITEM_SUBHEADING, TOC_LINE } from './protocol-items.ts';

const AGENDA_NUMBER = /^(?:-\s+)?(?:(?:Ärende|Punkt)\s+(?=\d))?(§\s*\d+[a-z]?|\d{1,2}[a-z]?)[.):]?\s+/;

interface Start { heading: string; number: string | null; rest: string; caseNumber?: string | null; caseNumbers?: string[] }

/** The sections, and for each block the heading of the section it sits in (for evidence). */
export interface SectionSplit { sections: Section[]; blockSection: string[]; sectionStarts: Set<number> }

export function splitSections(doc: Pick<DocText, 'blocks' | 'plain' | 'line'>, title: string, titleBlocks: number[], opts: { styledHeadings?: boolean } = {}): SectionSplit {
  const { blocks } = doc;
  const sections: Section[] = [];
  const blockSection: string[] = [];
  const sectionStarts = new Set<number>();
  let current: Section = { heading: title, number: null, text: '', page: blocks[0]?.page ?? 1 };
  const append = (text: string) => { if (text.trim()) current.text += (current.text ? '\n\n' : '') + text.trim(); };
  // Items numbered by a bare number on its own line ("2" / "Diskussion om budgetutrymme", meeting notes of the protocol template).
  const bareItems = new Set<Section>();
  let titleNext = false;
  blocks.forEach((block, i) => {
    if (titleBlocks.includes(i)) { blockSection[i] = title; return; }
    if (titleNext) { titleNext = false; current.heading = `${current.heading} ${doc.line[i]}`; blockSection[i] = current.heading; return; }
    const bare = bareItemStart(doc, i);
    if (bare && i > (titleBlocks[0] ?? -1)) {
      if (current.text || sections.length || current.heading !== title) sections.push(current);
      current = { heading: bare.title ? `${bare.number} ${bare.title}` : bare.number, number: bare.number, text: '', page: block.page };
      bareItems.add(current);
      titleNext = !bare.title;
      sectionStarts.add(i);
      blockSection[i] = current.heading;
      return;
    }
    // Header fields above the title belong to the opening section.
    // "Beslut", "Beslutsunderlag" … inside a § item are part of it, not sections of their own.
    // Inside a "§ N" item only the next item starts a section: its running text holds short
    // capitalised lines (a case title, a list point) that are no headings.
    const inItem = (current.number?.startsWith('§') === true || bareItems.has(current)) && (ITEM_SUBHEADING.test(doc.plain[i]!.split('\n')[0]!.trim()) || !ITEM_NUMBER.test(block.text.trim()));
    const start = i < (titleBlocks[0] ?? -1) || inItem ? null : sectionStart(doc, i, opts.styledHeadings === true);
    // A template that repeats the item's heading on each of its pages ("§ 45 Dnr …" / "§ 45 Forts.")
    // goes on with the same item: its decision runs on over the page break.
    if (start && start.number?.startsWith('§') && start.number === current.number) {
      append(start.rest);
    } else if (start) {
      if (current.text || sections.length || current.heading !== title) sections.push(current);
      current = { heading: start.heading, number: start.number, text: '', page: block.page, ...(start.caseNumber ? { caseNumber: start.caseNumber } : {}), ...(start.caseNumbers && start.caseNumbers.length > 1 ? { caseNumbers: start.caseNumbers } : {}) };
      sectionStarts.add(i);
      append(start.rest);
      // A PDF sets "§ 5  Dnr KS-2024-00123" and the item's title as two blocks: the next one is the title.
      titleNext = current.number?.startsWith('§') === true && current.heading === current.number && !start.rest && isItemTitle(doc, i + 1);
    } else {
      // (the item's "Dnr …" line as the first block under its heading: the item's case number)
      if (current.number && !current.text && !current.caseNumber) {
        const numbers = leadingCaseNumbers(doc.plain[i]!.split('\n', 1)[0]!);
        if (numbers.length) { current.caseNumber = numbers[0]!; if (numbers.length > 1) current.caseNumbers = numbers; }
      }
      append(doc.plain[i]!);
    }
    blockSection[i] = current.heading;
  });
  sections.push(current);
  return { sections: sections.filter((s, i) => s.text || s.heading !== title || i === 0), blockSection, sectionStarts };
}

/** A short capitalised block, no subheading or item of its own: the title of the item above it. */
function isItemTitle(doc: Pick<DocText, 'blocks' | 'line'>, i: number): boolean {
  const b = doc.blocks[i];
  const line = doc.line[i] ?? '';
  return !!b && (b.kind === 'paragraph' || b.kind === 'heading') && line.length <= 200 && /^\p{Lu}/u.test(line)
    && !ITEM_SUBHEADING.test(line) && !ITEM_NUMBER.test(line) && !TOC_LINE.test(line);
}

/**
 * "2\nDiskussion om budgetutrymme" or "1" / "Mötets öppnande": an item number alone on its line with
 * a short capitalised title on the next line, and an item subheading or text after it.
 */
function bareItemStart(doc: Pick<DocText, 'blocks' | 'plain' | 'line'>, i: number): { number: string; title: string | null } | null {
  const block = doc.blocks[i]!;
  if (block.kind !== 'paragraph') return null;
  const [first, ...rest] = doc.plain[i]!.split('\n').map((l) => l.trim());
  const number = /^(\d{1,2})$/.exec(first ?? '')?.[1];
  if (!number) return null;
  const title = rest.length ? rest.join(' ') : doc.line[i + 1];
  const titleBlock = rest.length ? block : doc.blocks[i + 1];
  if (!title || titleBlock?.kind !== 'paragraph' || !/^\p{Lu}/u.test(title) || /[.:;]$/.test(title) || wordCount(title) > 14 || TOC_LINE.test(title) || /\s\d{1,3}$/.test(title)) return null;
  return { number, title: rest.length ? title : null };
}

function sectionStart(doc: Pick<DocText, 'blocks' | 'plain' | 'line'>, i: number, styledHeadings: boolean): Start | null {
  const block = doc.blocks[i]!;
  const prev = doc.blocks[i - 1];
  const text = block.text.trim();
  const line = doc.line[i]!;
  // (a styled heading "## § 5 Dnr KS-2024-00123" carries the item's case number too)
  if (block.kind === 'heading') return { ...split(line.replace(/^-\s+/, ''), ''), caseNumber: ITEM_NUMBER.test(line) ? firstCaseNumber(line) : null };
  // (a PDF's "§ 5    Dnr KS-2024-00123" can come as a row of two cells: still the item's line)
  if (block.kind === 'table-row' && !ITEM_NUMBER.test(text)) return null;
  // A contents page lists the items ("§ 3 Dnr … Asta och Anders … ....... 5"): they start nothing.
  if (TOC_LINE.test(text)) return null;
  // "§ 1            Dnr KFT-2024-00011\nInformation till nämnd: …": the item, its case number and title.
  const item = ITEM_NUMBER.exec(text);
  if (item && block.kind !== 'list-item') {
    // (the number on the line under "§ 5" when the heading is set on two lines, wrapped at its dash ("Dnr KS-2024-" / "00826")
    // or after its label ("Dnr" / "KS-2024-00826"))
    const lines = text.split('\n');
    const onHeading = findCaseNumbers(/[-–/]\s*$/.test(lines[0]!) || endsWithLabel(lines[0]!) ? `${lines[0]}\n${lines[1] ?? ''}` : lines[0]!);
    const caseNumbers = onHeading.length ? onHeading : leadingCaseNumbers(lines[1] ?? '');
    const caseNumber = caseNumbers[0] ?? null;
    // (all the numbers after one label: "Dnr IFO-2024-00123, IFO-2024-00130" leaves no number in the title)
    const titleText = oneLine(text.replace(/(?:Dnr|Diarienummer)\.?[:\s]*[^\s,]+(?:\s\d[\d/–-]*)?(?:\s*(?:,|och|samt|&)\s*(?=[^\s,]*\d)[^\s,]+(?:\s\d[\d/–-]*)?)*/i, '')).replace(/^§\s*\d+[a-z]?\.?\s*/, '').replace(/^[\s|]+|[\s|]+$/g, '');
    // (a PDF may set "§ 10" alone and the title as the next block: the title is taken on below)
    if (caseNumber || /^\p{Lu}/u.test(titleText) || (!titleText && isItemTitle(doc, i + 1))) {
      return { heading: `§ ${item[1]} ${titleText}`.trim(), number: `§ ${item[1]}`, rest: '', caseNumber, caseNumbers };
    }
  }
  // A bold lead-in that is the whole item title: "**7. Förslag …**" or "**8. Information …** Eva Sund".
  const bold = boldLead(block);
  if (bold && (AGENDA_NUMBER.test(bold.strong) || !bold.after.trim()) && bold.strong.length <= 250 && block.kind === 'paragraph') {
    return split(oneLine(bold.strong), plain(bold.after));
  }
  if (block.kind === 'list-item' && /^-\s+\d{1,2}[.)]\s+\p{Lu}/u.test(line)) return split(line.replace(/^-\s+/, ''), '');
  if (block.kind === 'paragraph' && /^§\s*\d+[a-z]?\.?\s+\p{Lu}/u.test(line) && line.length <= 200) return split(line, '');
  // A kallelse's item as a text export sets it: "Ärende 4 Bygglov för …" on its own line.
  if (block.kind === 'paragraph' && !text.includes('\n') && /^(?:Ärende|Punkt)\s+\d{1,2}[a-z]?\.?\s+\p{Lu}/u.test(line) && line.length <= 200) return split(line, '');
  // A line right under a heading is its speaker line ("Stina Höök och Malin Wikner, Region Värmland"), not a new section.
  if (!styledHeadings && block.kind === 'paragraph' && prev?.kind !== 'heading' && !text.includes('\n') && isHeadingLike(line, doc.blocks[i + 1], doc.plain[i + 1])) return split(line, '');
  return null;
}

/** Short, one line, no closing punctuation, capitalised, not a header field, and followed by a real paragraph. */
function isHeadingLike(line: string, next: Block | undefined, nextPlain: string | undefined): boolean {
  return line.length <= 90 && wordCount(line) <= 12 && /^[\p{Lu}\d]/u.test(line) && !/[.,;:!?]$/.test(line)
    && !HEADER_FIELD.test(line) && next?.kind === 'paragraph' && wordCount(nextPlain ?? '') >= 8;
}

function split(heading: string, rest: string): Start {
  const m = AGENDA_NUMBER.exec(heading);
  return { heading: heading.trim(), number: m ? m[1]!.replace(/\s+/g, ' ') : null, rest };
}
