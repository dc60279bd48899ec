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
import { RealGold, goldDocument, goldSplitDir } from '../scripts/score-extraction.ts';
import { missesArg, reportTwins, type Twin } from './format-twins.ts';

const goldDir = goldSplitDir('written', 'dev');
const tmp = mkdtempSync(path.join(tmpdir(), 'text-path-'));
try {
  const twins: Twin[] = readdirSync(goldDir).filter((f) => f.endsWith('.pdf.json')).sort().flatMap((file) => {
    const gold = RealGold.parse(JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')));
    const pdf = goldDocument('written', gold);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    if (!text.trim()) return [];
    const txt = path.join(tmp, gold.file.replace(/\.pdf$/, '.txt'));
    writeFileSync(txt, text);
    return [{ gold, original: pdf, twin: txt }];
  });
  await reportTwins(twins, 'written dev PDFs, read as PDF and as their pdftotext -layout text', ['PDF', 'text'], missesArg(process.argv.slice(2)));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
