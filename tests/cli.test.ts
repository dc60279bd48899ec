/** The `minutes` command as a user runs it: real processes, exit codes, output formats. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../lib/config.ts';
import { Extraction } from '../lib/schema.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const run = promisify(execFile);
const tmp = tempDir('cli');
// The project's own model keeps the run offline and deterministic (the default model would be downloaded where online).
const env: NodeJS.ProcessEnv = { ...process.env, MINUTES_DATA_DIR: path.join(tmp.dir, 'data'), MEILI_URL: '', MEILI_MASTER_KEY: '', MINUTES_MODEL: 'minutes-tiny-sv', MINUTES_MODEL_DIR: path.join(PROJECT_ROOT, 'data', 'models') };

async function minutes(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'minutes.js'), ...args], { env, cwd: tmp.dir, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const archive = path.join(tmp.dir, 'arkiv');
beforeAll(() => {
  mkdirSync(archive, { recursive: true });
  for (const f of ['211_arvika-kommunstyrelsen-2021-11-23-protokoll.pdf', '206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx', '203_varmlandsradet-2019-01-25-minnesanteckningar.txt']) {
    copyFileSync(path.join(SAMPLE_DIR, f), path.join(archive, f));
  }
  writeFileSync(path.join(archive, 'tom fil å.txt'), '');
  writeFileSync(path.join(archive, 'inte-en.pdf'), 'Detta är text, ingen PDF.');
});
afterAll(() => tmp.cleanup());

describe('minutes CLI', () => {
  it('says what to do when searching before anything is indexed (exit 2)', async () => {
    const r = await minutes('search', 'budget');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing is indexed yet: run `minutes ingest/);
  });

  it('ingests, lists each failed file with its reason, and exits 1', async () => {
    const r = await minutes('ingest', archive);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/5 files — 3 new, 0 changed, 0 unchanged, 0 removed, 2 failed/);
    expect(r.stdout).toContain('FAILED');
    expect(r.stdout).toMatch(/tom fil å\.txt: empty file/);
    expect(r.stdout).toMatch(/inte-en\.pdf: named \.pdf but is not a PDF/);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => JSON.parse(l).level)).toBe(true);
  });

  it('searches with --json: hits with document id, source, title, date, body, heading, snippet and score', async () => {
    const r = await minutes('search', 'gränspendlarna', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { hits: Record<string, unknown>[] };
    expect(result.hits[0]).toMatchObject({ fileName: '211_arvika-kommunstyrelsen-2021-11-23-protokoll.pdf', date: '2021-11-23', body: 'Kommunstyrelsen', docType: 'protokoll' });
    expect(Object.keys(result.hits[0]!)).toEqual(expect.arrayContaining(['docId', 'source', 'title', 'date', 'body', 'heading', 'snippet', 'score']));
    expect(result.hits[0]!.snippet).toContain('<mark>gränspendlarna</mark>');
  });

  it('pages with --page and --offset, counts documents, and refuses a --limit over the maximum in one line (exit 2)', async () => {
    const all = JSON.parse((await minutes('search', '', '--json', '--limit', '200')).stdout) as { total: number; hits: { docId: string }[] };
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const p1 = JSON.parse((await minutes('search', '', '--json', '--limit', '1')).stdout) as { total: number; hits: { docId: string }[] };
    const p2 = JSON.parse((await minutes('search', '', '--json', '--limit', '1', '--page', '2')).stdout) as { offset: number; hits: { docId: string }[] };
    const o3 = JSON.parse((await minutes('search', '', '--json', '--limit', '1', '--offset', '1')).stdout) as { hits: { docId: string }[] };
    expect(p2.offset).toBe(1);
    expect(p2.hits).toHaveLength(1);
    expect(p2.hits.map((h) => h.docId)).toEqual(o3.hits.map((h) => h.docId));
    expect(p2.hits.some((h) => p1.hits.some((x) => x.docId === h.docId))).toBe(false);
    const text = await minutes('search', '', '--limit', '1', '--page', '2');
    expect(text.stdout).toMatch(new RegExp(`^2–2 av ${all.total} träffar`));
    const big = await minutes('search', 'kommun', '--limit', '500');
    expect(big.code).toBe(2);
    expect(big.stderr.trim()).toBe('minutes: invalid --limit: give 1–200 hits per page (use --page or --offset for more)');
  });

  it('searches by meaning with --mode hybrid when a model is loaded', async () => {
    const r = await minutes('search', 'ordet som nämns i dagordningen om regementet', '--mode', 'hybrid', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { mode: string; hits: { fileName: string }[] }).mode).toBe('hybrid');
  });

  it('filters, and rejects a bad filter with a one-line error (exit 2)', async () => {
    const r = await minutes('search', 'kommunstyrelsen', '--filter', 'year = 2023', '--json');
    expect((JSON.parse(r.stdout) as { hits: { date: string }[] }).hits.every((h) => h.date.startsWith('2023'))).toBe(true);
    const bad = await minutes('search', 'x', '--filter', 'nosuchfield = 1');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('pages the persons with --page and --limit and says which of how many it shows', async () => {
    const all = JSON.parse((await minutes('people', '--json', '--limit', '200')).stdout) as { total: number; people: { name: string }[] };
    expect(all.total).toBe(all.people.length);
    expect(all.total).toBeGreaterThan(4);
    const first = await minutes('people', '--limit', '2');
    expect(first.stdout).toMatch(new RegExp(`^1–2 av ${all.total} personer — fler med --page 2\n`));
    const second = await minutes('people', '--limit', '2', '--page', '2');
    expect(second.stdout).toMatch(new RegExp(`^3–4 av ${all.total} personer`));
    const names = (out: string) => all.people.map((p) => p.name).filter((n) => out.includes(`\n${n}`));
    expect(names(first.stdout)).toEqual(all.people.slice(0, 2).map((p) => p.name));
    expect(names(second.stdout)).toEqual(all.people.slice(2, 4).map((p) => p.name));
    expect((await minutes('people', '--limit', '200', '--page', '2')).stdout).toBe(`Inga fler personer: ${all.total} finns (sidan börjar vid 201).\n`);
  });

  it('highlights matches on a terminal, and not when piped or with NO_COLOR (FORCE_COLOR forces it)', async () => {
    const MATCH = '\x1b[1;33mgränspendlarna\x1b[39;22m';
    const bin = path.join(PROJECT_ROOT, 'bin', 'minutes.js');
    // `script` gives the command a pseudo-terminal, as a user's shell does.
    const onTty = async (extra: Record<string, string>) => (await run('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} search gränspendlarna`, '/dev/null'], { env: { ...env, ...extra }, cwd: tmp.dir, timeout: 60_000 })).stdout;
    expect(await onTty({})).toContain(MATCH);
    expect(await onTty({ NO_COLOR: '1' })).not.toContain('\x1b[');
    const piped = await minutes('search', 'gränspendlarna');
    expect(piped.stdout).toContain('gränspendlarna');
    expect(piped.stdout).not.toContain('\x1b[');
    env.FORCE_COLOR = '1';
    try {
      expect((await minutes('search', 'gränspendlarna')).stdout).toContain(MATCH);
    } finally {
      delete env.FORCE_COLOR;
    }
  });

  it('extracts --json as JSON Lines in the DESIGN.md schema', async () => {
    const r = await minutes('extract', path.join(archive, '206_kristinehamn-kommunstyrelsen-2023-05-09-protokoll.docx'), path.join(archive, '203_varmlandsradet-2019-01-25-minnesanteckningar.txt'), '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => Extraction.parse(JSON.parse(l)));
    expect(lines.map((e) => [e.docType, e.date, e.format])).toEqual([['protokoll', '2023-05-09', 'docx'], ['minnesanteckningar', '2019-01-25', 'txt']]);
    const keys = Object.keys(JSON.parse(r.stdout.split('\n')[0]!) as object);
    expect(keys).toEqual(expect.arrayContaining(['source', 'format', 'sha256', 'title', 'docType', 'body', 'organisation', 'date', 'mandatePeriod', 'location', 'diarienummer', 'persons', 'organisations', 'dates', 'decisions', 'actions', 'themes', 'sections']));
  });
});
