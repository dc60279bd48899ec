/** `minutes eval QUERIES.json`: runs judged queries against the index and reports ranking metrics per query and mode. */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { stringify } from '../lib/csv.ts';
import { metrics, mean, type QueryMetrics } from '../index/eval-metrics.ts';
import { searchPassages, NoModelError, type ArchiveIndex } from '../index/index.ts';

const Query = z.object({
  id: z.string().min(1),
  q: z.string().min(1),
  kind: z.string().optional(),
  /** dev: ranking may be tuned on it; holdout: looked at only for the final figures. */
  split: z.enum(['dev', 'holdout']).optional(),
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
export interface ModeResult {
  mode: Mode; skipped: string | null;
  perQuery: ({ id: string; q: string; kind: string; zeroHits: boolean } & QueryMetrics)[];
  mean: Omit<QueryMetrics, 'missing'> | null;
  /** Means per query kind (keyword, question, paraphrase …). */
  byKind: Record<string, Omit<QueryMetrics, 'missing'> & { queries: number }>;
}

export async function runEval(index: ArchiveIndex, queries: EvalQuery[], modes: Mode[], k: number): Promise<ModeResult[]> {
  const out: ModeResult[] = [];
  for (const mode of modes) {
    const perQuery: ModeResult['perQuery'] = [];
    try {
      for (const query of queries) {
        const result = await searchPassages(index.client, index.names, { q: query.q, filter: query.filter, limit: Math.max(k, 10), mode }, index.embedder);
        const ranked = result.hits.map((h) => path.basename(h.source));
        perQuery.push({ id: query.id, q: query.q, kind: query.kind ?? 'other', zeroHits: ranked.length === 0, ...metrics(ranked, query.relevant, k) });
      }
    } catch (err) {
      // A mode that cannot run (no embedding model) is reported as skipped, not scored as zero.
      if (err instanceof NoModelError) { out.push({ mode, skipped: err.message, perQuery: [], mean: null, byKind: {} }); continue; }
      throw err;
    }
    const means = (rows: typeof perQuery) => {
      const avg = (key: 'ndcg' | 'mrr' | 'recall' | 'p5') => mean(rows.map((q) => q[key]));
      return { ndcg: avg('ndcg'), mrr: avg('mrr'), recall: avg('recall'), p5: avg('p5') };
    };
    const kinds = [...new Set(perQuery.map((q) => q.kind))];
    const byKind = Object.fromEntries(kinds.map((kind) => { const rows = perQuery.filter((q) => q.kind === kind); return [kind, { ...means(rows), queries: rows.length }]; }));
    out.push({ mode, skipped: null, perQuery, mean: means(perQuery), byKind });
  }
  return out;
}

export function formatEval(results: ModeResult[], k: number): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [`| mode | nDCG@${k} | MRR | Recall@${k} | P@5 |`, '|---|---|---|---|---|'];
  for (const r of results) {
    if (!r.mean) { lines.push(`| ${r.mode} | skipped: ${r.skipped} | | | |`); continue; }
    lines.push(`| ${r.mode} | ${f(r.mean.ndcg)} | ${f(r.mean.mrr)} | ${f(r.mean.recall)} | ${f(r.mean.p5)} |`);
    for (const [kind, m] of Object.entries(r.byKind)) lines.push(`| ${r.mode}, ${kind} (${m.queries}) | ${f(m.ndcg)} | ${f(m.mrr)} | ${f(m.recall)} | ${f(m.p5)} |`);
    const zero = r.perQuery.filter((q) => q.zeroHits).length;
    if (zero) lines.push(`| ${r.mode}: ${zero} queries without any hit | | | | |`);
  }
  for (const r of results.filter((x) => x.mean)) {
    lines.push('', `${r.mode}, per query:`);
    for (const q of r.perQuery) lines.push(`  ${q.id} nDCG ${f(q.ndcg)} MRR ${f(q.mrr)} R ${f(q.recall)}  "${q.q}"${q.missing.length ? `  missing: ${q.missing.join(', ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Per-query nDCG change against an earlier `--json` result: gains and losses first, by size. */
export function compareWithBaseline(current: ModeResult[], baseline: ModeResult[]): string {
  const lines: string[] = [];
  for (const mode of current.filter((r) => r.mean)) {
    const before = baseline.find((b) => b.mode === mode.mode && b.mean);
    if (!before) { lines.push(`${mode.mode}: no baseline`); continue; }
    const old = new Map(before.perQuery.map((q) => [q.id, q.ndcg]));
    const deltas = mode.perQuery.filter((q) => old.has(q.id)).map((q) => ({ id: q.id, q: q.q, was: old.get(q.id)!, now: q.ndcg }))
      .filter((d) => Math.abs(d.now - d.was) >= 0.001).sort((a, b) => Math.abs(b.now - b.was) - Math.abs(a.now - a.was));
    const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
    lines.push(`${mode.mode}: mean nDCG ${before.mean!.ndcg.toFixed(3)} → ${mode.mean!.ndcg.toFixed(3)} (${sign(mode.mean!.ndcg - before.mean!.ndcg)}); ${deltas.filter((d) => d.now > d.was).length} queries gained, ${deltas.filter((d) => d.now < d.was).length} lost`);
    for (const d of deltas) lines.push(`  ${d.now > d.was ? 'gain' : 'loss'} ${d.id} ${d.was.toFixed(3)} → ${d.now.toFixed(3)} (${sign(d.now - d.was)})  "${d.q}"`);
  }
  return `${lines.join('\n')}\n`;
}

/** A plain query list (one per line, or the first CSV column, or a JSON array of strings): the analysts' batch. */
export function loadQueryList(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return (JSON.parse(text) as unknown[]).map((q) => (typeof q === 'string' ? q : String((q as { q?: unknown }).q ?? ''))).filter(Boolean);
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (!file.endsWith('.csv')) return lines;
  const first = (l: string) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(/[;,]/)[0]!).trim();
  return lines.map(first).filter((q, i) => !(i === 0 && /^(q|query|fråga|sökfråga)$/i.test(q)));
}

/** Top hits of every query, for the review material: CSV (Excel-friendly, UTF-8 BOM) or JSON. */
export async function exportHits(index: ArchiveIndex, queries: string[], limit: number, format: 'csv' | 'json', mode: Mode = 'keyword'): Promise<string> {
  const rows: { query: string; rank: number; title: string; date: string | null; body: string | null; docType: string; section: string; file: string; snippet: string; score: number }[] = [];
  for (const q of queries) {
    const r = await searchPassages(index.client, index.names, { q, limit, mode }, index.embedder);
    r.hits.forEach((h, i) => rows.push({ query: q, rank: i + 1, title: h.title, date: h.date, body: h.body, docType: h.docType, section: h.heading, file: path.basename(h.source), snippet: h.snippet.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), score: h.score }));
  }
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return stringify(rows, ['query', 'rank', 'title', 'date', 'body', 'docType', 'section', 'file', 'snippet', 'score']);
}

export interface EvalRecord { time: string; root: string; queries: string; ndcg: Partial<Record<Mode, number>> }
export interface EvalCheck { ndcg: Partial<Record<Mode, number>>; previous: Partial<Record<Mode, number>> | null; drops: string[] }

/**
 * Runs the evaluation after a nightly ingest and keeps its history (one JSON line per run, appended:
 * a crash can at worst lose the last line). A mean nDCG@10 that fell by more than 0.02 since the
 * previous run is flagged, so an archive change that hurts search is seen before the review.
 */
export async function evaluateAfterIngest(index: ArchiveIndex, queriesFile: string, root: string, historyFile: string): Promise<EvalCheck> {
  const modes: Mode[] = index.embedder ? ['keyword', 'semantic', 'hybrid'] : ['keyword'];
  const results = await runEval(index, loadQueries(queriesFile), modes, 10);
  const ndcg = Object.fromEntries(results.filter((r) => r.mean).map((r) => [r.mode, Math.round(r.mean!.ndcg * 1000) / 1000])) as EvalCheck['ndcg'];
  const history = existsSync(historyFile) ? readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).flatMap((l) => { try { return [JSON.parse(l) as EvalRecord]; } catch { return []; } }) : [];
  const previous = history.filter((h) => h.queries === path.resolve(queriesFile)).at(-1)?.ndcg ?? null;
  const drops = previous ? (Object.keys(ndcg) as Mode[]).filter((m) => previous[m] !== undefined && previous[m]! - ndcg[m]! > 0.02).map((m) => `${m} nDCG@10 ${previous[m]} → ${ndcg[m]}`) : [];
  appendFileSync(historyFile, `${JSON.stringify({ time: new Date().toISOString(), root, queries: path.resolve(queriesFile), ndcg } satisfies EvalRecord)}\n`);
  return { ndcg, previous, drops };
}
