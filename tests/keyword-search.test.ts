/**
 * Keyword search against a real Meilisearch: BM25 over Swedish stems on candidates Meilisearch
 * retrieves, inflections, capitalised questions, compounds, no dead ends, paging, totals per document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, searchPassages, documentCounts, OutdatedIndexError, RECORD_VERSION, type MeiliConnection } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { indexTerms, stem } from '../lib/swedish-analysis.ts';
import { idf, termScore } from '../index/bm25.ts';
import { filterFields, passageTermsFilter } from '../index/keyword-filter.ts';
import { occurrences } from '../index/keyword-search.ts';
import { buildPostings, hasPostings, invalidatePostings, readPostings } from '../index/term-postings.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const reporter = createReporter({ tty: false, quiet: true });
const tmp = tempDir('keyword');
let conn: MeiliConnection;
let config: Config;
let sample: ArchiveIndex;
let tiny: ArchiveIndex;
const search = (index: ArchiveIndex, q: string, extra: Record<string, unknown> = {}) => searchPassages(index.client, index.names, { q, limit: 10, ...extra });

// One-passage documents whose BM25 scores are computed by hand below.
const TINY = {
  'a.txt': 'Budget\n\nNämnden beslutar om budget och budget för skolan.',
  'b.txt': 'Skolan\n\nSkolan får en ny budget.',
  'c.txt': 'Övrigt\n\nInga andra frågor om vägar.',
  'd.txt': 'Vägar\n\nEn utredning om vägar.',
  'e.txt': 'Länet\n\nUtredningen om bredband i länet.',
  'f.txt': 'Bredband\n\nBredbandsutredningen är klar.',
};

beforeAll(async () => {
  config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data'), MINUTES_EMBEDDINGS: 'off' });
  conn = await connectMeili(config);
  const client = new MeiliClient(conn.url, conn.key);
  sample = new ArchiveIndex(client, 'kw_');
  await runIngest(SAMPLE_DIR, { full: false, config, index: sample, reporter });
  const dir = path.join(tmp.dir, 'tiny');
  mkdirSync(dir);
  for (const [f, text] of Object.entries(TINY)) writeFileSync(path.join(dir, f), text);
  tiny = new ArchiveIndex(client, 'tiny_');
  await runIngest(dir, { full: false, config, index: tiny, reporter });
}, 120_000);
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('keyword ranking', () => {
  it('scores documents by BM25 exactly as computed by hand from their terms', async () => {
    const r = await search(tiny, 'budget skolan');
    expect(r.hits.map((h) => h.fileName)).toEqual(['a.txt', 'b.txt']);
    // Each document is one passage, indexed by the stems of its heading and text (no compounds
    // here); N = 6, df = 2 for both terms, average length over the two candidates. With one passage
    // per document, passage and document BM25 agree, and scores are relative to the best.
    const stored = await tiny.client.getDocuments<{ fileName: string; heading: string; text: string }>(tiny.names.chunks, { fields: ['fileName', 'heading', 'text'], limit: 10 });
    const terms = Object.fromEntries(stored.results.map((c) => [c.fileName, indexTerms(`${c.heading}\n${c.text}`).words]));
    const tf = (f: string, w: string) => terms[f]!.filter((t) => t === stem(w)).length;
    const avg = (terms['a.txt']!.length + terms['b.txt']!.length) / 2;
    const score = (f: string) => ['budget', 'skolan'].reduce((s, w) => s + termScore(tf(f, w), 2, 6, terms[f]!.length, avg), 0);
    expect(tf('a.txt', 'budget')).toBe(3);
    expect(r.hits[0]!.score).toBe(1);
    expect(r.hits[1]!.score).toBeCloseTo(score('b.txt') / score('a.txt'), 3);
    expect(idf(2, 6)).toBeCloseTo(Math.log(1 + 4.5 / 2.5), 9);
  });

  it('finds a capitalised question as its lower-case form (stop words fold case)', async () => {
    const upper = await search(sample, 'Vilka beslut fattades om kollektivtrafiken?');
    const lower = await search(sample, 'vilka beslut fattades om kollektivtrafiken');
    expect(upper.hits.length).toBeGreaterThan(0);
    expect(upper.hits.map((h) => h.docId)).toEqual(lower.hits.map((h) => h.docId));
  });

  it('does not let one unusual word of a question decide the result', async () => {
    // No sample document has "sades": the other words still find the documents on the topic.
    const r = await search(sample, 'vad sades om bristen på arbetskraft');
    expect(r.hits.length).toBeGreaterThan(2);
    expect(r.unknownWords).toEqual(['sades']);
  });

  it('matches inflected forms and marks each form in the snippet', async () => {
    const r = await search(sample, 'pandemier');
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.some((h) => /<mark>[Pp]andemin<\/mark>/.test(h.snippet))).toBe(true);
  });

  it('finds a compound written apart, and the parts of a compound only together', async () => {
    const r = await search(tiny, 'Bredbandsutredningen');
    // f has the compound, e both parts apart; d only "utredning": not a match for the compound.
    expect(r.hits.map((h) => h.fileName)).toEqual(['f.txt', 'e.txt']);
    expect(r.hits[0]!.snippet).toBe('<mark>Bredbandsutredningen</mark> är klar.');
  });

  it('says which words no document has, with a suggestion for a misspelling, and never returns a dead end for a known word', async () => {
    const none = await search(sample, 'xqzwv');
    expect(none).toMatchObject({ total: 0, hits: [], unknownWords: ['xqzwv'] });
    // A misspelling shows what its suggested spelling finds, and says so.
    const typo = await search(sample, 'Värmlandsbanen');
    const right = await search(sample, 'värmlandsbanan');
    expect(typo).toMatchObject({ query: 'Värmlandsbanen', suggestion: 'värmlandsbanan', correctedQuery: 'värmlandsbanan', unknownWords: ['värmlandsbanen'] });
    expect(typo.hits.map((h) => h.docId)).toEqual(right.hits.map((h) => h.docId));
    expect(right.hits.length).toBeGreaterThan(0);
    const asTyped = await search(sample, 'Värmlandsbanen', { correct: false });
    expect(asTyped).toMatchObject({ hits: [], suggestion: 'värmlandsbanan' });
    expect(asTyped.correctedQuery).toBeUndefined();
    const mixed = await search(sample, 'xqzwv Värmlandsbanan');
    expect(mixed.hits.length).toBeGreaterThan(0);
    expect(mixed.unknownWords).toEqual(['xqzwv']);
  });

  it('finds a passage by a thesaurus synonym of the typed word, and says which synonyms it searched', async () => {
    // "sammanställning|1 / |utredning|summering": no tiny document says "sammanställning"; f.txt has
    // "utredning" as a compound's part.
    const res = await search(tiny, 'Sammanställningen');
    expect(res.hits.map((h) => h.fileName).sort()).toEqual(['d.txt', 'e.txt', 'f.txt']);
    expect(res.alsoSearched).toEqual(['utredning']);
    expect(res.unknownWords).toEqual(['sammanställningen']);
    // A typed word is not reported as a synonym of another typed word.
    expect((await search(tiny, 'utredning sammanställning')).alsoSearched).toEqual([]);
  });

  it('counts documents, not passages, and pages without overlap', async () => {
    const all = await search(sample, '');
    const counts = await documentCounts(sample.client, sample.names, { q: '', facets: [] });
    expect(all.total).toBe(counts.total);
    const kommun = await documentCounts(sample.client, sample.names, { q: 'kommun', facets: ['year'] });
    const page1 = await search(sample, 'kommun', { limit: 5 });
    const page2 = await search(sample, 'kommun', { limit: 5, offset: 5 });
    expect(page1.total).toBe(kommun.total);
    expect(page1.hits).toHaveLength(5);
    expect(page2.hits.length).toBeGreaterThan(0);
    expect(page2.hits.some((h) => page1.hits.some((x) => x.docId === h.docId))).toBe(false);
    expect(Object.values(kommun.facets.year!).reduce((s, n) => s + n, 0)).toBe(kommun.total);
  });

  it.each(['brist på arbetskraft', 'Bredbandsutredningen', 'kollektivtrafiken i länet'])('counts exactly the documents the ranking finds for "%s"', async (q) => {
    for (const index of [sample, tiny]) {
      const ranked = await search(index, q, { limit: 200 });
      const counted = await documentCounts(index.client, index.names, { q, facets: [] });
      expect(counted.total).toBe(ranked.total);
      expect(ranked.hits).toHaveLength(ranked.total);
    }
  });

  it('applies filters to candidates', async () => {
    const r = await search(sample, 'kommun', { filter: 'year = 2023' });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.date?.startsWith('2023'))).toBe(true);
  });

  it('filters by a field the lean passage records lack (persons, file names) through the documents it selects', async () => {
    const counts = await documentCounts(sample.client, sample.names, { q: 'kommun', facets: ['persons'] });
    const [person, n] = Object.entries(counts.facets.persons!).find(([, c]) => c >= 2 && c < counts.total)!;
    const r = await search(sample, 'kommun', { filters: { person: [person] }, limit: 50 });
    const own = await sample.client.getDocuments<{ id: string }>(sample.names.documents, { filter: `persons = "${person}"`, fields: ['id'], limit: 100 });
    expect(r.total).toBe(n);
    expect(r.hits.every((h) => own.results.some((d) => d.id === h.docId))).toBe(true);
    const file = r.hits[0]!.fileName;
    const byFile = await search(sample, 'kommun', { filter: `fileName = "${file}"` });
    expect(byFile.hits.map((h) => h.fileName)).toEqual([file]);
    const nothing = await search(sample, 'kommun', { filter: 'fileName = "finns-inte.txt"' });
    expect(nothing).toMatchObject({ total: 0, hits: [] });
  });
});

describe('term postings: a term\'s passages read at once instead of asked of Meilisearch', () => {
  const QUERIES = ['kommun', 'brist på arbetskraft', 'Bredbandsutredningen', 'kollektivtrafiken i länet', 'Vilka beslut fattades om budgeten?'];
  const ranking = async (index: ArchiveIndex, filter?: string) => Promise.all(QUERIES.map(async (q) => {
    const r = await search(index, q, { limit: 200, ...(filter ? { filter } : {}) });
    return { q, total: r.total, hits: r.hits.map((h) => [h.docId, h.score]) };
  }));

  it('rank as the candidates Meilisearch retrieves, with and without a filter, while they are complete', async () => {
    for (const index of [sample, tiny]) {
      expect(await hasPostings(index.client, index.names)).toBe(true);
      const fromPostings = [await ranking(index), await ranking(index, 'year = 2023')];
      await invalidatePostings(index.client, index.names);
      expect(await readPostings(index.client, index.names, ['kommun'])).toBeNull();
      const fromMeilisearch = [await ranking(index), await ranking(index, 'year = 2023')];
      expect(fromPostings).toEqual(fromMeilisearch);
      await index.refreshPostings(false);
      expect(await hasPostings(index.client, index.names)).toBe(true);
    }
  });

  it('keep a common stem\'s best passages and its exact frequencies, and serve a filter only when complete', async () => {
    await buildPostings(tiny.client, tiny.names, 1);
    const budget = (await readPostings(tiny.client, tiny.names, [stem('budget'), 'xqzwv']))!.terms;
    // "budget" is in a.txt three times and once in b.txt: a.txt's passage has the higher impact.
    expect(budget.get(stem('budget'))).toMatchObject({ df: 2, docDf: 2, complete: false, postings: [{ words: 3, parts: 0 }] });
    expect(budget.has('xqzwv')).toBe(false);
    // Under a filter an incomplete list cannot say which passages pass: Meilisearch is asked, and finds both.
    const filtered = await search(tiny, 'budget', { filter: 'root EXISTS' });
    expect(filtered.hits.map((h) => h.fileName)).toEqual(['a.txt', 'b.txt']);
    expect((await buildPostings(tiny.client, tiny.names)).written).toBeGreaterThan(0);
    expect(await buildPostings(tiny.client, tiny.names)).toMatchObject({ written: 0, removed: 0 });
  });

  it('go stale with the first change to the passages, and an ingest rebuilds them from what changed', async () => {
    const dir = path.join(tmp.dir, 'postings');
    mkdirSync(dir);
    for (const [f, text] of Object.entries(TINY)) writeFileSync(path.join(dir, f), text);
    const index = new ArchiveIndex(tiny.client, 'postings_');
    await runIngest(dir, { full: false, config, index, reporter });
    const { docId } = (await search(index, 'vägar')).hits.find((h) => h.fileName === 'd.txt')!;
    await index.remove([docId]);
    expect(await hasPostings(index.client, index.names)).toBe(false);
    writeFileSync(path.join(dir, 'b.txt'), 'Skolan\n\nSkolan får en ny budget och en cykelväg.');
    await runIngest(dir, { full: false, config, index, reporter });
    expect(await hasPostings(index.client, index.names)).toBe(true);
    expect((await search(index, 'cykelväg')).hits.map((h) => h.fileName)).toEqual(['b.txt']);
    expect(await buildPostings(index.client, index.names)).toMatchObject({ written: 0, removed: 0 });
  });
});

describe('the filter keyword retrieval applies to lean passage records', () => {
  it.each([
    ['year IN [2022, 2023] AND docType IN ["protokoll"]', ['year', 'docType'], true],
    ['(body IN ["Kommunstyrelsen"]) AND (persons IN ["Anna OR Ek"])', ['body', 'persons'], false],
    ['fileName = "a AND b.txt"', ['fileName'], false],
    ['dateTs >= 1640995200 AND themes EXISTS', ['dateTs', 'themes'], true],
  ])('%s names %j', async (filter, fields, lean) => {
    expect(filterFields(filter)).toEqual(fields);
    expect((await passageTermsFilter(sample.client, sample.names, filter)) === filter).toBe(lean);
  });
});

describe('a stem\'s frequency in a passage\'s stems', () => {
  it.each([
    ['budget skol budget', 'budget', 2],
    ['budgetar budget', 'budget', 1],
    ['skolbudget budget', 'budget', 1],
    ['budget', 'budget', 1],
    ['', 'budget', 0],
    ['aa aa aaa a', 'aa', 2],
  ])('%j has %s %i times', (field, term, n) => {
    expect(occurrences(field, term)).toBe(n);
  });
});

describe('an index written by an older version', () => {
  it('is reported with its fix, and one ingest updates it', async () => {
    const dir = path.join(tmp.dir, 'tiny');
    const old = new ArchiveIndex(tiny.client, 'old_');
    await runIngest(dir, { full: false, config, index: old, reporter });
    // What an older version left: no lean passage records, documents of an older shape.
    await old.client.deleteIndex(old.names.terms);
    await old.client.deleteIndex(old.names.postings);
    const docs = await old.client.getDocuments<Record<string, unknown>>(old.names.documents, { limit: 100 });
    await old.client.addDocuments(old.names.documents, docs.results.map((d) => ({ ...d, recordVersion: RECORD_VERSION - 1 })));
    await expect(search(old, 'budget')).rejects.toBeInstanceOf(OutdatedIndexError);
    await expect(search(old, 'budget')).rejects.toThrow(/minutes ingest/);
    const s = await runIngest(dir, { full: false, config, index: old, reporter });
    expect(s.changed).toBe(Object.keys(TINY).length);
    expect((await search(old, 'budget')).hits.map((h) => h.fileName)).toEqual(['a.txt', 'b.txt']);
  });

  it('is not mistaken for an empty archive, which says nothing is indexed', async () => {
    const none = new ArchiveIndex(tiny.client, 'none_');
    const err = await search(none, 'budget').catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(OutdatedIndexError);
    expect(err).toMatchObject({ code: 'index_not_found' });
  });
});
