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

describe('evaluation tooling', () => {
  it('compares a run with its baseline query by query', async () => {
    const { compareWithBaseline } = await import('../cli/eval-command.ts');
    const run = (ndcgs: number[]) => [{ mode: 'keyword' as const, skipped: null, mean: { ndcg: ndcgs.reduce((a, b) => a + b) / ndcgs.length, mrr: 1, recall: 1, p5: 1 }, byKind: {}, perQuery: ndcgs.map((n, i) => ({ id: `q${i}`, q: `fråga ${i}`, kind: 'keyword', zeroHits: false, ndcg: n, mrr: 1, recall: 1, p5: 1, missing: [] })) }];
    const text = compareWithBaseline(run([0.5, 0.9, 1]), run([0.7, 0.8, 1]));
    expect(text).toContain('keyword: mean nDCG 0.833 → 0.800 (-0.033); 1 queries gained, 1 lost');
    expect(text).toMatch(/loss q0 0\.700 → 0\.500 \(-0\.200\)/);
    expect(text).toMatch(/gain q1 0\.800 → 0\.900 \(\+0\.100\)/);
    expect(text).not.toContain('q2');
  });

  it('prints means per query kind and counts queries without hits', async () => {
    const { formatEval } = await import('../cli/eval-command.ts');
    const row = (id: string, kind: string, ndcg: number) => ({ id, q: id, kind, zeroHits: ndcg === 0, ndcg, mrr: ndcg, recall: ndcg, p5: ndcg, missing: [] });
    const text = formatEval([{ mode: 'keyword', skipped: null, mean: { ndcg: 0.5, mrr: 0.5, recall: 0.5, p5: 0.5 }, byKind: { question: { ndcg: 0, mrr: 0, recall: 0, p5: 0, queries: 1 }, keyword: { ndcg: 1, mrr: 1, recall: 1, p5: 1, queries: 1 } }, perQuery: [row('a', 'question', 0), row('b', 'keyword', 1)] }], 10);
    expect(text).toContain('| keyword, question (1) | 0.000 |');
    expect(text).toContain('| keyword, keyword (1) | 1.000 |');
    expect(text).toContain('1 queries without any hit');
  });

  it('reads plain query lists from text and CSV files', async () => {
    const { loadQueryList } = await import('../cli/eval-command.ts');
    const { tempDir } = await import('./helpers.ts');
    const { writeFileSync } = await import('node:fs');
    const t = tempDir('qlist');
    writeFileSync(`${t.dir}/q.csv`, 'fråga;kommentar\n"brist på arbetskraft, i vården";x\nUkraina;y\n');
    writeFileSync(`${t.dir}/q.txt`, '# analytikernas frågor\nnära vård\n\ncivilt försvar\n');
    expect(loadQueryList(`${t.dir}/q.csv`)).toEqual(['brist på arbetskraft, i vården', 'Ukraina']);
    expect(loadQueryList(`${t.dir}/q.txt`)).toEqual(['nära vård', 'civilt försvar']);
    t.cleanup();
  });

  it('names the bad entry of a query file by id', async () => {
    const { loadQueries } = await import('../cli/eval-command.ts');
    const { tempDir } = await import('./helpers.ts');
    const { writeFileSync } = await import('node:fs');
    const t = tempDir('qbad');
    writeFileSync(`${t.dir}/q.json`, JSON.stringify([{ id: 'q1', q: 'a', relevant: {} }, { id: 'q2', q: '', relevant: {} }]));
    expect(() => loadQueries(`${t.dir}/q.json`)).toThrow(/query q2: q:/);
    t.cleanup();
  });
});
