/**
 * The main job: an archive folder → Meilisearch. Incremental by content hash: unchanged files
 * are skipped without parsing, changed files re-extracted, removed files deleted from the index.
 * A file that cannot be read is reported (file, reason) and the rest goes on.
 */
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import type { Reporter } from '../lib/log.ts';
import { discoverFiles, hashFile } from '../ingest/index.ts';
import { documentId, type Extracted } from '../extract/index.ts';
import { ExtractPool } from './extract-pool.ts';
import type { ExtractResult } from './extract-file.ts';
import { newsSince, MeiliError, RECORD_VERSION, UNCONFIRMED_BATCHES, type ArchiveIndex, type IndexedFile, type SavedSearchNews, type FileState } from '../index/index.ts';
import { evaluateAfterIngest, type EvalCheck } from './eval-command.ts';

export interface IngestSummary {
  root: string;
  seen: number;
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** Persons in the archive after resolution across documents. */
  people: number;
  /** Passages embedded in this run (new text, or vectors missing from an earlier run without a model). */
  embedded: number;
  /** With --eval: mean nDCG@10 per mode, the previous run's, and any drop. */
  evaluation?: EvalCheck;
  /** Per saved search, the documents new or changed in this run. */
  savedSearches: SavedSearchNews[];
  failed: { file: string; reason: string }[];
  chunks: number;
  durationMs: number;
  /** Peak resident memory of this process (MB); the Meilisearch server is a separate process. */
  peakRssMb: number;
}


export async function runIngest(root: string, opts: { full: boolean; config: Config; index: ArchiveIndex; reporter: Reporter; evalQueries?: string }): Promise<IngestSummary> {
  const started = performance.now();
  const runStartMs = Date.now();
  const absRoot = path.resolve(root);
  const { index, reporter, config } = opts;
  const { files, problems } = await discoverFiles(absRoot, { exclude: [config.dataDir] });
  const summary: IngestSummary = { root: absRoot, seen: files.length, new: 0, changed: 0, unchanged: 0, removed: 0, people: 0, embedded: 0, savedSearches: [], failed: [...problems], chunks: 0, durationMs: 0, peakRssMb: 0 };
  for (const p of problems) reporter.warn(`${p.file}: ${p.reason}`, { file: p.file, reason: p.reason });

  await index.prepare();
  const indexed = new Map((await index.indexedFiles(absRoot)).map((f) => [f.source, f]));
  // A run that failed before recording the files' states (a full disk) left indexed files without
  // one: an unchanged file gets its state back.
  const hasState = await index.fileStateIds(absRoot);
  // A full rebuild of an index that holds only this archive is written to fresh indexes and swapped
  // in at the end: searchers keep the old index until the new one is complete. (An index shared
  // with other archive folders is re-extracted in place.)
  const rebuild = opts.full && (await index.roots()).every((r) => r === absRoot) ? await index.rebuildTarget() : null;
  if (rebuild) await rebuild.prepare();
  // Files gone from the folder leave the index before anything is read: a deleted document is not
  // a hit for the length of the run. (A rebuild leaves them out and swaps in at the end.)
  const present = new Set(files);
  const gone = [...indexed.values()].filter((f) => !present.has(f.source));
  if (!rebuild) await index.remove(gone.map((f) => f.id));
  const target = rebuild ?? index;
  let batch: (Extracted & { fileName: string; replaces?: boolean })[] = [];
  let done = 0;
  const runAt = new Date(runStartMs).toISOString();
  const states: FileState[] = [];
  // Writes happen one batch at a time, in order, whatever order the workers finish files in; a write
  // returns while Meilisearch still indexes its batch (see ArchiveIndex.write), so the last flush settles.
  let writing: Promise<void> = Promise.resolve();
  // File names of the batches Meilisearch may not have indexed yet.
  let unconfirmed: string[][] = [];
  const flush = (last = false) => {
    const current = batch;
    batch = [];
    writing = writing.then(async () => {
      const names = [...unconfirmed.flat(), ...current.map((b) => b.fileName)];
      try {
        if (current.length) await target.write(absRoot, current);
        unconfirmed = [...unconfirmed, current.map((b) => b.fileName)].slice(-UNCONFIRMED_BATCHES);
        if (last) await target.settle();
      } catch (err) {
        if (!(err instanceof MeiliError)) throw err;
        // Say what may not be indexed: the batches in flight, and the files not yet reached. A rerun picks them up.
        throw new MeiliError(`${err.message}; not confirmed indexed: ${names.length} file(s) in the last batches (${names.slice(-5).join(', ')}${names.length > 5 ? ', …' : ''}) and ${files.length - done} not yet read — run \`minutes ingest\` again to finish`, err.code, err.status);
      }
    });
    return writing;
  };

  const pool = new ExtractPool(config.workers, { limits: config.limits, chunkWords: config.chunkWords, maskPersonnummer: config.maskPersonnummer });
  const inFlight = new Set<Promise<void>>();
  const handle = (file: string, previous: IndexedFile | undefined) => async (result: ExtractResult) => {
    if (!result.ok) {
      summary.failed.push({ file, reason: result.reason });
      reporter.warn(`${file}: ${result.reason}`, { file, reason: result.reason });
      states.push({ id: documentId(file), source: file, root: absRoot, sha256: null, status: 'failed', reason: result.reason, lastRunAt: runAt });
      return;
    }
    const ocr = result.extracted.extraction.ocr;
    if (ocr) reporter.info(`${file}: ${ocr.pages.length} page(s) read by OCR, mean confidence ${Math.round(ocr.confidence)} %`, { file, ocrPages: ocr.pages.map((p) => p.page), ocrConfidence: ocr.confidence });
    batch.push({ ...result.extracted, replaces: Boolean(previous) });
    states.push({ id: result.extracted.docId, source: file, root: absRoot, sha256: result.extracted.extraction.sha256, status: 'indexed', reason: null, lastRunAt: runAt });
    summary.chunks += result.extracted.chunks.length;
    if (previous) summary.changed++; else summary.new++;
    if (batch.length >= config.batchDocs) await flush();
  };

  reporter.progressStart(files.length, 'ingest');
  try {
    for (const file of files) {
      done++;
      reporter.progressTick(path.basename(file));
      const previous = indexed.get(file);
      if (previous && !opts.full && previous.recordVersion === RECORD_VERSION && (await hashFile(file).catch(() => null)) === previous.sha256) {
        summary.unchanged++;
        if (!hasState.has(previous.id)) states.push({ id: previous.id, source: file, root: absRoot, sha256: previous.sha256, status: 'indexed', reason: null, lastRunAt: runAt });
        continue;
      }
      const ocrProgress = (pages: number, total: number) => reporter.progressDetail(`${path.basename(file)}: OCR ${pages}/${total} pages`);
      const task = pool.run(file, ocrProgress).then(handle(file, previous));
      inFlight.add(task);
      // The failure itself surfaces through race/all below; these handlers only keep the set tidy.
      task.catch(() => undefined);
      void task.finally(() => inFlight.delete(task)).catch(() => undefined);
      // Keep every worker busy, and no more: memory stays flat however large the archive.
      if (inFlight.size >= 2 * pool.size) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await flush(true);
  } finally {
    await pool.close();
  }
  reporter.progressStop();

  if (rebuild) await index.swapIn(rebuild);
  await index.recordFiles(states, rebuild ? gone.map((f) => f.id) : []);
  summary.removed = gone.length;
  await index.fillMissingVectors();
  summary.embedded = index.embedded + (rebuild?.embedded ?? 0);
  // People are resolved across the whole archive, so any change rebuilds them; an unchanged run does not.
  const changed = summary.new + summary.changed + summary.removed > 0;
  summary.people = changed ? await index.rebuildPeople() : await index.peopleCount() ?? await index.rebuildPeople();
  await index.refreshPostings(changed || Boolean(rebuild));
  summary.savedSearches = await newsSince(index.client, index.names, runStartMs);
  if (opts.evalQueries) {
    summary.evaluation = await evaluateAfterIngest(index, opts.evalQueries, absRoot, path.join(config.dataDir, 'eval-history.jsonl'));
    for (const drop of summary.evaluation.drops) reporter.warn(`search quality dropped: ${drop}`, { drop });
  }
  summary.durationMs = Math.round(performance.now() - started);
  summary.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return summary;
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `${s.root}: ${s.seen} files — ${s.new} new, ${s.changed} changed, ${s.unchanged} unchanged, ${s.removed} removed, ${s.failed.length} failed; ${s.chunks} passages indexed (${s.embedded} embedded), ${s.people} persons in the archive, in ${(s.durationMs / 1000).toFixed(1)} s`,
  ];
  for (const f of s.failed) lines.push(`  FAILED ${f.file}: ${f.reason}`);
  for (const n of s.savedSearches) {
    lines.push(`  bevakning "${n.name}": ${n.documents.length} nya eller ändrade dokument${n.documents.length ? `: ${n.documents.map((d) => d.fileName).join(', ')}` : ''}`);
  }
  if (s.evaluation) {
    const fmt = (n: Partial<Record<string, number>>) => Object.entries(n).map(([m, v]) => `${m} ${v}`).join(', ');
    lines.push(`  evaluation nDCG@10: ${fmt(s.evaluation.ndcg)}${s.evaluation.previous ? ` (previous run: ${fmt(s.evaluation.previous)})` : ''}`);
    for (const d of s.evaluation.drops) lines.push(`  QUALITY DROP ${d}`);
  }
  return lines.join('\n');
}
