/**
 * Where an API keyword search spends its time: the API's Meilisearch requests recorded once per
 * query, then each kind replayed alone by N concurrent clients against a running archive
 * (MEILI_URL / MEILI_MASTER_KEY), beside the whole API path in-process.
 *
 * CPU time (Meilisearch's process, with MEILI_PID, and this one) per search is printed too: unlike
 * latency it holds on a machine that other work shares.
 *
 *   MEILI_URL=… MEILI_MASTER_KEY=… [MEILI_PID=…] npx tsx bench/request-profile.ts [--clients 8] [--per 25]
 */
import { readFileSync } from 'node:fs';
import { MeiliClient, searchPassages, documentCounts, ArchiveIndex } from '../index/index.ts';
import { measure } from './latency.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: number) => { const i = args.indexOf(`--${n}`); return i >= 0 ? Number(args[i + 1]) : d; };
const clients = opt('clients', 8);
const per = opt('per', 25);
const FACETS = ['year', 'mandatePeriod', 'body', 'organisation', 'docType', 'themes', 'persons', 'parties'];
const queries = ['kompetensförsörjning', 'brist på arbetskraft', 'Ukraina', 'civilt försvar', 'kollektivtrafik landsbygden', 'skolresultat', 'nära vård', 'Värmlandsbanan', 'gränshinder Norge', 'pandemin'];

type Req = { method: 'GET' | 'POST'; path: string; body?: unknown; kind: string };
class Recorder extends MeiliClient {
  log: Req[] | null = null;
  override async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const b = body as { federation?: unknown; queries?: { limit?: number }[] } | undefined;
    const kind = b?.federation ? 'document counts (federated, facets)' : b?.queries ? (b.queries.every((q) => q.limit === 0) ? 'statistics (multi-search, limit 0)' : 'candidates (multi-search)')
      : path.includes('postings/documents/fetch') ? 'term postings (documents/fetch)' : path.includes('/documents/fetch') ? 'page passages (documents/fetch)' : path.endsWith('/search') ? `document counts (${path.split('/')[2]} search, facets)` : `other ${path}`;
    this.log?.push({ method, path, body, kind });
    return super.request<T>(method, path, body);
  }
}
const url = process.env.MEILI_URL!;
const key = process.env.MEILI_MASTER_KEY ?? '';
const rec = new Recorder(url, key);
const index = new ArchiveIndex(rec, '', null);
const plans = new Map<string, Req[]>();
const api = (c: MeiliClient) => (q: string) => Promise.all([
  searchPassages(c, index.names, { q, limit: 20 }),
  documentCounts(c, index.names, { q, facets: FACETS }),
]);
for (const q of queries) { rec.log = []; await api(rec)(q); plans.set(q, rec.log); }
rec.log = null;
const plain = new MeiliClient(url, key);
const kinds = [...new Set([...plans.values()].flat().map((r) => r.kind))];
await measure(api(plain), queries, 1, 10);
const pid = process.env.MEILI_PID;
/** CPU milliseconds the Meilisearch process has used (utime + stime, in clock ticks of 10 ms). */
const meiliCpu = () => { if (!pid) return 0; const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
async function cpuPerSearch(run: (q: string) => Promise<unknown>, n = 100): Promise<string> {
  const m = meiliCpu();
  const own = process.cpuUsage();
  for (let i = 0; i < n; i++) await run(queries[i % queries.length]!);
  const node = process.cpuUsage(own);
  return `CPU per search: Meilisearch ${pid ? ((meiliCpu() - m) / n).toFixed(2) : '?'} ms, this process ${((node.user + node.system) / 1000 / n).toFixed(2)} ms`;
}
console.log(`whole API path: ${await cpuPerSearch(api(plain))}`);
const whole = await measure(api(plain), queries, clients, per);
const t0 = performance.now();
await measure(api(plain), queries, 1, 30);
console.log(`whole API path (in-process, no HTTP): ${clients} clients p50 ${whole.p50} p95 ${whole.p95} ms; 1 client mean ${((performance.now() - t0) / 30).toFixed(1)} ms`);
for (const kind of kinds) {
  const run = async (q: string) => { for (const r of plans.get(q)!.filter((x) => x.kind === kind)) await plain.request(r.method, r.path, r.body); };
  const bytes = (await Promise.all(queries.map(async (q) => { let n = 0; for (const r of plans.get(q)!.filter((x) => x.kind === kind)) n += JSON.stringify(await plain.request(r.method, r.path, r.body)).length; return n; }))).reduce((a, b) => a + b, 0) / queries.length;
  const l = await measure(run, queries, clients, per);
  const t = performance.now();
  await measure(run, queries, 1, 30);
  console.log(`${kind}: ${clients} clients p50 ${l.p50} p95 ${l.p95} ms; 1 client mean ${((performance.now() - t) / 30).toFixed(1)} ms; response ${(bytes / 1024).toFixed(0)} KB; ${await cpuPerSearch(run)}`);
}
