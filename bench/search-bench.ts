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
const embedder = await loadEmbedder(tiny, { warn: () => undefined });
const conn = await connectMeili(config);
const rows: string[] = ['Per-stage throughput on this archive, one core:', '', ...(await stageTable(files, config)), ''];
const dirSize = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((s, e) => s + (e.isDirectory() ? dirSize(path.join(d, e.name)) : statSync(path.join(d, e.name)).size), 0);
try {
  const client = new MeiliClient(conn.url, conn.key);
  const index = new ArchiveIndex(client, '', embedder);
  const reporter = createReporter({ tty: false, quiet: true });
  const first = await runIngest(archive, { full: false, config, index, reporter });
  const again = await runIngest(archive, { full: false, config, index, reporter });
  const indexMb = dirSize(path.join(config.dataDir, 'meili', 'data.ms')) / 2 ** 20;
  rows.push(
    `Archive: ${files.length} files (${path.basename(archive)}), ${first.chunks} passages, ${first.failed.length} failed.`,
    '',
    '| full ingest (with tiny-model embeddings) | no-change rerun | docs/s | peak RSS (ingest process) | index on disk |',
    '|---|---|---|---|---|',
    `| ${(first.durationMs / 1000).toFixed(1)} s | ${(again.durationMs / 1000).toFixed(2)} s | ${(files.length / (first.durationMs / 1000)).toFixed(0)} | ${first.peakRssMb} MB | ${indexMb.toFixed(0)} MB |`,
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
