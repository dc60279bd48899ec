/**
 * Ranking metrics with graded relevance, document level: a hit is the document of the passage.
 * nDCG@k with gain 2^rel − 1 and log2 discount; MRR (first relevant rank); Recall@k; Precision@5.
 */
export type Judgements = Record<string, number>;

export interface QueryMetrics { ndcg: number; mrr: number; recall: number; p5: number; missing: string[] }

export function dcg(grades: number[]): number {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** `ranked`: the documents in result order (duplicates are counted once, at their best rank). */
export function metrics(ranked: string[], relevant: Judgements, k = 10): QueryMetrics {
  const unique = [...new Set(ranked)];
  const top = unique.slice(0, k);
  const ideal = Object.values(relevant).filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = dcg(ideal);
  const firstRelevant = unique.findIndex((d) => (relevant[d] ?? 0) > 0);
  const relevantDocs = Object.keys(relevant).filter((d) => (relevant[d] ?? 0) > 0);
  return {
    ndcg: idcg ? dcg(top.map((d) => relevant[d] ?? 0)) / idcg : 0,
    mrr: firstRelevant >= 0 ? 1 / (firstRelevant + 1) : 0,
    recall: relevantDocs.length ? top.filter((d) => (relevant[d] ?? 0) > 0).length / relevantDocs.length : 0,
    p5: unique.slice(0, 5).filter((d) => (relevant[d] ?? 0) > 0).length / 5,
    missing: relevantDocs.filter((d) => !top.includes(d)),
  };
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
