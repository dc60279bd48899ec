/**
 * The written dev records through the text reader: each text PDF of tests/gold-written/dev exported by
 * `pdftotext -layout` (how a text export of a PDF looks) and scored against the same gold as the PDF.
 * The difference is what the plain-text path loses (a scanned PDF has no text to export and is left out).
 *   npx tsx bench/text-path.ts [--misses [fields]]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { emptyScore, formatMisses, formatScore, RealGold, scoreReal } from '../scripts/score-extraction.ts';

const args = process.argv.slice(2);
const misses = args.includes('--misses') ? args[args.indexOf('--misses') + 1]?.split(',') : null;
const LIMITS = { maxFileBytes: 1e8, maxPages: 1000, parseTimeoutMs: 60_000 };
const goldDir = path.join(PROJECT_ROOT, 'tests', 'gold-written', 'dev');
const extract = async (file: string) => extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 }).extraction;

const totals = { pdf: emptyScore(), text: emptyScore() };
const tmp = mkdtempSync(path.join(tmpdir(), 'text-path-'));
try {
  for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.pdf.json')).sort()) {
    const gold = RealGold.parse(JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')));
    const pdf = path.join(PROJECT_ROOT, 'data', 'written', gold.file);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    if (!text.trim()) continue;
    const txt = path.join(tmp, gold.file.replace(/\.pdf$/, '.txt'));
    writeFileSync(txt, text);
    scoreReal(gold, await extract(pdf), totals.pdf);
    scoreReal(gold, await extract(txt), totals.text);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const rows = (s: string) => s.split('\n').filter((l) => /^\| [a-zA-Z]+ \|/.test(l)).join('\n');
console.log(`${totals.text.docs} written dev PDFs, read as PDF and as their pdftotext -layout text:\n\n### PDF\n\n${rows(formatScore(totals.pdf))}\n\n### text\n\n${rows(formatScore(totals.text))}`);
if (misses) console.log(`\n### text: misses and extras\n\n${formatMisses(totals.text, misses.length && misses[0] ? misses : undefined)}`);
