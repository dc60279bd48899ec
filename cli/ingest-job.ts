/**
 * The main job: an archive folder → Meilisearch. Incremental by content hash: unchanged files
 * are skipped without parsing, changed files re-extracted, removed files deleted from the index.
 * A file that cannot be read is reported (file, reason) and the rest goes on.
 */
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import type { Reporter } from '../lib/log.ts';
import { discoverFiles, readDocument, cleanDocument, hashFile, ReadError } from '../ingest/index.ts';
import { extractDocument, documentId, type Extracted } from '../extract/index.ts';
import { newsSince, MeiliError, type ArchiveIndex, type SavedSearchNews, type FileState } from '../index/index.ts';
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
  const { files, problems } = await discoverFiles(absRoot);
  const summary: IngestSummary = { root: absRoot, seen: files.length, new: 0, changed: 0, unchanged: 0, removed: 0, people: 0, embedded: 0, savedSearches: [], failed: [...problems], chunks: 0, durationMs: 0, peakRssMb: 0 };
  for (const p of problems) reporter.warn(`${p.file}: ${p.reason}`, { file: p.file, reason: p.reason });

  await index.prepare();
  const indexed = new Map((await index.indexedFiles(absRoot)).map((f) => [f.source, f]));
  // A full rebuild of an index that holds only this archive is written to fresh indexes and swapped
  // in at the end: searchers keep the old index until the new one is complete. (An index shared
  // with other archive folders is re-extracted in place.)
  const rebuild = opts.full && (await index.roots()).every((r) => r === absRoot) ? await index.rebuildTarget() : null;
  if (rebuild) await rebuild.prepare();
  const target = rebuild ?? index;
  let batch: (Extracted & { fileName: string })[] = [];
  let done = 0;
  const runAt = new Date(runStartMs).toISOString();
  const states: FileState[] = [];
  const flush = async () => {
    try {
      await target.write(absRoot, batch);
    } catch (err) {
      if (!(err instanceof MeiliError)) throw err;
      // Say what was not indexed: this batch, and the files not yet reached. A rerun picks them up.
      const names = batch.map((b) => b.fileName);
      throw new MeiliError(`${err.message}; not indexed: ${names.length} file(s) in this batch (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) and ${files.length - done} not yet read — run \`minutes ingest\` again to finish`, err.code, err.status);
    }
    batch = [];
  };

  reporter.progressStart(files.length, 'ingest');
  for (const file of files) {
    done++;
    reporter.progressTick(path.basename(file));
    const previous = indexed.get(file);
    let extracted: Extracted & { fileName: string };
    try {
      if (previous && !opts.full && (await hashFile(file)) === previous.sha256) { summary.unchanged++; continue; }
      const doc = cleanDocument(await readDocument(file, config.limits), { maskPersonnummer: config.maskPersonnummer });
      extracted = { ...extractDocument(doc, { chunkWords: config.chunkWords, docId: documentId(file) }), fileName: doc.fileName };
    } catch (err) {
      // Any failure on one file (unreadable, or a rule that trips on odd input) is that file's, not the batch's.
      const reason = err instanceof ReadError ? err.reason : `could not be processed: ${err instanceof Error ? err.message : String(err)}`;
      summary.failed.push({ file, reason });
      reporter.warn(`${file}: ${reason}`, { file, reason });
      states.push({ id: documentId(file), source: file, root: absRoot, sha256: null, status: 'failed', reason, lastRunAt: runAt });
      continue;
    }
    batch.push(extracted);
    states.push({ id: extracted.docId, source: file, root: absRoot, sha256: extracted.extraction.sha256, status: 'indexed', reason: null, lastRunAt: runAt });
    summary.chunks += extracted.chunks.length;
    if (previous) summary.changed++; else summary.new++;
    if (batch.length >= config.batchDocs) await flush();
  }
  await flush();
  reporter.progressStop();

  const present = new Set(files);
  const gone = [...indexed.values()].filter((f) => !present.has(f.source));
  if (rebuild) await index.swapIn(rebuild);
  else await index.remove(gone.map((f) => f.id));
  await index.recordFiles(states, gone.map((f) => f.id));
  summary.removed = gone.length;
  await index.fillMissingVectors();
  summary.embedded = index.embedded + (rebuild?.embedded ?? 0);
  // People are resolved across the whole archive, so any change rebuilds them; an unchanged run does not.
  const changed = summary.new + summary.changed + summary.removed > 0;
  summary.people = changed ? await index.rebuildPeople() : await index.peopleCount() ?? await index.rebuildPeople();
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
