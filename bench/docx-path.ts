/**
 * The written dev records through the DOCX reader: data/written/docx/ holds Word versions of four
 * of them (their writers' HTML sources converted by LibreOffice, `soffice --convert-to docx`, the
 * way the DOCX records of the set were made), scored against the same dev gold as the PDFs. The
 * difference is what the DOCX path loses.
 *   npx tsx bench/docx-path.ts [--misses [fields]]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { emptyScore, formatMisses, formatScore, RealGold, scoreReal } from '../scripts/score-extraction.ts';

const args = process.argv.slice(2);
const misses = args.includes('--misses') ? args[args.indexOf('--misses') + 1]?.split(',') : null;
const LIMITS = { maxFileBytes: 1e8, maxPages: 1000, parseTimeoutMs: 60_000 };
const dir = path.join(PROJECT_ROOT, 'data', 'written');
const extract = async (file: string) => extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 }).extraction;

const totals = { original: emptyScore(), docx: emptyScore() };
for (const docx of readdirSync(path.join(dir, 'docx')).filter((f) => f.endsWith('.docx')).sort()) {
  const original = readdirSync(dir).find((f) => f.startsWith(docx.replace(/\.docx$/, '.')))!;
  const gold = RealGold.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tests', 'gold-written', 'dev', `${original}.json`), 'utf8')));
  scoreReal(gold, await extract(path.join(dir, original)), totals.original);
  scoreReal(gold, await extract(path.join(dir, 'docx', docx)), totals.docx);
}
const rows = (s: string) => s.split('\n').filter((l) => /^\| [a-zA-Z]+ \|/.test(l)).join('\n');
console.log(`${totals.docx.docs} written dev records, as written (PDF) and as DOCX:\n\n### as written\n\n${rows(formatScore(totals.original))}\n\n### DOCX\n\n${rows(formatScore(totals.docx))}`);
if (misses) console.log(`\n### DOCX: misses and extras\n\n${formatMisses(totals.docx, misses.length && misses[0] ? misses : undefined)}`);
