/**
 * A DOCX of 100 000 paragraphs (written by scripts/make-long-docx.py with Python's zipfile), whose
 * headings are marked only by paragraph styles, the ways Word files mark them, and whose body is
 * short capitalised lines each followed by a sentence: it is indexed, and its sections start only
 * at the styled headings, not at every short line. Memory and time of the same file: bench/long-docx.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, searchPassages, type MeiliConnection } from '../index/index.ts';
import { runIngest, type IngestSummary } from '../cli/ingest-job.ts';
import { readDocument } from '../ingest/index.ts';
import type { DocumentRecord } from '../index/records.ts';
import { tempDir } from './helpers.ts';

const PARAGRAPHS = 100_000;
const UNIQUE = 'kvastfenomenet';
const tmp = tempDir('longdocx');
const archive = path.join(tmp.dir, 'arkiv');
const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data'), MINUTES_EMBEDDINGS: 'off' });
let conn: MeiliConnection;
let index: ArchiveIndex;
let summary: IngestSummary;
let styled: string[] = [];

beforeAll(async () => {
  mkdirSync(archive, { recursive: true });
  const made = execFileSync('python3', [path.join(PROJECT_ROOT, 'scripts', 'make-long-docx.py'), path.join(archive, 'långt-protokoll.docx'), String(PARAGRAPHS), UNIQUE], { encoding: 'utf8' });
  styled = (JSON.parse(made) as { headings: string[] }).headings;
  conn = await connectMeili(config);
  index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'ld_');
  summary = await runIngest(archive, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
}, 240_000);
afterAll(async () => {
  await conn?.stop();
  tmp.cleanup();
});

describe('a DOCX of 100 000 paragraphs', () => {
  it('is indexed', () => {
    expect(summary.failed).toEqual([]);
    expect(summary.new).toBe(1);
  });

  it('has sections only at its styled headings (built-in, Swedish, custom name, outline level, inherited)', async () => {
    const [doc] = (await index.client.getDocuments<Pick<DocumentRecord, 'title' | 'sectionHeadings'>>(index.names.documents, { fields: ['title', 'sectionHeadings'], limit: 1 })).results;
    expect(doc!.title).toBe('Protokoll Kommunstyrelsen 9 maj 2023');
    const headings = doc!.sectionHeadings.filter((h) => h !== doc!.title);
    expect(styled.length).toBe(Math.floor((PARAGRAPHS - 1) / 200));
    expect(headings).toEqual(styled);
  });

  it('is refused with its reason when its text is over MINUTES_MAX_TEXT_MB (memory grows with the text)', async () => {
    const small = loadConfig({ MINUTES_MAX_TEXT_MB: '5' });
    await expect(readDocument(path.join(archive, 'långt-protokoll.docx'), small.limits)).rejects.toMatchObject({ reason: expect.stringMatching(/^7\.\d million characters of text, over the limit of 5\.0 million \(MINUTES_MAX_TEXT_MB\)/) });
  });

  it('finds a word deep in the document', async () => {
    const res = await searchPassages(index.client, index.names, { q: UNIQUE, limit: 5, perDocument: false });
    expect(res.hits).toHaveLength(1);
    expect(res.hits[0]!.snippet).toContain(`<mark>${UNIQUE}</mark>`);
  });
});
