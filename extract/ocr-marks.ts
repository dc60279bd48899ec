/**
 * Facts and passages from pages read by OCR say so: an analyst checking a quote against the
 * original should know its words may be misread, and a search hit shows how sure Tesseract was.
 */
import type { Chunk, Evidence, Extraction, OcrInfo } from '../lib/schema.ts';

type WithEvidence = { evidence?: Evidence };

/** Every evidence quote from an OCR'd page marked `ocr: true`. */
export function markOcrEvidence(e: Extraction, ocr: OcrInfo): Extraction {
  const pages = new Set(ocr.pages.map((p) => p.page));
  const mark = <T extends WithEvidence>(facts: T[]): T[] => facts.map((f) => (f.evidence?.page != null && pages.has(f.evidence.page) ? { ...f, evidence: { ...f.evidence, ocr: true } } : f));
  return {
    ...e,
    persons: mark(e.persons), organisations: mark(e.organisations), dates: mark(e.dates),
    decisions: mark(e.decisions), actions: mark(e.actions), themes: mark(e.themes),
    ocr,
  };
}

/** A passage starting on an OCR'd page carries that page's confidence. */
export function withOcrConfidence(chunks: Chunk[], ocr: OcrInfo): Chunk[] {
  const confidence = new Map(ocr.pages.map((p) => [p.page, p.confidence]));
  return chunks.map((c) => (confidence.has(c.page) ? { ...c, ocrConfidence: confidence.get(c.page)! } : c));
}
