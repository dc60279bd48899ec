/**
 * The real tokenizer/model path with a real-size transformer: all-MiniLM-L6-v2 built by
 * scripts/make-minilm-model.py (not in the repository: ~90 MB). Runs only when the model folder
 * exists (MINUTES_MODEL_DIR/all-MiniLM-L6-v2, else .minutes/models/all-MiniLM-L6-v2 in the project).
 *
 * Reference values: the same weights through an independent implementation, the candle/WASM engine
 * of @lat.md/embed 0.2.0 (the package's own runtime), which agrees with this ONNX graph to ~2e-7.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { loadEmbedder, type Embedder } from '../index/index.ts';

const MODEL = 'all-MiniLM-L6-v2';
const modelDir = path.resolve(process.env.MINUTES_MODEL_DIR ?? path.join(PROJECT_ROOT, '.minutes', 'models'));
const present = existsSync(path.join(modelDir, MODEL, 'onnx', 'model.onnx'));
const reason = present ? '' : ` — skipped: no model at ${path.join(modelDir, MODEL)}; build it with scripts/make-minilm-model.py (see README, Embeddings)`;

// The default reporter does not show a skipped suite's name: say why once.
if (!present) console.warn(`tests/real-model.test.ts${reason}`);

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

// First 8 components from @lat.md/embed's engine (mean pooling, normalised).
const REFERENCE: [string, number[]][] = [
  ['The cat sits on the mat.', [0.13416, -0.03292, -0.02484, 0.04144, -0.03639, 0.04176, 0.03127, 0.03724]],
  ['Kommunfullmäktige beslutade att anta budgeten för 2024.', [-0.03204, 0.11416, -0.01976, -0.01163, -0.04301, 0.02989, -0.03207, 0.04523]],
  ['The stock market fell sharply today.', [0.06036, 0.00537, 0.07659, 0.05387, -0.01477, -0.00616, -0.02926, 0.05371]],
];

describe.skipIf(!present)(`real-size transformer (${MODEL}) through transformers.js${reason}`, () => {
  let embedder: Embedder;
  beforeAll(async () => {
    const settings = loadConfig({ MINUTES_MODEL: MODEL, MINUTES_MODEL_DIR: modelDir, MINUTES_EMBED_BATCH: '2' }).embeddings;
    embedder = (await loadEmbedder(settings, { warn: (m) => { throw new Error(m); } }))!;
  });

  it('tokenizes with the model\'s WordPiece vocabulary: [CLS] … [SEP], English words whole, Swedish ones in pieces', async () => {
    const { AutoTokenizer } = await import('@huggingface/transformers');
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL);
    expect(tokenizer.encode('The cat sits on the mat.')).toEqual([101, 1996, 4937, 7719, 2006, 1996, 13523, 1012, 102]);
    expect(tokenizer.tokenize('kommunfullmäktige').length).toBeGreaterThan(3);
  });

  it('gives 384 normalised dimensions that match the reference implementation to 1e-3', async () => {
    expect(embedder.dimensions).toBe(384);
    const vectors = await embedder.embed(REFERENCE.map(([t]) => t), 'passage');
    vectors.forEach((v, i) => {
      expect(v).toHaveLength(384);
      expect(Math.sqrt(dot(v!, v!))).toBeCloseTo(1, 5);
      REFERENCE[i]![1].forEach((x, j) => expect(Math.abs(v![j]! - x)).toBeLessThan(1e-3));
    });
  });

  it('places paraphrases closer than unrelated sentences', async () => {
    const [cat, rug, stocks, pw, forgot, bananas] = (await embedder.embed([
      'The cat sits on the mat.', 'A cat is sitting on a rug.', 'The stock market fell sharply today.',
      'How do I reset my password?', 'I forgot my password and need to change it.', 'Bananas are rich in potassium.',
    ], 'passage')) as number[][];
    expect(dot(cat!, rug!)).toBeGreaterThan(0.6);
    expect(dot(cat!, stocks!)).toBeLessThan(0.3);
    expect(dot(pw!, forgot!)).toBeGreaterThan(0.6);
    expect(dot(pw!, bananas!)).toBeLessThan(0.3);
  });

  it('batches of mixed lengths (padded, batched by length) equal one text at a time, in input order', async () => {
    const texts = ['Short.', 'A much longer sentence about the regional council and its budget for next year, with numbers 12345.', 'Medium length text here.', 'Ok'];
    const batched = await embedder.embed(texts, 'passage');
    for (const [i, t] of texts.entries()) {
      const [one] = await embedder.embed([t], 'passage');
      one!.forEach((x, j) => expect(Math.abs(batched[i]![j]! - x)).toBeLessThan(1e-5));
    }
  });
});
