/**
 * The records every stage exchanges, defined once. Types come from `z.infer`.
 * Field names of `Extraction` are a contract (DESIGN.md): add fields, never rename.
 */
import { z } from 'zod';
import { ISO_DATE } from './swedish-dates.ts';

export const Format = z.enum(['txt', 'md', 'pdf', 'docx']);
export type Format = z.infer<typeof Format>;

/**
 * A run of a block's text and its marks, as the reader found them: bold, struck through (how
 * absent members are marked), and for a table row the cell (0-based) it stands in.
 */
export const Inline = z.object({
  text: z.string(),
  strong: z.literal(true).optional(),
  struck: z.literal(true).optional(),
  cell: z.number().int().min(0).optional(),
});
export type Inline = z.infer<typeof Inline>;

/**
 * One structural unit of a document. `inlines` carry the marks; `text` is their text without any
 * markup, computed once by the reader (a table row's cells stand apart by a tab, as laid out).
 */
export const Block = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'table-row', 'line']),
  /** Heading level 1–6 (headings only). */
  level: z.number().int().min(1).max(6).optional(),
  text: z.string(),
  inlines: z.array(Inline),
  /** 1-based page the block starts on (text files have one page unless form feeds split them). */
  page: z.number().int().min(1),
});
export type Block = z.infer<typeof Block>;

/** Which pages were read by OCR, and how sure Tesseract was of their words (mean confidence, 0–100). */
export const OcrInfo = z.object({
  pages: z.array(z.object({ page: z.number().int().min(1), confidence: z.number().min(0).max(100) })),
  /** Mean word confidence over all OCR'd pages. */
  confidence: z.number().min(0).max(100),
  /** The OCR engine and model ("tesseract-5.3.0-swe"). */
  engine: z.string(),
});
export type OcrInfo = z.infer<typeof OcrInfo>;

/** What a reader returns: the file's content as blocks, before cleaning. */
export const RawDocument = z.object({
  source: z.string(),
  fileName: z.string(),
  format: Format,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Character encoding the text was decoded from (text formats), else the container format. */
  encoding: z.string(),
  pageCount: z.number().int().min(1),
  /** Title from file metadata (PDF info, DOCX core properties), if any. */
  metaTitle: z.string().nullable(),
  /** Creation date from file metadata (PDF info, DOCX core properties, front matter), ISO: the year of a date the text gives without one. */
  metaCreated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  blocks: z.array(Block),
  /** Set when pages were read by OCR (no usable text layer). */
  ocr: OcrInfo.optional(),
});
export type RawDocument = z.infer<typeof RawDocument>;

/** After cleaning: NFC text, repeated page headers removed (kept once in `pageHeader`), lines joined. */
export const CleanDocument = RawDocument.extend({
  pageHeader: z.array(z.string()),
  /** Personal identity numbers replaced by a mask before anything was extracted or indexed. */
  personnummerMasked: z.number().int().nonnegative(),
});
export type CleanDocument = z.infer<typeof CleanDocument>;

export const DocType = z.enum([
  'protokoll', 'minnesanteckningar', 'pm', 'anteckningar', 'kallelse', 'tjansteskrivelse', 'other',
]);
export type DocType = z.infer<typeof DocType>;

export const Evidence = z.object({
  page: z.number().int().min(1).nullable(),
  section: z.string().nullable(),
  quote: z.string(),
  /** The quote is from a page read by OCR: its words may be misread. */
  ocr: z.boolean().optional(),
  /** Id of the extraction rule that found the fact (scored per rule by `npm run score`). */
  rule: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Attendance = z.enum(['present', 'absent', 'unknown']);

/** One § or ärende number as written ("276", "3A"), a range ("253-256") or an open end ("-12", "5-"). */
const SectionEntry = z.string().regex(/^(?:[0-9]+[A-Za-z]?(?:-(?:[0-9]+[A-Za-z]?)?)?|-[0-9]+[A-Za-z]?)$/);

/**
 * Partial attendance, when the document states it: the §§ the person took part in (`only`), those
 * they did not (`notIn`), and "jäv" when that is the reason given for a `notIn`.
 */
export const PersonSections = z.object({
  only: z.array(SectionEntry).optional(),
  notIn: z.array(SectionEntry).optional(),
  reason: z.literal('jäv').optional(),
});
export type PersonSections = z.infer<typeof PersonSections>;

export const Person = z.object({
  name: z.string(),
  party: z.string().nullable(),
  organisation: z.string().nullable(),
  role: z.string().nullable(),
  attendance: Attendance,
  /** Other spellings of the same person in this document ("Irén Lejegren" for "Irén Lejgren"). */
  aliases: z.array(z.string()).optional(),
  evidence: Evidence.optional(),
  /** Only some §§ (or not some): absent when the document says nothing partial about the person. */
  sections: PersonSections.optional(),
  /**
   * Where each statement of `sections` stands: the attendance line and the items' sentences.
   * Apart from `evidence`, which is the mention that settled the attendance, often another page.
   */
  sectionsEvidence: z.array(Evidence).optional(),
});
export type Person = z.infer<typeof Person>;

export const Organisation = z.object({
  name: z.string(),
  kind: z.string(),
  evidence: Evidence.optional(),
});
export type Organisation = z.infer<typeof Organisation>;

export const DateKind = z.enum(['meeting', 'adjusted', 'document', 'next-meeting', 'deadline', 'event', 'other']);
export const DateMention = z.object({
  date: z.string().regex(ISO_DATE),
  /** Last day of a range ("24–25 maj"), when the text names one. */
  endDate: z.string().regex(ISO_DATE).optional(),
  text: z.string(),
  kind: DateKind,
  evidence: Evidence.optional(),
});
export type DateMention = z.infer<typeof DateMention>;

/** Protocol detail of the agenda item a decision belongs to, where the protocol records it. */
export const ProtocolDetail = z.object({
  /** Diarienummer of the item ("KS 2023/214"). */
  caseNumber: z.string().nullable(),
  /** Yrkanden: who proposed what. */
  proposals: z.array(z.object({ by: z.string(), party: z.string().nullable(), text: z.string() })),
  /** Omröstning: counts, and names when the protocol lists them. */
  vote: z.object({ yes: z.number().nullable(), no: z.number().nullable(), abstain: z.number().nullable() }).nullable(),
  /** Who reserved themselves against the decision. */
  reservations: z.array(z.string()),
  /** The body decided itself, or proposed the decision to another ("föreslår kommunfullmäktige besluta"). */
  proposedTo: z.string().nullable(),
});
export type ProtocolDetail = z.infer<typeof ProtocolDetail>;

export const Decision = z.object({ text: z.string(), section: z.string().nullable(), detail: ProtocolDetail.optional(), evidence: Evidence.optional() });
export type Decision = z.infer<typeof Decision>;

export const Action = z.object({ text: z.string(), owner: z.string().nullable(), evidence: Evidence.optional() });
export type Action = z.infer<typeof Action>;

export const Theme = z.object({ id: z.string(), label: z.string().optional(), score: z.number().min(0).max(1), evidence: Evidence.optional() });
export type Theme = z.infer<typeof Theme>;

export const Section = z.object({
  heading: z.string(),
  /** Agenda number ("§ 7", "4") when the heading carries one. */
  number: z.string().nullable(),
  text: z.string(),
  page: z.number().int().min(1),
  /** Diarienummer of the agenda item ("§ 5  Dnr KS-2024-00123"), when the section names one. */
  caseNumber: z.string().nullable().optional(),
  /** All the item's diarienummer, when its heading names more than one ("Dnr IFO-2024-00123, IFO-2024-00130"). */
  caseNumbers: z.array(z.string()).optional(),
  /** Themes of this section alone (the document's themes are in Extraction.themes). */
  themes: z.array(z.object({ id: z.string(), score: z.number() })).optional(),
});
export type Section = z.infer<typeof Section>;

/** One document's extraction: the DESIGN.md contract. */
export const Extraction = z.object({
  source: z.string(),
  format: Format,
  sha256: z.string(),
  title: z.string(),
  docType: DocType,
  body: z.string().nullable(),
  organisation: z.string().nullable(),
  date: z.string().regex(ISO_DATE).nullable(),
  mandatePeriod: z.string().regex(/^\d{4}-\d{4}$/).nullable(),
  location: z.string().nullable(),
  diarienummer: z.string().nullable(),
  /** Every case number the document gives for its items (each § heading's Dnr, numbers in item titles, an agenda table's "Beteckning"), each once. */
  caseNumbers: z.array(z.string()).optional(),
  persons: z.array(Person),
  organisations: z.array(Organisation),
  dates: z.array(DateMention),
  decisions: z.array(Decision),
  actions: z.array(Action),
  themes: z.array(Theme),
  sections: z.array(Section),
  /** The page header/footer block removed from every page, kept once. */
  pageHeader: z.array(z.string()),
  pageCount: z.number().int().min(1),
  /** How many personal identity numbers were masked in this document. */
  personnummerMasked: z.number().int().nonnegative(),
  /** Pages read by OCR, with Tesseract's confidence; absent when every page had a text layer. */
  ocr: OcrInfo.optional(),
});
export type Extraction = z.infer<typeof Extraction>;

/** A section-sized passage, the unit of search. */
export const Chunk = z.object({
  id: z.string(),
  docId: z.string(),
  ordinal: z.number().int().nonnegative(),
  heading: z.string(),
  sectionNumber: z.string().nullable(),
  page: z.number().int().min(1),
  text: z.string(),
  /** sha256 of `text`: the key of the embedding cache. */
  contentHash: z.string(),
  /** Mean OCR confidence (0–100) of the page the passage starts on, when that page was read by OCR. */
  ocrConfidence: z.number().optional(),
});
export type Chunk = z.infer<typeof Chunk>;

/** One person across the archive: every spelling, party, organisation and meeting. */
export const PersonRecord = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  parties: z.array(z.string()),
  organisations: z.array(z.string()),
  roles: z.array(z.string()),
  meetings: z.array(z.object({
    docId: z.string(), title: z.string(), date: z.string().nullable(), body: z.string().nullable(),
    attendance: Attendance, role: z.string().nullable(), nameInDocument: z.string(),
    sections: PersonSections.optional(),
  })),
  present: z.number().int(),
  absent: z.number().int(),
  mentioned: z.number().int(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;
