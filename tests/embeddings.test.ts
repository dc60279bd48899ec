/** The real transformers.js loading and inference code, on the project's own tiny model, and hybrid search against a real Meilisearch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { loadEmbedder, connectMeili, MeiliClient, ArchiveIndex, searchPassages, NoModelError, type Embedder, type MeiliConnection } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const tiny = { MINUTES_MODEL: 'minutes-tiny-sv', MINUTES_MODEL_DIR: path.join(PROJECT_ROOT, 'data', 'models'), MINUTES_EMBED_BATCH: '3' };
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('embedding model loading and inference', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = (await loadEmbedder(loadConfig(tiny).embeddings, { warn: (m) => { throw new Error(m); } }))!;
  });

  it('loads from the offline folder and reports its dimensions', () => {
    expect(embedder.modelId).toBe('minutes-tiny-sv');
    expect(embedder.dimensions).toBe(48);
  });

  it('returns normalised vectors; identical text gives identical vectors; batching equals one by one', async () => {
    const texts = ['Flyktingmottagandet från Ukraina', 'Kollektivtrafiken på landsbygden', 'Skolresultaten i länet', 'Flyktingmottagandet från Ukraina', 'Nära vård'];
    const batched = await embedder.embed(texts, 'passage');
    expect(batched).toHaveLength(5);
    for (const v of batched) expect(norm(v!)).toBeCloseTo(1, 5);
    expect(batched[3]).toEqual(batched[0]);
    const single = await Promise.all(texts.map(async (t) => (await embedder.embed([t], 'passage'))[0]!));
    single.forEach((v, i) => v!.forEach((x, j) => expect(x).toBeCloseTo(batched[i]![j]!, 5)));
  });

  it('places a paraphrase near its topic and away from others', async () => {
    const [q, ukraina, buss] = await embedder.embed(['människor som flytt kriget', 'Mottagandet av skyddsbehövande från Ukraina', 'Bussar på landsbygden'], 'passage');
    expect(cosine(q!, ukraina!)).toBeGreaterThan(0.5);
    expect(cosine(q!, buss!)).toBeLessThan(0.3);
  });

  it('caches query vectors', async () => {
    const a = await embedder.embedQuery('civilt försvar');
    expect(await embedder.embedQuery('civilt försvar')).toBe(a);
  });

  it('without a loadable model returns null and says once what failed and how to fix it', async () => {
    const warnings: string[] = [];
    const none = await loadEmbedder(loadConfig({ ...tiny, MINUTES_MODEL: 'finns-inte' }).embeddings, { warn: (m) => warnings.push(m) });
    expect(none).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/embeddings off, search is keyword-only: could not load model "finns-inte".*MINUTES_MODEL_DIR|finns-inte\/ \(config\.json/);
  });
});

describe('hybrid search against Meilisearch', () => {
  const tmp = tempDir('hybrid');
  let conn: MeiliConnection;
  let index: ArchiveIndex;
  const reporter = createReporter({ tty: false, quiet: true });

  beforeAll(async () => {
    const config = loadConfig({ ...tiny, MINUTES_DATA_DIR: tmp.dir });
    conn = await connectMeili(config);
    const client = new MeiliClient(conn.url, conn.key);
    // First without a model: keyword-only, every chunk marked as lacking a vector.
    const plain = new ArchiveIndex(client, 'h_');
    await runIngest(SAMPLE_DIR, { full: false, config, index: plain, reporter });
    const missing = await client.getDocuments(plain.names.chunks, { filter: 'hasVector = false', limit: 1000 });
    expect(missing.results.length).toBeGreaterThan(50);
    // Then with the model: the unchanged files are not re-read, their chunks get vectors.
    const embedder = await loadEmbedder(config.embeddings, { warn: (m) => { throw new Error(m); } });
    index = new ArchiveIndex(client, 'h_', embedder);
    const s = await runIngest(SAMPLE_DIR, { full: false, config, index, reporter });
    expect(s).toMatchObject({ new: 0, changed: 0, embedded: missing.results.length });
  });
  afterAll(async () => {
    await conn?.stop();
    tmp.cleanup();
  });

  it('finds passages by meaning in semantic mode', async () => {
    // Meilisearch's vector search is approximate and explores more candidates for a larger limit:
    // with limit 3 it once (1 run in ~10) missed 201 (cosine 0.69) for 206 (0.45).
    const r = await searchPassages(index.client, index.names, { q: 'människor som flytt kriget', mode: 'semantic', limit: 10 }, index.embedder);
    expect(r.hits.slice(0, 2).map((h) => h.fileName.slice(0, 3)).sort()).toEqual(['201', '209']);
  });

  it('combines keyword and semantic ranking in hybrid mode, with filters, one hit per document', async () => {
    const ask = (mode: 'keyword' | 'semantic' | 'hybrid') => searchPassages(index.client, index.names, { q: 'bussar', mode, ratio: 0.5, limit: 5, filter: 'year >= 2024' }, index.embedder);
    const [keyword, semantic, r] = await Promise.all([ask('keyword'), ask('semantic'), ask('hybrid')]);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => Number(h.date?.slice(0, 4)) >= 2024)).toBe(true);
    expect(new Set(r.hits.map((h) => h.docId)).size).toBe(r.hits.length);
    // Blended: each ranking's best document is among the two best of the fusion.
    expect(r.hits.slice(0, 2).map((h) => h.docId)).toEqual(expect.arrayContaining([keyword.hits[0]!.docId, semantic.hits[0]!.docId]));
  });

  it('gives no vector for text the model has nothing for (a zero vector normalises to NaN), and hybrid search then ranks by keywords', async () => {
    expect(await index.embedder!.embed(['budget', 'Flyktingmottagandet från Ukraina'], 'passage')).toEqual([null, expect.any(Array)]);
    expect(await index.embedder!.embedQuery('sammanträde')).toBeNull();
    const [hybrid, keyword] = await Promise.all([
      searchPassages(index.client, index.names, { q: 'sammanträde', mode: 'hybrid', limit: 5 }, index.embedder),
      searchPassages(index.client, index.names, { q: 'sammanträde', mode: 'keyword', limit: 5 }),
    ]);
    expect(keyword.hits.length).toBeGreaterThan(0);
    expect(hybrid.hits.map((h) => h.docId)).toEqual(keyword.hits.map((h) => h.docId));
  });

  it('refuses semantic mode without a model, naming the fix', async () => {
    await expect(searchPassages(index.client, index.names, { q: 'x', mode: 'hybrid' }, null)).rejects.toThrow(NoModelError);
  });
});
