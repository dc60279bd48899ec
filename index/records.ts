/**
 * The records stored in Meilisearch, built from an extraction. Filter fields are denormalised onto
 * passages so a passage search filters without joins. Each passage is stored twice: whole (text,
 * vector, every filter field) for reading and semantic search, and lean (its stems and the small
 * filter fields) for keyword retrieval, because Meilisearch's cost per hit grows with the size of
 * the stored record (10 000 documents, 300 hits: 11.1 ms CPU on whole passages, 2.5 on lean ones).
 */
import { z } from 'zod';
import type { Chunk, Extraction } from '../lib/schema.ts';
import { indexTerms } from '../lib/swedish-analysis.ts';

/**
 * The shape of the records written. An ingest re-extracts documents written with an older shape
 * (3: passages and documents carry Swedish stems, documents no longer their passages' text, and no
 * passage is longer than MINUTES_CHUNK_WORDS; 4: `bodyKey`; 5: passages' stems in their own lean
 * records, documents' stems a filter field; 6: persons' partial attendance per §, PDF tables read
 * by column; 7: the PDF path's boilerplate and metadata; 8: agenda tables and cells centred on their
 * row in PDFs, Word bodies' repeated item lines kept), even when their files are unchanged.
 */
export const RECORD_VERSION = 8;

export const DocumentRecord = z.object({
  id: z.string(),
  recordVersion: z.number(),
  root: z.string(),
  source: z.string(),
  fileName: z.string(),
  format: z.string(),
  sha256: z.string(),
  title: z.string(),
  docType: z.string(),
  body: z.string().nullable(),
  /** The body of its organisation ("Kommunstyrelsen (Arvika kommun)"): what facets, lists and reports tell apart. */
  bodyKey: z.string().nullable(),
  organisation: z.string().nullable(),
  date: z.string().nullable(),
  /** Unix seconds of `date`, for range filters and sorting. */
  dateTs: z.number().nullable(),
  year: z.number().nullable(),
  mandatePeriod: z.string().nullable(),
  location: z.string().nullable(),
  diarienummer: z.string().nullable(),
  themes: z.array(z.string()),
  persons: z.array(z.string()),
  parties: z.array(z.string()),
  organisations: z.array(z.string()),
  sectionHeadings: z.array(z.string()),
  /**
   * Every distinct stem of the passages' words and compound parts (lib/swedish-analysis.ts), a
   * filter field: document counts and frequencies select by it (`stems = "…"`), so a document counts
   * exactly when one of its passages matches. A filter, unlike a searchable attribute, has no
   * 65 535-position limit, and counting by filter costs a third of a federated search.
   */
  stems: z.array(z.string()),
  pageCount: z.number(),
  chunkCount: z.number(),
  personnummerMasked: z.number(),
  /** The full extraction (DESIGN.md JSON), for the document view. Not searchable. */
  extraction: z.record(z.string(), z.unknown()),
  indexedAt: z.string(),
  /** Unix milliseconds of `indexedAt`: what saved searches and feeds compare against. */
  indexedAtTs: z.number(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export type ChunkRecord = Pick<DocumentRecord, 'root' | 'source' | 'fileName' | 'sha256' | 'title' | 'docType' | 'body' | 'bodyKey' | 'organisation' | 'date' | 'dateTs' | 'year' | 'mandatePeriod' | 'themes' | 'persons' | 'parties' | 'indexedAt' | 'indexedAtTs'> & Chunk;

/**
 * Document fields a keyword search can filter the lean passage records by; a filter on any other
 * field is resolved to document ids first (index/keyword-filter.ts). Persons stay out: a
 * document's names are most of a whole passage record's size.
 */
export const TERMS_FILTER_FIELDS = ['year', 'dateTs', 'mandatePeriod', 'body', 'bodyKey', 'organisation', 'docType', 'themes', 'parties'] as const;
/** Every field the lean passage records are filterable by: those, and what ingest deletes them by. */
export const TERMS_FILTERABLE: readonly string[] = [...TERMS_FILTER_FIELDS, 'id', 'docId', 'root', 'sha256'];

/** A passage as keyword retrieval reads it: its stems, its lengths, and the small filter fields. */
export type PassageTermsRecord = Pick<DocumentRecord, 'root' | 'sha256' | (typeof TERMS_FILTER_FIELDS)[number]> & {
  id: string;
  docId: string;
  /** The stems of the passage's words (heading and text), in order: retrieved by phrase, scored by BM25. */
  stems: string;
  /** The stems of its compounds' parts: matched like `stems`, counted at reduced weight. */
  partStems: string;
  /** How many word stems: the passage length BM25 normalises by. */
  termCount: number;
  /** How many word stems the whole document has: its length for document-level BM25. */
  docTermCount: number;
};

/**
 * A body as the archive tells it apart: every municipality has a "Kommunstyrelsen", so a body is
 * named with its organisation unless its own name already contains it ("Regionstyrelsen Region
 * Värmland"). The `body` filter accepts either form (index/filter.ts).
 */
export function bodyKey(body: string | null, organisation: string | null): string | null {
  if (!body) return null;
  if (!organisation || body.toLowerCase().includes(organisation.toLowerCase())) return body;
  return `${body} (${organisation})`;
}

/** A document's record and its passages' records; each passage is analysed once, for both. */
export function toRecords(root: string, e: Extraction, docId: string, chunks: Chunk[], fileName: string): { document: DocumentRecord; chunks: ChunkRecord[]; terms: PassageTermsRecord[] } {
  const terms = chunks.map((c) => indexTerms(`${c.heading}\n${c.text}`));
  const document = toDocumentRecord(root, e, docId, chunks, fileName, [...new Set(terms.flatMap((t) => [...t.words, ...t.parts]))]);
  return { document, chunks: toChunkRecords(document, chunks), terms: toTermsRecords(document, chunks, terms) };
}

function toDocumentRecord(root: string, e: Extraction, docId: string, chunks: Chunk[], fileName: string, stems: string[]): DocumentRecord {
  const dateTs = e.date ? Date.parse(`${e.date}T00:00:00Z`) / 1000 : null;
  const now = Date.now();
  return {
    id: docId,
    recordVersion: RECORD_VERSION,
    root,
    source: e.source,
    fileName,
    format: e.format,
    sha256: e.sha256,
    title: e.title,
    docType: e.docType,
    body: e.body,
    bodyKey: bodyKey(e.body, e.organisation),
    organisation: e.organisation,
    date: e.date,
    dateTs,
    year: e.date ? Number(e.date.slice(0, 4)) : null,
    mandatePeriod: e.mandatePeriod,
    location: e.location,
    diarienummer: e.diarienummer,
    themes: e.themes.map((t) => t.id),
    persons: [...new Set(e.persons.map((p) => p.name))],
    parties: [...new Set(e.persons.map((p) => p.party).filter((p): p is string => Boolean(p)))],
    organisations: [...new Set(e.organisations.map((o) => o.name))],
    sectionHeadings: e.sections.map((s) => s.heading),
    stems,
    pageCount: e.pageCount,
    chunkCount: chunks.length,
    personnummerMasked: e.personnummerMasked,
    extraction: e as unknown as Record<string, unknown>,
    indexedAt: new Date(now).toISOString(),
    indexedAtTs: now,
  };
}

function toChunkRecords(doc: DocumentRecord, chunks: Chunk[]): ChunkRecord[] {
  const shared = {
    root: doc.root, source: doc.source, fileName: doc.fileName, sha256: doc.sha256, title: doc.title, docType: doc.docType,
    body: doc.body, bodyKey: doc.bodyKey, organisation: doc.organisation, date: doc.date, dateTs: doc.dateTs, year: doc.year,
    mandatePeriod: doc.mandatePeriod, themes: doc.themes, persons: doc.persons, parties: doc.parties,
    indexedAt: doc.indexedAt, indexedAtTs: doc.indexedAtTs,
  };
  return chunks.map((c) => ({ ...shared, ...c }));
}

function toTermsRecords(doc: DocumentRecord, chunks: Chunk[], terms: { words: string[]; parts: string[] }[]): PassageTermsRecord[] {
  const filters = Object.fromEntries(TERMS_FILTER_FIELDS.map((f) => [f, doc[f]])) as Pick<DocumentRecord, (typeof TERMS_FILTER_FIELDS)[number]>;
  const docTermCount = terms.reduce((n, t) => n + t.words.length, 0);
  return chunks.map((c, i) => ({
    id: c.id, docId: doc.id, root: doc.root, sha256: doc.sha256, ...filters,
    stems: terms[i]!.words.join(' '), partStems: terms[i]!.parts.join(' '), termCount: terms[i]!.words.length, docTermCount,
  }));
}
