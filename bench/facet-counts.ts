/**
 * What facets that combine cost: the facet counts of one search page with two facets ticked, counted
 * the old way (one count under every filter, so a ticked facet showed only its own value) and
 * disjunctively (that count, plus one per ticked facet without its own filter, side by side).
 * Same archive, same queries, same run; in-process, 1 client.
 *
 *   npx tsx bench/facet-counts.ts [--docs 1000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, documentCounts, disjunctiveCounts, type Filters } from '../index/index.ts';
import { FACETS, FILTER_PARAMS } from '../index/filter-params.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { measure } from './latency.ts';

const args = process.argv.slice(2);
const docs = args.includes('--docs') ? args[args.indexOf('--docs') + 1]! : '1000';
const work = mkdtempSync(path.join(os.tmpdir(), 'minutes-facets-'));
const archive = path.join(work, 'archive');
execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'generate-archive.ts'), archive, '--docs', docs], { stdio: 'ignore' });
const config = loadConfig({ MINUTES_DATA_DIR: path.join(work, 'data'), MINUTES_EMBEDDINGS: 'off' });
const conn = await connectMeili(config);
try {
  const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), '');
  await runIngest(archive, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
  const queries = ['kompetensförsörjning', 'brist på arbetskraft', 'Ukraina', 'civilt försvar', 'kollektivtrafik', 'skolresultat', 'nära vård', 'gränshinder Norge', 'pandemin', ''];
  const filters: Filters = { year: [2021, 2022], docType: ['protokoll'] };
  const facets = FACETS.map((f) => ({ field: f.field, filter: FILTER_PARAMS[f.param] }));
  const one = (q: string) => documentCounts(index.client, index.names, { q, filters, facets: facets.map((f) => f.field) });
  const combined = (q: string) => disjunctiveCounts(index.client, index.names, { q, filters, facets });
  await measure(combined, queries, 1, 20); // warm-up
  const a = await measure(one, queries, 1, 60);
  const b = await measure(combined, queries, 1, 60);
  const fmt = (l: { p50: number; p95: number }) => `${l.p50} / ${l.p95}`;
  process.stdout.write(`| facet counts, ${docs} documents, year and type ticked | one count under every filter: ${fmt(a)} ms | disjunctive (+1 count per ticked facet): ${fmt(b)} ms | p50 / p95, ${a.n} searches each |\n`);
} finally {
  await conn.stop();
  rmSync(work, { recursive: true, force: true });
}
