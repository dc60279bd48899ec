/**
 * OCR benchmark on scans made from the project's own PDFs (scripts/make-scans.sh: data/sample and
 * data/real/authorities, never the set-aside 102/104):
 * - character and word error rate of the OCR'd pages against the originals' text layer (both read
 *   by our reader, markup dropped, whitespace collapsed; page by page);
 * - extraction scores of the OCR'd versions beside the originals on the documents that have gold
 *   (tests/gold and tests/gold-real/dev), and the § numbers recovered;
 * - throughput: pages/s with 1 and 2 Tesseract workers (cold cache), a rerun on the warm cache,
 *   and an ingest of the scanned archive, its no-change rerun and its --full rerun.
 *
 *   npx tsx bench/ocr-bench.ts [--dpi 200] [--speed-files N] [--rounds N] [--speed-only | --skip-speed] [--keep | --work DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT, SAMPLE_ARCHIVE, type Config } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { connectMeili, MeiliClient, ArchiveIndex } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { Gold, RealGold, scoreOne, scoreReal, f1, emptyScore, type Score } from '../scripts/score-extraction.ts';
import type { Extraction, RawDocument } from '../lib/schema.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const dpi = opt('--dpi', 200);
const speedFiles = opt('--speed-files', 6);
const rounds = opt('--rounds', 1);

const AUTHORITIES = path.join(PROJECT_ROOT, 'data', 'real', 'authorities');
// The extraction set-aside (102, 104) is never read.
const originals = [
  ...readdirSync(SAMPLE_ARCHIVE).filter((f) => f.endsWith('.pdf')).map((f) => path.join(SAMPLE_ARCHIVE, f)),
  ...readdirSync(AUTHORITIES).filter((f) => f.endsWith('.pdf') && !/^(102|104)_/.test(f)).map((f) => path.join(AUTHORITIES, f)),
].sort();
// --work DIR reuses a kept run's scans and OCR cache (to measure rule changes without OCR again).
const work = args.includes('--work') ? path.resolve(args[args.indexOf('--work') + 1]!) : mkdtempSync(path.join(os.tmpdir(), 'minutes-ocr-bench-'));
const keep = args.includes('--keep') || args.includes('--work');
const scans = path.join(work, 'scans');
if (!existsSync(scans)) execFileSync(path.join(PROJECT_ROOT, 'scripts', 'make-scans.sh'), [scans, '--dpi', String(dpi), ...originals], { stdio: ['ignore', 'ignore', 'inherit'] });
const scanOf = (original: string) => path.join(scans, path.basename(original));

const base = loadConfig({ ...process.env, MINUTES_DATA_DIR: path.join(work, 'data') });
const withOcr = (workers: number, cacheDir: string): Config['limits'] => ({ ...base.limits, ocr: { ...base.limits.ocr, workers, cacheDir } });

/** Reads every file, timing it; pages read by OCR are counted. */
async function readAll(files: string[], limits: Config['limits']): Promise<{ docs: Map<string, RawDocument>; pages: number; seconds: number }> {
  const docs = new Map<string, RawDocument>();
  let pages = 0;
  const t0 = performance.now();
  for (const f of files) {
    const doc = await readDocument(f, limits);
    docs.set(f, doc);
    pages += doc.ocr?.pages.length ?? 0;
  }
  return { docs, pages, seconds: (performance.now() - t0) / 1000 };
}

// Throughput, cold cache: the first files with 1 worker, then with 2, alternating for --rounds
// (each run in a fresh cache), so both see the same load on a shared machine.
const speedSet = originals.slice(0, speedFiles).map(scanOf);
const speed: { workers: number; pages: number; seconds: number }[] = [];
for (let round = 0; round < (args.includes('--skip-speed') ? 0 : rounds); round++) {
  for (const workers of [1, 2]) speed.push({ workers, ...(await readAll(speedSet, withOcr(workers, path.join(work, `cache-${round}-${workers}`)))) });
}
const warm = speed.length ? await readAll(speedSet, withOcr(2, path.join(work, 'cache-0-2'))) : null;
const speedRows = [
  ...speed.map((r) => `| ${r.workers} worker${r.workers > 1 ? 's' : ''} | ${rate(r)} |`),
  ...(warm ? [`| 2 workers, warm cache (render + hash only) | ${rate(warm)} |`] : []),
];
if (args.includes('--speed-only')) {
  process.stdout.write(`${header()}\n\nThroughput (${speedSet.length} files, cold cache each):\n\n| run | pages/s |\n|---|---|\n${speedRows.join('\n')}\n`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// Quality: every scan, 2 workers, its own cache (the speed set's pages come from cache-2).
const cache = path.join(work, 'cache-0-2');
const all = await readAll(originals.map(scanOf), withOcr(2, cache));
const text = (doc: RawDocument, page: number) => doc.blocks.filter((b) => b.page === page).map((b) => b.text).join('\n')
  .replace(/<\/?del>|\*\*/g, '').replace(/\s+/g, ' ').trim();

function distance<T>(a: T[], b: T[]): number {
  let prev = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const perFile: string[] = [];
let chars = 0; let charErrors = 0; let words = 0; let wordErrors = 0;
let sections = 0; let sectionsRecovered = 0;
const extracted = new Map<string, { original: Extraction; scan: Extraction }>();
for (const original of originals) {
  const ref = await readDocument(original, base.limits);
  const ocr = all.docs.get(scanOf(original))!;
  let c = 0; let ce = 0; let w = 0; let we = 0;
  for (let p = 1; p <= ref.pageCount; p++) {
    const r = text(ref, p); const o = text(ocr, p);
    c += r.length; ce += distance([...r], [...o]);
    const rw = r.split(' ').filter(Boolean); const ow = o.split(' ').filter(Boolean);
    w += rw.length; we += distance(rw, ow);
  }
  chars += c; charErrors += ce; words += w; wordErrors += we;
  const pair = {
    original: extractDocument(cleanDocument(ref), { chunkWords: 250 }).extraction,
    scan: extractDocument(cleanDocument(ocr), { chunkWords: 250 }).extraction,
  };
  extracted.set(path.basename(original), pair);
  const numbers = (e: Extraction) => e.sections.map((s) => s.number).filter((n): n is string => Boolean(n && n.startsWith('§')));
  const wanted = numbers(pair.original);
  const got = new Set(numbers(pair.scan));
  sections += wanted.length; sectionsRecovered += wanted.filter((n) => got.has(n)).length;
  perFile.push(`| ${path.basename(original)} | ${ref.pageCount} | ${ocr.ocr?.confidence ?? '–'} % | ${pct(ce / c)} | ${pct(we / w)} | ${wanted.length ? `${wanted.filter((n) => got.has(n)).length} / ${wanted.length}` : '–'} |`);
}

// Extraction scores on the documents with gold, original beside scan.
const scores = { original: emptyScore(), scan: emptyScore() };
const goldDocs: string[] = [];
for (const file of readdirSync(path.join(PROJECT_ROOT, 'tests', 'gold')).filter((f) => f.endsWith('.json'))) {
  const gold = Gold.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tests', 'gold', file), 'utf8')));
  const pair = extracted.get(gold.file);
  if (!pair) continue;
  goldDocs.push(gold.file);
  scoreOne(gold, pair.original, scores.original); scoreOne(gold, pair.scan, scores.scan);
}
const realScores = { original: emptyScore(), scan: emptyScore() };
for (const file of readdirSync(path.join(PROJECT_ROOT, 'tests', 'gold-real', 'dev')).filter((f) => f.endsWith('.json'))) {
  const gold = RealGold.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tests', 'gold-real', 'dev', file), 'utf8')));
  const pair = extracted.get(gold.file);
  if (!pair) continue;
  goldDocs.push(gold.file);
  scoreReal(gold, pair.original, realScores.original); scoreReal(gold, pair.scan, realScores.scan);
}

// The scanned archive through ingest: first run (pages from the warm cache), no-change rerun, --full rerun.
const ingestConfig = { ...base, limits: withOcr(2, cache), meiliUrl: null };
const conn = await connectMeili(ingestConfig);
const ingestRows: string[] = [];
try {
  const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'ocrbench_');
  const reporter = createReporter({ tty: false, quiet: true });
  for (const [label, full] of [['first ingest (OCR from the warm cache)', false], ['no-change rerun', false], ['--full rerun (every page from the cache)', true]] as const) {
    const s = await runIngest(scans, { full, config: ingestConfig, index, reporter });
    ingestRows.push(`| ${label} | ${s.seen} files, ${s.new + s.changed} read, ${s.unchanged} unchanged, ${s.failed.length} failed | ${(s.durationMs / 1000).toFixed(1)} s |`);
  }
} finally {
  await conn.stop();
}

function rate(r: { pages: number; seconds: number }): string {
  return `${r.pages} pages in ${r.seconds.toFixed(1)} s: ${(r.pages / r.seconds).toFixed(3)} pages/s`;
}
function pct(x: number): string { return `${(100 * x).toFixed(2)} %`; }
function compare(s: { original: Score; scan: Score }, fields: string[], accuracies: string[]): string[] {
  const rows = fields.filter((f) => s.original.fields[f]).map((f) => [f, f1(s.original.fields[f]!).f1, f1(s.scan.fields[f]!).f1] as const);
  const accs = accuracies.filter((a) => s.original.accuracy[a]).map((a) => [a, s.original.accuracy[a]!.right / s.original.accuracy[a]!.total, s.scan.accuracy[a]!.right / s.scan.accuracy[a]!.total] as const);
  return [...rows.map(([f, o, n]) => `| ${f} F1 | ${o.toFixed(3)} | ${n.toFixed(3)} | ${(n - o).toFixed(3)} |`), ...accs.map(([a, o, n]) => `| ${a} | ${o.toFixed(3)} | ${n.toFixed(3)} | ${(n - o).toFixed(3)} |`)];
}

function header(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const tess = execFileSync('tesseract', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  return `### OCR of scanned PDFs (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${tess}, scans at ${dpi} dpi, load average ${os.loadavg()[0]!.toFixed(1)})`;
}
process.stdout.write([
  header(),
  '',
  `Error rates against the originals' text layer, ${all.pages} pages of ${originals.length} PDFs:`,
  `**CER ${pct(charErrors / chars)}**, WER ${pct(wordErrors / words)}; § numbers recovered ${sectionsRecovered} / ${sections}.`,
  '',
  '| file | pages | mean confidence | CER | WER | § numbers |', '|---|---|---|---|---|---|', ...perFile,
  '',
  `Extraction on the OCR'd versions beside the originals (${goldDocs.join(', ')}):`,
  '',
  '| tests/gold (sample) | original | OCR | Δ |', '|---|---|---|---|',
  ...compare(scores, ['persons', 'organisations', 'dates', 'decisions', 'themes'], ['attendance', 'date', 'docType', 'body']),
  '',
  '| tests/gold-real dev (authorities) | original | OCR | Δ |', '|---|---|---|---|',
  ...compare(realScores, ['persons', 'organisations', 'decisions', 'diarienummer'], ['attendance', 'date', 'docType', 'body', 'organisation']),
  '',
  `Throughput (${speedSet.length} files, cold cache each):`,
  '',
  '| run | pages/s |', '|---|---|',
  ...speedRows,
  '',
  '| ingest of the scanned archive | files | time |', '|---|---|---|', ...ingestRows,
  '',
].join('\n'));
if (!keep) rmSync(work, { recursive: true, force: true });
else process.stdout.write(`kept: ${work}\n`);
