/**
 * Vectors for passages. Each chunk records whether it has a vector and from which model, so a run
 * without a model leaves them marked and a later run with one fills them in without re-ingesting.
 * Vectors are reused by chunk content hash and model: re-ingesting embeds only new or changed text,
 * and changing the model re-embeds everything (its vectors are a different space).
 */
import { MeiliError, type MeiliClient } from './meili-client.ts';
import { EMBEDDER, embedderSettings } from './settings.ts';
import { and, inList, quote } from './filter.ts';
import type { Embedder } from './embedder.ts';
import type { ChunkRecord } from './records.ts';

/**
 * A chunk without a vector still says `_vectors.default: null`: Meilisearch then accepts it under a
 * userProvided embedder, and lets the embedder be added later to an index built without a model.
 */
/** `_vectors.default` null with `hasVector` true: embedded, but the model found nothing to go by (see Embedder.embed). */
export interface VectorFields { hasVector: boolean; embeddingModel: string | null; _vectors: Record<string, number[] | null> }

/** Sets the userProvided embedder for the model's dimensions (resetting it when a new model has other dimensions). */
export async function configureEmbedder(client: MeiliClient, uid: string, embedder: Embedder | null): Promise<void> {
  if (!embedder) return;
  const current = await client.request<Record<string, { dimensions?: number }> | null>('GET', `/indexes/${uid}/settings/embedders`);
  const dims = current?.[EMBEDDER]?.dimensions;
  if (dims !== undefined && dims !== embedder.dimensions) await client.updateSettings(uid, { embedders: { [EMBEDDER]: null } });
  if (dims !== embedder.dimensions) await client.updateSettings(uid, embedderSettings(embedder.dimensions));
}

const passageText = (c: Pick<ChunkRecord, 'heading' | 'text'>) => `${c.heading}\n${c.text}`;

/**
 * Vector fields for chunks about to be written: reused where the same text was embedded by the
 * same model, from `recent` (batches written but not yet indexed) or from the index.
 */
export async function vectorFields(client: MeiliClient, uid: string, chunks: ChunkRecord[], embedder: Embedder | null, recent: ReadonlyMap<string, number[] | null> = new Map()): Promise<{ fields: VectorFields[]; embedded: number; byHash: Map<string, number[] | null> }> {
  if (!embedder) return { fields: chunks.map(() => ({ hasVector: false, embeddingModel: null, _vectors: { [EMBEDDER]: null } })), embedded: 0, byHash: new Map() };
  const hashes = [...new Set(chunks.map((c) => c.contentHash))];
  const known = new Map<string, number[] | null>(hashes.filter((h) => recent.has(h)).map((h) => [h, recent.get(h)!]));
  for (const [h, v] of await cachedVectors(client, uid, hashes.filter((h) => !known.has(h)), embedder.modelId)) known.set(h, v);
  // Each new text once, however often the batch repeats it.
  const missing = [...new Map(chunks.filter((c) => !known.has(c.contentHash)).map((c) => [c.contentHash, c])).values()];
  const fresh = await embedder.embed(missing.map(passageText), 'passage');
  missing.forEach((c, i) => known.set(c.contentHash, fresh[i] ?? null));
  return { fields: chunks.map((c) => ({ hasVector: true, embeddingModel: embedder.modelId, _vectors: { [EMBEDDER]: known.get(c.contentHash) ?? null } })), embedded: missing.length, byHash: known };
}

async function cachedVectors(client: MeiliClient, uid: string, hashes: string[], model: string): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  for (let i = 0; i < hashes.length; i += 500) {
    const slice = hashes.slice(i, i + 500);
    type Stored = { contentHash: string; _vectors?: Record<string, { embeddings?: number[][] }> };
    try {
      const page = await client.getDocuments<Stored>(uid, { filter: and(inList('contentHash', slice), `embeddingModel = ${quote(model)}`), fields: ['contentHash'], retrieveVectors: true, limit: slice.length * 4 });
      for (const d of page.results) {
        const v = d._vectors?.[EMBEDDER]?.embeddings?.[0];
        if (v) found.set(d.contentHash, v);
      }
    } catch (err) {
      if (!(err instanceof MeiliError && err.code === 'index_not_found')) throw err;
    }
  }
  return found;
}

/** Embeds every chunk that lacks a vector from the current model (left by a run without a model, or by a model change). */
export async function fillMissingVectors(client: MeiliClient, uid: string, embedder: Embedder): Promise<number> {
  let filled = 0;
  for (;;) {
    const page = await client.getDocuments<ChunkRecord>(uid, {
      filter: `hasVector != true OR embeddingModel != ${quote(embedder.modelId)} OR embeddingModel NOT EXISTS`,
      fields: ['id', 'heading', 'text', 'contentHash'], limit: 256,
    });
    if (!page.results.length) return filled;
    const vectors = await embedder.embed(page.results.map(passageText), 'passage');
    await client.updateDocuments(uid, page.results.map((c, i) => ({ id: c.id, hasVector: true, embeddingModel: embedder.modelId, _vectors: { [EMBEDDER]: vectors[i] ?? null } })));
    filled += page.results.length;
  }
}
