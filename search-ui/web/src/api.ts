/** Typed calls to the search API. Errors carry the server's Swedish message. */
export interface Passage { chunkId: string; docId: string; heading: string; sectionNumber: string | null; page: number; ocrConfidence?: number; snippet: string }
export interface Hit extends Passage {
  docId: string; title: string; date: string | null; body: string | null; bodyKey?: string | null; organisation: string | null; docType: string; fileName: string; score: number;
  passages: Passage[];
}
export interface SearchResponse { query: string; mode: string; total: number; processingTimeMs: number; page: number; pageSize: number; sort: string; hits: Hit[]; unknownWords?: string[]; alsoSearched?: string[]; suggestion?: string | null; correctedQuery?: string; facets: Record<string, Record<string, number>>; labels: Record<string, Record<string, string>>; modelLoaded: boolean }
export interface ProtocolDetail {
  caseNumber: string | null; proposals: { by: string; party: string | null; text: string }[];
  vote: { yes: number | null; no: number | null; abstain: number | null } | null; reservations: string[]; proposedTo: string | null;
}
/** Partial attendance per § (lib/schema.ts). */
export interface PersonSections { only?: string[]; notIn?: string[]; reason?: 'jäv' }
export interface Evidence { page: number | null; section: string | null; quote: string; ocr?: boolean }
export interface OcrInfo { pages: { page: number; confidence: number }[]; confidence: number; engine: string }
export interface DocumentRecord {
  id: string; title: string; date: string | null; body: string | null; bodyKey?: string | null; organisation: string | null; docType: string; location: string | null; diarienummer: string | null;
  fileName: string; mandatePeriod: string | null; themes: string[];
  extraction: {
    persons: { name: string; party: string | null; organisation: string | null; role: string | null; attendance: 'present' | 'absent' | 'unknown'; aliases?: string[]; evidence?: Evidence; sections?: PersonSections; sectionsEvidence?: Evidence[] }[];
    organisations: { name: string; kind: string; evidence?: Evidence }[];
    dates: { date: string; endDate?: string; text: string; kind: string; evidence?: Evidence }[];
    decisions: { text: string; section: string | null; detail?: ProtocolDetail; evidence?: Evidence }[];
    actions: { text: string; owner: string | null; evidence?: Evidence }[];
    themes: { id: string; label?: string; score: number; evidence?: Evidence }[];
    sections: { heading: string; number: string | null; text: string; page: number }[];
    ocr?: OcrInfo;
  };
}
export interface PersonRecord {
  id: string; name: string; aliases: string[]; parties: string[]; organisations: string[]; roles: string[]; present: number; absent: number; mentioned: number;
  meetings: { docId: string; title: string; date: string | null; body: string | null; attendance: string; role: string | null; nameInDocument: string; sections?: PersonSections }[];
}
export interface Trends {
  themesPerYear: { year: number; theme: string; documents: number }[]; documentsPerYear: { year: number; documents: number }[];
  meetings: { body: string; year: number; count: number }[];
}
export type PersonSummary = Pick<PersonRecord, 'id' | 'name' | 'parties' | 'organisations' | 'roles' | 'present' | 'absent' | 'mentioned'>;
export interface PeoplePage { total: number; people: PersonSummary[] }
/** A row of the decisions list: the same in the table, the JSON and the CSV. */
export interface DecisionRow {
  date: string | null; body: string | null; organisation: string | null; title: string; section: string | null; decision: string;
  proposals: string; vote: string; reservations: string; proposedTo: string; file: string; docId: string;
}

/** "OCR, 91 %": a page read by OCR and how sure Tesseract was of its words. */
export const ocrLabel = (confidence: number) => `OCR, ${Math.round(confidence)} %`;

export class ApiError extends Error {}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('Sökservern svarar inte – försök igen');
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? `Fel ${res.status}`);
  return body as T;
}
