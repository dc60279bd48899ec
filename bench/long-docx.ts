/**
 * One long DOCX (scripts/make-long-docx.py: 100 000 paragraphs, headings marked by styles only)
 * ingested into a fresh embedded Meilisearch, keyword-only: wall time, sections and the ingest
 * process's peak RSS (the limit: under 1 GB for any single file).
 *
 *   npx tsx bench/long-docx.ts [PARAGRAPHS]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';

const paragraphs = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'minutes-longdocx-bench-'));
try {
  const archive = path.join(dir, 'arkiv');
  mkdirSync(archive);
  execFileSync('python3', [path.join(PROJECT_ROOT, 'scripts', 'make-long-docx.py'), path.join(archive, 'långt.docx'), String(paragraphs)]);
  const config = loadConfig({ ...process.env, MINUTES_DATA_DIR: path.join(dir, 'data'), MINUTES_EMBEDDINGS: 'off' });
  const conn = await connectMeili(config);
  try {
    const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'bench_');
    const s = await runIngest(archive, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
    const [doc] = (await index.client.getDocuments<{ sectionHeadings: string[] }>(index.names.documents, { fields: ['sectionHeadings'], limit: 1 })).results;
    process.stdout.write(`| ${paragraphs} paragraphs | ${s.failed.length ? `failed: ${s.failed[0]!.reason}` : 'indexed'} | ${doc?.sectionHeadings.length ?? 0} sections, ${s.chunks} passages | ${(s.durationMs / 1000).toFixed(1)} s | ${s.peakRssMb} MB |\n`);
  } finally {
    await conn.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
