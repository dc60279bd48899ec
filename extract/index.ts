/** extract: a cleaned document → its Extraction record (DESIGN.md contract) and its search chunks. */
import { createHash } from 'node:crypto';
import { Extraction, type Chunk, type CleanDocument } from '../lib/schema.ts';
import { buildContext, type PersonContext } from './context.ts';
import { makeChunks } from './chunks.ts';
import { mandatePeriod } from '../lib/swedish-dates.ts';
import { documentThemes, sectionThemes, saturate, THEME_THRESHOLD } from './themes.ts';
import { extractPersons } from './persons.ts';
import { extractDecisions } from './decisions.ts';
import { extractOrganisations } from './organisations.ts';
import { extractDates } from './dates.ts';
import { itemCaseNumbers } from './item-case-numbers.ts';
import { markOcrEvidence, withOcrConfidence } from './ocr-marks.ts';

export { findDates, mandatePeriod } from '../lib/swedish-dates.ts';
export { resolveAcrossArchive, PersonResolver, personRecords, type DocumentPersons, type Mentions } from './person-resolution.ts';


export interface Extracted { extraction: Extraction; chunks: Chunk[]; docId: string }

/** Stable id of a document: its source path, so a changed file replaces its own chunks. */
export function documentId(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 20);
}

export function extractDocument(doc: CleanDocument, opts: { chunkWords: number; docId?: string }): Extracted {
  const ctx = buildContext(doc);
  const { meta } = ctx;
  // Theme hits per section, computed once: each section's own themes and the document's.
  const hits = ctx.sections.map(sectionThemes);
  const sections = ctx.sections.map((s, i) => ({ ...s, themes: themeList(hits[i]!) }));
  const docId = opts.docId ?? documentId(doc.source);
  const withPersons: PersonContext = { ...ctx, persons: extractPersons(ctx) };
  const { decisions, actions } = extractDecisions({ ...withPersons, sections });
  const extraction = Extraction.parse({
    source: doc.source,
    format: doc.format,
    sha256: doc.sha256,
    title: meta.title,
    docType: meta.docType,
    body: meta.body,
    organisation: meta.organisation,
    date: meta.date,
    mandatePeriod: mandatePeriod(meta.date),
    location: meta.location,
    diarienummer: meta.diarienummer,
    caseNumbers: itemCaseNumbers(ctx),
    persons: withPersons.persons,
    organisations: extractOrganisations(withPersons),
    dates: extractDates(ctx),
    decisions,
    actions,
    themes: documentThemes(sections, hits),
    sections,
    pageHeader: doc.pageHeader,
    pageCount: doc.pageCount,
    personnummerMasked: doc.personnummerMasked,
  });
  const chunks = makeChunks(docId, sections, opts.chunkWords);
  if (!doc.ocr) return { extraction, chunks, docId };
  return { extraction: markOcrEvidence(extraction, doc.ocr), chunks: withOcrConfidence(chunks, doc.ocr), docId };
}

/** A section's own themes above the threshold (same saturation as the document's). */
function themeList(hits: Map<string, number>): { id: string; score: number }[] {
  return [...hits].map(([id, n]) => ({ id, score: saturate(n) })).filter((t) => t.score >= THEME_THRESHOLD).sort((a, b) => b.score - a.score);
}
