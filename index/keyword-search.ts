/**
 * Keyword search in two stages: Meilisearch retrieves candidate passages (filters applied), the
 * project ranks them by BM25 over Swedish stems.
 *
 * Retrieval is OR over the query's terms: one Meilisearch query per term, all in one multi-search
 * request, each an exact phrase of one stem on the passages' stem fields (no typo, no prefix). A
 * term's total hits is its passage frequency; the documents index gives its document frequency in
 * the same request. Each candidate comes with its stems, so its frequency of every query term is
 * counted here, exactly. (Meilisearch's `showMatchesPosition` would give the counts without the
 * text, but costs ~15× the time: 582 against 43 ms for 345 hits, measured on 2 000 documents.)
 */
import type { MeiliClient } from './meili-client.ts';
import type { IndexNames } from './settings.ts';
import { passageScore, rankDocuments, type TermStats } from './bm25.ts';
import type { QueryTerm } from '../lib/swedish-analysis.ts';

/** Passages retrieved per term (measured on data/eval and 10 000 documents, BENCHMARKS.md). */
export const TERM_CANDIDATES = Number(process.env.MINUTES_X_K ?? 200);
/** A compound part's occurrence counts this much of a word's (measured on data/eval, BENCHMARKS.md). */
export const PART_TF = Number(process.env.MINUTES_X_PART_TF ?? 0.5);
/** Share of the document-level BM25 in a document's score; the rest is its passages' (best + share of second). */
export const DOC_SHARE = Number(process.env.MINUTES_X_DOC_SHARE ?? 0.5);

interface TermHit { id: string; docId: string; termCount: number; docTermCount: number; stems: string; partStems?: string }
interface MultiSearchResponse { results: { hits: TermHit[]; estimatedTotalHits?: number; totalHits?: number }[] }

export interface RankedDocument { docId: string; score: number; passages: { id: string; score: number }[] }
export interface KeywordRanking { documents: RankedDocument[]; terms: TermStats[]; candidates: number; retrievalMs: number; rankingMs: number }

const phrase = (term: string) => `"${term}"`;
const total = (r: MultiSearchResponse['results'][number]) => r.totalHits ?? r.estimatedTotalHits ?? r.hits.length;

function termQuery(index: string, term: string, filter: string | undefined, limit: number) {
  return {
    indexUid: index, q: phrase(term), attributesToSearchOn: ['stems', 'partStems'], filter, limit,
    attributesToRetrieve: ['id', 'docId', 'termCount', 'docTermCount', 'stems', 'partStems'],
  };
}
const docCount = (index: string, term: string | null, filter: string | undefined) => ({ indexUid: index, q: term ? phrase(term) : '', ...(term ? { attributesToSearchOn: ['stems'] } : {}), filter, limit: 0 });

export async function rankByKeywords(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filter: string | undefined): Promise<KeywordRanking> {
  const t0 = performance.now();
  // Passage and document frequencies of every term, and the candidates, in one request.
  const first = await client.request<MultiSearchResponse>('POST', '/multi-search', {
    queries: [
      docCount(names.chunks, null, filter),
      docCount(names.documents, null, filter),
      ...terms.map((t) => docCount(names.documents, t.term, filter)),
      ...terms.map((t) => termQuery(names.chunks, t.term, filter, TERM_CANDIDATES)),
    ],
  });
  const [allPassages, allDocs, ...rest] = first.results;
  const docDf = rest.slice(0, terms.length).map(total);
  const perTerm = rest.slice(terms.length);
  const stats: TermStats[] = terms.map((t, i) => ({ term: t.term, weight: t.weight, group: t.group, df: total(perTerm[i]!) }));
  const retrievalMs = performance.now() - t0;

  const t1 = performance.now();
  const wanted = new Set(terms.map((t) => t.term));
  const tf = new Map<string, Map<string, number>>();
  const meta = new Map<string, { docId: string; length: number; docLength: number }>();
  for (const h of perTerm.flatMap((r) => r.hits)) {
    if (meta.has(h.id)) continue;
    meta.set(h.id, { docId: h.docId, length: h.termCount ?? 0, docLength: h.docTermCount ?? 0 });
    tf.set(h.id, countTerms(h, wanted));
  }
  const n = total(allPassages!);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(xs.length, 1);
  const avgLength = mean([...meta.values()].map((m) => m.length));
  const scored = [...meta].map(([id, m]) => ({ id, docId: m.docId, ...passageScore(tf.get(id) ?? new Map(), m.length, stats, n, avgLength) }))
    .filter((p) => p.matched > 0);
  const byPassages = rankDocuments(scored);
  const whole = documentScores(meta, tf, terms.map((t, i) => ({ ...stats[i]!, df: docDf[i]! })), total(allDocs!));
  const norm = (x: number, max: number) => (max > 0 ? x / max : 0);
  const maxP = Math.max(0, ...byPassages.map((d) => d.score));
  const maxD = Math.max(0, ...whole.values());
  const documents = byPassages.map((d) => ({
    docId: d.docId,
    score: (1 - DOC_SHARE) * norm(d.score, maxP) + DOC_SHARE * norm(whole.get(d.docId) ?? 0, maxD),
    passages: d.passages.map((p) => ({ id: p.id, score: p.score })),
  })).sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId));
  return { documents, terms: stats, candidates: scored.length, retrievalMs, rankingMs: performance.now() - t1 };
}

/** How often each wanted term occurs in a passage: a word counts 1, a compound's part PART_TF. */
function countTerms(h: TermHit, wanted: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (field: string | undefined, weight: number) => {
    for (const t of (field ?? '').split(' ')) if (wanted.has(t)) out.set(t, (out.get(t) ?? 0) + weight);
  };
  add(h.stems, 1);
  add(h.partStems, PART_TF);
  return out;
}

/**
 * Whole-document BM25, as a document index would score it: a term's frequency in a document is
 * the sum over its candidate passages (a passage without the term adds nothing), its length the
 * document's word count, its df the number of documents with the term.
 */
function documentScores(meta: Map<string, { docId: string; docLength: number }>, tf: Map<string, Map<string, number>>, terms: TermStats[], n: number): Map<string, number> {
  const docTf = new Map<string, Map<string, number>>();
  const docLength = new Map<string, number>();
  for (const [id, m] of meta) {
    docLength.set(m.docId, m.docLength);
    const into = docTf.get(m.docId) ?? docTf.set(m.docId, new Map()).get(m.docId)!;
    for (const [term, f] of tf.get(id) ?? []) into.set(term, (into.get(term) ?? 0) + f);
  }
  const avg = [...docLength.values()].reduce((s, x) => s + x, 0) / Math.max(docLength.size, 1);
  return new Map([...docTf].map(([docId, f]) => [docId, passageScore(f, docLength.get(docId)!, terms, n, avg).score]));
}

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
