/** `minutes eval QUERIES.json`: runs judged queries against the index and reports ranking metrics per query and mode. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { metrics, mean, type QueryMetrics } from '../index/eval-metrics.ts';
import { searchPassages, NoModelError, type ArchiveIndex } from '../index/index.ts';

const Query = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  kind: z.string().optional(),
  filter: z.string().optional(),
  relevant: z.record(z.string(), z.number().int().min(0).max(3)),
});
export type EvalQuery = z.infer<typeof Query>;

/** Reads and validates a query file; a bad entry is named by its id (or position). */
export function loadQueries(file: string): EvalQuery[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array of queries`);
  return raw.map((entry, i) => {
    const parsed = Query.safeParse(entry);
    if (!parsed.success) {
      const id = (entry as { id?: unknown })?.id ?? `#${i + 1}`;
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: query ${String(id)}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    return parsed.data;
  });
}

export type Mode = 'keyword' | 'semantic' | 'hybrid';
export interface ModeResult { mode: Mode; skipped: string | null; perQuery: ({ id: string; q: string } & QueryMetrics)[]; mean: Omit<QueryMetrics, 'missing'> | null }

export async function runEval(index: ArchiveIndex, queries: EvalQuery[], modes: Mode[], k: number): Promise<ModeResult[]> {
  const out: ModeResult[] = [];
  for (const mode of modes) {
    const perQuery: ModeResult['perQuery'] = [];
    try {
      for (const query of queries) {
        const result = await searchPassages(index.client, index.names, { q: query.q, filter: query.filter, limit: Math.max(k, 10), mode }, index.embedder);
        const ranked = result.hits.map((h) => path.basename(h.source));
        perQuery.push({ id: query.id, q: query.q, ...metrics(ranked, query.relevant, k) });
      }
    } catch (err) {
      // A mode that cannot run (no embedding model) is reported as skipped, not scored as zero.
      if (err instanceof NoModelError) { out.push({ mode, skipped: err.message, perQuery: [], mean: null }); continue; }
      throw err;
    }
    const avg = (key: 'ndcg' | 'mrr' | 'recall' | 'p5') => mean(perQuery.map((q) => q[key]));
    out.push({ mode, skipped: null, perQuery, mean: { ndcg: avg('ndcg'), mrr: avg('mrr'), recall: avg('recall'), p5: avg('p5') } });
  }
  return out;
}

export function formatEval(results: ModeResult[], k: number): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [`| mode | nDCG@${k} | MRR | Recall@${k} | P@5 |`, '|---|---|---|---|---|'];
  for (const r of results) lines.push(r.mean ? `| ${r.mode} | ${f(r.mean.ndcg)} | ${f(r.mean.mrr)} | ${f(r.mean.recall)} | ${f(r.mean.p5)} |` : `| ${r.mode} | skipped: ${r.skipped} | | | |`);
  for (const r of results.filter((x) => x.mean)) {
    lines.push('', `${r.mode}, per query:`);
    for (const q of r.perQuery) lines.push(`  ${q.id} nDCG ${f(q.ndcg)} MRR ${f(q.mrr)} R ${f(q.recall)}  "${q.q}"${q.missing.length ? `  missing: ${q.missing.join(', ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
