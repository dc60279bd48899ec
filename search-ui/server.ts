/**
 * `minutes serve`: the search page (built by Vite into search-ui/dist) and its API, on one port.
 * Safe headers on every response; original files only by document id, and only from inside the
 * archive folder they were ingested from.
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';
import { MeiliError, type ArchiveIndex } from '../index/index.ts';
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

export interface ServeOptions { port: number; host?: string; index: ArchiveIndex; dataDir?: string; auth?: { user: string; password: string } | null; log?: (m: string) => void }

export function startServer(opts: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (opts.auth && !authorised(req.headers.authorization, opts.auth)) {
      res.writeHead(401, { ...SECURITY_HEADERS, 'WWW-Authenticate': 'Basic realm="Mötesarkivet", charset="UTF-8"', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Inloggning krävs');
      return;
    }
    handle(req, res, opts.index, opts.dataDir).catch((err: unknown) => {
      const status = err instanceof api.HttpError ? err.status : err instanceof MeiliError ? 503 : 500;
      const message = err instanceof api.HttpError ? err.message : err instanceof MeiliError ? 'Sökservern svarar inte – försök igen' : 'Internt fel';
      if (status >= 500) opts.log?.(`${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`);
      send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://${opts.host ?? '127.0.0.1'}:${port}`, close: () => new Promise((r) => server.close(() => r())) });
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

async function handle(req: http.IncomingMessage, res: http.ServerResponse, index: ArchiveIndex, dataDir?: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const json = (data: unknown) => send(res, 200, 'application/json; charset=utf-8', JSON.stringify(data));
  const route = url.pathname;
  let m: RegExpExecArray | null;
  if (route === '/api/saved' && req.method === 'POST') return json(await api.createSavedSearch(index, await jsonBody(req)));
  if ((m = /^\/api\/saved\/([^/]+)$/.exec(route)) && req.method === 'DELETE') return json(await api.removeSavedSearch(index, m[1]!));
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new api.HttpError(405, 'metoden stöds inte');
  if (route === '/api/saved') return json(await api.savedSearches(index));
  if (route === '/api/last-run') {
    // The last ingest's summary (what each saved search gained), written by `minutes ingest`.
    const file = dataDir ? path.join(dataDir, 'last-run.json') : null;
    return json(file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  }
  if ((m = /^\/feeds\/([a-f0-9]{12})\.atom$/.exec(route))) {
    return send(res, 200, 'application/atom+xml; charset=utf-8', await api.feed(index, m[1]!, `http://${req.headers.host ?? 'localhost'}`));
  }
  if ((m = /^\/api\/organisations\/(.+)$/.exec(route))) return json(await api.organisation(index, decodeURIComponent(m[1]!)));
  if (route === '/api/search') return json(await api.search(index, url.searchParams));
  if ((m = /^\/api\/documents\/([^/]+)$/.exec(route))) return json(await api.document(index, m[1]!));
  if (route === '/api/people') return json(await api.people(index, url.searchParams));
  if ((m = /^\/api\/people\/([^/]+)$/.exec(route))) return json(await api.person(index, m[1]!));
  if (route === '/api/trends') return json(await api.trends(index, url.searchParams));
  if (route === '/api/decisions') {
    const out = await api.decisions(index, url.searchParams);
    return send(res, 200, out.type, out.body, out.type.startsWith('text/csv') ? { 'Content-Disposition': 'attachment; filename="beslut.csv"' } : {});
  }
  if ((m = /^\/files\/([^/]+)$/.exec(route))) return originalFile(res, await api.document(index, m[1]!));
  if (route.startsWith('/api/')) throw new api.HttpError(404, 'okänd adress');
  return staticFile(res, route);
}

/** The original file of an indexed document, if it still lies inside the folder it was ingested from. */
function originalFile(res: http.ServerResponse, doc: { source: string; root: string; fileName: string }) {
  let real: string;
  try {
    real = realpathSync(doc.source);
  } catch {
    throw new api.HttpError(404, 'originalfilen finns inte längre');
  }
  const root = realpathSync(doc.root);
  if (!real.startsWith(root + path.sep)) throw new api.HttpError(403, 'filen ligger utanför arkivet');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': FILE_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(statSync(real).size),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
  });
  createReadStream(real).pipe(res);
}

function staticFile(res: http.ServerResponse, route: string) {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new api.HttpError(503, 'sidan är inte byggd: kör npm run build:ui');
  const rel = path.normalize(decodeURIComponent(route)).replace(/^(\.\.[/\\])+/, '');
  const file = path.join(DIST, rel);
  const target = file.startsWith(DIST + path.sep) && existsSync(file) && statSync(file).isFile() ? file : path.join(DIST, 'index.html');
  send(res, 200, TYPES[path.extname(target)] ?? 'application/octet-stream', readFileSync(target));
}
