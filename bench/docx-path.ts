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
import { RealGold, goldSplitDir } from '../scripts/score-extraction.ts';
import { missesArg, reportTwins, type Twin } from './format-twins.ts';

const dir = path.join(PROJECT_ROOT, 'data', 'written');
const twins: Twin[] = readdirSync(path.join(dir, 'docx')).filter((f) => f.endsWith('.docx')).sort().map((docx) => {
  const original = readdirSync(dir).find((f) => f.startsWith(docx.replace(/\.docx$/, '.')))!;
  const gold = RealGold.parse(JSON.parse(readFileSync(path.join(goldSplitDir('written', 'dev'), `${original}.json`), 'utf8')));
  return { gold, original: path.join(dir, original), twin: path.join(dir, 'docx', docx) };
});
await reportTwins(twins, 'written dev records, as written (PDF) and as DOCX', ['as written', 'DOCX'], missesArg(process.argv.slice(2)));
