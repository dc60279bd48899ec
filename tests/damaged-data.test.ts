/**
 * Corrupt or locked data (issue 16.7), with real Meilisearch processes and the real command: junk in
 * the database's VERSION file, a damaged index file, a master key deleted under a running server —
 * each a clear message quickly, and `minutes repair` recovers keeping the saved searches.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { connectMeili, MeiliStartError } from '../index/index.ts';
import { repair } from '../cli/repair-command.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const tmp = tempDir('damaged');
const BIN = path.join(PROJECT_ROOT, 'bin', 'minutes.js');
afterAll(() => tmp.cleanup());

function minutes(dataDir: string, args: string[], timeoutMs = 120_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, MINUTES_DATA_DIR: dataDir, MINUTES_EMBEDDINGS: 'off' }, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

describe('damaged or locked data', () => {
  it('shows why Meilisearch would not start (junk in VERSION), and repair fixes it', async () => {
    const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'version') });
    await (await connectMeili(config)).stop();
    writeFileSync(path.join(config.dataDir, 'meili', 'data.ms', 'VERSION'), 'skräp\n');
    const err = await connectMeili(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliStartError);
    expect((err as Error).message).toMatch(/Version file is corrupted/);
    expect((err as Error).message).toMatch(/minutes repair/);
    expect((err as Error).message).not.toMatch(/_start|backtrace/);
    const r = await repair(config, () => undefined);
    expect(r.versionFixed).toBe(true);
    await (await connectMeili(config)).stop();
  });

  it('refuses to start a second Meilisearch on a database whose server runs, when master.key was deleted', async () => {
    const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'key') });
    const first = await connectMeili(config);
    try {
      rmSync(path.join(config.dataDir, 'meili', 'master.key'));
      await expect(connectMeili(config)).rejects.toThrow(/is running on .* but does not answer with the key/);
      // Not even a new key was made: the running server's key is the one to restore.
      writeFileSync(path.join(config.dataDir, 'meili', 'master.key'), 'another-key-000000000000');
      await expect(connectMeili(config)).rejects.toThrow(/does not answer with the key/);
      expect((await fetch(`${first.url}/health`)).ok).toBe(true);
    } finally {
      await first.stop();
    }
  });

  it('fails fast with the reason on a damaged index file, and repair keeps the saved searches', async () => {
    const dataDir = path.join(tmp.dir, 'index');
    const archive = path.join(tmp.dir, 'arkiv');
    mkdirSync(archive, { recursive: true });
    for (const f of readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt')).slice(0, 3)) copyFileSync(path.join(SAMPLE_DIR, f), path.join(archive, f));
    expect(minutes(dataDir, ['ingest', archive, '--quiet']).code).toBe(0);
    expect(minutes(dataDir, ['saved', 'add', 'Trafikfrågor', 'kollektivtrafik']).code).toBe(0);
    // Junk over the start (the meta pages) of every index's LMDB file.
    const indexes = path.join(dataDir, 'meili', 'data.ms', 'indexes');
    for (const uid of readdirSync(indexes)) {
      const file = path.join(indexes, uid, 'data.mdb');
      const data = readFileSync(file);
      for (let i = 0; i < 16_384 && i < data.length; i++) data[i] = (i * 7919 + 13) % 256;
      writeFileSync(file, data);
    }
    const broken = minutes(dataDir, ['ingest', archive, '--quiet', '--full'], 90_000);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not processing its tasks.*damaged/);
    expect(broken.stderr).toMatch(/invalid state/);
    expect(broken.stderr).toMatch(/minutes repair/);
    expect(broken.ms).toBeLessThan(60_000);

    const repaired = minutes(dataDir, ['repair']);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repaired.stdout, repaired.stdout + repaired.stderr).toMatch(/1 saved search\(es\) kept/);
    expect(repaired.stdout).toContain(`minutes ingest "${archive}"`);
    const list = minutes(dataDir, ['saved', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((s) => s.name)).toEqual(['Trafikfrågor']);
    const again = minutes(dataDir, ['ingest', archive, '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/3 new/);
  }, 240_000);
});
