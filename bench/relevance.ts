/**
 * Ranking quality beside the Swedish-BM25 peer, in the same run, on every eval set: nDCG@10, MRR
 * and Recall@10 per query kind and split, and the zero-hit count.
 *
 *   npx tsx bench/relevance.ts [--set sample|archive] [--mode keyword,hybrid] [--ratio 0.1,0.2] [--split dev|holdout] [--per-query] [--record]
 *                              [--model NAME --model-dir DIR]
 *
 * Hybrid and semantic modes use the project's tiny model (data/models/minutes-tiny-sv) unless
 * --model/--model-dir name another offline model folder (DIR/NAME), e.g. all-MiniLM-L6-v2 built by
 * scripts/make-minilm-model.py.
 *
 * Sets: `sample` — data/eval/queries.json over data/sample; `archive` — data/eval/archive-queries.json
 * over data/sample and data/real (judged by reading the documents, before the new ranking ran).
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, loadEmbedder, searchPassages } from '../index/index.ts';
import { discoverFiles, readDocument, cleanDocument } from '../ingest/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { loadQueries, type EvalQuery } from '../cli/eval-command.ts';
import { metrics, mean } from '../index/eval-metrics.ts';
import { SwedishBm25 } from './swedish-bm25.ts';

const args = process.argv.slice(2);
const opt = (n: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : undefined; };
const K = 10;
const SETS = [
  { name: 'sample', queries: 'data/eval/queries.json', roots: ['data/sample'] },
  { name: 'archive', queries: 'data/eval/archive-queries.json', roots: ['data/sample', 'data/real'] },
].filter((s) => (!opt('set') || opt('set') === s.name) && existsSync(path.join(PROJECT_ROOT, s.queries)));
const modes = (opt('mode') ?? 'keyword').split(',') as ('keyword' | 'hybrid' | 'semantic')[];

type Row = { id: string; q: string; kind: string; split: string; ndcg: number; mrr: number; recall: number; zero: boolean; missing: string[]; ranked: string[] };

async function peerRows(roots: string[], queries: EvalQuery[], limits: ReturnType<typeof loadConfig>['limits']): Promise<Row[]> {
  const peer = new SwedishBm25();
  for (const root of roots) {
    for (const file of (await discoverFiles(path.join(PROJECT_ROOT, root))).files) {
      const doc = cleanDocument(await readDocument(file, limits));
      peer.add(path.basename(file), [doc.metaTitle ?? '', ...doc.blocks.map((b) => b.text)].join('\n'));
    }
  }
  return queries.map((q) => { const ranked = peer.search(q.q, K); return row(q, ranked); });
}

function row(q: EvalQuery, ranked: string[]): Row {
  const m = metrics(ranked, q.relevant, K);
  return { id: q.id, q: q.q, kind: q.kind ?? 'other', split: (q as { split?: string }).split ?? 'dev', ndcg: m.ndcg, mrr: m.mrr, recall: m.recall, zero: ranked.length === 0, missing: m.missing, ranked };
}

function table(name: string, systems: [string, Row[]][]): string[] {
  const groups = new Map<string, (r: Row) => boolean>([['all', () => true]]);
  for (const r of systems[0]![1]) groups.set(r.kind, (x) => x.kind === r.kind);
  for (const r of systems[0]![1]) groups.set(`split ${r.split}`, (x) => x.split === r.split);
  const head = `| ${name} | n | ${systems.map(([s]) => `${s} nDCG@10 / MRR / R@10`).join(' | ')} |`;
  const lines = [head, `|---|---|${systems.map(() => '---|').join('')}`];
  for (const [g, pick] of groups) {
    const cells = systems.map(([, rows]) => { const rs = rows.filter(pick); return `${mean(rs.map((r) => r.ndcg)).toFixed(3)} / ${mean(rs.map((r) => r.mrr)).toFixed(3)} / ${mean(rs.map((r) => r.recall)).toFixed(3)}`; });
    lines.push(`| ${g} | ${systems[0]![1].filter(pick).length} | ${cells.join(' | ')} |`);
  }
  lines.push(`| zero-hit queries | | ${systems.map(([, rows]) => String(rows.filter((r) => r.zero).length)).join(' | ')} |`);
  return lines;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'minutes-relevance-'));
const config = loadConfig({ MINUTES_DATA_DIR: path.join(work, 'data'), MINUTES_EMBEDDINGS: 'off' });
const needsModel = modes.some((m) => m !== 'keyword');
const model = opt('model') ?? 'minutes-tiny-sv';
const modelDir = path.resolve(opt('model-dir') ?? path.join(PROJECT_ROOT, 'data', 'models'));
const embedder = needsModel ? await loadEmbedder({ ...config.embeddings, enabled: true, model, modelDir }, { warn: (m) => { throw new Error(m); } }) : null;
const conn = await connectMeili(config);
const out: string[] = [];
try {
  const client = new MeiliClient(conn.url, conn.key);
  for (const set of SETS) {
    // Splits read from the file itself, so that this bench also runs against older checkouts.
    const splits = new Map((JSON.parse(readFileSync(path.join(PROJECT_ROOT, set.queries), 'utf8')) as { id: string; split?: string }[]).map((q) => [q.id, q.split ?? 'dev']));
    let queries = loadQueries(path.join(PROJECT_ROOT, set.queries)).map((q) => ({ ...q, split: splits.get(q.id) as 'dev' | 'holdout' }));
    if (opt('split')) queries = queries.filter((q) => ((q as { split?: string }).split ?? 'dev') === opt('split'));
    const index = new ArchiveIndex(client, `${set.name}_`, embedder);
    for (const root of set.roots) await runIngest(path.join(PROJECT_ROOT, root), { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
    const systems: [string, Row[]][] = [];
    // --ratio 0.1,0.2: hybrid once per semantic share, on the one ingest (embedding is what costs).
    const ratios = (opt('ratio') ?? '').split(',').filter(Boolean).map(Number);
    const runs: { mode: (typeof modes)[number]; ratio?: number }[] = modes.flatMap((mode) => (mode === 'hybrid' && ratios.length ? ratios.map((ratio) => ({ mode, ratio })) : [{ mode }]));
    for (const { mode, ratio } of runs) {
      const rows: Row[] = [];
      for (const q of queries) {
        const res = await searchPassages(client, index.names, { q: q.q, limit: K, mode, ...(ratio === undefined ? {} : { ratio }) }, embedder);
        rows.push(row(q, res.hits.map((h) => h.fileName)));
      }
      systems.push([mode === 'keyword' ? 'ours keyword' : `ours ${mode}${ratio === undefined ? '' : ` ${ratio}`} (${model})`, rows]);
    }
    systems.push(['Swedish BM25 (peer)', await peerRows(set.roots, queries, config.limits)]);
    out.push(`### ${set.name}: ${set.queries} (${queries.length} queries)${opt('split') ? `, split ${opt('split')}` : ''}`, '', ...table(set.name, systems), '');
    if (args.includes('--per-query')) {
      for (const [i, r] of systems[0]![1].entries()) {
        const p = systems.at(-1)![1][i]!;
        out.push(`  ${r.id} [${r.kind}/${r.split}] ours ${r.ndcg.toFixed(2)} peer ${p.ndcg.toFixed(2)}  "${r.q}"${r.missing.length ? `  missing: ${r.missing.join(', ')}` : ''}`);
      }
      out.push('');
    }
    // --show a001,a002: both rankings' top 5 with their grades.
    for (const id of (opt('show') ?? '').split(',').filter(Boolean)) {
      const q = queries.find((x) => x.id === id);
      if (!q) continue;
      out.push(`${id} "${q.q}" relevant: ${JSON.stringify(q.relevant)}`);
      for (const [name, rows] of systems) out.push(`  ${name}: ${rows.find((r) => r.id === id)!.ranked.slice(0, 5).map((f) => `${f.slice(0, 12)}(${q.relevant[f] ?? 0})`).join(' ')}`);
    }
  }
} finally {
  await conn.stop();
  rmSync(work, { recursive: true, force: true });
}
const report = [`## ${new Date().toISOString().slice(0, 10)} — ranking quality beside the Swedish-BM25 peer — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`, '', ...out].join('\n');
process.stdout.write(`${report}\n`);
if (args.includes('--record')) appendFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), `\n${report}`);
