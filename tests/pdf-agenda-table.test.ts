/**
 * A kallelse's agenda as a typeset table (Nr | Ärende | Beteckning | Förslag), printed to PDF by
 * Chromium: item numbers in a column of their own, every item's title, proposal and presenter
 * wrapped over several lines in their cells, a proposal of two paragraphs, a letterhead laid out in
 * columns right above the table, and the table going on over a page break without its header row.
 * The table must come out one row per item with its case number in the "Beteckning" column, and
 * every item's case number must be found, also that of the lone item on the last page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { cellTexts } from '../lib/blocks.ts';
import { LIMITS, tempDir } from './helpers.ts';

const tmp = tempDir('pdfagenda');
const file = path.join(tmp.dir, 'kallelse.pdf');

const ITEMS = [
  ['1.', 'Förändring av ärendelista', 'SN-2025-00001', ''],
  ['2.', 'Informationshanteringsplan för socialnämnden<br>Föredragande: Sara Lind, arkivarie', 'SN-2025-00412',
    'Förslag till beslut<br>Socialnämnden antar informationshanteringsplan daterad 2025-02-10, att gälla från och med 2025-04-01.<br><br>Tidigare dokumenthanteringsplan antagen av socialnämnden 2019-04-11 § 56 upphör samtidigt att gälla.'],
  ['3.', 'Uppföljning av avtal om placeringar i hem för vård eller boende<br>Föredragande: Omar Haddad, enhetschef', 'SN-2025-00388',
    'Förslag till beslut<br>Socialnämnden godkänner uppföljningen och lägger den till handlingarna.'],
  ['4.', 'Yttrande till Inspektionen för vård och omsorg om tillsyn av barn- och ungdomsvården', 'SN-2025-00395',
    'Förslag till beslut<br>Socialnämnden antar förvaltningens yttrande som sitt eget och skickar det till Inspektionen för vård och omsorg.'],
];
const row = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag} style="text-align:left;vertical-align:top;padding:2pt 8pt 2pt 0">${c}</${tag}>`).join('')}</tr>`;
const table = (items: string[][], header: boolean) => `<table style="border-collapse:collapse;font-size:9pt;width:100%">${header ? row(['', 'Ärende', 'Beteckning', 'Förslag'], 'th') : ''}${items.map((r) => row(r)).join('')}</table>`;
const PAGE = `<html><head><meta charset="utf-8"><style>body{font-family:'DejaVu Sans',sans-serif;font-size:9pt} td:nth-child(2){width:30%} td:nth-child(4){width:45%}</style></head><body>
<p style="font-size:12pt">KALLELSE</p>
<p>Socialnämnden<br>Sammanträde torsdagen den 13 mars 2025 kl. 13.00, Stadshuset</p>
<table style="width:100%;font-size:9pt"><tr><td>Sara Lind</td><td>Socialförvaltningen</td><td>Exempelby kommun</td></tr>
<tr><td>Nämndsekreterare</td><td>Besöksadress</td><td>Stadshuset</td></tr></table>
${table(ITEMS.slice(0, 3), true)}
<div style="break-before:page"></div>
${table(ITEMS.slice(3), false)}
<p>Anna Holm (S)<br>ordförande</p>
</body></html>`;

beforeAll(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.pdf({ path: file, format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
  } finally {
    await browser.close();
  }
}, 120_000);
afterAll(() => tmp.cleanup());

describe('a kallelse agenda table printed by Chromium', () => {
  it('is read one row per item, every wrapped line in its cell, the case number in its column', async () => {
    const doc = cleanDocument(await readDocument(file, LIMITS));
    // (the last page's one item is too short to be found as a table: a lone row is a line with gaps)
    const rows = doc.blocks.filter((b) => b.kind === 'table-row').map(cellTexts).filter((r) => /^\d+\.$/.test(r[0] ?? ''));
    expect(rows.map((r) => [r[0], r[2]])).toEqual(ITEMS.slice(0, 3).map((r) => [r[0], r[2]]));
    expect(rows[1]![1]).toBe('Informationshanteringsplan för socialnämnden Föredragande: Sara Lind, arkivarie');
    // The proposal's two paragraphs stay with its item (as one cell, or the second as a row of its own under it).
    const text = doc.blocks.filter((b) => b.kind === 'table-row').map((b) => b.text).join('\n');
    expect(text).toMatch(/Socialnämnden antar informationshanteringsplan daterad 2025-02-10, att gälla från och med 2025-04-01\./);
    expect(text).toMatch(/Tidigare dokumenthanteringsplan antagen av socialnämnden 2019-04-11 § 56 upphör samtidigt att gälla\./);
  });

  it('gives every item its case number, also on the page without a header row', async () => {
    const { extraction } = extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 });
    expect(extraction.docType).toBe('kallelse');
    expect(extraction.caseNumbers).toEqual(expect.arrayContaining(ITEMS.map((r) => r[2])));
  });
});
