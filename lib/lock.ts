/**
 * One ingest at a time per data dir: a lock file created exclusively, holding the owner's pid.
 * A lock left by a dead process (killed, crashed) is taken over with a message.
 */
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';

export class LockError extends Error {}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; } };

export function acquireLock(file: string, log: (m: string) => void = () => undefined): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      closeSync(fd);
      const release = () => { process.removeListener('exit', release); try { if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) rmSync(file); } catch { /* already gone */ } };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: { pid?: number; startedAt?: string } = {};
      try { owner = JSON.parse(readFileSync(file, 'utf8')) as typeof owner; } catch { /* unreadable: treat as stale */ }
      if (owner.pid && owner.pid !== process.pid && alive(owner.pid)) {
        throw new LockError(`another ingest is running on this data dir (pid ${owner.pid}, since ${owner.startedAt ?? '?'}): wait for it, or use another MINUTES_DATA_DIR`);
      }
      log(`taking over a stale lock left by pid ${owner.pid ?? '?'} (${file})`);
      rmSync(file, { force: true });
    }
  }
  throw new LockError(`could not take the lock ${file}`);
}
