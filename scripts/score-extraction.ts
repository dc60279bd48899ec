/**
 * Scores the extractor against hand-annotated gold: tests/gold/ (seeds and the bundled sample) and
 * tests/gold-real/ (blind gold on real documents in data/real/, split into dev/ and setaside/).
 * Precision, recall and F1 per field, accuracies for single-valued fields, per split and per rule.
 * `npm run score` prints the tables (`--real dev|setaside` for one part of the real gold only,
 * `--batch N[,M]` for the real gold files of some annotation batches, `--files a.md,b.pdf` for some files, `--neutral-names` with each real document copied to "dokument.<ext>");
 * tests/extraction-score.test.ts fails when a figure drops below the level reached.
 */
import { readFileSync, readdirSync, existsSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT, SAMPLE_ARCHIVE } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { sameName } from '../extract/person-resolution.ts';
import { normaliseOrganisation } from '../extract/organisations.ts';
import type { Extraction, Person } from '../lib/schema.ts';

/** Partial attendance as the gold writes it (docs/partial-attendance.md); a gold person without it has none. */
const GoldSections = z.object({ only: z.array(z.string()).optional(), notIn: z.array(z.string()).optional(), reason: z.string().optional() }).optional();

export const Gold = z.object({
  file: z.string(),
  source: z.enum(['seeds', 'sample']),
  /** dev: the rules were developed looking at this document; heldout: annotated without running the extractor on it. */
  split: z.enum(['dev', 'heldout']).default('dev'),
  docType: z.string(), date: z.string(), body: z.string(),
  persons: z.array(z.object({ name: z.string(), aliases: z.array(z.string()).optional(), attendance: z.enum(['present', 'absent', 'unknown']), sections: GoldSections })),
  organisations: z.array(z.string()),
  dates: z.array(z.object({ date: z.string(), kind: z.string() })),
  decisions: z.array(z.string()),
  themes: z.array(z.string()),
});
type Gold = z.infer<typeof Gold>;

export interface Counts { tp: number; fp: number; fn: number }
/** What a set field got wrong in one document: gold items not found, found items not in the gold. */
export interface Miss { file: string; field: string; missed: string[]; extra: string[] }
export interface Score { docs: number; fields: Record<string, Counts>; accuracy: Record<string, { right: number; total: number }>; rules: Record<string, { right: number; total: number }>; misses: Miss[] }

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

/** One § entry compared as the format writes it: no § sign, no spaces, any dash a hyphen; a letter suffix in either case ("3A" = "3a"). */
const sectionKey = (s: string) => s.replace(/§/g, '').replace(/\s+/g, '').replace(/[\u2010-\u2015]/g, '-').toUpperCase();

/** A person's partial attendance as items: "only 253-256", "notIn 276". */
const sectionItems = (s: z.infer<typeof GoldSections> | Person['sections']) => [
  ...(s?.only ?? []).map((e) => `only ${sectionKey(e)}`),
  ...(s?.notIn ?? []).map((e) => `notIn ${sectionKey(e)}`),
];

/**
 * The `sections` field over the persons matched by name: each (person, only|notIn, entry) is one
 * item. A gold person without `sections` has none, so an extracted entry for them counts against precision.
 */
export function sectionCounts(pairs: [{ sections?: z.infer<typeof GoldSections> }, Pick<Person, 'sections'>][]): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [g, p] of pairs) {
    const m = matchSets(sectionItems(g.sections), sectionItems(p.sections), (a, b) => a === b);
    c.tp += m.tp; c.fp += m.fp; c.fn += m.fn;
  }
  return c;
}

/** Adders into a score: set counts per field, and right/total per single-valued field. */
function tally(into: Score) {
  return {
    add(field: string, c: Counts) {
      const f = (into.fields[field] ??= { tp: 0, fp: 0, fn: 0 });
      f.tp += c.tp; f.fp += c.fp; f.fn += c.fn;
    },
    acc(field: string, right: boolean) {
      const a = (into.accuracy[field] ??= { right: 0, total: 0 });
      a.total++; if (right) a.right++;
    },
  };
}

/** The gold items a field missed and the items it found beyond the gold, for `--misses`. */
function noteMisses<G, P>(into: Score, file: string, field: string, wanted: G[], pred: P[], pairs: [G, P][], show: (x: G | P) => string): void {
  const found = new Set<unknown>(pairs.flatMap(([g, p]) => [g, p]));
  const missed = wanted.filter((g) => !found.has(g)).map(show);
  const extra = pred.filter((p) => !found.has(p)).map(show);
  if (missed.length || extra.length) into.misses.push({ file, field, missed, extra });
}

/** Persons missed and found beyond the gold (field `persons`), and matched persons whose attendance differs (field `attendance`). */
function notePersons(into: Score, file: string, gold: { name: string; attendance: string }[], pred: Person[], pairs: [{ name: string; attendance: string }, Person][]): void {
  noteMisses(into, file, 'persons', gold, pred, pairs, (x) => `${x.name} (${x.attendance}${'evidence' in x && x.evidence ? `, ${ruleOf(x)}` : ''})`);
  const wrong = pairs.filter(([g, p]) => g.attendance !== p.attendance).map(([g, p]) => `${g.name}: gold ${g.attendance}, found ${p.attendance} (${ruleOf(p)})`);
  if (wrong.length) into.misses.push({ file, field: 'attendance', missed: wrong, extra: [] });
}

export function scoreOne(gold: Gold, e: Extraction, into: Score): void {
  const { add, acc } = tally(into);
  into.docs++;
  const persons = matchSets(gold.persons, e.persons, (g, p) => [g.name, ...(g.aliases ?? [])].some((n) => sameName(n, p.name) || p.aliases?.some((a) => sameName(n, a))));
  add('persons', persons);
  notePersons(into, gold.file, gold.persons, e.persons, persons.pairs);
  for (const [g, p] of persons.pairs) acc('attendance', g.attendance === p.attendance);
  // Partial attendance per § is annotated in the real gold only (tests/gold-real/README.md): this
  // older gold says nothing of it either way, so it is not scored here.
  const orgs = matchSets(gold.organisations, e.organisations, (g, p) => norm(g) === norm(p.name));
  add('organisations', orgs);
  noteMisses(into, gold.file, 'organisations', gold.organisations, e.organisations, orgs.pairs, (x) => (typeof x === 'string' ? x : x.name));
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
  const score = emptyScore();
  for (const file of readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const gold = Gold.parse(JSON.parse(readFileSync(path.join(GOLD_DIR, file), 'utf8')));
    if (split && gold.split !== split) continue;
    const source = path.join(gold.source === 'seeds' ? SEEDS : SAMPLE_ARCHIVE, gold.file);
    if (!existsSync(source)) continue;
      scoreOne(gold, await extractFile(source), score);
  }
  return score;
}

/** Blind gold on real documents (format: tests/gold-real/README.md). */
export const RealGold = z.object({
  file: z.string(),
  /** kungsbacka, kungsbacka2 (batch 4, fetched from the converter's public pool), authorities: real documents in data/real/<source>/; written: data/written/, records written with their gold by annotators who never saw the rules (tests/gold-written/README.md). */
  source: z.enum(['kungsbacka', 'kungsbacka2', 'authorities', 'written']),
  split: z.enum(['dev', 'setaside']),
  /** Annotation round: 1 the first gold (2026-12-01), 2 the ten documents added blind the next night, 3 six more, 4 twenty Kungsbacka records fetched from the converter's public pool (2026-12-02, kungsbacka2). */
  batch: z.number().int().min(1).default(1),
  docType: z.string(), date: z.string(), body: z.string(), organisation: z.string(),
  diarienummer: z.array(z.string()),
  persons: z.array(z.object({ name: z.string(), party: z.string().nullable().optional(), role: z.string().nullable().optional(), attendance: z.enum(['present', 'absent', 'unknown']), sections: GoldSections })),
  organisations: z.array(z.string()),
  decisions: z.array(z.string()),
});
export type RealGold = z.infer<typeof RealGold>;

/** The blind gold sets: real documents, and records written blind by annotators (`--written`). */
const GOLD_SETS = {
  real: { gold: path.join(PROJECT_ROOT, 'tests', 'gold-real'), docs: (source: string) => path.join(PROJECT_ROOT, 'data', 'real', source) },
  written: { gold: path.join(PROJECT_ROOT, 'tests', 'gold-written'), docs: () => path.join(PROJECT_ROOT, 'data', 'written') },
};
export type GoldSet = keyof typeof GOLD_SETS;

/** Where a blind gold set keeps one split's gold files, and where the document a gold file describes lies. */
export const goldSplitDir = (set: GoldSet, split: 'dev' | 'setaside') => path.join(GOLD_SETS[set].gold, split);
export const goldDocument = (set: GoldSet, gold: { source: string; file: string }) => path.join(GOLD_SETS[set].docs(gold.source), gold.file);

/** Case numbers compare without spaces and with any dash as "-": "KS 2023–00456" = "KS 2023-00456". */
const caseKey = (s: string) => s.replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, '').toUpperCase();

/** Every case number an extraction gives: the document's, its item list, each decision's and each section's. */
export function caseNumbers(e: Extraction): string[] {
  const all = [e.diarienummer, ...(e.caseNumbers ?? []), ...e.decisions.map((d) => d.detail?.caseNumber ?? null), ...e.sections.map((s) => s.caseNumber ?? null)];
  return [...new Set(all.filter((x): x is string => !!x).map(caseKey))];
}

/** The rule that produced a fact, when the extractor names it (`evidence.rule`), else "(none)". */
const ruleOf = (x: { evidence?: { rule?: string } }) => x.evidence?.rule ?? '(none)';

export function scoreReal(gold: RealGold, e: Extraction, into: Score): void {
  const { add, acc } = tally(into);
  into.docs++;
  const persons = matchSets(gold.persons, e.persons, (g, p) => sameName(g.name, p.name) || !!p.aliases?.some((a) => sameName(g.name, a)));
  add('persons', persons);
  notePersons(into, gold.file, gold.persons, e.persons, persons.pairs);
  for (const [g, p] of persons.pairs) acc('attendance', g.attendance === p.attendance);
  add('sections', sectionCounts(persons.pairs));
  // The annotators list organisations "not the document's own body", as written: the own body is
  // not scored, and a name the lexicon knows matches its other spellings ("SGU" = "Sveriges geologiska undersökning").
  const ownBody = norm(e.body ?? '').replace(/(en|et|n)$/, '');
  const predictedOrgs = e.organisations.filter((o) => !ownBody || norm(o.name).replace(/(en|et|n)$/, '') !== ownBody);
  const orgs = matchSets(gold.organisations, predictedOrgs, (g, p) => norm(g) === norm(p.name) || norm(normaliseOrganisation(g)?.name ?? '') === norm(p.name));
  add('organisations', orgs);
  noteMisses(into, gold.file, 'organisations', gold.organisations, predictedOrgs, orgs.pairs, (x) => (typeof x === 'string' ? x : x.name));
  const decisions = matchSets(gold.decisions, e.decisions, (g, p) => norm(p.text).includes(norm(g)));
  add('decisions', decisions);
  noteMisses(into, gold.file, 'decisions', gold.decisions, e.decisions, decisions.pairs, (x) => (typeof x === 'string' ? x : x.text.slice(0, 160)));
  const goldCases = [...new Set(gold.diarienummer.map(caseKey))];
  const predictedCases = caseNumbers(e);
  const cases = matchSets(goldCases, predictedCases, (g, p) => g === p);
  add('diarienummer', cases);
  noteMisses(into, gold.file, 'diarienummer', goldCases, predictedCases, cases.pairs, String);
  acc('date', gold.date === e.date);
  acc('docType', gold.docType === e.docType);
  acc('body', norm(gold.body) === norm(e.body ?? ''));
  acc('organisation', norm(gold.organisation) === norm(e.organisation ?? ''));
  // Per rule: how many of each rule's findings are right (precision per rule).
  const perRule = (field: string, all: { evidence?: { rule?: string } }[], right: Set<unknown>) => {
    for (const x of all) {
      const r = (into.rules[`${field} · ${ruleOf(x)}`] ??= { right: 0, total: 0 });
      r.total++; if (right.has(x)) r.right++;
    }
  };
  perRule('persons', e.persons, new Set(persons.pairs.map(([, p]) => p)));
  perRule('organisations', predictedOrgs, new Set(orgs.pairs.map(([, p]) => p)));
  perRule('decisions', e.decisions, new Set(decisions.pairs.map(([, p]) => p)));
}

/** Reads a real document the way ingest does and extracts it. */
async function extractFile(file: string, neutralName = false): Promise<Extraction> {
  // (`--neutral-names`: the document copied to "dokument.<ext>", as an archive's export may name it, so that nothing comes from its name)
  if (neutralName) {
    const dir = mkdtempSync(path.join(tmpdir(), 'score-'));
    try { const to = path.join(dir, `dokument${path.extname(file)}`); copyFileSync(file, to); return await extractFile(to); } finally { rmSync(dir, { recursive: true, force: true }); }
  }
  const limits = { maxFileBytes: 50 * 2 ** 20, maxPages: 500, parseTimeoutMs: 30_000 };
  return extractDocument(cleanDocument(await readDocument(file, limits)), { chunkWords: 250 }).extraction;
}

/**
 * The real gold of one split. The set-aside part is scored only when asked for by name: rules are
 * developed without looking at it.
 */
export interface RealGoldSelection { set?: GoldSet; batches?: number[]; files?: string[]; neutralNames?: boolean; perDocument?: (file: string, s: Score) => void }

export async function scoreRealGold(split: 'dev' | 'setaside', opts: RealGoldSelection = {}): Promise<Score> {
  const score = emptyScore();
  const set = opts.set ?? 'real';
  const dir = goldSplitDir(set, split);
  if (!existsSync(dir)) return score;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const gold = RealGold.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (gold.split !== split) throw new Error(`${file}: split "${gold.split}" in ${split}/`);
    if ((opts.batches && !opts.batches.includes(gold.batch)) || (opts.files && !opts.files.includes(gold.file))) continue;
    const source = goldDocument(set, gold);
    if (!existsSync(source)) continue;
    const e = await extractFile(source, opts.neutralNames);
    scoreReal(gold, e, score);
    if (opts.perDocument) { const one = emptyScore(); scoreReal(gold, e, one); opts.perDocument(gold.file, one); }
  }
  return score;
}

export const emptyScore = (): Score => ({ docs: 0, fields: {}, accuracy: {}, rules: {}, misses: [] });

/** The misses and extras per document and field, for `--misses` (optionally only some fields). */
export function formatMisses(s: Score, fields?: string[]): string {
  return s.misses.filter((m) => !fields || fields.includes(m.field))
    .map((m) => [`${m.file} · ${m.field}`, ...m.missed.map((x) => `  - missed  ${x}`), ...m.extra.map((x) => `  + extra   ${x}`)].join('\n')).join('\n') + '\n';
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
  // A rule's recall is the share of the field's gold items that it found.
  const goldOf = (rule: string) => { const c = s.fields[rule.split(' · ')[0]!]; return c ? c.tp + c.fn : 0; };
  const rules = Object.entries(s.rules).sort(([a], [b]) => a.localeCompare(b))
    .map(([k, a]) => `| ${k} | ${pct(a.right / a.total)} | ${goldOf(k) ? pct(a.right / goldOf(k)) : '–'} | ${a.right} / ${a.total} |`);
  return [`Gold documents: ${s.docs}`, '', '| field | precision | recall | F1 | tp / fp / fn |', '|---|---|---|---|---|', ...rows, '', '| field | accuracy | right / total |', '|---|---|---|', ...accs, '',
    ...(rules.length ? ['| field · rule | precision | recall (share of gold) | right / found |', '|---|---|---|---|', ...rules, ''] : [])].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  // `--written dev|setaside` scores the written blind set instead of the real one.
  const set: GoldSet = args.includes('--written') ? 'written' : 'real';
  const real = args.includes('--real') ? args[args.indexOf('--real') + 1] : set === 'written' ? value('--written') ?? 'dev' : null;
  const verbose = args.includes('--per-document');
  const batches = value('--batch')?.split(',').map(Number);
  const files = value('--files')?.split(',');
  // `--misses` lists the misses and extras per document (`--misses organisations,diarienummer` for some fields).
  const misses = args.includes('--misses') ? (value('--misses')?.startsWith('--') ? undefined : value('--misses')?.split(',')) ?? undefined : null;
  if (!real && set === 'real') for (const split of ['dev', 'heldout'] as const) {
    const score = await scoreGold(split);
    process.stdout.write(`\n## tests/gold ${split}\n\n${formatScore(score)}`);
    if (misses !== null) process.stdout.write(`\n### misses and extras\n\n${formatMisses(score, misses)}`);
  }
  // The set-aside part only by name (`--real setaside`): by default the real gold means its dev part.
  const splits = real === 'setaside' ? ['setaside' as const] : ['dev' as const];
  for (const split of splits) {
    const perDocument = verbose ? (file: string, one: Score) => process.stdout.write(`\n### ${file}\n\n${formatScore(one)}`) : undefined;
    const selection = [batches ? ` batch ${batches.join(', ')}` : '', files ? ` (${files.length} files)` : '', args.includes('--neutral-names') ? ' under neutral file names' : ''].join('');
    const score = await scoreRealGold(split, { set, perDocument, batches, files, neutralNames: args.includes('--neutral-names') });
    process.stdout.write(`\n## tests/gold-${set} ${split}${selection}\n\n${formatScore(score)}`);
    if (misses !== null) process.stdout.write(`\n### misses and extras\n\n${formatMisses(score, misses)}`);
  }
}
