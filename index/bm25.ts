/**
 * BM25 over stems, the ranking the project owns (Meilisearch ranks by buckets without term
 * weighting or term frequency). Pure functions: the statistics come from the caller.
 */

export interface Bm25Params { k1: number; b: number }
/** Lucene's defaults; measured against 1.5/0.75 and 1.2/0.5 on data/eval (BENCHMARKS.md). */
export const BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** Lucene's BM25 idf: never negative, however common the term. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** One term's contribution to a passage of `length` terms. */
export function termScore(tf: number, df: number, n: number, length: number, avgLength: number, p: Bm25Params = BM25): number {
  if (tf <= 0) return 0;
  const norm = p.k1 * (1 - p.b + (p.b * length) / Math.max(avgLength, 1));
  return idf(df, n) * ((tf * (p.k1 + 1)) / (tf + norm));
}

/** `group`: terms that count only when the passage has all of them (see QueryTerm.group). */
export interface TermStats { term: string; weight: number; df: number; group?: string | null }
export interface ScoredPassage { id: string; docId: string; score: number; matched: number }

/**
 * A passage's score: the weighted sum over query terms; `matched` counts the terms it contains.
 * The terms of a group count only when the passage has every one of them.
 */
export function passageScore(tf: Map<string, number>, length: number, terms: TermStats[], n: number, avgLength: number): { score: number; matched: number } {
  // Built only when a group lacks a term: this runs for every candidate passage of a search.
  let incomplete: Set<string> | null = null;
  for (const t of terms) if (t.group && !tf.get(t.term)) (incomplete ??= new Set()).add(t.group);
  let score = 0;
  let matched = 0;
  for (const t of terms) {
    const f = tf.get(t.term) ?? 0;
    if (!f || (t.group && incomplete?.has(t.group))) continue;
    matched++;
    score += t.weight * termScore(f, t.df, n, length, avgLength);
  }
  return { score, matched };
}

/** Share of the document-level BM25 in a document's score; the rest is its passages' (best + share of second). */
export const DOC_SHARE = 0.5;

/** How much of a document's second-best passage counts (measured on data/eval: 1 = sum of the two best). */
export const SECOND_PASSAGE_SHARE = 0.5;

/**
 * Documents ranked by their best passage plus a share of the second best: a document that treats
 * the topic in two places beats one that mentions it once, without long documents winning by size.
 */
export function rankDocuments(passages: ScoredPassage[], secondShare = SECOND_PASSAGE_SHARE): { docId: string; score: number; passages: ScoredPassage[] }[] {
  const byDoc = new Map<string, ScoredPassage[]>();
  for (const p of passages) (byDoc.get(p.docId) ?? byDoc.set(p.docId, []).get(p.docId)!).push(p);
  const docs = [...byDoc].map(([docId, ps]) => {
    ps.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return { docId, score: ps[0]!.score + secondShare * (ps[1]?.score ?? 0), passages: ps };
  });
  return docs.sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId));
}
