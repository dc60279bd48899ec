/**
 * Does `compromise` (an English-first NLP library) find the persons in Swedish minutes? Compares
 * its people() with our rules on the gold files: precision, recall and F1 of person names.
 *   npx tsx bench/compromise-names.ts                 (tests/gold)
 *   npx tsx bench/compromise-names.ts --real dev      (the blind gold on real documents; `--real setaside` by name only)
 *   npx tsx bench/compromise-names.ts --written dev   (the records written blind, tests/gold-written)
 */
import nlp from 'compromise';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, SAMPLE_ARCHIVE } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { sameName } from '../extract/person-resolution.ts';
import { plain } from '../lib/text.ts';
import { f1, goldDocument, goldSplitDir, type Counts } from '../scripts/score-extraction.ts';

const goldDir = path.join(PROJECT_ROOT, 'tests', 'gold');
const totals: Record<string, Counts> = { rules: { tp: 0, fp: 0, fn: 0 }, compromise: { tp: 0, fp: 0, fn: 0 } };
let ms = { rules: 0, compromise: 0 };

function count(gold: string[][], predicted: string[], into: Counts) {
  const used = new Set<number>();
  for (const names of gold) {
    const i = predicted.findIndex((p, j) => !used.has(j) && names.some((n) => sameName(n, p)));
    if (i >= 0) used.add(i);
  }
  into.tp += used.size; into.fp += predicted.length - used.size; into.fn += gold.length - used.size;
}

const args = process.argv.slice(2);
// (`--written dev|setaside`: the records written blind with their gold, tests/gold-written)
const written = args.includes('--written');
const splitArg = args.includes('--real') ? args[args.indexOf('--real') + 1] : written ? args[args.indexOf('--written') + 1] ?? 'dev' : null;
if (splitArg && splitArg !== 'dev' && splitArg !== 'setaside') throw new Error('--real dev|setaside');
const real = splitArg as 'dev' | 'setaside' | null;
const set = written ? 'written' : 'real';
const dir = real ? goldSplitDir(set, real) : goldDir;
const sourceOf = (gold: { file: string; source: string }) =>
  real ? goldDocument(set, gold) : path.join(gold.source === 'seeds' ? path.resolve(PROJECT_ROOT, '../shared/seeds') : SAMPLE_ARCHIVE, gold.file);

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const gold = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { file: string; source: string; persons: { name: string; aliases?: string[] }[] };
  const source = sourceOf(gold);
  if (!existsSync(source)) continue;
  const doc = cleanDocument(await readDocument(source, { maxFileBytes: 1e8, maxPages: 500, parseTimeoutMs: 30_000 }));
  const names = gold.persons.map((p) => [p.name, ...(p.aliases ?? [])]);
  let t = performance.now();
  const ours = extractDocument(doc, { chunkWords: 250 }).extraction.persons.map((p) => p.name);
  ms.rules += performance.now() - t;
  t = performance.now();
  const text = doc.blocks.map((b) => plain(b.text)).join('\n');
  const theirs = [...new Set((nlp(text).people().out('array') as string[]).map((s) => s.replace(/[.,:;]$/, '').trim()).filter((s) => s.includes(' ')))];
  ms.compromise += performance.now() - t;
  count(names, ours, totals.rules!);
  count(names, theirs, totals.compromise!);
}

for (const [k, c] of Object.entries(totals)) {
  const r = f1(c);
  console.log(`${k.padEnd(11)} persons P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}; ${Math.round(ms[k as keyof typeof ms])} ms)`);
}
