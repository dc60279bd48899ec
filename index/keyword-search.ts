/**
 * Keyword search in two stages: Meilisearch retrieves candidate passages (filters applied), the
 * project ranks them by BM25 over Swedish stems.
 *
 * Retrieval is OR over the query's terms, in two multi-search requests sent side by side, over the
 * lean passage records (index/records.ts). One only counts: the passages and documents under the
 * filter, each term's passage frequency (exact phrases of one stem on the stem fields: no typo, no
 * prefix) and document frequency (the documents' `stems` filter field). The other fetches
 * candidates, one query per term, each an equal share of CANDIDATE_BUDGET passages (at least
 * MIN_SHARE), plus the passages matching most terms at once. Each candidate comes with its stems, so its
 * frequency of every query term is counted here, exactly. (Meilisearch's `showMatchesPosition`
 * would give counts without the text but costs ~15×: 582 against 43 ms for 345 hits, 2 000 documents.)
 */
import type { MeiliClient } from './meili-client.ts';
import type { IndexNames } from './settings.ts';
import { passageScore, rankDocuments, type TermStats } from './bm25.ts';
import type { QueryTerm } from '../lib/swedish-analysis.ts';
import { and, quote } from './filter.ts';

/**
 * Candidate passages per query, and those matching most terms at once. Each costs ~0.03 ms of
 * Meilisearch CPU (its lean record is read and its stems sent); fewer change the top 10 on a large
 * archive (BENCHMARKS.md, 10 000 generated documents).
 */
export const CANDIDATE_BUDGET = 300;
const BEST_OVERALL = 40;
/** The least a term brings however many terms the query has. */
const MIN_SHARE = 60;
/** A compound part's occurrence counts this much of a word's (measured on data/eval, BENCHMARKS.md). */
export const PART_TF = 0.5;
/** Share of the document-level BM25 in a document's score; the rest is its passages' (best + share of second). */
export const DOC_SHARE = 0.5;

interface TermHit { id: string; docId: string; termCount: number; docTermCount: number; stems: string; partStems?: string }
interface MultiSearchResponse { results: { hits: TermHit[]; estimatedTotalHits?: number; totalHits?: number }[] }

export interface RankedDocument { docId: string; score: number; passages: { id: string; score: number }[] }
export interface KeywordRanking { documents: RankedDocument[]; terms: TermStats[]; candidates: number; retrievalMs: number; rankingMs: number }

const phrase = (term: string) => `"${term}"`;
const total = (r: MultiSearchResponse['results'][number]) => r.totalHits ?? r.estimatedTotalHits ?? r.hits.length;

function termQuery(index: string, q: string, filter: string | undefined, limit: number, extra: Record<string, unknown> = {}) {
  return {
    indexUid: index, q, attributesToSearchOn: ['stems', 'partStems'], filter, limit, ...extra,
    attributesToRetrieve: ['id', 'docId', 'termCount', 'docTermCount', 'stems', 'partStems'],
  };
}
const count = (index: string, term: string | null, filter: string | undefined, on: string[]) => ({ indexUid: index, q: term ? phrase(term) : '', ...(on.length ? { attributesToSearchOn: on } : {}), filter, limit: 0 });
/** Documents with a stem (their `stems` filter field). */
const hasStem = (term: string) => `stems = ${quote(term)}`;

/** The same filter for the documents index and for the lean passage records (index/keyword-filter.ts). */
export interface KeywordFilter { documents: string | undefined; passages: string | undefined }

export async function rankByKeywords(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filters: KeywordFilter): Promise<KeywordRanking> {
  const t0 = performance.now();
  const filter = filters.passages;
  // Counts and candidates side by side: each term brings an equal share of the budget.
  const share = Math.max(MIN_SHARE, Math.floor(CANDIDATE_BUDGET / Math.max(terms.length, 1)));
  const queries = terms.map((t) => termQuery(names.terms, phrase(t.term), filter, share));
  // The passages with most of the terms: Meilisearch ranks first by how many query words match.
  if (queries.length > 1) queries.push(termQuery(names.terms, terms.map((t) => phrase(t.term)).join(' '), filter, BEST_OVERALL, { matchingStrategy: 'frequency' }));
  const [counts, candidates] = await Promise.all([
    client.request<MultiSearchResponse>('POST', '/multi-search', {
      queries: [
        count(names.terms, null, filter, []),
        count(names.documents, null, filters.documents, []),
        ...terms.map((t) => count(names.terms, t.term, filter, ['stems', 'partStems'])),
        ...terms.map((t) => count(names.documents, null, and(filters.documents, hasStem(t.term)), [])),
      ],
    }),
    client.request<MultiSearchResponse>('POST', '/multi-search', { queries }),
  ]);
  const [allPassages, allDocs, ...rest] = counts.results.map(total);
  const df = rest.slice(0, terms.length);
  const docDf = rest.slice(terms.length);
  const hits = candidates.results.flatMap((r) => r.hits);
  const retrievalMs = performance.now() - t0;

  const t1 = performance.now();
  const stats: TermStats[] = terms.map((t, i) => ({ term: t.term, weight: t.weight, group: t.group, df: df[i]! }));
  const wanted = new Set(terms.map((t) => t.term));
  const tf = new Map<string, Map<string, number>>();
  const meta = new Map<string, { docId: string; length: number; docLength: number }>();
  for (const h of hits) {
    if (meta.has(h.id)) continue;
    meta.set(h.id, { docId: h.docId, length: h.termCount ?? 0, docLength: h.docTermCount ?? 0 });
    tf.set(h.id, countTerms(h, wanted));
  }
  const n = allPassages!;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(xs.length, 1);
  const avgLength = mean([...meta.values()].map((m) => m.length));
  const scored = [...meta].map(([id, m]) => ({ id, docId: m.docId, ...passageScore(tf.get(id) ?? new Map(), m.length, stats, n, avgLength) }))
    .filter((p) => p.matched > 0);
  const byPassages = rankDocuments(scored);
  const whole = documentScores(meta, tf, stats.map((s, i) => ({ ...s, df: docDf[i]! })), allDocs!);
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
  for (const t of wanted) {
    const f = occurrences(h.stems, t) + PART_TF * occurrences(h.partStems ?? '', t);
    if (f) out.set(t, f);
  }
  return out;
}

/**
 * How often a stem occurs in a space-separated field. Scanned with indexOf rather than split into
 * tokens: a query has few terms and a candidate has dozens of stems (a fifth of a search's CPU in Node).
 */
export function occurrences(field: string, term: string): number {
  let n = 0;
  for (let i = field.indexOf(term); i !== -1; i = field.indexOf(term, i + 1)) {
    const end = i + term.length;
    if ((i === 0 || field.charCodeAt(i - 1) === 32) && (end === field.length || field.charCodeAt(end) === 32)) n++;
  }
  return n;
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
 * all and per facet value: one search of the documents index filtered by their stems. (A federated
 * search, one query per term, gives the same counts at three times the cost: BENCHMARKS.md.)
 */
export async function countByKeywords(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filter: string | undefined, facets: string[]): Promise<{ total: number; facets: Record<string, Record<string, number>> }> {
  const groups = new Map<string, string[]>();
  for (const t of terms) groups.set(t.group ?? `term ${t.term}`, [...(groups.get(t.group ?? `term ${t.term}`) ?? []), t.term]);
  const matching = [...groups.values()].map((g) => g.map(hasStem).join(' AND ')).map((g) => `(${g})`).join(' OR ');
  const res = await client.search(names.documents, { q: '', filter: and(filter, matching), limit: 0, ...(facets.length ? { facets } : {}) });
  return { total: res.totalHits ?? res.estimatedTotalHits ?? 0, facets: res.facetDistribution ?? {} };
}
