/** One file through read → clean → extract, as a plain result that can cross a thread boundary. */
import { readDocument, cleanDocument, ReadError, type ReadLimits, type OcrProgress } from '../ingest/index.ts';
import { extractDocument, documentId, type Extracted } from '../extract/index.ts';

export interface ExtractSettings { limits: ReadLimits; chunkWords: number; maskPersonnummer: boolean }
export type ExtractResult = { ok: true; extracted: Extracted & { fileName: string } } | { ok: false; reason: string };

export async function extractFile(file: string, s: ExtractSettings, ocrProgress?: OcrProgress): Promise<ExtractResult> {
  try {
    const doc = cleanDocument(await readDocument(file, s.limits, ocrProgress), { maskPersonnummer: s.maskPersonnummer });
    return { ok: true, extracted: { ...extractDocument(doc, { chunkWords: s.chunkWords, docId: documentId(file) }), fileName: doc.fileName } };
  } catch (err) {
    // Any failure on one file (unreadable, or a rule that trips on odd input) is that file's, not the batch's.
    return { ok: false, reason: err instanceof ReadError ? err.reason : `could not be processed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
