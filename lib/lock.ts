/**
 * One ingest at a time per data dir: a lock file created exclusively, holding the owner's pid.
 * A lock left by a dead process (killed, crashed) is taken over with a message — by one process at
 * a time: the takeover itself holds a second exclusive file (`<lock>.takeover`), and removes the old
 * lock only if it is still the dead one, so two processes finding the same stale lock never both win.
 */
import { openSync, closeSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export class LockError extends Error {}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; } };
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

interface Owner { pid?: number; startedAt?: string }
function readOwner(file: string): Owner | null {
  try { return JSON.parse(readFileSync(file, 'utf8')) as Owner; } catch (err) { return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : {}; }
}
const isStale = (o: Owner) => !(o.pid && o.pid !== process.pid && alive(o.pid));

export function acquireLock(file: string, log: (m: string) => void = () => undefined): () => void {
  const guard = `${file}.takeover`;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      // Written whole beside the lock, then linked into place: link fails if the lock exists, and a
      // reader never sees a lock without its owner (an empty one would look stale).
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }), { mode: 0o600 });
      try { linkSync(tmp, file); } finally { rmSync(tmp, { force: true }); }
      const release = () => { process.removeListener('exit', release); try { if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) rmSync(file); } catch { /* already gone */ } };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      if (owner === null) continue;
      if (!isStale(owner)) {
        throw new LockError(`another ingest is running on this data dir (pid ${owner.pid}, since ${owner.startedAt ?? '?'}): wait for it, or use another MINUTES_DATA_DIR`);
      }
      let g: number;
      try {
        g = openSync(guard, 'wx', 0o600);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // Another process is taking over; a guard left by one that died meanwhile expires.
        try { if (Date.now() - statSync(guard).mtimeMs > 10_000) rmSync(guard, { force: true }); } catch { /* gone */ }
        sleepSync(20 + Math.random() * 30);
        continue;
      }
      try {
        const now = readOwner(file);
        if (now && isStale(now) && now.pid === owner.pid) {
          log(`taking over a stale lock left by pid ${owner.pid ?? '?'} (${file})`);
          rmSync(file, { force: true });
        }
      } finally {
        closeSync(g);
        rmSync(guard, { force: true });
      }
    }
  }
  throw new LockError(`could not take the lock ${file}`);
}
