/**
 * End to end against a real embedded Meilisearch: ingest real PDF, DOCX and text files,
 * report bad files without losing the rest, search, and rerun incrementally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, searchPassages, documentCounts, RECORD_VERSION, type MeiliConnection } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';
import { HAS_SEEDS, SAMPLE_DIR, SEEDS_DIR, tempDir } from './helpers.ts';

const reporter = createReporter({ tty: false, quiet: true });
let conn: MeiliConnection;
let config: Config;
let client: MeiliClient;
const tmp = tempDir('ingest');

beforeAll(async () => {
  config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data') });
  conn = await connectMeili(config);
  client = new MeiliClient(conn.url, conn.key);
});
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

const search = (index: ArchiveIndex, q: string, limit = 10, filter?: string) => searchPassages(index.client, index.names, { q, limit, filter });

describe('ingesting the sample archive with bad files mixed in', () => {
  const archive = path.join(tmp.dir, 'archive');
  let index: ArchiveIndex;
  const sampleFiles = readdirSync(SAMPLE_DIR);

  beforeAll(async () => {
    mkdirSync(archive, { recursive: true });
    for (const f of sampleFiles) copyFileSync(path.join(SAMPLE_DIR, f), path.join(archive, f));
  });

  it('indexes every good file and reports the corrupt PDF and the empty file by name and reason', async () => {
    index = new ArchiveIndex(client, 'sample_');
    writeFileSync(path.join(archive, 'trasig.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(300, 0x41)]));
    writeFileSync(path.join(archive, 'tom.txt'), '');
    const s = await runIngest(archive, { full: false, config, index, reporter });
    expect(s.new).toBe(sampleFiles.length);
    expect(s.failed.map((f) => path.basename(f.file)).sort()).toEqual(['tom.txt', 'trasig.pdf']);
    expect(s.failed.find((f) => f.file.endsWith('tom.txt'))!.reason).toMatch(/empty/);
    expect(s.failed.find((f) => f.file.endsWith('trasig.pdf'))!.reason).toMatch(/PDF/);
    for (const format of ['pdf', 'docx', 'txt']) {
      const docs = await client.getDocuments<{ format: string }>(index.names.documents, { filter: `format = ${format}`, fields: ['format'], limit: 100 });
      expect(docs.results.length, `${format} documents indexed`).toBeGreaterThan(0);
    }
  });

  it('counts facet values per document', async () => {
    const r = await documentCounts(index.client, index.names, { q: '', facets: ['persons'] });
    const persons = r.facets.persons!;
    expect(r.total).toBe(sampleFiles.length);
    const docs = await client.getDocuments<{ persons: string[] }>(index.names.documents, { fields: ['persons'], limit: 100 });
    const counts = new Map<string, number>();
    // Meilisearch groups facet values case-insensitively ("de Backer"/"De Backer").
    for (const d of docs.results) for (const p of new Set(d.persons.map((x) => x.toLowerCase()))) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(30);
    // All of the sample's persons fit in one facet (at most 100 values): every one is counted.
    expect(Object.keys(persons)).toHaveLength(counts.size);
    for (const [name, n] of Object.entries(persons)) expect(n, name).toBe(counts.get(name.toLowerCase()));
  });

  it('counts per document exactly the documents that have a matching passage', async () => {
    for (const q of ['kompetensförsörjning', 'arbetskraftsbrist', 'Ukraina flyktingar']) {
      const passages = await searchPassages(index.client, index.names, { q, limit: 200, perDocument: false });
      const docs = new Set(passages.hits.map((h) => h.docId));
      const types = await client.getDocuments<{ id: string; docType: string }>(index.names.documents, { fields: ['id', 'docType'], limit: 100 });
      const perType: Record<string, number> = {};
      for (const d of types.results) if (docs.has(d.id)) perType[d.docType] = (perType[d.docType] ?? 0) + 1;
      const counts = await documentCounts(index.client, index.names, { q, facets: ['docType'] });
      expect(counts.total, q).toBe(docs.size);
      expect(counts.facets.docType, q).toEqual(perType);
    }
  });

  it('finds passages with Swedish words and highlights them', async () => {
    const r = await search(index, 'kompetensförsörjning');
    expect(r.hits.length).toBeGreaterThan(2);
    expect(new Set(r.hits.map((h) => h.docId)).size).toBe(r.hits.length);
    expect(r.hits[0]!.snippet).toMatch(/<mark>[Kk]ompetensförsörjning/);
  });

  it('resolves one person spelled two ways across documents, with their meetings', async () => {
    const [iren] = (await index.searchPeople('Irén', 1)).people;
    expect(iren).toMatchObject({ name: expect.stringMatching(/^Irén Leje?gren$/), parties: ['S'] });
    expect([iren!.name, ...iren!.aliases].sort()).toEqual(['Irén Lejegren', 'Irén Lejgren']);
    expect(iren!.meetings.map((m) => [m.date, m.attendance])).toEqual([['2021-03-12', 'present'], ['2023-04-19', 'present']]);
  });

  it('builds the same persons a group at a time, as it does for a large archive', async () => {
    const everyone = async () => (await client.getDocuments<{ id: string; meetings: unknown[]; aliases: string[] }>(index.names.people, { limit: 1000, fields: ['id', 'meetings', 'aliases'] })).results
      .map((p) => ({ ...p, aliases: [...p.aliases].sort() })).sort((a, b) => a.id.localeCompare(b.id));
    const whole = await everyone();
    expect(await index.rebuildPeople({ mentions: 5, spellings: 4 })).toBe(whole.length);
    expect(await everyone()).toEqual(whole);
  });

  it('filters by facet fields', async () => {
    const all = await search(index, '', 50);
    const years = new Set(all.hits.map((h) => h.date?.slice(0, 4)));
    expect(years.size).toBeGreaterThan(2);
    const r = await search(index, '', 50, 'year = 2022');
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.date?.startsWith('2022'))).toBe(true);
  });

  it('skips unchanged files on a rerun, re-extracts a changed one and deletes a removed one', async () => {
    const again = await runIngest(archive, { full: false, config, index, reporter });
    expect(again).toMatchObject({ new: 0, changed: 0, unchanged: sampleFiles.length, removed: 0 });

    const text = sampleFiles.find((f) => f.endsWith('.md') || f.endsWith('.txt'))!;
    appendFileSync(path.join(archive, text), '\n\nTillägg: Kvarnholmsutredningen diskuterades kort.\n');
    const victim = sampleFiles.find((f) => f.endsWith('.docx'))!;
    rmSync(path.join(archive, victim));
    const { saveSearch } = await import('../index/index.ts');
    await saveSearch(index.client, index.names, { name: 'Kvarnholmen', q: 'Kvarnholmsutredningen' });
    await saveSearch(index.client, index.names, { name: 'Protokoll', q: '', filters: { docType: ['protokoll'] } });
    const s = await runIngest(archive, { full: false, config, index, reporter });
    expect(s).toMatchObject({ new: 0, changed: 1, removed: 1 });
    // Each saved search lists what this run added or changed for it, and nothing else.
    expect(s.savedSearches.map((x) => [x.name, x.documents.map((d) => d.fileName)]).sort()).toEqual([['Kvarnholmen', [text]], ['Protokoll', text.includes('protokoll') ? [text] : []]].sort());
    expect((await search(index, 'Kvarnholmsutredningen')).hits.map((h) => h.fileName)).toEqual([text]);
    const left = await client.getDocuments(index.names.chunks, { filter: `fileName = "${victim}"`, limit: 1 });
    expect(left.results).toHaveLength(0);
    const victimId = (await index.indexedFiles(archive)).find((f) => f.source.endsWith(victim));
    expect(victimId).toBeUndefined();
    const lean = await client.getDocuments<{ docId: string }>(index.names.terms, { fields: ['docId'], limit: 100_000 });
    const docs = new Set((await client.getDocuments<{ id: string }>(index.names.documents, { fields: ['id'], limit: 10_000 })).results.map((d) => d.id));
    expect(lean.results.filter((r) => !docs.has(r.docId))).toEqual([]);
  });

  it('drops the surplus passages of a document that became shorter', async () => {
    const file = sampleFiles.filter((f) => f.endsWith('.md') || f.endsWith('.txt')).at(-1)!;
    const [before] = (await client.getDocuments<{ id: string; chunkCount: number }>(index.names.documents, { filter: `fileName = "${file}"`, fields: ['id', 'chunkCount'], limit: 1 })).results;
    expect(before!.chunkCount).toBeGreaterThan(1);
    writeFileSync(path.join(archive, file), '# Minnesanteckningar\n\nDatum 2024-02-01\n\nMötet ställdes in. Nästa möte hålls i mars.\n');
    const s = await runIngest(archive, { full: false, config, index, reporter });
    expect(s).toMatchObject({ new: 0, changed: 1 });
    const after = await client.getDocument<{ chunkCount: number; sha256: string }>(index.names.documents, before!.id);
    const chunks = await client.getDocuments<{ sha256: string }>(index.names.chunks, { filter: `docId = "${before!.id}"`, fields: ['sha256'], limit: 100 });
    expect(after.chunkCount).toBe(1);
    expect(chunks.results.map((c) => c.sha256)).toEqual([after.sha256]);
    const lean = await client.getDocuments<{ sha256: string }>(index.names.terms, { filter: `docId = "${before!.id}"`, fields: ['sha256'], limit: 100 });
    expect(lean.results.map((c) => c.sha256)).toEqual([after.sha256]);
  });

  it('re-extracts an unchanged file whose record was written in an older shape', async () => {
    const [old] = (await client.getDocuments<{ id: string; fileName: string }>(index.names.documents, { fields: ['id', 'fileName'], limit: 1 })).results;
    // An older version wrote no recordVersion and no stems on the document.
    await client.addDocuments(index.names.documents, [{ ...(await client.getDocument<Record<string, unknown>>(index.names.documents, old!.id)), recordVersion: undefined, stems: undefined }]);
    const s = await runIngest(archive, { full: false, config, index, reporter });
    expect(s).toMatchObject({ new: 0, changed: 1, removed: 0 });
    const doc = await client.getDocument<{ recordVersion: number; stems: string[] }>(index.names.documents, old!.id);
    expect(doc.recordVersion).toBe(RECORD_VERSION);
    expect(doc.stems.length).toBeGreaterThan(100);
  });
});

describe('a very long document', () => {
  it('is counted and found by a word after its first 65 535 (Meilisearch drops later positions of an attribute)', async () => {
    const dir = path.join(tmp.dir, 'long');
    mkdirSync(dir, { recursive: true });
    const paragraph = 'Kommunstyrelsen diskuterade budgeten för nästa år och de ekonomiska förutsättningarna i länet. Ledamöterna lyfte behovet av samverkan mellan kommunerna.';
    const sections = Array.from({ length: 300 }, (_, i) => `## ${i + 1}. Ärende\n\n${Array(18).fill(paragraph).join(' ')}`);
    writeFileSync(path.join(dir, 'lang-protokoll.md'), `# Protokoll\n\nDatum 2024-05-02\n\n${sections.join('\n\n')}\n\n## Övrigt\n\nKvarnholmsfrågan togs upp sist.\n`);
    const index = new ArchiveIndex(client, 'long_');
    const s = await runIngest(dir, { full: false, config, index, reporter });
    expect(s.failed).toEqual([]);
    expect((await documentCounts(index.client, index.names, { q: 'Kvarnholmsfrågan', facets: ['docType'] })).total).toBe(1);
    expect((await search(index, 'Kvarnholmsfrågan')).hits).toHaveLength(1);
  }, 60_000);
});

describe('full rebuild', () => {
  it('rebuilds into fresh indexes and swaps them in, leaving no half-built index behind', async () => {
    const archive = path.join(tmp.dir, 'rebuild');
    mkdirSync(archive, { recursive: true });
    for (const f of readdirSync(SAMPLE_DIR).slice(0, 4)) copyFileSync(path.join(SAMPLE_DIR, f), path.join(archive, f));
    const index = new ArchiveIndex(client, 'full_');
    await runIngest(archive, { full: false, config, index, reporter });
    const before = await client.stats(index.names.chunks);
    rmSync(path.join(archive, readdirSync(archive)[0]!));
    const s = await runIngest(archive, { full: true, config, index, reporter });
    expect(s).toMatchObject({ new: 0, changed: 3, removed: 1 });
    const names = (await client.request<{ results: { uid: string }[] }>('GET', '/indexes?limit=100')).results.map((i) => i.uid);
    expect(names.filter((n) => n.startsWith('full_'))).not.toContain('full_chunks_rebuild');
    expect((await client.stats(index.names.documents)).numberOfDocuments).toBe(3);
    expect((await client.stats(index.names.chunks)).numberOfDocuments).toBeLessThan(before.numberOfDocuments);
    expect((await searchPassages(client, index.names, { q: '', limit: 10 })).hits).toHaveLength(3);
  });
});

describe.skipIf(!HAS_SEEDS)('searching the real seeds', () => {
  let index: ArchiveIndex;
  beforeAll(async () => {
    index = new ArchiveIndex(client, 'seeds_');
    const s = await runIngest(SEEDS_DIR, { full: false, config, index, reporter });
    expect(s.failed).toEqual([]);
  });

  it('ranks seed 000 first for "Ukraina"', async () => {
    expect((await search(index, 'Ukraina')).hits[0]!.fileName).toMatch(/^000_/);
  });

  it('returns seeds 000, 002 and 003 in the top 5 for "kompetensförsörjning"', async () => {
    const top = (await search(index, 'kompetensförsörjning', 5)).hits.map((h) => h.fileName.slice(0, 3));
    expect(top).toEqual(expect.arrayContaining(['000', '002', '003']));
  });
});
