import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireLock, LockError } from '../lib/lock.ts';
import { tempDir } from './helpers.ts';

describe('ingest lock', () => {
  it('refuses a second holder while the first lives, and frees the lock on release', () => {
    const t = tempDir('lock');
    const file = path.join(t.dir, 'ingest.lock');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    writeFileSync(file, JSON.stringify({ pid: child.pid, startedAt: 'nyss' }));
    expect(() => acquireLock(file)).toThrow(LockError);
    expect(() => acquireLock(file)).toThrow(/another ingest is running on this data dir \(pid \d+, since nyss\)/);
    child.kill('SIGKILL');
    t.cleanup();
  });

  it('takes over a stale lock of a dead process, with a message', async () => {
    const t = tempDir('lock');
    const file = path.join(t.dir, 'ingest.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.once('exit', r));
    writeFileSync(file, JSON.stringify({ pid: child.pid, startedAt: 'igår' }));
    const messages: string[] = [];
    const release = acquireLock(file, (m) => messages.push(m));
    expect(messages[0]).toMatch(/taking over a stale lock left by pid \d+/);
    expect(JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(file)).toBe(false);
    t.cleanup();
  });
});

describe('stale lock takeover', () => {
  it('lets exactly one of several processes take over the same stale lock', async () => {
    const t = tempDir('lock');
    const file = path.join(t.dir, 'ingest.lock');
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.once('exit', r));
    const lockModule = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'lib', 'lock.ts');
    const script = `import { acquireLock } from ${JSON.stringify(lockModule)};
      const start = Number(process.argv[1]); while (Date.now() < start) {}
      try { acquireLock(process.argv[2]); process.stdout.write('got'); setTimeout(() => process.exit(0), 1500); } catch { process.stdout.write('refused'); }`;
    for (let trial = 0; trial < 3; trial++) {
      writeFileSync(file, JSON.stringify({ pid: dead.pid, startedAt: 'igår' }));
      const start = Date.now() + 2500;
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => new Promise<string>((resolve) => {
        const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, String(start), file], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        c.stdout.on('data', (d: Buffer) => { out += d.toString(); });
        c.once('exit', () => resolve(out));
      })));
      expect(outcomes.filter((o) => o === 'got'), JSON.stringify(outcomes)).toHaveLength(1);
    }
    t.cleanup();
  }, 60_000);
});
