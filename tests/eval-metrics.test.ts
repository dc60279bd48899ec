import { describe, expect, it } from 'vitest';
import { dcg, metrics } from '../index/eval-metrics.ts';

describe('evaluation metrics (hand-computed)', () => {
  it('computes nDCG, MRR, recall and P@5 for a graded ranking', () => {
    // Ranking: b (rel 1), x (0), a (rel 2). Ideal: a, b.
    // DCG = (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4) = 1 + 1.5 = 2.5; IDCG = 3/1 + 1/log2(3) = 3.6309
    const m = metrics(['b', 'x', 'a', 'b'], { a: 2, b: 1, c: 0 }, 10);
    expect(m.ndcg).toBeCloseTo(2.5 / (3 + 1 / Math.log2(3)), 6);
    expect(m.mrr).toBe(1);
    expect(m.recall).toBe(1);
    expect(m.p5).toBeCloseTo(2 / 5);
    expect(m.missing).toEqual([]);
  });

  it('cuts at k and lists relevant documents not found', () => {
    const m = metrics(['x', 'y', 'a'], { a: 2, b: 2 }, 2);
    expect(m).toMatchObject({ ndcg: 0, recall: 0, missing: ['a', 'b'] });
    expect(m.mrr).toBeCloseTo(1 / 3);
    expect(dcg([2, 2])).toBeCloseTo(3 + 3 / Math.log2(3));
  });
});
