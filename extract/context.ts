/**
 * The one per-document context every extraction rule reads, built once: the blocks, their plain
 * text, the header lines, the metadata (header fields, title, type, body), the sections and the
 * section each block stands in. Rules declare the part they read (`Pick<DocContext, …>`), so a
 * test hands them only that.
 */
import type { Block, CleanDocument, Person, Section } from '../lib/schema.ts';
import { plain } from '../lib/text.ts';
import { headerLines } from './header-fields.ts';
import { extractMetadata, type Metadata } from './metadata.ts';
import { splitSections } from './sections.ts';

/** The blocks and their text on one set of spaces, computed once. */
export interface DocText {
  blocks: Block[];
  /** Each block's plain text (tabs as " | ", single spaces; newlines kept). */
  plain: string[];
  /** Each block's plain text on one line. */
  line: string[];
  /** All plain text, a block a line. */
  fullText: string;
}

export interface DocContext extends DocText {
  doc: Pick<CleanDocument, 'fileName' | 'metaTitle' | 'metaCreated' | 'pageHeader'>;
  /** The header fields' lines: the page header and the first blocks, one field a line. */
  header: string[];
  meta: Metadata;
  sections: Section[];
  /** The heading of the section each block stands in (evidence). */
  blockSection: string[];
  /** Blocks that start a section. */
  sectionStarts: Set<number>;
  /** PMs and tjänsteskrivelser are written, not held: their authors attended nothing. */
  isMeeting: boolean;
  /** A kallelse announces a meeting not yet held: nobody it names has attended. */
  notYetHeld: boolean;
}

/** The context once the persons are known (organisations and decisions read them). */
export interface PersonContext extends DocContext { persons: Person[] }

export function docText(blocks: Block[]): DocText {
  const text = blocks.map((b) => plain(b.text));
  return { blocks, plain: text, line: text.map((t) => (t.includes('\n') ? t.replace(/\s*\n\s*/g, ' ').trim() : t.trim())), fullText: text.join('\n') };
}

export function buildContext(doc: Pick<CleanDocument, 'blocks' | 'fileName' | 'metaTitle' | 'metaCreated' | 'pageHeader'> & { format?: string }): DocContext {
  const text = docText(doc.blocks);
  const header = headerLines(text, doc.pageHeader);
  const meta = extractMetadata({ ...text, header, doc });
  // A DOCX says which paragraphs are headings (its styles): a short line there is no heading.
  const { sections, blockSection, sectionStarts } = splitSections(text, meta.title, meta.titleBlocks, { styledHeadings: doc.format === 'docx' });
  return {
    ...text, doc, header, meta, sections, blockSection, sectionStarts,
    isMeeting: !['pm', 'tjansteskrivelse'].includes(meta.docType),
    notYetHeld: meta.docType === 'kallelse',
  };
}

/** A context for blocks alone (tests, and callers without a file): no page header, no file metadata. */
export const contextOfBlocks = (blocks: Block[], fileName = 'dokument.md'): DocContext => buildContext({ blocks, fileName, metaTitle: null, pageHeader: [] });
