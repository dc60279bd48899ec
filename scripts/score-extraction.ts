/**
 * Scores the extractor against the hand-annotated gold files in tests/gold/: precision, recall
 * and F1 per field. `npm run score` prints the table; tests/extraction-score.test.ts fails when a
 * figure drops below the level reached.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT, SAMPLE_ARCHIVE } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { sameName } from '../extract/person-resolution.ts';
import type { Extraction } from '../lib/schema.ts';

const Gold = z.object({
  file: z.string(),
  source: z.enum(['seeds', 'sample']),
  /** dev: the rules were developed looking at this document; heldout: annotated without running the extractor on it. */
  split: z.enum(['dev', 'heldout']).default('dev'),
  docType: z.string(), date: z.string(), body: z.string(),
  persons: z.array(z.object({ name: z.string(), aliases: z.array(z.string()).optional(), attendance: z.enum(['present', 'absent', 'unknown']) })),
  organisations: z.array(z.string()),
  dates: z.array(z.object({ date: z.string(), kind: z.string() })),
  decisions: z.array(z.string()),
  themes: z.array(z.string()),
});
type Gold = z.infer<typeof Gold>;

export interface Counts { tp: number; fp: number; fn: number }
export interface Score { docs: number; fields: Record<string, Counts>; accuracy: Record<string, { right: number; total: number }> }

const GOLD_DIR = path.join(PROJECT_ROOT, 'tests', 'gold');
const SEEDS = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');

function matchSets<G, P>(gold: G[], pred: P[], same: (g: G, p: P) => boolean): Counts & { pairs: [G, P][] } {
  const used = new Set<number>();
  const pairs: [G, P][] = [];
  for (const g of gold) {
    const i = pred.findIndex((p, j) => !used.has(j) && same(g, p));
    if (i >= 0) { used.add(i); pairs.push([g, pred[i]!]); }
  }
  return { tp: pairs.length, fp: pred.length - used.size, fn: gold.length - pairs.length, pairs };
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function scoreOne(gold: Gold, e: Extraction, into: Score): void {
  const add = (field: string, c: Counts) => {
    const f = (into.fields[field] ??= { tp: 0, fp: 0, fn: 0 });
    f.tp += c.tp; f.fp += c.fp; f.fn += c.fn;
  };
  const acc = (field: string, right: boolean) => {
    const a = (into.accuracy[field] ??= { right: 0, total: 0 });
    a.total++; if (right) a.right++;
  };
  into.docs++;
  const persons = matchSets(gold.persons, e.persons, (g, p) => [g.name, ...(g.aliases ?? [])].some((n) => sameName(n, p.name) || p.aliases?.some((a) => sameName(n, a))));
  add('persons', persons);
  for (const [g, p] of persons.pairs) acc('attendance', g.attendance === p.attendance);
  add('organisations', matchSets(gold.organisations, e.organisations, (g, p) => norm(g) === norm(p.name)));
  add('dates', matchSets(gold.dates, e.dates, (g, p) => g.date === p.date));
  const kinds = matchSets(gold.dates, e.dates, (g, p) => g.date === p.date);
  for (const [g, p] of kinds.pairs) acc('dateKind', g.kind === p.kind);
  add('decisions', matchSets(gold.decisions, e.decisions, (g, p) => norm(p.text).includes(norm(g))));
  add('themes', matchSets(gold.themes, e.themes, (g, p) => g === p.id));
  acc('date', gold.date === e.date);
  acc('docType', gold.docType === e.docType);
  acc('body', gold.body === e.body);
}

export async function scoreGold(split?: 'dev' | 'heldout'): Promise<Score> {
  const score: Score = { docs: 0, fields: {}, accuracy: {} };
  for (const file of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const gold = Gold.parse(JSON.parse(readFileSync(path.join(GOLD_DIR, file), 'utf8')));
    if (split && gold.split !== split) continue;
    const source = path.join(gold.source === 'seeds' ? SEEDS : SAMPLE_ARCHIVE, gold.file);
    if (!existsSync(source)) continue;
    const limits = { maxFileBytes: 50 * 2 ** 20, maxPages: 500, parseTimeoutMs: 30_000 };
    const { extraction } = extractDocument(cleanDocument(await readDocument(source, limits)), { chunkWords: 250 });
    scoreOne(gold, extraction, score);
  }
  return score;
}

export function f1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function formatScore(s: Score): string {
  const pct = (x: number) => x.toFixed(3);
  const rows = Object.entries(s.fields).map(([k, c]) => { const r = f1(c); return `| ${k} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${c.tp} / ${c.fp} / ${c.fn} |`; });
  const accs = Object.entries(s.accuracy).map(([k, a]) => `| ${k} | ${pct(a.right / a.total)} | ${a.right} / ${a.total} |`);
  return [`Gold documents: ${s.docs}`, '', '| field | precision | recall | F1 | tp / fp / fn |', '|---|---|---|---|---|', ...rows, '', '| field | accuracy | right / total |', '|---|---|---|', ...accs, ''].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const split of ['dev', 'heldout'] as const) process.stdout.write(`\n## ${split}\n\n${formatScore(await scoreGold(split))}`);
}
