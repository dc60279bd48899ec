/**
 * `minutes serve` keeps its Meilisearch (issue 16.3), with the real command, real Meilisearch
 * processes and real HTTP requests: the command that started the server (here: this test process)
 * stops while serve uses it — it is left running; it is killed with SIGKILL — serve answers 503 with
 * a Swedish message for a few seconds, then starts its own and recovers; its own one is killed —
 * restarted again; serve stopped — the server it was the last user of is stopped too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { connectMeili, type MeiliConnection } from '../index/index.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const tmp = tempDir('recovery');
const archive = path.join(tmp.dir, 'arkiv');
const dataDir = path.join(tmp.dir, 'data');
const env = { ...process.env, MINUTES_DATA_DIR: dataDir, MINUTES_EMBEDDINGS: 'off', MINUTES_INDEX_PREFIX: 'rc_' };
const BIN = path.join(PROJECT_ROOT, 'bin', 'minutes.js');
let other: MeiliConnection;
let serve: ChildProcess;
let base = '';
let serveLog = '';

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const serverPid = () => (JSON.parse(readFileSync(path.join(dataDir, 'meili', 'server.json'), 'utf8')) as { pid: number }).pid;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function search(): Promise<{ status: number; error?: string; hits?: number }> {
  try {
    const res = await fetch(`${base}/api/search?q=kollektivtrafik`, { signal: AbortSignal.timeout(15_000) });
    const body = (await res.json()) as { error?: string; hits?: unknown[] };
    return { status: res.status, error: body.error, hits: body.hits?.length };
  } catch (err) {
    return { status: 0, error: String(err) };
  }
}

/** Searches every 200 ms until one answers 200 with hits; the answers on the way. */
async function searchUntilRecovered(maxMs: number) {
  const seen: { status: number; error?: string; at: number }[] = [];
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    const r = await search();
    seen.push({ status: r.status, error: r.error, at: Date.now() - start });
    if (r.status === 200 && (r.hits ?? 0) > 0) return { recovered: true, ms: Date.now() - start, seen };
    await sleep(200);
  }
  return { recovered: false, ms: Date.now() - start, seen };
}

beforeAll(async () => {
  mkdirSync(archive, { recursive: true });
  for (const f of readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).slice(0, 4)) copyFileSync(path.join(SAMPLE_DIR, f), path.join(archive, f));
  // "Another command" owns the data dir's Meilisearch: this test process.
  other = await connectMeili(loadConfig(env));
  const ingest = spawnSync(process.execPath, [BIN, 'ingest', archive, '--quiet'], { env, encoding: 'utf8', timeout: 120_000 });
  expect(ingest.status, ingest.stderr).toBe(0);
  serve = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  serve.stderr!.on('data', (c: Buffer) => { serveLog += c.toString(); });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    serve.stdout!.on('data', (c: Buffer) => { out += c.toString(); const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out); if (m) resolve(m[1]!); });
    serve.once('exit', (code) => reject(new Error(`serve exited ${code}: ${serveLog}`)));
  });
}, 180_000);
afterAll(async () => {
  if (serve && serve.exitCode === null) serve.kill('SIGKILL');
  try { process.kill(serverPid(), 'SIGKILL'); } catch { /* gone */ }
  await other?.stop().catch(() => undefined);
  tmp.cleanup();
});

describe('serve and its Meilisearch', () => {
  it('keeps using a server whose starter stops: the starter leaves it running for serve', async () => {
    expect((await search()).status).toBe(200);
    const pid = other.pid!;
    await other.stop();
    expect(alive(pid)).toBe(true);
    for (let i = 0; i < 5; i++) expect(await search()).toMatchObject({ status: 200 });
  });

  it('recovers by itself after that server is killed with SIGKILL: a Swedish 503 meanwhile', async () => {
    const pid = serverPid();
    process.kill(pid, 'SIGKILL');
    const r = await searchUntilRecovered(30_000);
    expect(r.recovered, `${JSON.stringify(r.seen.slice(-5))}\n${serveLog}`).toBe(true);
    expect(r.ms).toBeLessThan(10_000);
    const failures = r.seen.filter((s) => s.status !== 200);
    for (const f of failures) expect(f).toMatchObject({ status: 503, error: expect.stringMatching(/Sökservern/) });
    expect(serverPid()).not.toBe(pid);
    console.log(`killed ${pid}: recovered in ${r.ms} ms; answers meanwhile: ${JSON.stringify(failures.map((f) => `${f.status} ${f.error}`))}`);
  });

  it('restarts its own server when that is killed too', async () => {
    const pid = serverPid();
    process.kill(pid, 'SIGKILL');
    // Right after the kill, the page is told what happens.
    await sleep(300);
    const status = await fetch(`${base}/api/status`);
    if (status.status === 503) expect(((await status.json()) as { message: string }).message).toMatch(/Sökservern/);
    const r = await searchUntilRecovered(30_000);
    expect(r.recovered, serveLog).toBe(true);
    expect(r.ms).toBeLessThan(10_000);
    expect(serverPid()).not.toBe(pid);
  });

  it('stops the server it owns when serve is stopped', async () => {
    const pid = serverPid();
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    expect(alive(pid)).toBe(false);
  });
});
