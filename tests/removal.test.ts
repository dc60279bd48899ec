/**
 * A file deleted from the archive: the next ingest removes its document so that no search in
 * between shows a hit whose document record is already gone. Each deletion step is followed by a
 * search and a look-up of the record (a client that checks after every delete it makes), against a
 * real Meilisearch; the old order (records first, passages after) failed the check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, MeiliError, ArchiveIndex, searchPassages, type MeiliConnection } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { documentId } from '../extract/index.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir('removal');
const archive = path.join(tmp.dir, 'arkiv');
const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data'), MINUTES_EMBEDDINGS: 'off' });
const doomed = path.join(archive, 'borttagen.txt');
const UNIQUE = 'snöröjningsavtalet';
let conn: MeiliConnection;

interface Probe { after: string; hit: boolean; record: boolean }
const probes: Probe[] = [];

/** Checks, after each delete, whether the doomed document is a hit and whether its record is there. */
class WatchingClient extends MeiliClient {
  override async deleteByFilter(uid: string, filter: string): Promise<void> {
    await super.deleteByFilter(uid, filter);
    const names = new ArchiveIndex(this, 'rm_').names;
    const hit = (await searchPassages(this, names, { q: UNIQUE, limit: 10 })).hits.some((h) => h.source.endsWith('borttagen.txt'));
    const record = await this.getDocument(names.documents, documentId(doomed)).then(() => true, (err: unknown) => {
      if (err instanceof MeiliError && err.code === 'document_not_found') return false;
      throw err;
    });
    probes.push({ after: uid, hit, record });
  }
}

beforeAll(async () => {
  mkdirSync(archive, { recursive: true });
  writeFileSync(doomed, `Minnesanteckningar Tekniska nämnden 3 februari 2022\n\nNämnden diskuterade ${UNIQUE} för vintern och beslutade att förlänga det.\n`);
  writeFileSync(path.join(archive, 'kvar.txt'), 'Minnesanteckningar Tekniska nämnden 10 mars 2022\n\nNämnden diskuterade busslinjerna i kommunen.\n');
  conn = await connectMeili(config);
  const reporter = createReporter({ tty: false, quiet: true });
  await runIngest(archive, { full: false, config, index: new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'rm_'), reporter });
  rmSync(doomed);
  await runIngest(archive, { full: false, config, index: new ArchiveIndex(new WatchingClient(conn.url, conn.key), 'rm_'), reporter });
}, 120_000);
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('a file deleted from the archive', () => {
  it('is never a hit once its document record is gone, and is gone after the run', () => {
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const p of probes) expect(p.hit && !p.record, `after deleting from ${p.after}: a hit without its record`).toBe(false);
    expect(probes.at(-1)).toMatchObject({ hit: false, record: false });
  });
});
