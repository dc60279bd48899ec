/** The embedded Meilisearch and the client against a real Meilisearch process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadConfig, type Config } from '../lib/config.ts';
import { connectMeili, MeiliStartError, type MeiliConnection } from '../index/meili-server.ts';
import { MeiliClient, MeiliError } from '../index/meili-client.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir('meili');
let config: Config;
let conn: MeiliConnection;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

beforeAll(async () => {
  config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data') });
  conn = await connectMeili(config);
});
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('embedded Meilisearch', () => {
  it('answers /health on 127.0.0.1 and requires the generated key, kept with mode 0600', async () => {
    expect(conn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${conn.url}/health`)).json()).toEqual({ status: 'available' });
    expect((await fetch(`${conn.url}/indexes`)).status).toBe(401);
    expect((await fetch(`${conn.url}/indexes`, { headers: { Authorization: `Bearer ${conn.key}` } })).status).toBe(200);
    expect(statSync(path.join(config.dataDir, 'meili', 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('is reused by a second command on the same data dir, which does not stop it', async () => {
    const second = await connectMeili(config);
    expect(second.url).toBe(conn.url);
    await second.stop();
    expect((await fetch(`${conn.url}/health`)).ok).toBe(true);
  });

  it('stops its process and forgets it on stop()', async () => {
    const other = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'other') });
    const c = await connectMeili(other);
    const serverFile = path.join(other.dataDir, 'meili', 'server.json');
    const { pid } = JSON.parse((await import('node:fs')).readFileSync(serverFile, 'utf8')) as { pid: number };
    expect(alive(pid)).toBe(true);
    await c.stop();
    expect(alive(pid)).toBe(false);
    expect(existsSync(serverFile)).toBe(false);
  });

  it('says in one line what to do when the binary is missing', async () => {
    const bad = { ...loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'nobin') }), meiliBinary: '/nonexistent/meilisearch' };
    const err = await connectMeili(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliStartError);
    expect((err as Error).message).toMatch(/not found at \/nonexistent\/meilisearch.*MEILI_URL/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('says so when MEILI_URL is unreachable or rejects the key', async () => {
    const port = await closedPort();
    const down = await connectMeili(loadConfig({ MEILI_URL: `http://127.0.0.1:${port}` })).catch((e: unknown) => e);
    expect((down as Error).message).toMatch(/not reachable.*unset MEILI_URL/);
    const wrongKey = await connectMeili(loadConfig({ MEILI_URL: conn.url, MEILI_MASTER_KEY: 'wrong' })).catch((e: unknown) => e);
    expect((wrongKey as Error).message).toMatch(/rejected the key: set MEILI_MASTER_KEY/);
    const ok = await connectMeili(loadConfig({ MEILI_URL: conn.url, MEILI_MASTER_KEY: conn.key }));
    expect(ok.embedded).toBe(false);
  });
});

describe('Meilisearch client', () => {
  it('keeps å/ä/ö apart with the Swedish locale', async () => {
    const client = new MeiliClient(conn.url, conn.key);
    await client.ensureIndex('t_swe', 'id');
    await client.ensureIndex('t_swe', 'id');
    await client.updateSettings('t_swe', { localizedAttributes: [{ attributePatterns: ['*'], locales: ['swe'] }] });
    await client.addDocuments('t_swe', [{ id: 1, text: 'Mötet i Örebro om kompetensförsörjning' }, { id: 2, text: 'Motet om orebro' }]);
    const hits = (await client.search<{ id: number }>('t_swe', { q: 'Örebro' })).hits.map((h) => h.id);
    expect(hits).toEqual([1]);
  });

  it('turns a failed task into an error with Meilisearch\'s message', async () => {
    const client = new MeiliClient(conn.url, conn.key);
    await client.ensureIndex('t_fail', 'id');
    const err = await client.addDocuments('t_fail', [{ id: 'bad id!' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MeiliError);
    expect((err as MeiliError).message).toMatch(/failed: .*Document identifier `"bad id!"` is invalid/);
  });

  it('retries an unreachable server, then says what it attempted', async () => {
    const port = await closedPort();
    const client = new MeiliClient(`http://127.0.0.1:${port}`, 'k', { retries: 2, retryBaseMs: 10 });
    await expect(client.request('GET', '/indexes')).rejects.toThrow(/unreachable after 3 attempts \(GET \/indexes\): ECONNREFUSED/);
  });
});
