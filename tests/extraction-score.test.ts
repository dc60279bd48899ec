/**
 * Extraction quality on the hand-annotated gold files (tests/gold/). The floors are the levels
 * reached when they were set: a change that lowers one fails here instead of slipping through.
 * Seeds' gold files are scored only where ../shared/seeds exists.
 */
import { describe, expect, it } from 'vitest';
import { f1, formatScore, scoreGold, scoreRealGold } from '../scripts/score-extraction.ts';
import { HAS_SEEDS } from './helpers.ts';

describe('extraction against the gold files', async () => {
  const score = await scoreGold();
  const F1 = (field: string) => f1(score.fields[field]!);
  const accuracy = (field: string) => score.accuracy[field]!.right / score.accuracy[field]!.total;

  it('scores every gold document it can read', () => {
    expect(score.docs).toBeGreaterThanOrEqual(HAS_SEEDS ? 14 : 9);
    console.log(formatScore(score));
  });

  it('keeps the levels reached (targets: persons F1 ≥ 0.95, attendance ≥ 0.95, organisations F1 ≥ 0.90, decisions R ≥ 0.90 / P ≥ 0.80, themes F1 ≥ 0.90)', () => {
    expect(F1('persons').f1).toBeGreaterThanOrEqual(0.98);
    expect(accuracy('attendance')).toBeGreaterThanOrEqual(0.97);
    expect(F1('organisations').f1).toBeGreaterThanOrEqual(0.93);
    expect(F1('decisions').recall).toBeGreaterThanOrEqual(0.95);
    expect(F1('decisions').precision).toBeGreaterThanOrEqual(0.9);
    expect(F1('themes').f1).toBeGreaterThanOrEqual(0.92);
    expect(F1('dates').f1).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('dateKind')).toBeGreaterThanOrEqual(0.95);
  });

  it('gets document date, type and body right everywhere', () => {
    expect(accuracy('date')).toBe(1);
    expect(accuracy('docType')).toBe(1);
    expect(accuracy('body')).toBe(1);
  });
});

/**
 * Blind gold on real documents (tests/gold-real/dev: Kungsbacka protocols and kallelser, Digg and
 * Riksbank PDFs, annotated by reading them, in three batches). The set-aside part is not scored here: rules are
 * written without looking at it, and its floor is set by whoever runs it.
 */
describe('extraction against the real dev gold', async () => {
  const score = await scoreRealGold('dev', { batches: [1, 2, 3] });
  const F1 = (field: string) => f1(score.fields[field]!);
  const accuracy = (field: string) => score.accuracy[field]!.right / score.accuracy[field]!.total;

  it('scores every dev gold document (batch 1: 14, batch 2: 10, batch 3: 6)', () => {
    expect(score.docs).toBeGreaterThanOrEqual(30);
    console.log(formatScore(score));
  });

  // First blind scores: batch 1 persons 0.86, attendance 0.47, organisations 0.47, decisions R 0.11 / P 0.12,
  // diarienummer 0, body 0.14; batch 2 (on the first session's rules) persons 0.95, attendance 1.00,
  // organisations 0.65, decisions R 0.73 / P 0.84, diarienummer 0.94, body 0.80; batch 3 (on the
  // second session's rules) persons 0.88, attendance 0.84, organisations 0.72, decisions R 1.00 / P 0.20,
  // diarienummer 1.00, body 0.67.
  // Floors: the level reached on the batches (2026-12-02) less a small margin; organisations raised
  // (0.925 → 0.972) by recipient lists, more naming forms and genitives.
  it('keeps the levels reached', () => {
    expect(F1('persons').f1).toBeGreaterThanOrEqual(0.99);
    expect(accuracy('attendance')).toBeGreaterThanOrEqual(0.98);
    expect(F1('organisations').f1).toBeGreaterThanOrEqual(0.97);
    expect(F1('decisions').recall).toBeGreaterThanOrEqual(0.97);
    expect(F1('decisions').precision).toBeGreaterThanOrEqual(0.97);
    expect(F1('diarienummer').f1).toBeGreaterThanOrEqual(0.97);
    // Partial attendance per § (2026-12-02): gold written by a blind annotator while the rules were
    // written without it; first score 0.983 (59 / 1 / 1).
    expect(F1('sections').f1).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('body')).toBeGreaterThanOrEqual(0.97);
    expect(accuracy('organisation')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('date')).toBe(1);
    expect(accuracy('docType')).toBeGreaterThanOrEqual(0.95);
  });
});

/**
 * The set-aside real gold (tests/gold-real/setaside), annotated blind and not looked at while the
 * rules were written. The floors are its score when it was run on the finished rules of each
 * session (2026-12-01, 2026-12-02): they keep it from falling, they were not tuned against.
 */
describe('extraction against the set-aside real gold', async () => {
  const score = await scoreRealGold('setaside', { batches: [1, 2, 3] });
  const F1 = (field: string) => f1(score.fields[field]!);
  const accuracy = (field: string) => score.accuracy[field]!.right / score.accuracy[field]!.total;

  // (fifth session, 2026-12-02 evening, scored once at the end: persons 0.945, organisations 0.827, the rest unchanged;
  // sixth session, scored once at the end: organisations 0.829, decisions R 0.865 / P 0.957, the rest unchanged)
  it('keeps the level measured (2026-12-02, fourth session: persons 0.94, attendance 0.96, organisations 0.80, decisions R 0.87 / P 0.96, diarienummer 0.85, body, organisation and type 1.00)', () => {
    expect(score.docs).toBe(10);
    expect(F1('persons').f1).toBeGreaterThanOrEqual(0.93);
    expect(accuracy('attendance')).toBeGreaterThanOrEqual(0.95);
    expect(F1('organisations').f1).toBeGreaterThanOrEqual(0.80);
    expect(F1('decisions').recall).toBeGreaterThanOrEqual(0.84);
    expect(F1('decisions').precision).toBeGreaterThanOrEqual(0.93);
    expect(F1('diarienummer').f1).toBeGreaterThanOrEqual(0.83);
    // Partial attendance per §, first (and only) run: 0.986 (34 / 0 / 1).
    expect(F1('sections').f1).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('body')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('organisation')).toBeGreaterThanOrEqual(0.9);
    expect(accuracy('docType')).toBeGreaterThanOrEqual(0.9);
    expect(accuracy('date')).toBe(1);
  });
});

/**
 * Records written blind with their gold (tests/gold-written/README.md): organs and layouts the real
 * gold lacks (social services, regions, a federation, a municipal company, notes of a regional
 * forum; PDF from Chromium and LibreOffice, a scanned PDF, DOCX, pdftotext text, Markdown). Not real
 * documents: a test of kinds. Floors: the level reached on 2026-12-02 (sixth session) less a margin.
 */
describe('extraction against the written blind gold', async () => {
  /** A figure of a score: F1, precision or recall of a set field, or the accuracy of a single-valued one. */
  type Figure = [field: string, measure: 'f1' | 'precision' | 'recall' | 'accuracy', floor: number];
  const figure = (score: Awaited<ReturnType<typeof scoreRealGold>>, field: string, measure: Figure[1]) =>
    measure === 'accuracy' ? score.accuracy[field]!.right / score.accuracy[field]!.total : f1(score.fields[field]!)[measure];
  const parts: [string, 'dev' | 'setaside', number, Figure[]][] = [
    // First scores (dev, at session start 371a43b): persons 0.94, attendance 0.87, organisations 0.88,
    // decisions R 0.90 / P 0.85, diarienummer 0.91, body 5/8; developed on to persons 1.00, attendance 0.98,
    // organisations 0.94, decisions 1.00 / 0.98, diarienummer 1.00, body 8/8.
    ['keeps the dev level (8 records)', 'dev', 8, [
      ['persons', 'f1', 0.99], ['attendance', 'accuracy', 0.96], ['organisations', 'f1', 0.92], ['decisions', 'recall', 0.97],
      ['decisions', 'precision', 0.95], ['diarienummer', 'f1', 0.97], ['sections', 'f1', 0.95], ['body', 'accuracy', 1], ['organisation', 'accuracy', 1],
    ]],
    // Set aside, scored on the finished rules (at session start it was: persons 0.97, attendance 0.87,
    // organisations 0.79, decisions R 0.92 / P 0.92, diarienummer 0.75, body 2/6, organisation 3/6).
    ['keeps the set-aside level measured (6 records: persons 0.97, attendance 0.87, organisations 0.81, decisions R 1.00 / P 0.95, diarienummer 0.94, body 4/6)', 'setaside', 6, [
      ['persons', 'f1', 0.95], ['attendance', 'accuracy', 0.85], ['organisations', 'f1', 0.79], ['decisions', 'recall', 0.97],
      ['decisions', 'precision', 0.92], ['diarienummer', 'f1', 0.92], ['body', 'accuracy', 0.66], ['organisation', 'accuracy', 0.5],
    ]],
  ];
  const scores = { dev: await scoreRealGold('dev', { set: 'written' }), setaside: await scoreRealGold('setaside', { set: 'written' }) };
  it.each(parts)('%s', (_, split, docs, floors) => {
    expect(scores[split].docs).toBe(docs);
    for (const [field, measure, floor] of floors) expect(figure(scores[split], field, measure), `${field} ${measure}`).toBeGreaterThanOrEqual(floor);
  });
});
