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
