/**
 * Search latency p50/p95/p99 for keyword, filtered and hybrid queries with 1 and 8 concurrent
 * clients: in-process (the CLI path), through the HTTP API, and the API's own Meilisearch requests
 * sent straight to Meilisearch. Returns Markdown rows for BENCHMARKS.md.
 */
import { ArchiveIndex, MeiliClient, searchPassages, type Embedder, type MeiliConnection } from '../index/index.ts';
import { startServer } from '../search-ui/index.ts';
import { measure, type Latency } from './latency.ts';

type Recorded = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: unknown };
/**
 * A Meilisearch client that records the requests made while a function runs (searches,
 * multi-searches, document fetches), in waves: requests started while another is in flight belong
 * to its wave (the API sends some side by side).
 */
class RecordingClient extends MeiliClient {
  private log: Recorded[][] | null = null;
  private inFlight = 0;
  override async request<T>(method: Recorded['method'], path: string, body?: unknown): Promise<T> {
    if (this.log) {
      if (this.inFlight === 0) this.log.push([]);
      this.log.at(-1)!.push({ method, path, body });
    }
    this.inFlight++;
    try { return await super.request<T>(method, path, body); } finally { this.inFlight--; }
  }
  async record(run: () => Promise<unknown>): Promise<Recorded[][]> {
    this.log = [];
    try { await run(); return this.log; } finally { this.log = null; }
  }
}

export async function searchLatencyRows(conn: MeiliConnection, index: ArchiveIndex, embedder: Embedder | null): Promise<string[]> {
  const client = index.client;
  const rows: string[] = [];
  const queries = ['kompetensförsörjning', 'brist på arbetskraft', 'Ukraina', 'civilt försvar', 'kollektivtrafik landsbygden', 'skolresultat', 'nära vård', 'Värmlandsbanan', 'gränshinder Norge', 'pandemin'];
  const filters = { year: [2019, 2020, 2021, 2022], docType: ['protokoll' as const] };
  // The API's own Meilisearch requests are recorded once per query and replayed straight to
  // Meilisearch, in the same order and side by side where the API sends them side by side: "direct"
  // is exactly the work the API asks of Meilisearch, so API ÷ direct is the overhead we add (HTTP
  // server, validation, query shaping, grouping, JSON).
  const recorder = new RecordingClient(conn.url, conn.key);
  const server = await startServer({ port: 0, index: new ArchiveIndex(recorder, '', embedder, index.names) });
  // A keep-alive JSON client, as a browser holds its connection (undici fetch adds ~40 ms on loopback).
  const http = new MeiliClient(server.url, '');
  const cases: [string, string, (q: string) => Promise<unknown>][] = [
    ['keyword', '', (q) => searchPassages(client, index.names, { q, limit: 20 })],
    ['filtered', '&year=2019,2020,2021,2022&type=protokoll', (q) => searchPassages(client, index.names, { q, limit: 20, filters })],
    ['hybrid', '&mode=hybrid', (q) => searchPassages(client, index.names, { q, limit: 20, mode: 'hybrid' }, embedder)],
  ];
  rows.push('| query | clients | in-process (CLI path) p50/p95/p99 ms | HTTP API p50/p95/p99 ms | same requests straight to Meilisearch p50/p95/p99 ms | API ÷ direct p50 · p95 |', '|---|---|---|---|---|---|');
  const fmt = (l: Latency) => `${l.p50} / ${l.p95} / ${l.p99}`;
  for (const [name, params, cli] of cases) {
    if (name === 'hybrid' && !embedder) continue;
    const api = (q: string) => http.request('GET', `/api/search?q=${encodeURIComponent(q)}${params}`);
    const plans = new Map<string, Recorded[][]>();
    for (const q of queries) plans.set(q, await recorder.record(() => api(q)));
    const direct = async (q: string) => { for (const wave of plans.get(q)!) await Promise.all(wave.map((r) => client.request(r.method, r.path, r.body))); };
    for (const clients of [1, 8]) {
      const per = clients === 1 ? 60 : 25;
      await measure(api, queries, 1, 10); // warm-up
      const a = await measure(cli, queries, clients, per);
      const b = await measure(api, queries, clients, per);
      const c = await measure(direct, queries, clients, per);
      rows.push(`| ${name} | ${clients} | ${fmt(a)} | ${fmt(b)} | ${fmt(c)} | ${(b.p50 / c.p50).toFixed(2)}× · ${(b.p95 / c.p95).toFixed(2)}× |`);
    }
  }
  await server.close();
  // The two stages of keyword search, in-process, one client: Meilisearch retrieving candidates
  // (two multi-searches side by side: statistics and candidates) and the project's BM25 ranking.
  const stages = { retrieval: [] as number[], ranking: [] as number[], requests: 0 };
  for (let i = 0; i < 3; i++) {
    for (const q of queries) {
      const r = await searchPassages(client, index.names, { q, limit: 20 });
      stages.retrieval.push(r.timings?.retrievalMs ?? 0);
      stages.ranking.push(r.timings?.rankingMs ?? 0);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  rows.push('', `Keyword search stages (in-process, 1 client, median of ${stages.retrieval.length}): candidate retrieval ${med(stages.retrieval)} ms, BM25 ranking ${med(stages.ranking)} ms.`);
  if (embedder) {
    // Searches above reuse cached query vectors after their first use; a new query pays this once.
    const fresh = Array.from({ length: 50 }, (_, i) => `${queries[i % queries.length]} ${i}`);
    const t = performance.now();
    for (const q of fresh) await embedder.embedQuery(q);
    rows.push('', `Query embedding (${embedder.modelId}, not cached): ${((performance.now() - t) / fresh.length).toFixed(1)} ms per query.`);
  }
  rows.push('', 'An API page sends, side by side, the ranking (two multi-searches side by side — term statistics, and one phrase query per query term for candidates — then a fetch of the page\'s passages) and the counts (one federated search over the documents index with facets). The CLI path is the ranking alone.', '');

  return rows;
}
