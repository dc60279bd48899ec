/**
 * The same real documents through the PDF reader: each Kungsbacka document of the blind gold is
 * printed to PDF by Chromium (its layout text in a monospace font, one PDF page per `<!-- sida N -->`
 * page, so columns stay where the converter put them) and scored against the same gold as its
 * Markdown. The difference is what the PDF path loses. The PDFs are not Kungsbacka's own (those
 * are typeset, with real tables): a pipe table of the Markdown prints as text with bars.
 *   npx tsx bench/pdf-path.ts [--real dev|setaside] [--per-document]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { emptyScore, RealGold, scoreReal, type Score } from '../scripts/score-extraction.ts';

const args = process.argv.slice(2);
const split = args.includes('--real') ? args[args.indexOf('--real') + 1] : 'dev';
if (split !== 'dev' && split !== 'setaside') throw new Error('--real dev|setaside');
const perDocument = args.includes('--per-document');
const goldDir = path.join(PROJECT_ROOT, 'tests', 'gold-real', split);
const LIMITS = { maxFileBytes: 1e8, maxPages: 1000, parseTimeoutMs: 60_000 };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function asHtml(markdown: string): string {
  const pages = markdown.split(/<!-- sida \d+ -->/).filter((p) => p.trim());
  const style = '@page{size:A4;margin:12mm} pre{font-family:"DejaVu Sans Mono",monospace;font-size:7pt;page-break-after:always;margin:0;white-space:pre}';
  return `<html><head><meta charset="utf-8"><style>${style}</style></head><body>${pages.map((p) => `<pre>${escape(p.replace(/^\n+|\n+$/g, ''))}</pre>`).join('')}</body></html>`;
}

async function extract(file: string) {
  return extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 }).extraction;
}

const totals = { md: emptyScore(), pdf: emptyScore() };
const tmp = mkdtempSync(path.join(tmpdir(), 'pdf-path-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage();
  for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const gold = RealGold.parse(JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')));
    if (gold.source !== 'kungsbacka') continue;
    const md = path.join(PROJECT_ROOT, 'data', 'real', 'kungsbacka', gold.file);
    const pdf = path.join(tmp, gold.file.replace(/\.md$/, '.pdf'));
    await page.setContent(asHtml(readFileSync(md, 'utf8')));
    await page.pdf({ path: pdf, format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    const one = emptyScore();
    scoreReal(gold, await extract(md), totals.md);
    const e = await extract(pdf);
    scoreReal(gold, e, totals.pdf);
    scoreReal(gold, e, one);
    if (perDocument) console.log(`${gold.file.padEnd(40)} ${Object.entries(one.fields).map(([k, c]) => `${k} ${c.tp}/${c.fp}/${c.fn}`).join('  ')}`);
  }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}

const pr = (s: Score, field: string) => {
  const c = s.fields[field];
  if (!c) return '–';
  return `${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(3)} / ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)}`;
};
const acc = (s: Score, field: string) => { const a = s.accuracy[field]; return a ? `${a.right}/${a.total}` : '–'; };
console.log(`\n${totals.md.docs} Kungsbacka documents of the ${split} gold, Markdown and printed to PDF (precision / recall):\n`);
console.log('| field | Markdown | PDF |\n|---|---|---|');
for (const f of ['persons', 'organisations', 'decisions', 'diarienummer', 'sections']) console.log(`| ${f} | ${pr(totals.md, f)} | ${pr(totals.pdf, f)} |`);
for (const f of ['attendance', 'body', 'docType', 'date', 'organisation']) console.log(`| ${f} | ${acc(totals.md, f)} | ${acc(totals.pdf, f)} |`);
