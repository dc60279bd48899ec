/**
 * Sentence embeddings computed locally with transformers.js. Online, a model is downloaded once
 * from the Hugging Face hub into the data dir's cache (with a progress bar on a terminal); offline
 * sites point MINUTES_MODEL_DIR at a folder holding the model. When no model can be loaded, the
 * caller gets null and one warning that says what failed and how to fix it: search stays keyword-only.
 */
import type { Config } from '../lib/config.ts';

export interface Embedder {
  modelId: string;
  dimensions: number;
  /** Normalised vectors, one per text, computed in batches. */
  /** One vector per text; null where the model finds nothing to go by (a zero vector: normalising it gives NaN). */
  embed(texts: string[], kind: 'query' | 'passage'): Promise<(number[] | null)[]>;
  /** A query's vector, from a small LRU cache (analysts repeat and refine queries). */
  embedQuery(q: string): Promise<number[] | null>;
}

type Extractor = (texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

export async function loadEmbedder(
  settings: Config['embeddings'],
  opts: { warn: (msg: string) => void; progress?: (file: string, loaded: number, total: number) => void },
): Promise<Embedder | null> {
  if (!settings.enabled) return null;
  let extractor: Extractor;
  try {
    const { pipeline, env } = await import('@huggingface/transformers');
    if (settings.modelDir) {
      env.localModelPath = `${settings.modelDir}/`;
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
    } else {
      env.allowLocalModels = false;
      env.allowRemoteModels = true;
      env.cacheDir = settings.cacheDir;
    }
    const progress = opts.progress;
    extractor = (await pipeline('feature-extraction', settings.model, {
      dtype: 'fp32',
      progress_callback: progress ? (p: { status?: string; file?: string; loaded?: number; total?: number }) => {
        if (p.status === 'progress' && p.file) progress(p.file, p.loaded ?? 0, p.total ?? 0);
      } : undefined,
    })) as unknown as Extractor;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; hostname?: string } })?.cause;
    const reason = (err instanceof Error ? err.message.split('\n')[0] : String(err)) + (cause?.code ? `: ${cause.code}${cause.hostname ? ` ${cause.hostname}` : ''}` : '');
    const fix = settings.modelDir
      ? `put the model's files in ${settings.modelDir}/${settings.model}/ (config.json, tokenizer.json, onnx/model.onnx)`
      : 'run once with internet access to download it, or copy a model folder and set MINUTES_MODEL_DIR';
    opts.warn(`embeddings off, search is keyword-only: could not load model "${settings.model}" (${reason}); to fix, ${fix}`);
    return null;
  }
  // e5 models are trained with these prefixes; without them similarity is measurably worse.
  const e5 = /e5/i.test(settings.model);
  // A text with no token the model knows pools to a zero vector, which normalises to NaN; Meilisearch
  // refuses NaN (sent as null) in a document and in a query.
  const usable = (v: number[]) => (v.every(Number.isFinite) && v.some((x) => x !== 0) ? v : null);
  const prefix = { query: e5 ? 'query: ' : '', passage: e5 ? 'passage: ' : '' };
  // A batch is padded to its longest text, so texts are batched in order of length (and the vectors
  // put back in input order): with a real transformer, a batch of 32 sample passages in input order
  // pads to 256 tokens where the median passage has 86 (bench/real-model.ts).
  const embed = async (texts: string[], kind: 'query' | 'passage') => {
    const out: (number[] | null)[] = new Array(texts.length);
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    for (let i = 0; i < order.length; i += settings.batchSize) {
      const ids = order.slice(i, i + settings.batchSize);
      const vectors = (await extractor(ids.map((j) => prefix[kind] + texts[j]), { pooling: 'mean', normalize: true })).tolist();
      ids.forEach((j, k) => { out[j] = usable(vectors[k]!); });
    }
    return out;
  };
  const dimensions = (await extractor(['dimensioner'], { pooling: 'mean', normalize: true })).tolist()[0]!.length;
  // The promise is cached, so a page's two queries (and concurrent identical searches) embed once.
  const cache = new Map<string, Promise<number[] | null>>();
  return {
    modelId: settings.model,
    dimensions,
    embed,
    embedQuery(q) {
      const hit = cache.get(q);
      if (hit) { cache.delete(q); cache.set(q, hit); return hit; }
      const vector = embed([q], 'query').then(([v]) => v ?? null);
      vector.catch(() => cache.delete(q));
      cache.set(q, vector);
      if (cache.size > 500) cache.delete(cache.keys().next().value!);
      return vector;
    },
  };
}
