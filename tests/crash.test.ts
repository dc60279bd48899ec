/**
 * Crashes: the ingest job killed with SIGKILL mid-run, and Meilisearch killed under a running job.
 * The next run finishes the work: no file lost, none indexed twice, no passage without its document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, MeiliError, ArchiveIndex } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const tmp = tempDir('crash');
const archive = path.join(tmp.dir, 'arkiv');
const reporter = createReporter({ tty: false, quiet: true });
const sample = readdirSync(SAMPLE_DIR);
const COPIES = 3;

beforeAll(() => {
  mkdirSync(archive, { recursive: true });
  for (let i = 0; i < COPIES; i++) for (const f of sample) copyFileSync(path.join(SAMPLE_DIR, f), path.join(archive, `${i}-${f}`));
});

/** Kills whatever embedded Meilisearch a data dir has left running. */
function killLeftover(dataDir: string) {
  const file = path.join(dataDir, 'meili', 'server.json');
  if (existsSync(file)) try { process.kill((JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid, 'SIGKILL'); } catch { /* gone */ }
}

/** Documents indexed so far by the (possibly orphaned) embedded Meilisearch of a data dir. */
async function documentsSoFar(dataDir: string): Promise<number> {
  try {
    const { url } = JSON.parse(readFileSync(path.join(dataDir, 'meili', 'server.json'), 'utf8')) as { url: string };
    const key = readFileSync(path.join(dataDir, 'meili', 'master.key'), 'utf8').trim();
    const res = await fetch(`${url}/indexes/documents/stats`, { headers: { Authorization: `Bearer ${key}` } });
    return res.ok ? ((await res.json()) as { numberOfDocuments: number }).numberOfDocuments : 0;
  } catch {
    return 0;
  }
}

async function checkConsistent(index: ArchiveIndex, files: number) {
  const docs = await index.client.getDocuments<{ id: string; source: string }>(index.names.documents, { fields: ['id', 'source'], limit: 1000 });
  expect(docs.results).toHaveLength(files);
  expect(new Set(docs.results.map((d) => d.source)).size).toBe(files);
  const chunks = await index.client.getDocuments<{ docId: string }>(index.names.chunks, { fields: ['docId'], limit: 10_000 });
  const ids = new Set(docs.results.map((d) => d.id));
  expect(chunks.results.filter((c) => !ids.has(c.docId))).toEqual([]);
}

afterAll(() => tmp.cleanup());

describe('crash recovery', () => {
  const dataDir = path.join(tmp.dir, 'data-kill');
  afterAll(() => killLeftover(dataDir));

  it('finishes the job after the ingest process is killed with SIGKILL mid-run', async () => {
    const env = { ...process.env, MINUTES_DATA_DIR: dataDir, MINUTES_EMBEDDINGS: 'off', MEILI_URL: '', MINUTES_BATCH_DOCS: '3' };
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'minutes.js'), 'ingest', archive], { env, stdio: 'ignore' });
    // Small batches; kill as soon as the job's Meilisearch holds a few documents (part written, part not).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const written = await documentsSoFar(dataDir);
      if (written >= 3 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(path.join(dataDir, 'ingest.lock'))).toBe(true);

    const config = loadConfig({ MINUTES_DATA_DIR: dataDir });
    const conn = await connectMeili(config);
    try {
      const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key));
      const partial = await documentsSoFar(dataDir);
      expect(partial, 'killed after some documents were written').toBeGreaterThanOrEqual(3);
      expect(partial, 'killed before all were written').toBeLessThan(sample.length * COPIES);
      const s = await runIngest(archive, { full: false, config, index, reporter });
      expect(s.failed).toEqual([]);
      expect(s.new + s.unchanged + s.changed).toBe(sample.length * COPIES);
      expect(s.unchanged).toBeGreaterThanOrEqual(3);
      await checkConsistent(index, sample.length * COPIES);
      const again = await runIngest(archive, { full: false, config, index, reporter });
      expect(again).toMatchObject({ new: 0, changed: 0, unchanged: sample.length * COPIES });
    } finally {
      await conn.stop();
    }
  }, 120_000);

  it('reports an unreachable Meilisearch after retries, and a rerun completes', async () => {
    const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data-meili'), MINUTES_BATCH_DOCS: '2' });
    const conn = await connectMeili(config);
    const pid = (JSON.parse(readFileSync(path.join(config.dataDir, 'meili', 'server.json'), 'utf8')) as { pid: number }).pid;
    const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key, { retries: 2, retryBaseMs: 50 }));
    const run = runIngest(archive, { full: false, config, index, reporter });
    // Kill Meilisearch once the job has written its first documents.
    for (let t = Date.now(); Date.now() - t < 60_000 && (await documentsSoFar(config.dataDir)) < 2;) await new Promise((r) => setTimeout(r, 20));
    process.kill(pid, 'SIGKILL');
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliError);
    expect((err as Error).message).toMatch(/unreachable after 3 attempts \((GET|POST|PUT|PATCH|DELETE) \/[^)]+\)/);
    expect((err as Error).message).toMatch(/not confirmed indexed: \d+ file\(s\) in the last batches .* and \d+ not yet read — run `minutes ingest` again to finish/);
    await conn.stop();

    const restarted = await connectMeili(config);
    try {
      const again = new ArchiveIndex(new MeiliClient(restarted.url, restarted.key));
      const s = await runIngest(archive, { full: false, config, index: again, reporter });
      expect(s.failed).toEqual([]);
      await checkConsistent(again, sample.length * COPIES);
    } finally {
      await restarted.stop();
    }
  }, 120_000);
});

describe('extraction on worker threads', () => {
  it('indexes the same as inline extraction, and reports bad files from the workers', async () => {
    const dir = path.join(tmp.dir, 'workers');
    mkdirSync(dir, { recursive: true });
    for (const f of sample.slice(0, 6)) copyFileSync(path.join(SAMPLE_DIR, f), path.join(dir, f));
    (await import('node:fs')).writeFileSync(path.join(dir, 'tom.txt'), '');
    const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data-workers'), MINUTES_WORKERS: '2', MINUTES_BATCH_DOCS: '2' });
    const conn = await connectMeili(config);
    try {
      const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key));
      const s = await runIngest(dir, { full: false, config, index, reporter });
      expect(s).toMatchObject({ new: 6, failed: [{ file: path.join(dir, 'tom.txt'), reason: 'empty file (0 bytes)' }] });
      await checkConsistent(index, 6);
    } finally {
      await conn.stop();
    }
  });
});
