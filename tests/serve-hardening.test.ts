/**
 * `minutes serve` against what a server meets (issue 16), with real files, a real Meilisearch and
 * real HTTP requests: symlinks out of the archive, a file replaced by a folder or a FIFO, formula
 * cells in CSV, foreign Host headers, malformed addresses and a damaged last-run summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { loadConfig } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, type MeiliConnection } from '../index/index.ts';
import { runIngest, type IngestSummary } from '../cli/ingest-job.ts';
import { documentId } from '../extract/index.ts';
import { startServer } from '../search-ui/index.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir('serve-hard');
const archive = path.join(tmp.dir, 'arkiv');
const outside = path.join(tmp.dir, 'utanför');
const dataDir = path.join(tmp.dir, 'data');
let conn: MeiliConnection;
let index: ArchiveIndex;
let summary: IngestSummary;
let server: { url: string; close(): Promise<void> };
let port = 0;

/** A GET with any Host header (fetch does not let one set it). */
function get(pathname: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, headers: { Host: `127.0.0.1:${port}`, ...headers }, timeout: timeoutMs }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out: ${pathname}`)));
    req.on('error', reject);
    req.end();
  });
}

const doc = (name: string) => `Minnesanteckningar Värmlandsrådet 12 mars 2022\n\nÅtta ledamöter närvarade. ${name} diskuterades utförligt.\n`;

beforeAll(async () => {
  mkdirSync(archive, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(archive, 'formel.md'), '# =HYPERLINK("http://x","Klicka")\n\nDatum 2021-05-03\n\n## =SUM(1+1)\n\nKommunstyrelsen beslutar att anta planen för skolskjutsar.\n');
  writeFileSync(path.join(archive, 'mapp.txt'), doc('Mappfrågan'));
  writeFileSync(path.join(archive, 'rör.txt'), doc('Rörfrågan'));
  writeFileSync(path.join(archive, 'länkad.txt'), doc('Länkfrågan'));
  writeFileSync(path.join(outside, 'hemlig.txt'), doc('Hemlighetsfrågan'));
  symlinkSync(path.join(outside, 'hemlig.txt'), path.join(archive, 'hemlig-länk.txt'));
  symlinkSync(outside, path.join(archive, 'extern-mapp'));
  const config = loadConfig({ MINUTES_DATA_DIR: dataDir, MINUTES_EMBEDDINGS: 'off' });
  conn = await connectMeili(config);
  // A link to the data dir's master key.
  symlinkSync(path.join(dataDir, 'meili', 'master.key'), path.join(archive, 'nyckel.txt'));
  index = new ArchiveIndex(new MeiliClient(conn.url, conn.key, { retries: 1 }), 'sh_');
  summary = await runIngest(archive, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
  server = await startServer({ port: 0, index, dataDir, allowedHosts: ['arkiv.example'], fileTimeoutMs: 2000 });
  port = Number(new URL(server.url).port);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await conn?.stop();
  tmp.cleanup();
});

describe('files outside the archive', () => {
  it('are refused at ingest with their reason, and never searchable', async () => {
    const failed = Object.fromEntries(summary.failed.map((f) => [path.basename(f.file), f.reason]));
    expect(failed['hemlig-länk.txt']).toMatch(/symlink points outside the archive/);
    expect(failed['extern-mapp']).toMatch(/symlink points outside the archive/);
    expect(failed['nyckel.txt']).toMatch(/data folder/);
    expect(summary.new).toBe(4);
    const res = JSON.parse((await get(`/api/search?q=${encodeURIComponent('Hemlighetsfrågan')}`)).body) as { hits: unknown[]; total: number };
    expect(res.hits).toHaveLength(0);
    const key = conn.key;
    expect(JSON.parse((await get(`/api/search?q=${key}`)).body).hits).toHaveLength(0);
  });

  it('are not served when a file indexed earlier is replaced by a link out', async () => {
    const id = documentId(path.join(archive, 'länkad.txt'));
    expect((await get(`/api/documents/${id}`)).status).toBe(200);
    expect(JSON.parse((await get(`/api/search?q=${encodeURIComponent('Länkfrågan')}`)).body).hits).toHaveLength(1);
    rmSync(path.join(archive, 'länkad.txt'));
    symlinkSync(path.join(outside, 'hemlig.txt'), path.join(archive, 'länkad.txt'));
    expect(JSON.parse((await get(`/api/search?q=${encodeURIComponent('Länkfrågan')}`)).body).hits).toHaveLength(0);
    expect((await get(`/api/documents/${id}`)).status).toBe(403);
    expect((await get(`/files/${id}`)).status).toBe(403);
  });
});

describe('a request never crashes the server', () => {
  it('answers 404 for a file replaced by a folder (EISDIR), and goes on', async () => {
    const id = documentId(path.join(archive, 'mapp.txt'));
    expect((await get(`/files/${id}`)).status).toBe(200);
    renameSync(path.join(archive, 'mapp.txt'), path.join(tmp.dir, 'mapp.txt'));
    mkdirSync(path.join(archive, 'mapp.txt'));
    const res = await get(`/files/${id}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error).toMatch(/inte längre en vanlig fil/);
    expect((await get('/api/saved')).status).toBe(200);
  });

  it('refuses a FIFO in a file\'s place at once, however many ask', async () => {
    const id = documentId(path.join(archive, 'rör.txt'));
    rmSync(path.join(archive, 'rör.txt'));
    execFileSync('mkfifo', [path.join(archive, 'rör.txt')]);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(`/files/${id}`, {}, 5000)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(404));
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await get('/api/saved')).status).toBe(200);
  });

  it('answers 400 for a malformed percent escape, and a damaged last-run summary is no summary', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/api/organisations/%E0%A4%A')).status).toBe(400);
    writeFileSync(path.join(dataDir, 'last-run.json'), '{"root": "/x", "seen": 1');
    const res = await get('/api/last-run');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toBeNull();
  });
});

describe('CSV exports', () => {
  it('neutralise cells a spreadsheet would evaluate as formulas', async () => {
    const res = await get('/api/decisions?format=csv');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"",""Klicka"")"`);
    expect(res.body).toContain(`"'=SUM(1+1)"`);
    expect(res.body).not.toMatch(/(^|,)"[=+\-@]/m);
  });
});

describe('Host header', () => {
  it('accepts loopback names, --host and MINUTES_ALLOWED_HOSTS, and refuses others (DNS rebinding)', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST', `arkiv.example:${port}`]) {
      expect((await get('/api/saved', { Host: host })).status, host).toBe(200);
    }
    for (const host of ['attacker.example', `attacker.example:${port}`, '127.0.0.1.attacker.example']) {
      const res = await get('/api/saved', { Host: host });
      expect(res.status, host).toBe(421);
      expect(res.body).not.toContain('[');
    }
  });
});

describe('paths in API answers', () => {
  it('are relative to the archive folder: no server path is sent', async () => {
    const id = documentId(path.join(archive, 'formel.md'));
    const answers = [
      (await get(`/api/documents/${id}`)).body,
      (await get(`/api/search?q=${encodeURIComponent('skolskjutsar')}`)).body,
      (await get('/api/trends')).body,
    ];
    for (const body of answers) {
      expect(body).not.toContain(tmp.dir);
      expect(body).not.toContain(JSON.stringify(tmp.dir).slice(1, -1));
    }
    expect(JSON.parse(answers[0]!)).toMatchObject({ source: 'formel.md' });
    expect(JSON.parse(answers[0]!).root).toBeUndefined();
    expect(JSON.parse(answers[1]!).hits[0]).toMatchObject({ source: 'formel.md' });
    writeFileSync(path.join(dataDir, 'last-run.json'), JSON.stringify({ ...summary, savedSearches: [] }));
    const last = await get('/api/last-run');
    expect(last.body).not.toContain(tmp.dir);
    expect(JSON.parse(last.body)).toMatchObject({ archive: 'arkiv', failed: expect.arrayContaining([expect.objectContaining({ file: 'hemlig-länk.txt' })]) });
  });
});
