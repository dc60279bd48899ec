/**
 * The hostile-file corpus: every bad file is reported (file, reason) and skipped, the good ones are
 * indexed, against a real Meilisearch. Fixtures come from tests/fixtures/ (made with real tools) or
 * are made here (truncations, junk, a sparse 200 MB file, a symlink loop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex, type MeiliConnection } from '../index/index.ts';
import { runIngest, type IngestSummary } from '../cli/ingest-job.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const FIX = path.join(PROJECT_ROOT, 'tests', 'fixtures');
const tmp = tempDir('hostile');
const dir = path.join(tmp.dir, 'arkiv');
let conn: MeiliConnection;
let summary: IngestSummary;
let index: ArchiveIndex;

/** Expected outcome per file: a reason pattern for the refused ones, 'indexed' for the good ones. */
const expected: Record<string, RegExp | 'indexed'> = {
  'trasig.pdf': /not a valid PDF|could not be read/,
  'krypterad.pdf': /encrypted PDF/,
  'skannad.pdf': /no text layer on any of 1 pages, and no page image to read by OCR/,
  'avklippt.docx': /not a valid DOCX|could not be read/,
  'zip-bomb.docx': /zip bomb/,
  'egentligen-pdf.txt': /is a PDF file: rename it/,
  'egentligen-text.pdf': /not a PDF/,
  'skräp.txt': /binary content/,
  'tom.txt': /empty file/,
  'jättestor.pdf': /exceeds the limit of 100 MB/,
  'latin1 gammal.txt': 'indexed',
  'Protokoll "citat" och \'apostrof\' åäö.md': 'indexed',
  '206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx': 'indexed',
  'ansokan.txt': 'indexed',
  'stor-text.txt': 'indexed',
};

/** Refused at discovery (never read): links out of the archive, into the data dir, a FIFO. */
const refused: Record<string, RegExp> = {
  'passwd-länk.txt': /symlink points outside the archive/,
  'nyckel-länk.txt': /data folder/,
  'extern-mapp': /symlink points outside the archive/,
  'rör.txt': /not a regular file/,
};
const SECRET = 'hemligtlösenordsord';

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'trasig.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(500, 0x41)]));
  for (const f of ['krypterad.pdf', 'skannad.pdf', 'zip-bomb.docx']) copyFileSync(path.join(FIX, f), path.join(dir, f));
  const docx = readFileSync(path.join(SAMPLE_DIR, '206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx'));
  writeFileSync(path.join(dir, 'avklippt.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  copyFileSync(path.join(SAMPLE_DIR, '206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx'), path.join(dir, '206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx'));
  copyFileSync(path.join(FIX, 'skannad.pdf'), path.join(dir, 'egentligen-pdf.txt'));
  writeFileSync(path.join(dir, 'egentligen-text.pdf'), 'Det här är en vanlig text, inte en PDF.');
  writeFileSync(path.join(dir, 'skräp.txt'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
  writeFileSync(path.join(dir, 'tom.txt'), '');
  writeFileSync(path.join(dir, 'jättestor.pdf'), '%PDF-1.4\n');
  truncateSync(path.join(dir, 'jättestor.pdf'), 200 * 2 ** 20); // sparse: 200 MB on paper, nothing on disk
  writeFileSync(path.join(dir, 'latin1 gammal.txt'), Buffer.from('Minnesanteckningar Värmlandsrådet 12 mars 2018\n\nÅtta ledamöter närvarade. Frågan om länstrafiken diskuterades.\n', 'latin1'));
  writeFileSync(path.join(dir, 'Protokoll "citat" och \'apostrof\' åäö.md'), '# Protokoll Kommunstyrelsen 3 maj 2021\n\nKommunstyrelsen beslutar att anta planen för skolskjutsar.\n');
  writeFileSync(path.join(dir, 'ansokan.txt'), 'Tjänsteskrivelse om bostadsanpassning\n\nDatum 2024-02-01\n\nSökande: Kim Andersson, 19811218-9876, beviljas bidrag.\n');
  mkdirSync(path.join(dir, 'under'));
  symlinkSync(dir, path.join(dir, 'under', 'slinga'));
  // 10 MB of plain text in one file.
  const para = 'Kommunstyrelsen diskuterade kollektivtrafiken och skolskjutsarna i länet under mötet. ';
  writeFileSync(path.join(dir, 'stor-text.txt'), `Protokoll Kommunstyrelsen 9 maj 2023\n\n${Array.from({ length: 12_000 }, () => para.repeat(10)).join('\n\n')}\n`);
  // Links out of the archive: a file, a folder, and the data dir's master key; a FIFO.
  const elsewhere = path.join(tmp.dir, 'annanstans');
  mkdirSync(elsewhere);
  writeFileSync(path.join(elsewhere, 'hemlig.txt'), `Minnesanteckningar 1 mars 2022\n\nLösenordet är ${SECRET}.\n`);
  symlinkSync(existsSync('/etc/passwd') ? '/etc/passwd' : path.join(elsewhere, 'hemlig.txt'), path.join(dir, 'passwd-länk.txt'));
  symlinkSync(elsewhere, path.join(dir, 'extern-mapp'));
  symlinkSync(path.join(tmp.dir, 'data', 'meili', 'master.key'), path.join(dir, 'nyckel-länk.txt'));
  execFileSync('mkfifo', [path.join(dir, 'rör.txt')]);
  const config = loadConfig({ MINUTES_DATA_DIR: path.join(tmp.dir, 'data') });
  conn = await connectMeili(config);
  index = new ArchiveIndex(new MeiliClient(conn.url, conn.key), 'h_');
  summary = await runIngest(dir, { full: false, config, index, reporter: createReporter({ tty: false, quiet: true }) });
});
afterAll(async () => {
  await conn?.stop();
  try { chmodSync(path.join(dir, 'låst'), 0o755); } catch { /* not made */ }
  tmp.cleanup();
});

describe('hostile files', () => {
  it('reports every bad file with its reason and indexes the good ones', async () => {
    const failed = new Map(summary.failed.map((f) => [path.relative(dir, f.file), f.reason]));
    const table: string[] = [];
    for (const [file, outcome] of Object.entries(expected)) {
      if (outcome === 'indexed') {
        expect(failed.has(file), `${file} should be indexed, got: ${failed.get(file)}`).toBe(false);
        table.push(`| ${file} | indexed |`);
      } else {
        expect(failed.get(file), file).toMatch(outcome);
        table.push(`| ${file} | ${failed.get(file)} |`);
      }
    }
    for (const [file, reason] of Object.entries(refused)) {
      expect(failed.get(file), file).toMatch(reason);
      table.push(`| ${file} | ${failed.get(file)} |`);
    }
    expect(summary.new).toBe(5);
    console.log(['| file | outcome |', '|---|---|', ...table, `| under/slinga | ${failed.get('under/slinga')} |`].join('\n'));
  });

  it('never indexes what a link out of the archive points to', async () => {
    for (const q of ['root', SECRET, conn.key]) {
      expect((await index.client.search(index.names.terms, { q })).hits, q).toHaveLength(0);
      expect((await index.client.search(index.names.documents, { q })).hits, q).toHaveLength(0);
    }
    const sources = (await index.client.getDocuments<{ source: string }>(index.names.documents, { fields: ['source'], limit: 100 })).results.map((d) => d.source);
    expect(sources.every((s) => !/länk|extern-mapp/.test(s))).toBe(true);
  });

  it('keeps the state per file: failed ones with their reason, indexed ones with their hash', async () => {
    const failed = await index.failedFiles(dir);
    expect(failed.map((f) => path.basename(f.source)).sort()).toEqual(Object.entries(expected).filter(([, o]) => o !== 'indexed').map(([f]) => f).sort());
    expect(failed.find((f) => f.source.endsWith('zip-bomb.docx'))).toMatchObject({ status: 'failed', sha256: null, reason: expect.stringMatching(/zip bomb/) });
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not read', async () => {
    const locked = path.join(tmp.dir, 'låst-arkiv');
    mkdirSync(path.join(locked, 'låst'), { recursive: true });
    chmodSync(path.join(locked, 'låst'), 0o000);
    const { discoverFiles } = await import('../ingest/index.ts');
    const d = await discoverFiles(locked);
    chmodSync(path.join(locked, 'låst'), 0o755);
    expect(d.problems[0]?.reason).toMatch(/cannot open folder: EACCES/);
  });

  it('reports a symlink loop instead of following it forever', () => {
    expect(summary.failed.find((f) => f.file.endsWith('slinga'))?.reason).toMatch(/symlink loop/);
  });

  it('reads Windows-1252/Latin-1 text and names with quotes and å/ä/ö', async () => {
    const docs = await index.client.getDocuments<{ fileName: string; title: string; date: string }>(index.names.documents, { fields: ['fileName', 'title', 'date'], limit: 10 });
    const byName = Object.fromEntries(docs.results.map((d) => [d.fileName, d]));
    expect(byName['latin1 gammal.txt']).toMatchObject({ title: 'Minnesanteckningar Värmlandsrådet 12 mars 2018', date: '2018-03-12' });
    expect(byName['Protokoll "citat" och \'apostrof\' åäö.md']).toMatchObject({ date: '2021-05-03' });
  });
});

describe('personal identity numbers', () => {
  it('are masked before indexing, with a count per document', async () => {
    const docs = await index.client.getDocuments<{ fileName: string; personnummerMasked: number }>(index.names.documents, { filter: 'fileName = "ansokan.txt"', fields: ['fileName', 'personnummerMasked'] });
    expect(docs.results[0]).toMatchObject({ personnummerMasked: 1 });
    const chunks = await index.client.getDocuments<{ text: string }>(index.names.chunks, { filter: 'fileName = "ansokan.txt"', fields: ['text'] });
    expect(chunks.results.map((c) => c.text).join(' ')).toContain('Sökande: Kim Andersson, [personnummer], beviljas bidrag.');
    expect((await index.client.search(index.names.terms, { q: '19811218-9876' })).hits).toHaveLength(0);
    expect((await index.client.search(index.names.documents, { q: '9876' })).hits).toHaveLength(0);
  });
});
