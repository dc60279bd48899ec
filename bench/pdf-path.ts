/**
 * The same real documents through the PDF reader: each Kungsbacka document of the blind gold is
 * printed to PDF by Chromium (its layout text in a monospace font, one PDF page per `<!-- sida N -->`
 * page, so columns stay where the converter put them) and scored against the same gold as its
 * Markdown. The difference is what the PDF path loses. The PDFs are not Kungsbacka's own (those
 * are typeset): a pipe table of the Markdown prints as an HTML table, text in a proportional font.
 *   npx tsx bench/pdf-path.ts [--real dev|setaside] [--per-document] [--misses [fields]] [--keep DIR]
 * (`--misses` lists what the PDF side missed or added; `--keep DIR` leaves the PDFs there.)
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../lib/config.ts';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { emptyScore, formatMisses, RealGold, scoreReal, type Score } from '../scripts/score-extraction.ts';

const args = process.argv.slice(2);
const split = args.includes('--real') ? args[args.indexOf('--real') + 1] : 'dev';
if (split !== 'dev' && split !== 'setaside') throw new Error('--real dev|setaside');
const perDocument = args.includes('--per-document');
const value = (name: string) => (args.includes(name) && !args[args.indexOf(name) + 1]?.startsWith('--') ? args[args.indexOf(name) + 1] : undefined);
const misses = args.includes('--misses') ? value('--misses')?.split(',') ?? [] : null;
const keep = value('--keep');
const goldDir = path.join(PROJECT_ROOT, 'tests', 'gold-real', split);
const LIMITS = { maxFileBytes: 1e8, maxPages: 1000, parseTimeoutMs: 60_000 };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function asHtml(markdown: string): string {
  // (the converter's Markdown escapes, "2025\." "\$ 47", are not in the PDF it read)
  const pages = markdown.replace(/\\([\\`*_{}[\]()#+.!$|>-])/g, '$1').split(/<!-- sida \d+ -->/).filter((p) => p.trim());
  const style = '@page{size:A4;margin:12mm} pre{font-family:"DejaVu Sans Mono",monospace;margin:0;white-space:pre} .page{page-break-after:always}';
  // A page's longest line must fit the 186 mm between the margins (a mono glyph is 0.6 em wide), or Chromium clips it.
  const size = (page: string) => Math.min(7, 186 / 0.3528 / 0.6 / Math.max(1, ...page.split('\n').map((l) => l.length)));
  return `<html><head><meta charset="utf-8"><style>${style}</style></head><body>${pages.map((p) => `<div class="page">${asHtmlPage(p.replace(/^\n+|\n+$/g, ''), size(p.replace(/^\|.*$/gm, '')))}</div>`).join('')}</body></html>`;
}

/**
 * One page: its layout text in a monospace font, and a pipe table (the converter's rendering of
 * the PDF's real table, its link line dropped) as an HTML table, so that the PDF has a typeset
 * table again, as the original did.
 */
function asHtmlPage(page: string, fontPt: number): string {
  const runs: { table: boolean; lines: string[] }[] = [];
  for (const line of page.split('\n')) {
    if (/^\[Tabell [\d-]+\]\(.*\)$/.test(line)) continue;
    const table = /^\|.*\|\s*$/.test(line);
    if (runs.at(-1)?.table !== table) runs.push({ table, lines: [] });
    runs.at(-1)!.lines.push(line);
  }
  const cells = (line: string) => line.trim().slice(1, -1).split('|').map((c) => escape(c.trim()).replace(/&lt;br&gt;/g, '<br>'));
  return runs.map((r) => (r.table
    ? `<table style="font-family:'DejaVu Sans',sans-serif;font-size:8pt;border-collapse:collapse;margin:4pt 0">${r.lines.filter((l) => !/^\|[\s|:-]+\|\s*$/.test(l))
      .map((l, k) => `<tr>${cells(l).map((c) => `<${k ? 'td' : 'th'} style="text-align:left;vertical-align:top;padding:1pt 6pt 1pt 0">${c}</${k ? 'td' : 'th'}>`).join('')}</tr>`).join('')}</table>`
    : `<pre style="font-size:${fontPt.toFixed(2)}pt">${escape(r.lines.join('\n'))}</pre>`)).join('');
}

async function extract(file: string) {
  return extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 }).extraction;
}

const totals = { md: emptyScore(), pdf: emptyScore() };
const tmp = keep ?? mkdtempSync(path.join(tmpdir(), 'pdf-path-'));
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
  if (!keep) rmSync(tmp, { recursive: true, force: true });
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
if (misses) console.log(`\n### PDF side: misses and extras\n\n${formatMisses(totals.pdf, misses.length ? misses : undefined)}`);
