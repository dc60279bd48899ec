/** Passage search over the chunks index; by default one hit per document (its best passage). */
import { z } from 'zod';
import { MeiliError, type MeiliClient } from './meili-client.ts';
import { EMBEDDER, type IndexNames } from './settings.ts';
import type { Embedder } from './embedder.ts';
import { shapeQuery } from './query-shaping.ts';
import { and, buildFilter, Filters, inList } from './filter.ts';
import { rankByKeywords, countByKeywords } from './keyword-search.ts';
import { passageTermsFilter } from './keyword-filter.ts';
import { highlightSnippet, type HighlightTerms } from './highlight.ts';
import { queryTerms, thesaurusByStem, tokens, stem, isStopWord, type QueryTerm } from '../lib/swedish-analysis.ts';
import { synonymMap } from '../lib/reference-data.ts';

/**
 * Hybrid's default share of the semantic ranking. Swept on the archive set's dev queries with the
 * project's tiny model and with all-MiniLM-L6-v2 (BENCHMARKS.md). With the thesaurus in the keyword
 * ranking (keyword 0.837): tiny 0.839 at 0.1, 0.835 at 0.2; MiniLM 0.847 at 0.1, 0.848 at 0.2. Only
 * 0.1 is at least keyword for both.
 */
export const HYBRID_RATIO = 0.1;

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
  ratio: z.number().min(0).max(1).default(HYBRID_RATIO),
  /** Documents by rank, or by meeting date (undated last). Without a query there is no rank: newest first. */
  sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
  /** When nothing matches and a spelling the archive has is found: show its hits (`correctedQuery`). */
  correct: z.boolean().default(true),
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
  /** The body with its organisation (index/records.ts). */
  bodyKey: string | null;
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
  /** Synonyms the query was expanded with that passages (under the filter) contain (keyword and hybrid mode). */
  alsoSearched?: string[];
  /** When nothing matched: a spelling the archive has, found by typo tolerance or prefix. */
  suggestion?: string | null;
  /** The suggestion whose hits are shown because `query` itself matched nothing. */
  correctedQuery?: string;
  /** Keyword mode: time spent retrieving candidates from Meilisearch and ranking them. */
  timings?: { retrievalMs: number; rankingMs: number };
}

interface ChunkRecordView {
  id: string; docId: string; source: string; fileName: string; title: string; date: string | null; body: string | null; bodyKey: string | null;
  organisation: string | null; docType: string; heading: string; sectionNumber: string | null; page: number; indexedAt?: string; text: string; ocrConfidence?: number;
}
const VIEW_FIELDS = ['id', 'docId', 'source', 'fileName', 'title', 'date', 'body', 'bodyKey', 'organisation', 'docType', 'heading', 'sectionNumber', 'page', 'indexedAt', 'text', 'ocrConfidence'];

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
export const termsOf = (q: string): QueryTerm[] => queryTerms(q, synonymsLower(), thesaurusByStem());

/** The archive's index was written by an older version and lacks what this one reads (RECORD_VERSION in index/records.ts). */
export class OutdatedIndexError extends Error {}

/**
 * Runs a search, turning Meilisearch's complaint about an index written by an older version (no
 * lean passage records, documents' stems not a filter field) into the fix. Nothing indexed at all
 * stays Meilisearch's own index_not_found.
 */
async function onCurrentIndex<T>(client: MeiliClient, names: IndexNames, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const missingTerms = err instanceof MeiliError && err.code === 'index_not_found' && err.message.includes(`\`${names.terms}\``);
    const oldDocuments = err instanceof MeiliError && err.code === 'invalid_search_filter' && err.message.includes('`stems` is not filterable');
    if (oldDocuments || (missingTerms && (await client.stats(names.documents).then(() => true, () => false)))) {
      throw new OutdatedIndexError('the index was written by an older version of minutes-archive: run `minutes ingest DIR` once to update it (each file is read again)');
    }
    throw err;
  }
}

export function searchPassages(client: MeiliClient, names: IndexNames, request: SearchRequest, embedder: Embedder | null = null): Promise<SearchResult> {
  return onCurrentIndex(client, names, () => rankedSearch(client, names, request, embedder));
}

async function rankedSearch(client: MeiliClient, names: IndexNames, request: SearchRequest, embedder: Embedder | null): Promise<SearchResult> {
  const t0 = performance.now();
  const req = SearchRequest.parse(request);
  if (req.mode !== 'keyword' && !embedder) {
    throw new NoModelError(`search mode "${req.mode}" needs an embedding model, and none could be loaded: use --mode keyword, or see MINUTES_MODEL / MINUTES_MODEL_DIR`);
  }
  const filter = and(req.filter, req.filters ? buildFilter(req.filters) : undefined);
  if (!req.q.trim()) return browse(client, names, req, filter, t0);

  const terms = termsOf(req.q);
  const passageFilter = req.mode !== 'semantic' ? await passageTermsFilter(client, names, filter) : undefined;
  const keyword = req.mode !== 'semantic' && terms.length ? await rankByKeywords(client, names, terms, { documents: filter, passages: passageFilter }) : null;
  const semantic = req.mode !== 'keyword' ? await rankBySemantics(client, names, req.q, filter, embedder!) : null;
  const fused = fuse(keyword?.documents ?? null, semantic, req.mode === 'semantic' ? 1 : req.mode === 'keyword' ? 0 : req.ratio);
  const ranked = req.sort === 'relevance' ? fused : await byDate(client, names, fused, req.sort);

  const df = new Map((keyword?.terms ?? []).map((t) => [t.term, t.df]));
  const weights: HighlightTerms = {
    weights: new Map(terms.map((t) => [t.term, t.weight * Math.log(1 + 1 / Math.max(df.get(t.term) ?? 1, 1))])),
    typed: new Set(terms.filter((t) => t.from === 'word').map((t) => t.term)),
  };
  const unknownWords = keyword ? unknown(req.q, keyword.terms) : undefined;
  const alsoSearched = keyword ? expansionsFound(terms, keyword.terms) : undefined;
  const base = { query: req.q, mode: req.mode, unknownWords, alsoSearched, ...(keyword ? { timings: { retrievalMs: keyword.retrievalMs, rankingMs: keyword.rankingMs } } : {}) };

  if (!ranked.length) {
    const suggestion = await suggest(client, names, req.q, passageFilter);
    // No dead end: a misspelt query shows what its likely spelling finds, and says so.
    const corrected = suggestion && req.correct ? await rankedSearch(client, names, { ...req, q: suggestion, correct: false }, embedder) : null;
    if (suggestion && corrected?.hits.length) return { ...corrected, query: req.q, unknownWords, suggestion, correctedQuery: suggestion, processingTimeMs: ms(t0) };
    return { ...base, total: 0, processingTimeMs: ms(t0), hits: [], suggestion };
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

/** The synonyms of the query's expansions that some passage has, each once, in query order. */
function expansionsFound(terms: QueryTerm[], stats: { term: string; df: number }[]): string[] {
  const df = new Map(stats.map((s) => [s.term, s.df]));
  return [...new Set(terms.filter((t) => t.synonym && (df.get(t.term) ?? 0) > 0).map((t) => t.synonym!))];
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
      source: best.source, fileName: best.fileName, title: best.title, date: best.date, body: best.body, bodyKey: best.bodyKey ?? best.body,
      organisation: best.organisation, docType: best.docType, indexedAt: best.indexedAt, ...passages[0]!,
      score: Math.round(d.score * 10_000) / 10_000, passages,
    }];
  });
}

/** Ranked documents in date order (ties and undated documents keep their rank, undated last). */
async function byDate(client: MeiliClient, names: IndexNames, ranked: Ranked[], sort: 'newest' | 'oldest'): Promise<Ranked[]> {
  if (!ranked.length) return ranked;
  const { results } = await client.getDocuments<{ id: string; dateTs: number | null }>(names.documents, { filter: inList('id', ranked.map((d) => d.docId)), fields: ['id', 'dateTs'], limit: ranked.length });
  const ts = new Map(results.map((r) => [r.id, r.dateTs]));
  const sign = sort === 'newest' ? -1 : 1;
  const key = (d: Ranked) => ts.get(d.docId) ?? null;
  return ranked.map((d, rank) => ({ d, rank })).sort((a, b) => {
    const x = key(a.d);
    const y = key(b.d);
    if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
    return sign * (x - y) || a.rank - b.rank;
  }).map((r) => r.d);
}

/** Empty query: the archive (under the filter) by date, newest first unless asked oldest first, each document by its first passage. */
async function browse(client: MeiliClient, names: IndexNames, req: z.output<typeof SearchRequest>, filter: string | undefined, t0: number): Promise<SearchResult> {
  const docs = await client.search<{ id: string }>(names.documents, { q: '', filter, limit: req.limit, offset: req.offset, sort: [req.sort === 'oldest' ? 'dateTs:asc' : 'dateTs:desc'], attributesToRetrieve: ['id'] });
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
  const res = await client.search<{ id: string; _formatted?: { stems?: string } }>(names.terms, {
    q: shapeQuery(q), matchingStrategy: 'last', filter, limit: 1, attributesToSearchOn: ['stems'], attributesToRetrieve: ['id'],
    attributesToHighlight: ['stems'], highlightPreTag: PRE, highlightPostTag: POST,
  });
  const hit = res.hits[0];
  if (!hit) return null;
  // Meilisearch marks only the matched letters of a typo or prefix match: the stem is the whole token.
  const stems = new Set([...(hit._formatted?.stems ?? '').matchAll(new RegExp(`\\S*${PRE}[^${POST}]+${POST}\\S*`, 'gu'))].map((m) => m[0].replaceAll(PRE, '').replaceAll(POST, '')));
  const { text } = await client.getDocument<{ text: string }>(names.chunks, hit.id);
  const words = [...new Set(tokens(text))].filter((w) => stems.has(stem(w)));
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
export function documentCounts(client: MeiliClient, names: IndexNames, request: z.input<typeof CountRequest>): Promise<{ total: number; facets: Record<string, Record<string, number>> }> {
  return onCurrentIndex(client, names, () => counts(client, names, request));
}

async function counts(client: MeiliClient, names: IndexNames, request: z.input<typeof CountRequest>): Promise<{ total: number; facets: Record<string, Record<string, number>> }> {
  const req = CountRequest.parse(request);
  const filter = req.filters ? buildFilter(req.filters) : undefined;
  const terms = req.q.trim() ? termsOf(req.q) : [];
  if (terms.length) return countByKeywords(client, names, terms, filter, req.facets);
  if (req.q.trim()) return { total: 0, facets: {} };
  const res = await client.search(names.documents, { q: '', filter, limit: 0, facets: req.facets });
  return { total: res.estimatedTotalHits ?? res.totalHits ?? 0, facets: res.facetDistribution ?? {} };
}

/**
 * Counts for facets that combine: a facet with ticked values is counted without its own filter
 * (every other filter applied), so its other values stay visible and ticking a second one widens
 * the selection (OR within a facet, AND across facets).
 */
export async function disjunctiveCounts(client: MeiliClient, names: IndexNames, request: { q: string; filters: Filters; facets: { field: string; filter: keyof Filters }[] }) {
  const { q, filters, facets } = request;
  const ticked = facets.filter((f) => filters[f.filter] !== undefined);
  const [all, ...own] = await Promise.all([
    documentCounts(client, names, { q, filters, facets: facets.map((f) => f.field) }),
    ...ticked.map((f) => documentCounts(client, names, { q, filters: { ...filters, [f.filter]: undefined }, facets: [f.field] })),
  ]);
  ticked.forEach((f, i) => { all!.facets[f.field] = own[i]!.facets[f.field] ?? {}; });
  return all!;
}
