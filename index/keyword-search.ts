/**
 * Keyword search in two stages: Meilisearch retrieves candidate passages (filters applied), the
 * project ranks them by BM25 over Swedish stems.
 *
 * Retrieval is OR over the query's terms: one Meilisearch query per term, all in one multi-search
 * request. Each is an exact phrase of one stem on the passages' `stems` field (no typo, no prefix),
 * so its total is the term's passage frequency and its `_matchesPosition` the term frequency of each
 * hit, without transferring passage text. A term with more passages than TERM_CANDIDATES is
 * retrieved in part; its frequency in the other candidates is then asked for in a second request,
 * restricted to those candidates, so every candidate is scored over every term.
 */
import type { MeiliClient } from './meili-client.ts';
import type { IndexNames } from './settings.ts';
import { and, inList } from './filter.ts';
import { passageScore, rankDocuments, type TermStats } from './bm25.ts';
import type { QueryTerm } from '../lib/swedish-analysis.ts';

/** Passages retrieved per term. */
export const TERM_CANDIDATES = 400;

interface TermHit { id: string; docId: string; termCount: number; _matchesPosition?: { stems?: unknown[] } }
interface MultiSearchResponse { results: { hits: TermHit[]; estimatedTotalHits?: number; totalHits?: number }[] }

export interface RankedDocument { docId: string; score: number; passages: { id: string; score: number }[] }
export interface KeywordRanking { documents: RankedDocument[]; terms: TermStats[]; candidates: number; retrievalMs: number; rankingMs: number }

const phrase = (term: string) => `"${term}"`;
const total = (r: MultiSearchResponse['results'][number]) => r.totalHits ?? r.estimatedTotalHits ?? r.hits.length;

function termQuery(index: string, term: string, filter: string | undefined, limit: number) {
  return {
    indexUid: index, q: phrase(term), attributesToSearchOn: ['stems'], filter, limit,
    attributesToRetrieve: ['id', 'docId', 'termCount'], showMatchesPosition: true,
    // Hits come in Meilisearch's order for the phrase: passages with the term early (the heading) first.
  };
}

export async function rankByKeywords(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filter: string | undefined): Promise<KeywordRanking> {
  const t0 = performance.now();
  const first = await client.request<MultiSearchResponse>('POST', '/multi-search', {
    queries: [
      { indexUid: names.chunks, q: '', filter, limit: 0 },
      ...terms.map((t) => termQuery(names.chunks, t.term, filter, TERM_CANDIDATES)),
    ],
  });
  const [all, ...perTerm] = first.results;
  const n = total(all!);
  const tf = new Map<string, Map<string, number>>();
  const meta = new Map<string, { docId: string; length: number }>();
  const collect = (term: string, hits: TermHit[]) => {
    for (const h of hits) {
      meta.set(h.id, { docId: h.docId, length: h.termCount ?? 0 });
      const f = h._matchesPosition?.stems?.length ?? 0;
      if (f) (tf.get(h.id) ?? tf.set(h.id, new Map()).get(h.id)!).set(term, f);
    }
  };
  const stats: TermStats[] = terms.map((t, i) => ({ term: t.term, weight: t.weight, group: t.group, df: total(perTerm[i]!) }));
  terms.forEach((t, i) => collect(t.term, perTerm[i]!.hits));

  // Terms retrieved in part: their frequency in the candidates the first request did not bring for them.
  const ids = [...meta.keys()];
  const partial = terms.filter((t, i) => perTerm[i]!.hits.length < stats[i]!.df);
  if (partial.length && ids.length) {
    const queries = partial.map((t) => {
      const missing = ids.filter((id) => !tf.get(id)?.has(t.term));
      return termQuery(names.chunks, t.term, and(filter, inList('id', missing)), missing.length);
    }).filter((q) => q.limit > 0);
    if (queries.length) {
      const second = await client.request<MultiSearchResponse>('POST', '/multi-search', { queries });
      second.results.forEach((r, i) => collect(partialTerm(queries[i]!.q), r.hits));
    }
  }
  const retrievalMs = performance.now() - t0;

  const t1 = performance.now();
  const lengths = [...meta.values()].map((m) => m.length);
  const avgLength = lengths.reduce((s, x) => s + x, 0) / Math.max(lengths.length, 1);
  const scored = [...meta].map(([id, m]) => ({ id, docId: m.docId, ...passageScore(tf.get(id) ?? new Map(), m.length, stats, n, avgLength) }))
    .filter((p) => p.matched > 0);
  const documents = rankDocuments(scored).map((d) => ({ docId: d.docId, score: d.score, passages: d.passages.map((p) => ({ id: p.id, score: p.score })) }));
  return { documents, terms: stats, candidates: scored.length, retrievalMs, rankingMs: performance.now() - t1 };
}

const partialTerm = (q: string) => q.slice(1, -1);

/**
 * Documents matching the query as the ranking does (any term alone, or every term of a group), in
 * all and per facet value: one federated request over the documents index, one query per term or
 * group (a group's phrases all required); Meilisearch counts a document once however many match.
 */
export async function countByKeywords(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filter: string | undefined, facets: string[]): Promise<{ total: number; facets: Record<string, Record<string, number>> }> {
  const groups = new Map<string, string[]>();
  for (const t of terms) groups.set(t.group ?? `term ${t.term}`, [...(groups.get(t.group ?? `term ${t.term}`) ?? []), t.term]);
  const res = await client.request<{ estimatedTotalHits?: number; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> }>('POST', '/multi-search', {
    federation: { limit: 0, ...(facets.length ? { facetsByIndex: { [names.documents]: facets }, mergeFacets: { maxValuesPerFacet: 100 } } : {}) },
    queries: [...groups.values()].map((g) => ({ indexUid: names.documents, q: g.map(phrase).join(' '), matchingStrategy: 'all', attributesToSearchOn: ['stems'], filter })),
  });
  return { total: res.totalHits ?? res.estimatedTotalHits ?? 0, facets: res.facetDistribution ?? {} };
}
