/**
 * Archive-scale benchmark: generate (or take) an archive, ingest it in full, rerun without changes,
 * then measure search latency p50/p95/p99 for keyword, filtered and hybrid queries with 1 and 8
 * concurrent clients — through the in-process search (the CLI path), through the HTTP API, and
 * straight to Meilisearch — and compare our PDF text extraction with poppler's pdftotext.
 *
 *   npm run bench -- --docs 1000 [--record]      (or: -- --dir ARCHIVE)
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, loadEmbedder } from '../index/index.ts';
import { discoverFiles, readDocument } from '../ingest/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { searchLatencyRows } from './search-latency.ts';
import { stageTable } from './stages.ts';

const args = process.argv.slice(2);
const opt = (n: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : undefined; };
const record = args.includes('--record');
const work = mkdtempSync(path.join(os.tmpdir(), 'minutes-scale-'));
let archive = opt('dir');
if (!archive) {
  archive = path.join(work, 'archive');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'generate-archive.ts'), archive, '--docs', opt('docs') ?? '1000'], { stdio: 'ignore' });
}
const files = (await discoverFiles(archive)).files;
const config = { ...loadConfig({ MINUTES_DATA_DIR: path.join(work, 'data'), MINUTES_EMBEDDINGS: 'off' }) };
const tiny = { ...config.embeddings, enabled: true, model: 'minutes-tiny-sv', modelDir: path.join(PROJECT_ROOT, 'data', 'models') };
const model = await loadEmbedder(tiny, { warn: () => undefined });
// Time spent embedding passages during the ingest (the model runs on onnxruntime's threads).
const embedding = { ms: 0, passages: 0 };
const embedder = model && {
  ...model,
  async embed(texts: string[], kind: 'query' | 'passage') {
    const t = performance.now();
    try { return await model.embed(texts, kind); } finally { embedding.ms += performance.now() - t; embedding.passages += texts.length; }
  },
};
const conn = await connectMeili(config);
const rows: string[] = ['Per-stage throughput on this archive, one core:', '', ...(await stageTable(files, config)), ''];
/** Seconds Meilisearch spent on document additions, per index kind, from its task list. */
async function indexingSeconds(client: MeiliClient): Promise<{ chunks: number; documents: number }> {
  const seconds = (d: string | null) => { const m = /PT(?:(\d+)H)?(?:(\d+)M)?([\d.]+)S/.exec(d ?? ''); return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]) : 0; };
  const out = { chunks: 0, documents: 0 };
  type Page = { results: { indexUid: string; duration: string | null; batchUid: number | null }[]; next: number | null };
  // Tasks Meilisearch indexed together report the whole batch's duration: count each batch once.
  const seen = new Set<number>();
  for (let from: number | null = null; ;) {
    const page: Page = await client.request('GET', `/tasks?types=documentAdditionOrUpdate&statuses=succeeded&limit=1000${from === null ? '' : `&from=${from}`}`);
    for (const t of page.results) {
      if ((t.indexUid !== 'chunks' && t.indexUid !== 'documents') || (t.batchUid !== null && seen.has(t.batchUid))) continue;
      if (t.batchUid !== null) seen.add(t.batchUid);
      out[t.indexUid] += seconds(t.duration);
    }
    if (page.next === null) return out;
    from = page.next;
  }
}
const dirSize = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? dirSize(path.join(d, e.name)) : statSync(path.join(d, e.name)).size), 0);
try {
  const client = new MeiliClient(conn.url, conn.key);
  const index = new ArchiveIndex(client, '', embedder);
  const reporter = createReporter({ tty: false, quiet: true });
  const first = await runIngest(archive, { full: false, config, index, reporter });
  const again = await runIngest(archive, { full: false, config, index, reporter });
  const indexMb = dirSize(path.join(config.dataDir, 'meili', 'data.ms')) / 2 ** 20;
  const busy = await indexingSeconds(client);
  rows.push(
    `Archive: ${files.length} files (${path.basename(archive)}), ${first.chunks} passages, ${first.failed.length} failed.`,
    '',
    '| full ingest (with tiny-model embeddings) | no-change rerun | docs/s | peak RSS (bench process) | index on disk |',
    '|---|---|---|---|---|',
    `| ${(first.durationMs / 1000).toFixed(1)} s | ${(again.durationMs / 1000).toFixed(2)} s | ${(files.length / (first.durationMs / 1000)).toFixed(0)} | ${first.peakRssMb} MB | ${indexMb.toFixed(0)} MB |`,
    '',
    'Inside that ingest, overlapping (Meilisearch indexes one batch while the next is read, extracted and embedded):',
    '',
    '| stage | busy time | throughput |',
    '|---|---|---|',
    `| embed (passages new to the run) | ${(embedding.ms / 1000).toFixed(1)} s | ${embedding.passages} passages, ${(embedding.passages / (embedding.ms / 1000) || 0).toFixed(0)} passages/s |`,
    `| index (Meilisearch tasks: passages, documents) | ${busy.chunks.toFixed(1)} s + ${busy.documents.toFixed(1)} s | ${(files.length / (busy.chunks + busy.documents)).toFixed(0)} docs/s, ${(first.chunks / busy.chunks).toFixed(0)} passages/s |`,
    '',
  );

  rows.push(...(await searchLatencyRows(conn, index, embedder)));

  // Our PDF text extraction against poppler's pdftotext on the same files.
  const pdfs = files.filter((f) => f.endsWith('.pdf')).slice(0, 40);
  if (pdfs.length && existsSync('/usr/bin/pdftotext')) {
    let t = performance.now();
    let pages = 0;
    for (const f of pdfs) pages += (await readDocument(f, config.limits)).pageCount;
    const ours = performance.now() - t;
    t = performance.now();
    for (const f of pdfs) execFileSync('/usr/bin/pdftotext', ['-layout', f, '-']);
    const poppler = performance.now() - t;
    rows.push(`PDF text: ${pdfs.length} files, ${pages} pages — ours (pdf-parse + strike-through pass) ${(pages / (ours / 1000)).toFixed(0)} pages/s, pdftotext ${(pages / (poppler / 1000)).toFixed(0)} pages/s (process per file): ours takes ${(ours / poppler).toFixed(2)}× the time.`, '');
  }
} finally {
  await conn.stop();
  rmSync(work, { recursive: true, force: true });
}

const report = [`## ${new Date().toISOString().slice(0, 10)} — archive scale — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`, '', ...rows].join('\n');
process.stdout.write(`${report}\n`);
if (record) appendFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), `\n${report}`);
