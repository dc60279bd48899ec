/** The records stored in Meilisearch, built from an extraction. Filter fields are denormalised onto chunks so a passage search filters without joins. */
import { z } from 'zod';
import type { Chunk, Extraction } from '../lib/schema.ts';
import { compoundTerms } from '../extract/index.ts';
import { wordCount } from '../lib/text.ts';

/**
 * The shape of the records written. An ingest re-extracts documents written with an older shape
 * (2: documents carry their passages' words; 3: no passage longer than MINUTES_CHUNK_WORDS), even
 * when their files are unchanged.
 */
export const RECORD_VERSION = 3;

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
   * Every passage's heading and text (in parts, see textParts), and their compound parts: the same words the passages are
   * searched by, so a search here finds exactly the documents that have a matching passage, and
   * counts them per facet without Meilisearch deduplicating passages (measured on 10 000
   * documents: 2 ms against 13 ms, the same counts for every benchmark query).
   */
  text: z.record(z.string(), z.string()),
  compounds: z.string(),
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

export type ChunkRecord = Pick<DocumentRecord, 'root' | 'source' | 'fileName' | 'sha256' | 'title' | 'docType' | 'body' | 'organisation' | 'date' | 'dateTs' | 'year' | 'mandatePeriod' | 'themes' | 'persons' | 'parties' | 'indexedAt' | 'indexedAtTs'> & Chunk & {
  /** The parts of the passage's compound words ("arbetskraftsbrist" → "arbetskraft brist"), searchable after the text. */
  compounds: string;
};

/**
 * Meilisearch indexes at most 65 535 word positions of an attribute and drops the rest silently, so
 * a long document's text goes in parts of at most PART_WORDS words, each part its own (nested) attribute.
 */
const PART_WORDS = 50_000;
function textParts(chunks: Chunk[]): Record<string, string> {
  const parts: string[][] = [[]];
  let words = 0;
  for (const c of chunks) {
    const n = wordCount(c.heading) + wordCount(c.text);
    if (words + n > PART_WORDS && parts.at(-1)!.length) { parts.push([]); words = 0; }
    parts.at(-1)!.push(`${c.heading}\n${c.text}`);
    words += n;
  }
  return Object.fromEntries(parts.map((p, i) => [`p${i}`, p.join('\n\n')]));
}

/** A document's record and its passages' records; each passage's compound parts are split once, for both. */
export function toRecords(root: string, e: Extraction, docId: string, chunks: Chunk[], fileName: string): { document: DocumentRecord; chunks: ChunkRecord[] } {
  const compounds = chunks.map((c) => compoundTerms(`${c.heading} ${c.text}`));
  const document = toDocumentRecord(root, e, docId, chunks, fileName, [...new Set(compounds.flat())]);
  return { document, chunks: toChunkRecords(document, chunks, compounds) };
}

function toDocumentRecord(root: string, e: Extraction, docId: string, chunks: Chunk[], fileName: string, compounds: string[]): DocumentRecord {
  const text = textParts(chunks);
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
    text,
    compounds: compounds.join(' '),
    pageCount: e.pageCount,
    chunkCount: chunks.length,
    personnummerMasked: e.personnummerMasked,
    extraction: e as unknown as Record<string, unknown>,
    indexedAt: new Date(now).toISOString(),
    indexedAtTs: now,
  };
}

function toChunkRecords(doc: DocumentRecord, chunks: Chunk[], compounds: string[][]): ChunkRecord[] {
  const shared = {
    root: doc.root, source: doc.source, fileName: doc.fileName, sha256: doc.sha256, title: doc.title, docType: doc.docType,
    body: doc.body, organisation: doc.organisation, date: doc.date, dateTs: doc.dateTs, year: doc.year,
    mandatePeriod: doc.mandatePeriod, themes: doc.themes, persons: doc.persons, parties: doc.parties,
    indexedAt: doc.indexedAt, indexedAtTs: doc.indexedAtTs,
  };
  return chunks.map((c, i) => ({ ...shared, ...c, compounds: compounds[i]!.join(' ') }));
}
