/**
 * Search latency p50/p95/p99 for keyword, filtered and hybrid queries with 1 and 8 concurrent
 * clients: in-process (the CLI path), through the HTTP API, and the API's own Meilisearch requests
 * sent straight to Meilisearch. Returns Markdown rows for BENCHMARKS.md.
 */
import { ArchiveIndex, MeiliClient, searchPassages, type Embedder, type MeiliConnection } from '../index/index.ts';
import { startServer } from '../search-ui/index.ts';
import { measure, type Latency } from './latency.ts';

/**
 * A Meilisearch client that records the search requests made while a function runs, in waves:
 * requests started while another is in flight belong to its wave (the API sends some side by side).
 */
class RecordingClient extends MeiliClient {
  private log: Record<string, unknown>[][] | null = null;
  private inFlight = 0;
  override async search<T>(uid: string, body: Record<string, unknown>) {
    if (this.log) {
      if (this.inFlight === 0) this.log.push([]);
      this.log.at(-1)!.push({ uid, body });
    }
    this.inFlight++;
    try { return await super.search<T>(uid, body); } finally { this.inFlight--; }
  }
  async record(run: () => Promise<unknown>): Promise<{ uid: string; body: Record<string, unknown> }[][]> {
    this.log = [];
    try { await run(); return this.log as { uid: string; body: Record<string, unknown> }[][]; } finally { this.log = null; }
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
    const plans = new Map<string, { uid: string; body: Record<string, unknown> }[][]>();
    for (const q of queries) plans.set(q, await recorder.record(() => api(q)));
    const direct = async (q: string) => { for (const wave of plans.get(q)!) await Promise.all(wave.map((r) => client.search(r.uid, r.body))); };
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
  if (embedder) {
    // Searches above reuse cached query vectors after their first use; a new query pays this once.
    const fresh = Array.from({ length: 50 }, (_, i) => `${queries[i % queries.length]} ${i}`);
    const t = performance.now();
    for (const q of fresh) await embedder.embedQuery(q);
    rows.push('', `Query embedding (${embedder.modelId}, not cached): ${((performance.now() - t) / fresh.length).toFixed(1)} ms per query.`);
  }
  rows.push('', 'An API page is three Meilisearch requests: one hit per document, beside it the total and facet counts per document (documents index), then up to three passages for each document on the page. The CLI path is the first request alone.', '');

  return rows;
}
