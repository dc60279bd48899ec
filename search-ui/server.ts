/**
 * `minutes serve`: the search page (built by Vite into search-ui/dist) and its API, on one port.
 * Safe headers on every response; original files only by document id, and only from inside the
 * archive folder they were ingested from.
 */
import { constants as fsConstants, existsSync, readFileSync, statSync } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';
import { MeiliError, OutdatedIndexError, type ArchiveIndex } from '../index/index.ts';
import { backupSavedSearches } from '../index/saved-searches.ts';
import * as api from './api.ts';

export const DIST = path.join(PROJECT_ROOT, 'search-ui', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };
const FILE_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8' };

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export interface ServeOptions {
  port: number; host?: string; index: ArchiveIndex; dataDir?: string; auth?: { user: string; password: string } | null; log?: (m: string) => void;
  /** Host names accepted in the Host header besides 127.0.0.1, localhost, [::1] and `host` (DNS rebinding). */
  allowedHosts?: string[];
  /** The search server's state: while it is not ready, API calls answer 503 with its message at once. */
  meiliStatus?: () => { ready: boolean; message: string };
  /** Longest wait to open an original file (ms). */
  fileTimeoutMs?: number;
}

/** The names a request's Host header may carry (lower case, without port). */
export function allowedHostNames(host: string | undefined, extra: string[] = []): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
  for (const h of [host, ...extra]) {
    if (!h) continue;
    const n = h.trim().toLowerCase();
    if (!n) continue;
    names.add(n);
    if (n.includes(':') && !n.startsWith('[')) names.add(`[${n}]`);
  }
  return names;
}

/** The host name of a Host header: lower case, port dropped (`[::1]:8080` → `[::1]`). */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d+)?$/.exec(h);
  return m ? m[1]! : null;
}

export function startServer(opts: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const hosts = allowedHostNames(opts.host, opts.allowedHosts);
  const server = http.createServer((req, res) => {
    const fail = (err: unknown) => {
      const status = err instanceof api.HttpError ? err.status : err instanceof MeiliError || err instanceof OutdatedIndexError ? 503 : 500;
      const message = err instanceof api.HttpError ? err.message
        : err instanceof OutdatedIndexError ? 'Indexet är skrivet av en äldre version av minutes-archive: kör `minutes ingest` en gång för att uppdatera det.'
          : err instanceof MeiliError ? (opts.meiliStatus?.().message || 'Sökservern svarar inte – försök igen om en stund') : 'Internt fel';
      if (status >= 500) opts.log?.(`${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`);
      // An answer already under way (a file being sent) can only be cut off.
      if (res.headersSent) { res.destroy(); return; }
      send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }), status === 503 ? { 'Retry-After': '2' } : {});
    };
    try {
      const name = hostName(req.headers.host);
      // DNS rebinding: a page on another site whose name resolves to 127.0.0.1 sends its own Host.
      if (!name || !hosts.has(name)) {
        send(res, 421, 'text/plain; charset=utf-8', 'Okänt värdnamn i Host-huvudet (se MINUTES_ALLOWED_HOSTS)');
        return;
      }
      if (opts.auth && !authorised(req.headers.authorization, opts.auth)) {
        res.writeHead(401, { ...SECURITY_HEADERS, 'WWW-Authenticate': 'Basic realm="Mötesarkivet", charset="UTF-8"', 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Inloggning krävs');
        return;
      }
      handle(req, res, opts).catch(fail);
    } catch (err) {
      fail(err);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      const shown = (opts.host ?? '127.0.0.1').includes(':') ? `[${opts.host}]` : opts.host ?? '127.0.0.1';
      resolve({ url: `http://${shown}:${port}`, close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }) });
    });
  });
}

/** Basic auth, compared in constant time. */
function authorised(header: string | undefined, auth: { user: string; password: string }): boolean {
  const given = Buffer.from(header?.startsWith('Basic ') ? header.slice(6) : '', 'base64');
  const wanted = Buffer.from(`${auth.user}:${auth.password}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

/** A JSON request body (at most 64 KiB). Requiring application/json makes browsers preflight cross-site writes. */
async function jsonBody(req: http.IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new api.HttpError(415, 'kräver application/json');
  let size = 0;
  const parts: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 65_536) throw new api.HttpError(413, 'för stor begäran');
    parts.push(chunk as Buffer);
  }
  try { return JSON.parse(Buffer.concat(parts).toString('utf8')); } catch { throw new api.HttpError(400, 'ogiltig JSON'); }
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, opts: ServeOptions): Promise<void> {
  const { index, dataDir } = opts;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const json = (data: unknown) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(data));
  const route = url.pathname;
  let m: RegExpExecArray | null;
  if (route === '/api/status') {
    const st = opts.meiliStatus?.() ?? { ready: true, message: '' };
    return send(res, st.ready ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(st));
  }
  // While the search server restarts, say so at once instead of after a client's retries.
  if (route.startsWith('/api/') || route.startsWith('/files/') || route.startsWith('/feeds/')) {
    const st = opts.meiliStatus?.();
    if (st && !st.ready) throw new api.HttpError(503, st.message);
  }
  // Every change to the saved searches also updates their copy beside the database (for `minutes repair`).
  const backup = async () => { if (dataDir) backupSavedSearches(dataDir, await api.savedSearches(index)); };
  if (route === '/api/saved' && req.method === 'POST') { const made = await api.createSavedSearch(index, await jsonBody(req)); await backup(); return json(made); }
  if ((m = /^\/api\/saved\/([^/]+)$/.exec(route)) && req.method === 'DELETE') { const gone = await api.removeSavedSearch(index, m[1]!); await backup(); return json(gone); }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new api.HttpError(405, 'metoden stöds inte');
  if (route === '/api/saved') return json(await api.savedSearches(index));
  if (route === '/api/last-run') {
    // The last ingest's summary (what each saved search gained), written by `minutes ingest`.
    const file = dataDir ? path.join(dataDir, 'last-run.json') : null;
    let last: unknown = null;
    // A missing or unreadable summary (half-written by hand, damaged) is no summary.
    try { if (file && existsSync(file)) last = JSON.parse(readFileSync(file, 'utf8')); } catch (err) { opts.log?.(`${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`); }
    // Without the server's folder names: the archive by its name, failed files relative to it.
    if (last && typeof last === 'object' && typeof (last as { root?: unknown }).root === 'string') {
      const { root, failed, ...rest } = last as { root: string; failed?: { file: string; reason: string }[] };
      const rel = api.relativeTo([root]);
      last = { ...rest, archive: path.basename(root), failed: (failed ?? []).map((f) => ({ file: rel(f.file), reason: String(f.reason).replace(/\/[^\s)]+/g, (p) => rel(p)) })) };
    }
    return json(last);
  }
  if ((m = /^\/feeds\/([a-f0-9]{12})\.atom$/.exec(route))) {
    return send(res, 200, 'application/atom+xml; charset=utf-8', await api.feed(index, m[1]!, `http://${req.headers.host ?? 'localhost'}`));
  }
  if ((m = /^\/api\/organisations\/(.+)$/.exec(route))) return json(await api.organisation(index, decodePart(m[1]!)));
  if (route === '/api/search') return json(await api.search(index, url.searchParams, dataDir));
  if ((m = /^\/api\/documents\/([^/]+)$/.exec(route))) return json(await api.document(index, m[1]!, dataDir));
  if (route === '/api/people') return json(await api.people(index, url.searchParams));
  if ((m = /^\/api\/people\/([^/]+)$/.exec(route))) return json(await api.person(index, m[1]!));
  if (route === '/api/trends') return json(await api.trends(index, url.searchParams));
  if (route === '/api/labels') return json(api.labels());
  if (route === '/api/decisions') {
    const out = await api.decisions(index, url.searchParams);
    return send(res, 200, out.type, out.body, out.type.startsWith('text/csv') ? { 'Content-Disposition': 'attachment; filename="beslut.csv"' } : {});
  }
  if ((m = /^\/files\/([^/]+)$/.exec(route))) return originalFile(res, await api.documentRecord(index, m[1]!, dataDir), opts.fileTimeoutMs ?? 5000);
  if (route.startsWith('/api/')) throw new api.HttpError(404, 'okänd adress');
  return staticFile(res, route);
}

const decodePart = (s: string) => { try { return decodeURIComponent(s); } catch { throw new api.HttpError(400, 'ogiltig adress'); } };

/** A promise, or a 504 after `ms` (a file on a hung mount); `late` tidies up a result that comes after. */
function within<T>(p: Promise<T>, ms: number, late: (v: T) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; reject(new api.HttpError(504, 'filen kunde inte öppnas i tid')); }, ms);
    p.then((v) => { clearTimeout(timer); if (timedOut) late(v); else resolve(v); }, (e) => { clearTimeout(timer); if (!timedOut) reject(e); });
  });
}

/**
 * The original file of an indexed document, if it still lies inside the folder it was ingested from
 * and is a regular file: opened without following links and without blocking (a FIFO or device in
 * its place is refused, not waited on), within a timeout; read errors end the answer, never the server.
 */
async function originalFile(res: http.ServerResponse, doc: { source: string; root: string; fileName: string }, timeoutMs: number) {
  let real: string;
  let root: string;
  try {
    real = await realpath(doc.source);
    root = await realpath(doc.root);
  } catch {
    throw new api.HttpError(404, 'originalfilen finns inte längre');
  }
  if (!real.startsWith(root + path.sep)) throw new api.HttpError(403, 'filen ligger utanför arkivet');
  let fh: FileHandle;
  try {
    fh = await within(open(real, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW), timeoutMs, (h) => void h.close());
  } catch (err) {
    if (err instanceof api.HttpError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' || code === 'ELOOP' ? new api.HttpError(404, 'originalfilen finns inte längre')
      : code === 'EACCES' || code === 'EPERM' ? new api.HttpError(403, 'originalfilen får inte läsas') : new api.HttpError(500, `originalfilen kunde inte öppnas (${code ?? 'fel'})`);
  }
  let size: number;
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw new api.HttpError(404, 'originalfilen är inte längre en vanlig fil');
    size = info.size;
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err instanceof api.HttpError ? err : new api.HttpError(500, 'originalfilen kunde inte läsas');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': FILE_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
  });
  const stream = fh.createReadStream({ start: 0, end: Math.max(0, size - 1), autoClose: true });
  // A read that stalls (a file on a hung mount) is cut off rather than holding the connection.
  res.setTimeout(Math.max(timeoutMs, 30_000), () => res.destroy());
  await new Promise<void>((resolve) => pipeline(stream, res, () => resolve()));
}

function staticFile(res: http.ServerResponse, route: string) {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new api.HttpError(503, 'sidan är inte byggd: kör npm run build:ui');
  const rel = path.normalize(decodePart(route)).replace(/^(\.\.[/\\])+/, '');
  const file = path.join(DIST, rel);
  const target = file.startsWith(DIST + path.sep) && existsSync(file) && statSync(file).isFile() ? file : path.join(DIST, 'index.html');
  send(res, 200, TYPES[path.extname(target)] ?? 'application/octet-stream', readFileSync(target));
}
