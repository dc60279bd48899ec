/**
 * A full disk (issue 16.9), on a real 30 MB tmpfs (needs root and mount; skipped otherwise): the
 * ingest says "no space left on device (ENOSPC)" quickly, not "payload malformed" or a 300 s wait,
 * and once space is freed a rerun finishes with every file's state recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const tmp = tempDir('diskfull');
const mnt = path.join(tmp.dir, 'liten-disk');
const dataDir = path.join(mnt, 'data');
const BIN = path.join(PROJECT_ROOT, 'bin', 'minutes.js');
let mounted = false;
if (process.getuid?.() === 0) {
  mkdirSync(mnt);
  try { execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=30m', 'tmpfs', mnt], { stdio: 'ignore' }); mounted = true; } catch { /* not allowed here */ }
}

function minutes(args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, MINUTES_DATA_DIR: dataDir, MINUTES_EMBEDDINGS: 'off' }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

beforeAll(() => {
  if (!mounted) return;
  expect(minutes(['saved', 'list']).code).toBe(0);
});
afterAll(() => {
  if (mounted) try { execFileSync('umount', [mnt]); } catch { /* busy */ }
  tmp.cleanup();
});

describe.skipIf(!mounted)('a full disk', () => {
  it('is named as such, quickly, and a rerun after freeing space records every file', () => {
    // Leave about 1.5 MB: enough to start, not enough to index the sample archive.
    const st = statfsSync(mnt);
    const free = st.bavail * st.bsize;
    execFileSync('fallocate', ['-l', String(free - 1500 * 1024), path.join(mnt, 'fyllnad')]);
    const full = minutes(['ingest', SAMPLE_DIR, '--quiet']);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/no space left on device \(ENOSPC\)/);
    expect(full.stderr).not.toMatch(/malformed/);
    expect(full.ms).toBeLessThan(60_000);
    rmSync(path.join(mnt, 'fyllnad'));
    const again = minutes(['ingest', SAMPLE_DIR, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    const status = minutes(['status', '--json']);
    expect(JSON.parse(status.stdout)).toEqual([]);
  }, 240_000);
});

describe('file states lost by a failed run', () => {
  it('are recorded again for unchanged files on the next run', async () => {
    const { loadConfig } = await import('../lib/config.ts');
    const { createReporter } = await import('../lib/log.ts');
    const { connectMeili, MeiliClient, ArchiveIndex } = await import('../index/index.ts');
    const { runIngest } = await import('../cli/ingest-job.ts');
    const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'states'), MINUTES_EMBEDDINGS: 'off' });
    const conn = await connectMeili(config);
    try {
      const index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'st_');
      const reporter = createReporter({ tty: false, quiet: true });
      const first = await runIngest(SAMPLE_DIR, { full: false, config, index, reporter });
      const count = async () => (await index.client.getDocuments(index.names.files, { limit: 1000 })).results.length;
      expect(await count()).toBe(first.seen);
      // As after a run that wrote documents but died before recording their states.
      await index.client.deleteByFilter(index.names.files, 'status = "indexed"');
      expect(await count()).toBe(0);
      const again = await runIngest(SAMPLE_DIR, { full: false, config, index, reporter });
      expect(again.unchanged).toBe(first.seen);
      expect(await count()).toBe(first.seen);
    } finally {
      await conn.stop();
    }
  }, 120_000);
});
