/**
 * Ingest benchmark: per-stage throughput (read, clean, extract) per format, and end-to-end ingest
 * into a fresh embedded Meilisearch (first run and no-change rerun). Prints a Markdown table and,
 * with --record, appends it to BENCHMARKS.md with the date and machine.
 *
 *   npm run bench -- [--record] [DIR…]    (default: data/sample, plus ../shared/seeds and ../shared/real-world when present)
 */
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT, SAMPLE_ARCHIVE } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { discoverFiles, readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { stageTable } from './stages.ts';
import { connectMeili, MeiliClient, ArchiveIndex, loadEmbedder } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';

const args = process.argv.slice(2);
const record = args.includes('--record');
const dirs = args.filter((a) => !a.startsWith('--'));
const defaults = [SAMPLE_ARCHIVE, path.resolve(PROJECT_ROOT, '../shared/seeds'), path.resolve(PROJECT_ROOT, '../shared/real-world')].filter(existsSync);
const roots = dirs.length ? dirs : defaults;
const config = loadConfig();

const allFiles = (await Promise.all(roots.map((r) => discoverFiles(r)))).flatMap((d) => d.files);
const rows = await stageTable(allFiles, config);

// Embedding throughput: every passage of the archives, with the configured model when it loads
// and with the project's own tiny model (a lexicon model: it measures the pipeline, not a real network).
const passages = [];
for (const file of allFiles) {
  const raw = await readDocument(file, config.limits).catch(() => null);
  if (raw) passages.push(...extractDocument(cleanDocument(raw), { chunkWords: config.chunkWords }).chunks.map((c) => `${c.heading}\n${c.text}`));
}
const embedRows: string[] = [];
const tinyModel = { ...config.embeddings, model: 'minutes-tiny-sv', modelDir: path.join(PROJECT_ROOT, 'data', 'models') };
for (const settings of [config.embeddings, tinyModel]) {
  const embedder = await loadEmbedder(settings, { warn: (m) => embedRows.push(`| ${settings.model} | not loaded: ${m.replace(/\|/g, '/')} | |`) });
  if (!embedder) continue;
  const t0 = performance.now();
  await embedder.embed(passages, 'passage');
  const s = (performance.now() - t0) / 1000;
  embedRows.push(`| ${settings.model} (${embedder.dimensions} dims, batch ${settings.batchSize}) | ${passages.length} passages in ${s.toFixed(2)} s | ${(passages.length / s).toFixed(0)} passages/s |`);
}

// End to end into a fresh embedded Meilisearch.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minutes-bench-'));
const e2e: string[] = [];
const benchConfig = { ...config, dataDir, meiliUrl: null };
const tStart = performance.now();
const conn = await connectMeili(benchConfig);
const startMs = performance.now() - tStart;
try {
  const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'bench_');
  const reporter = createReporter({ tty: false, quiet: true });
  for (const root of roots) {
    const first = await runIngest(root, { full: false, config: benchConfig, index, reporter });
    const again = await runIngest(root, { full: false, config: benchConfig, index, reporter });
    e2e.push(`| ${path.relative(PROJECT_ROOT, root) || root} | ${first.seen} | ${first.failed.length} | ${first.chunks} | ${(first.durationMs / 1000).toFixed(2)} s | ${(again.durationMs / 1000).toFixed(2)} s |`);
  }
} finally {
  await conn.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = [
  `## ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  '',
  ...rows,
  '',
  `Embedded Meilisearch start: ${(startMs / 1000).toFixed(2)} s. Peak RSS of the benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
  '',
  '| model | embedding | throughput |',
  '|---|---|---|',
  ...embedRows,
  '',
  '| archive | files | failed | passages | full ingest (keyword) | no-change rerun |',
  '|---|---|---|---|---|---|',
  ...e2e,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (record) appendFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), `\n${report}`);
