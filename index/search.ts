/** Passage search over the chunks index; by default one hit per document (its best passage). */
import { z } from 'zod';
import type { MeiliClient } from './meili-client.ts';
import { EMBEDDER, type IndexNames } from './settings.ts';
import type { Embedder } from './embedder.ts';
import { shapeQuery } from './query-shaping.ts';
import { and, buildFilter, Filters, inList } from './filter.ts';
import { rankByKeywords, countByKeywords } from './keyword-search.ts';
import { highlightSnippet, type HighlightTerms } from './highlight.ts';
import { queryTerms, tokens, stem, isStopWord, type QueryTerm } from '../lib/swedish-analysis.ts';
import { synonymMap } from '../lib/reference-data.ts';

export const SearchRequest = z.object({
  q: z.string().max(1000),
  /** A raw Meilisearch filter expression (power users); combined with `filters` by AND. */
  filter: z.string().max(2000).optional(),
  filters: Filters.optional(),
  limit: z.number().int().min(1).max(200).default(10),
  offset: z.number().int().min(0).default(0),
  /** false: every matching passage; true: the best passage per document. */
  perDocument: z.boolean().default(true),
  mode: z.enum(['keyword', 'semantic', 'hybrid']).default('keyword'),
  /** Hybrid: share of the semantic ranking (0 keyword only … 1 semantic only). */
  ratio: z.number().min(0).max(1).default(0.5),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export interface Passage {
  chunkId: string;
  docId: string;
  heading: string;
  sectionNumber: string | null;
  page: number;
  /** Mean OCR confidence (0–100) of the passage's page, when it was read by OCR. */
  ocrConfidence?: number;
  /** The passage's best-matching sentence with query words (every inflected form) in <mark>…</mark>; the rest HTML-escaped. */
  snippet: string;
}

export interface SearchHit extends Passage {
  docId: string;
  source: string;
  fileName: string;
  title: string;
  date: string | null;
  body: string | null;
  organisation: string | null;
  docType: string;
  /** When the document was (re)indexed. */
  indexedAt?: string;
  score: number;
  /** The document's best passages (up to three, the hit's own first), when one hit per document. */
  passages: Passage[];
}

export interface SearchResult {
  query: string;
  mode: string;
  /** Documents that match (per passage with `perDocument: false`). */
  total: number;
  processingTimeMs: number;
  hits: SearchHit[];
  /** Query words no document contains (keyword mode). */
  unknownWords?: string[];
  /** When nothing matched: a spelling the archive has, found by typo tolerance or prefix. */
  suggestion?: string | null;
  /** Keyword mode: time spent retrieving candidates from Meilisearch and ranking them. */
  timings?: { retrievalMs: number; rankingMs: number };
}

interface ChunkRecordView {
  id: string; docId: string; source: string; fileName: string; title: string; date: string | null; body: string | null;
  organisation: string | null; docType: string; heading: string; sectionNumber: string | null; page: number; indexedAt?: string; text: string; ocrConfidence?: number;
}
const VIEW_FIELDS = ['id', 'docId', 'source', 'fileName', 'title', 'date', 'body', 'organisation', 'docType', 'heading', 'sectionNumber', 'page', 'indexedAt', 'text', 'ocrConfidence'];

// Private-use markers survive Meilisearch untouched (the suggestion's matched words).
const PRE = '\uE000';
const POST = '\uE001';

export class NoModelError extends Error {}

/** Passages the semantic ranking brings into fusion. */
const SEMANTIC_CANDIDATES = 100;
/** Best passages shown per document. */
const PASSAGES_PER_HIT = 3;

interface Ranked { docId: string; score: number; passages: { id: string; score: number }[] }

const synonymsLower = (() => {
  let map: Record<string, string[]> | undefined;
  return () => (map ??= Object.fromEntries(Object.entries(synonymMap()).map(([k, v]) => [k.toLowerCase(), v])));
})();

/** The query's terms (stems, compound parts, synonyms): the same for ranking and for counting documents. */
export const termsOf = (q: string): QueryTerm[] => queryTerms(q, synonymsLower());

export async function searchPassages(client: MeiliClient, names: IndexNames, request: SearchRequest, embedder: Embedder | null = null): Promise<SearchResult> {
  const t0 = performance.now();
  const req = SearchRequest.parse(request);
  if (req.mode !== 'keyword' && !embedder) {
    throw new NoModelError(`search mode "${req.mode}" needs an embedding model, and none could be loaded: use --mode keyword, or see MINUTES_MODEL / MINUTES_MODEL_DIR`);
  }
  const filter = and(req.filter, req.filters ? buildFilter(req.filters) : undefined);
  if (!req.q.trim()) return browse(client, names, req, filter, t0);

  const terms = termsOf(req.q);
  const keyword = req.mode !== 'semantic' && terms.length ? await rankByKeywords(client, names, terms, filter) : null;
  const semantic = req.mode !== 'keyword' ? await rankBySemantics(client, names, req.q, filter, embedder!) : null;
  const ranked = fuse(keyword?.documents ?? null, semantic, req.mode === 'semantic' ? 1 : req.mode === 'keyword' ? 0 : req.ratio);

  const df = new Map((keyword?.terms ?? []).map((t) => [t.term, t.df]));
  const weights: HighlightTerms = {
    weights: new Map(terms.map((t) => [t.term, t.weight * Math.log(1 + 1 / Math.max(df.get(t.term) ?? 1, 1))])),
    typed: new Set(terms.filter((t) => t.from === 'word').map((t) => t.term)),
  };
  const unknownWords = keyword ? unknown(req.q, keyword.terms) : undefined;
  const base = { query: req.q, mode: req.mode, unknownWords, ...(keyword ? { timings: { retrievalMs: keyword.retrievalMs, rankingMs: keyword.rankingMs } } : {}) };

  if (!ranked.length) {
    return { ...base, total: 0, processingTimeMs: ms(t0), hits: [], suggestion: await suggest(client, names, req.q, filter) };
  }
  if (!req.perDocument) {
    const passages = ranked.flatMap((d) => d.passages.map((p) => ({ docId: d.docId, score: p.score, passages: [p] }))).sort((a, b) => b.score - a.score);
    const page = passages.slice(req.offset, req.offset + req.limit);
    return { ...base, total: passages.length, processingTimeMs: ms(t0), hits: await toHits(client, names, page, weights, 1) };
  }
  const page = ranked.slice(req.offset, req.offset + req.limit);
  return { ...base, total: ranked.length, processingTimeMs: ms(t0), hits: await toHits(client, names, page, weights, PASSAGES_PER_HIT) };
}

const ms = (t0: number) => Math.round(performance.now() - t0);

/** Query words none of whose terms any passage (under the filter) contains. */
function unknown(q: string, stats: { term: string; df: number }[]): string[] {
  const df = new Map(stats.map((s) => [s.term, s.df]));
  return [...new Set(tokens(q))].filter((w) => !isStopWord(w) && df.has(stem(w)) && df.get(stem(w)) === 0);
}

/** Passages by vector similarity, grouped per document here: Meilisearch's hybrid search does not apply `distinct`. */
async function rankBySemantics(client: MeiliClient, names: IndexNames, q: string, filter: string | undefined, embedder: Embedder): Promise<Ranked[]> {
  const vector = await embedder.embedQuery(q);
  if (!vector) return [];
  const res = await client.search<{ id: string; docId: string; _rankingScore?: number }>(names.chunks, {
    q: '', vector, hybrid: { embedder: EMBEDDER, semanticRatio: 1 },
    filter, limit: SEMANTIC_CANDIDATES, attributesToRetrieve: ['id', 'docId'], showRankingScore: true,
  });
  const docs = new Map<string, Ranked>();
  for (const h of res.hits) {
    const d = docs.get(h.docId) ?? docs.set(h.docId, { docId: h.docId, score: h._rankingScore ?? 0, passages: [] }).get(h.docId)!;
    d.passages.push({ id: h.id, score: h._rankingScore ?? 0 });
  }
  return [...docs.values()];
}

/**
 * The keyword and the semantic document rankings blended, `ratio` the semantic share: keyword
 * scores relative to the best, semantic scores as Meilisearch's similarities (0–1). Measured against
 * reciprocal rank fusion (k 60) in BENCHMARKS.md: 0.808 against 0.733 nDCG@10 with the tiny model.
 * A document keeps the passages of both rankings, keyword passages first.
 */
export function fuse(keyword: Ranked[] | null, semantic: Ranked[] | null, ratio: number): Ranked[] {
  if (!semantic || ratio === 0) return keyword ?? [];
  if (!keyword || ratio === 1) return semantic;
  const fused = new Map<string, Ranked>();
  const maxKeyword = Math.max(0, ...keyword.map((d) => d.score));
  const add = (list: Ranked[], weight: number) => list.forEach((d) => {
    const f = fused.get(d.docId);
    const s = weight * d.score;
    if (f) { f.score += s; f.passages.push(...d.passages.filter((p) => !f.passages.some((q) => q.id === p.id))); } else fused.set(d.docId, { docId: d.docId, score: s, passages: [...d.passages] });
  });
  add(keyword.map((d) => ({ ...d, score: maxKeyword > 0 ? d.score / maxKeyword : 0 })), 1 - ratio);
  add(semantic, ratio);
  return [...fused.values()].sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId));
}

/** The page's passages read once from Meilisearch, highlighted by stem. */
async function toHits(client: MeiliClient, names: IndexNames, page: Ranked[], weights: HighlightTerms, perHit: number): Promise<SearchHit[]> {
  const ids = page.flatMap((d) => d.passages.slice(0, perHit).map((p) => p.id));
  if (!ids.length) return [];
  const { results } = await client.getDocuments<ChunkRecordView>(names.chunks, { filter: inList('id', ids), fields: VIEW_FIELDS, limit: ids.length });
  const byId = new Map(results.map((r) => [r.id, r]));
  const passage = (r: ChunkRecordView): Passage => ({
    chunkId: r.id, docId: r.docId, heading: r.heading, sectionNumber: r.sectionNumber, page: r.page,
    ...(r.ocrConfidence === undefined ? {} : { ocrConfidence: r.ocrConfidence }), snippet: highlightSnippet(r.text, weights).snippet,
  });
  return page.flatMap((d) => {
    const own = d.passages.slice(0, perHit).map((p) => byId.get(p.id)).filter((r): r is ChunkRecordView => Boolean(r));
    const best = own[0];
    if (!best) return [];
    const passages = own.map(passage);
    return [{
      source: best.source, fileName: best.fileName, title: best.title, date: best.date, body: best.body,
      organisation: best.organisation, docType: best.docType, indexedAt: best.indexedAt, ...passages[0]!,
      score: Math.round(d.score * 10_000) / 10_000, passages,
    }];
  });
}

/** Empty query: the archive (under the filter), newest first, each document by its first passage. */
async function browse(client: MeiliClient, names: IndexNames, req: z.output<typeof SearchRequest>, filter: string | undefined, t0: number): Promise<SearchResult> {
  const docs = await client.search<{ id: string }>(names.documents, { q: '', filter, limit: req.limit, offset: req.offset, sort: ['dateTs:desc'], attributesToRetrieve: ['id'] });
  const ids = docs.hits.map((h) => h.id);
  const first = ids.length
    ? (await client.search<{ id: string; docId: string }>(names.chunks, { q: '', filter: inList('docId', ids), distinct: 'docId', limit: ids.length, sort: ['ordinal:asc'], attributesToRetrieve: ['id', 'docId'] })).hits
    : [];
  const byDoc = new Map(first.map((h) => [h.docId, h.id]));
  const page = ids.filter((id) => byDoc.has(id)).map((id) => ({ docId: id, score: 0, passages: [{ id: byDoc.get(id)!, score: 0 }] }));
  return { query: req.q, mode: req.mode, total: docs.estimatedTotalHits ?? docs.totalHits ?? page.length, processingTimeMs: ms(t0), hits: await toHits(client, names, page, { weights: new Map(), typed: new Set() }, 1) };
}

/**
 * A spelling the archive has for a query that matched nothing: Meilisearch's typo-tolerant, prefix
 * matching of the query's words against the passages' stems, then the first word of that passage
 * with the matched stem, as the text writes it ("Värmlandsbanen" → stem "värmlandsbana" → "värmlandsbanan").
 */
async function suggest(client: MeiliClient, names: IndexNames, q: string, filter: string | undefined): Promise<string | null> {
  const res = await client.search<{ text: string; _formatted?: { stems?: string } }>(names.chunks, {
    q: shapeQuery(q), matchingStrategy: 'last', filter, limit: 1, attributesToSearchOn: ['stems'], attributesToRetrieve: ['text'],
    attributesToHighlight: ['stems'], highlightPreTag: PRE, highlightPostTag: POST,
  });
  const hit = res.hits[0];
  if (!hit) return null;
  // Meilisearch marks only the matched letters of a typo or prefix match: the stem is the whole token.
  const stems = new Set([...(hit._formatted?.stems ?? '').matchAll(new RegExp(`\\S*${PRE}[^${POST}]+${POST}\\S*`, 'gu'))].map((m) => m[0].replaceAll(PRE, '').replaceAll(POST, '')));
  const words = [...new Set(tokens(hit.text))].filter((w) => stems.has(stem(w)));
  return words.length ? words.slice(0, 3).join(' ') : null;
}

export const CountRequest = z.object({
  q: z.string().max(1000),
  filters: Filters.optional(),
  facets: z.array(z.string()).max(20),
});

/**
 * How many documents match, in all and per facet value (the most frequent first), by the same terms
 * the ranking retrieves by: a document counts once however many of its passages and terms match.
 */
export async function documentCounts(client: MeiliClient, names: IndexNames, request: z.input<typeof CountRequest>): Promise<{ total: number; facets: Record<string, Record<string, number>> }> {
  const req = CountRequest.parse(request);
  const filter = req.filters ? buildFilter(req.filters) : undefined;
  const terms = req.q.trim() ? termsOf(req.q) : [];
  if (terms.length) return countByKeywords(client, names, terms, filter, req.facets);
  if (req.q.trim()) return { total: 0, facets: {} };
  const res = await client.search(names.documents, { q: '', filter, limit: 0, facets: req.facets });
  return { total: res.estimatedTotalHits ?? res.totalHits ?? 0, facets: res.facetDistribution ?? {} };
}
