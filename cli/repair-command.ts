/**
 * `minutes repair`: recovery of a damaged embedded database, keeping the saved searches. A corrupt
 * VERSION file is rewritten with the binary's version; the saved searches are read from the old
 * database when it still opens (else from the copy each ingest keeps, saved-searches.json); the old
 * database is moved aside (never deleted) and a fresh one made, with the saved searches restored.
 * The archive is then indexed again by `minutes ingest DIR`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import { connectMeili, MeiliClient, ArchiveIndex, listSavedSearches, indexNames, type SavedSearch } from '../index/index.ts';
import { backupSavedSearches, SAVED_BACKUP } from '../index/saved-searches.ts';
import { embeddedBinary } from '../index/meili-server.ts';

export interface RepairResult { movedTo: string | null; versionFixed: boolean; saved: number; savedFrom: 'database' | 'backup' | 'none'; roots: string[] }

export async function repair(config: Config, log: (m: string) => void): Promise<RepairResult> {
  if (config.meiliUrl) throw new Error('minutes repair works on the embedded Meilisearch only: with MEILI_URL, repair that server with its own tools');
  const dir = path.join(config.dataDir, 'meili');
  const db = path.join(dir, 'data.ms');
  const result: RepairResult = { movedTo: null, versionFixed: false, saved: 0, savedFrom: 'none', roots: [] };
  const names = indexNames(config.indexPrefix);

  // 1. A VERSION file that is not "major.minor.patch" gets the binary's own version.
  const versionFile = path.join(db, 'VERSION');
  if (existsSync(versionFile) && !/^\d+\.\d+\.\d+\s*$/.test(readFileSync(versionFile, 'utf8'))) {
    const version = /(\d+\.\d+\.\d+)/.exec(execFileSync(embeddedBinary(config.meiliBinary), ['--version'], { encoding: 'utf8' }))?.[1];
    if (version) { writeFileSync(versionFile, version); result.versionFixed = true; log(`rewrote the damaged ${versionFile} as ${version}`); }
  }

  // 2. The saved searches, from the old database if it still opens.
  let saved: SavedSearch[] | null = null;
  if (existsSync(db)) {
    try {
      const conn = await connectMeili(config, { log, startTimeoutMs: 20_000 });
      try {
        const client = new MeiliClient(conn.url, conn.key, { retries: 1, timeoutMs: 10_000 });
        saved = await listSavedSearches(client, names);
        result.savedFrom = 'database';
        result.roots = await new ArchiveIndex(client, config.indexPrefix).roots().catch(() => []);
      } finally {
        await conn.stop();
      }
    } catch (err) {
      log(`the old database does not open or answer (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
  }
  const backup = path.join(config.dataDir, SAVED_BACKUP);
  // (An empty list from a database whose saved-search index is lost is no reason to drop the copy.)
  if (!saved?.length && existsSync(backup)) {
    try { saved = JSON.parse(readFileSync(backup, 'utf8')) as SavedSearch[]; result.savedFrom = 'backup'; } catch { log(`${backup} cannot be read`); }
  }
  if (!result.roots.length) {
    try { result.roots = [(JSON.parse(readFileSync(path.join(config.dataDir, 'last-run.json'), 'utf8')) as { root: string }).root].filter(Boolean); } catch { /* no last run */ }
  }

  // 3. The old database moved aside, a fresh one made with the saved searches.
  if (existsSync(db)) {
    result.movedTo = `${db}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(db, result.movedTo);
    log(`moved the old database to ${result.movedTo}`);
  }
  const conn = await connectMeili(config, { log });
  try {
    const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), config.indexPrefix);
    await index.prepare();
    await index.client.ensureIndex(names.saved, 'id');
    if (saved?.length) await index.client.addDocuments(names.saved, saved);
    result.saved = saved?.length ?? 0;
    backupSavedSearches(config.dataDir, saved ?? []);
  } finally {
    await conn.stop();
  }
  return result;
}
