/**
 * Keyword search in two stages: candidate passages (filters applied) with their statistics, then
 * the project's BM25 over Swedish stems.
 *
 * Candidates come from the term postings (index/term-postings.ts: each stem's best passages by
 * impact, with exact frequencies) in one request. While those are stale (an ingest is writing), or
 * under a filter when a stem's list is cut, Meilisearch is asked instead: two multi-search requests
 * over the lean passage records (index/records.ts), side by side. One counts the passages and
 * documents under the filter, each term's passage frequency (exact phrases of one stem on the stem
 * fields: no typo, no prefix) and document frequency (the documents' `stems` filter field). The
 * other fetches candidates, one query per term, each an equal share of CANDIDATE_BUDGET passages
 * (at least MIN_SHARE), plus the passages matching most terms at once; each comes with its stems, so
 * its frequency of every query term is counted here. (Meilisearch's `showMatchesPosition` would give
 * counts without the text but costs ~15×: 582 against 43 ms for 345 hits, 2 000 documents.)
 */
import type { MeiliClient } from './meili-client.ts';
import { DOC_SHARE, passageScore, rankDocuments, type TermStats } from './bm25.ts';
import type { QueryTerm } from '../lib/swedish-analysis.ts';
import { and, inList, quote } from './filter.ts';
import { readPostings, type TermPostings } from './term-postings.ts';
import { MAX_FACET_VALUES, type IndexNames } from './settings.ts';

/**
 * Candidate passages per query, and those matching most terms at once. Each costs ~0.03 ms of
 * Meilisearch CPU (its lean record is read and its stems sent); fewer change the top 10 on a large
 * archive (BENCHMARKS.md, 10 000 generated documents).
 */
export const CANDIDATE_BUDGET = 300;
const BEST_OVERALL = 40;
/**
 * Postings read per term without a filter (a record keeps up to 500). On 10 000 generated documents
 * (103 queries) the top 10 agrees with exhaustive BM25 by 0.683 at 300, 0.645 at 250, 0.707 at all
 * 500, against 0.183 for candidates asked of Meilisearch; Node's CPU per search is 7 ms at 250 and
 * 10.6 ms at 500 (BENCHMARKS.md).
 */
export const POSTINGS_READ = 300;
/** The least a term brings however many terms the query has. */
const MIN_SHARE = 60;
/** A compound part's occurrence counts this much of a word's (measured on data/eval, BENCHMARKS.md). */
export const PART_TF = 0.5;

interface TermHit { id: string; docId: string; termCount: number; docTermCount: number; stems: string; partStems?: string }
interface MultiSearchResponse { results: { hits: TermHit[]; estimatedTotalHits?: number; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> }[] }

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

/** A candidate passage with what BM25 needs: its lengths and each query term's frequency in it. */
interface Candidate { id: string; docId: string; length: number; docLength: number; tf: Map<string, number> }
/** Candidates with the statistics under the filter: each term's passage and document frequency, and the totals. */
interface Retrieved extends Counts { candidates: Map<string, Candidate> }

export async function rankByKeywords(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filters: KeywordFilter, perTerm = POSTINGS_READ): Promise<KeywordRanking> {
  const t0 = performance.now();
  const found = await fromPostings(client, names, terms, filters, perTerm);
  const retrievalMs = performance.now() - t0;

  const t1 = performance.now();
  const stats: TermStats[] = terms.map((t, i) => ({ term: t.term, weight: t.weight, group: t.group, df: found.df[i]! }));
  const meta = [...found.candidates.values()];
  const avgLength = meta.reduce((s, m) => s + m.length, 0) / Math.max(meta.length, 1);
  const scored = meta.map((m) => ({ id: m.id, docId: m.docId, ...passageScore(m.tf, m.length, stats, found.passages, avgLength) }))
    .filter((p) => p.matched > 0);
  const byPassages = rankDocuments(scored);
  const whole = documentScores(meta, stats.map((s, i) => ({ ...s, df: found.docDf[i]! })), found.documents);
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

/** Statistics under a filter: totals, and each term's passage and document frequency. */
interface Counts { passages: number; documents: number; df: number[]; docDf: number[] }

/**
 * Candidates from the term postings (index/term-postings.ts): one request without a filter. Under a
 * filter they serve when every term's list is complete (each of its passages is in it): the
 * documents of those passages the filter keeps, and the statistics counted under it, come in a
 * second request. A cut list cannot say which of a common term's passages a filter keeps; then, or
 * while the postings are stale, Meilisearch is asked (`fromMeilisearch`). (Taking a cut list's
 * passages that the filter keeps, when there were enough, measured slower on 10 000 documents:
 * 32.5 against 25.8 ms of CPU per filtered search, BENCHMARKS.md.)
 */
async function fromPostings(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filters: KeywordFilter, perTerm: number): Promise<Retrieved> {
  const read = await readPostings(client, names, terms.map((t) => t.term), filters.documents ? Infinity : perTerm);
  const lists = read ? terms.map((t) => read.terms.get(t.term) ?? { df: 0, docDf: 0, complete: true, postings: [] }) : [];
  if (!read || (filters.documents && !lists.every((l) => l.complete))) return fromMeilisearch(client, names, terms, filters);
  if (!filters.documents) {
    return collectPostings(terms, lists, null, { passages: read.passages, documents: read.documents, df: lists.map((l) => l.df), docDf: lists.map((l) => l.docDf) });
  }
  const docIds = [...new Set(lists.flatMap((l) => l.postings.map((p) => p.docId)))];
  if (docIds.length > MAX_FACET_VALUES) return fromMeilisearch(client, names, terms, filters);
  // Which of those documents the filter keeps: as facet values of the lean records, since reading
  // the hits themselves (even their ids) costs Meilisearch ~0.2 ms per document record.
  const keep = docIds.length ? [{ indexUid: names.terms, q: '', filter: and(filters.passages, inList('docId', docIds)), limit: 0, facets: ['docId'] }] : [];
  const res = await client.request<MultiSearchResponse>('POST', '/multi-search', { queries: [...countQueries(names, terms, filters), ...keep] });
  const allowed = new Set(Object.keys(res.results[2 + 2 * terms.length]?.facetDistribution?.docId ?? {}));
  return collectPostings(terms, lists, allowed, countsOf(res, terms.length));
}

function collectPostings(terms: QueryTerm[], lists: TermPostings[], allowed: Set<string> | null, counts: Counts): Retrieved {
  const candidates = new Map<string, Candidate>();
  terms.forEach((t, i) => {
    for (const p of lists[i]!.postings) {
      if (allowed && !allowed.has(p.docId)) continue;
      const c = candidates.get(p.id) ?? candidates.set(p.id, { id: p.id, docId: p.docId, length: p.length, docLength: p.docLength, tf: new Map() }).get(p.id)!;
      c.tf.set(t.term, p.words + PART_TF * p.parts);
    }
  });
  return { candidates, ...counts };
}

/** The passages and documents under the filter, and each term's passage frequency (exact phrase of one stem) and document frequency (the documents' stems). */
function countQueries(names: IndexNames, terms: QueryTerm[], filters: KeywordFilter) {
  return [
    count(names.terms, null, filters.passages, []),
    count(names.documents, null, filters.documents, []),
    ...terms.map((t) => count(names.terms, t.term, filters.passages, ['stems', 'partStems'])),
    ...terms.map((t) => count(names.documents, null, and(filters.documents, hasStem(t.term)), [])),
  ];
}

function countsOf(res: MultiSearchResponse, n: number): Counts {
  const [passages, documents, ...rest] = res.results.map(total);
  return { passages: passages!, documents: documents!, df: rest.slice(0, n), docDf: rest.slice(n, 2 * n) };
}

/**
 * Candidates asked of Meilisearch, when the postings cannot serve (being rebuilt, or a filter with
 * a common term): counts and candidates side by side, each term an equal share of the budget, plus
 * the passages with most of the terms.
 */
async function fromMeilisearch(client: MeiliClient, names: IndexNames, terms: QueryTerm[], filters: KeywordFilter): Promise<Retrieved> {
  const filter = filters.passages;
  const share = Math.max(MIN_SHARE, Math.floor(CANDIDATE_BUDGET / Math.max(terms.length, 1)));
  const queries = terms.map((t) => termQuery(names.terms, phrase(t.term), filter, share));
  // Meilisearch ranks first by how many query words match.
  if (queries.length > 1) queries.push(termQuery(names.terms, terms.map((t) => phrase(t.term)).join(' '), filter, BEST_OVERALL, { matchingStrategy: 'frequency' }));
  const [counts, found] = await Promise.all([
    client.request<MultiSearchResponse>('POST', '/multi-search', { queries: countQueries(names, terms, filters) }).then((r) => countsOf(r, terms.length)),
    client.request<MultiSearchResponse>('POST', '/multi-search', { queries }),
  ]);
  const wanted = new Set(terms.map((t) => t.term));
  const candidates = new Map<string, Candidate>();
  for (const h of found.results.flatMap((r) => r.hits)) {
    if (!candidates.has(h.id)) candidates.set(h.id, { id: h.id, docId: h.docId, length: h.termCount ?? 0, docLength: h.docTermCount ?? 0, tf: countTerms(h, wanted) });
  }
  return { candidates, ...counts };
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
function documentScores(candidates: Candidate[], terms: TermStats[], n: number): Map<string, number> {
  const docTf = new Map<string, Map<string, number>>();
  const docLength = new Map<string, number>();
  for (const c of candidates) {
    docLength.set(c.docId, c.docLength);
    const into = docTf.get(c.docId) ?? docTf.set(c.docId, new Map()).get(c.docId)!;
    for (const [term, f] of c.tf) into.set(term, (into.get(term) ?? 0) + f);
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
