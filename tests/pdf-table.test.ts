/**
 * PDF tables read by the x-positions of their text items, in PDFs made here by two real producers
 * from one HTML protocol: LibreOffice (HTML → ODT → PDF, as scripts/build-sample.sh makes the
 * sample; its table cells are centred vertically) and Chromium's print to PDF (cells at the top).
 * A Swedish attendance table with a column per field, an empty Parti cell, a wrapped comment
 * ("Tjänstgör för" / "Anna Svensson"), hyphenated names, a name wrapped at its hyphen and a
 * struck-out row; around it a bulleted list and prose, which must stay what they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { cellTexts } from '../lib/blocks.ts';
import type { Block } from '../lib/schema.ts';
import { LIMITS, tempDir } from './helpers.ts';

const tmp = tempDir('pdftable');
const html = path.join(tmp.dir, 'protokoll.html');

const ROWS = [
  ['Birgitta Holmström', 'S', 'ordförande', ''],
  ['Karl-Erik Öhman', 'M', 'vice ordförande', ''],
  ['Lena Sjöberg', '', 'ledamot', ''],
  ['Per Gustafsson', 'S', 'ersättare', 'Tjänstgör för Anna Svensson'],
  ['<s>Maria Lindqvist</s>', '<s>V</s>', '<s>ledamot</s>', ''],
  ['Johan Nyström', 'C', 'ledamot', ''],
  ['Anna -Karin Berg', 'KD', 'ersättare', 'Frånvarande'],
  ['Carl-Johan Östergren-Hammarskjöld', 'L', 'ledamot', ''],
];

const PAGE = `<html><head><meta charset="utf-8"><title>Protokoll</title>
<style>body{font-family:serif;font-size:11pt} table{border-collapse:collapse} td,th{border:1px solid #000;padding:2pt 4pt;text-align:left;vertical-align:top}</style></head><body>
<h1>Protokoll Kultur- och fritidsnämnden</h1>
<p>Sammanträdesdatum 2024-03-12. Plats och tid: Stadshuset, sammanträdesrummet Älven, klockan 13.00–15.30.</p>
<p><b>Närvarande</b></p>
<table>
<tr><th width="180">Namn</th><th width="60">Parti</th><th width="120">Roll</th><th width="110">Kommentar</th></tr>
${ROWS.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}
</table>
<p>Nämnden beslutar att godkänna dagordningen. Ordföranden förklarar sammanträdet öppnat och hälsar alla välkomna till dagens möte.</p>
<h2>§ 12 Budgetuppföljning</h2>
<p>Förvaltningen redovisar budgetuppföljningen för perioden januari till februari. Följande noterades:</p>
<ul><li>Kulturskolan har fler elever än budgeterat</li><li>Biblioteken håller budgeten</li><li>Simhallen har högre energikostnader</li></ul>
<p>Nämnden beslutar att godkänna redovisningen.</p>
</body></html>`;

const files: Record<string, string> = {};

beforeAll(async () => {
  writeFileSync(html, PAGE);
  // A profile of its own, so that a LibreOffice running elsewhere on the machine does not hold the lock.
  const soffice = (args: string[]) => execFileSync('soffice', [`-env:UserInstallation=file://${tmp.dir}/lo-profile`, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
  soffice(['--convert-to', 'odt', '--outdir', tmp.dir, html]);
  soffice(['--convert-to', 'pdf:writer_pdf_Export', '--outdir', path.join(tmp.dir, 'libreoffice'), path.join(tmp.dir, 'protokoll.odt')]);
  files.libreoffice = path.join(tmp.dir, 'libreoffice', 'protokoll.pdf');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    files.chromium = path.join(tmp.dir, 'chromium.pdf');
    await page.pdf({ path: files.chromium, format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
  } finally {
    await browser.close();
  }
}, 240_000);
afterAll(() => tmp.cleanup());

const tableRows = (blocks: Block[]) => blocks.filter((b) => b.kind === 'table-row');

describe.each(['libreoffice', 'chromium'])('a PDF attendance table printed by %s', (producer) => {
  it('is read row by row, one cell per column, empty cells kept in their column', async () => {
    const raw = await readDocument(files[producer]!, LIMITS);
    expect(tableRows(raw.blocks).map(cellTexts)).toEqual([
      ['Namn', 'Parti', 'Roll', 'Kommentar'],
      ['Birgitta Holmström', 'S', 'ordförande', ''],
      ['Karl-Erik Öhman', 'M', 'vice ordförande', ''],
      ['Lena Sjöberg', '', 'ledamot', ''],
      // The wrapped comment is one cell, not a row of its own.
      ['Per Gustafsson', 'S', 'ersättare', 'Tjänstgör för Anna Svensson'],
      ['Maria Lindqvist', 'V', 'ledamot', ''],
      ['Johan Nyström', 'C', 'ledamot', ''],
      // What the text says, in one cell.
      ['Anna -Karin Berg', 'KD', 'ersättare', 'Frånvarande'],
      // Wrapped at its hyphen: one name again.
      ['Carl-Johan Östergren-Hammarskjöld', 'L', 'ledamot', ''],
    ]);
  });

  it('keeps the struck row struck, cell by cell, and no table row becomes a heading', async () => {
    const raw = await readDocument(files[producer]!, LIMITS);
    const struck = tableRows(raw.blocks).flatMap((b) => b.inlines.filter((r) => r.struck).map((r) => [r.cell, r.text]));
    expect(struck).toEqual([[0, 'Maria Lindqvist'], [1, 'V'], [2, 'ledamot']]);
    const headings = raw.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(['Protokoll Kultur- och fritidsnämnden', '§ 12 Budgetuppföljning']);
  });

  it('leaves the bulleted list and the prose around the table out of it', async () => {
    const doc = cleanDocument(await readDocument(files[producer]!, LIMITS));
    expect(tableRows(doc.blocks)).toHaveLength(9);
    const text = doc.blocks.filter((b) => b.kind !== 'table-row').map((b) => b.text).join('\n');
    expect(text).toContain('Nämnden beslutar att godkänna dagordningen.');
    for (const item of ['Kulturskolan har fler elever än budgeterat', 'Biblioteken håller budgeten', 'Simhallen har högre energikostnader']) expect(text).toContain(item);
  });

  it('gives the persons with party, role and attendance; the member stood in for is absent', async () => {
    const doc = cleanDocument(await readDocument(files[producer]!, LIMITS));
    const { extraction } = extractDocument(doc, { chunkWords: 250 });
    const persons = extraction.persons.map((p) => [p.name, p.party, p.role, p.attendance]);
    expect(persons).toEqual([
      ['Birgitta Holmström', 'S', 'ordförande', 'present'],
      ['Karl-Erik Öhman', 'M', 'vice ordförande', 'present'],
      ['Lena Sjöberg', null, 'ledamot', 'present'],
      ['Per Gustafsson', 'S', 'ersättare', 'present'],
      ['Anna Svensson', null, 'ledamot', 'absent'],
      ['Maria Lindqvist', 'V', 'ledamot', 'absent'],
      ['Johan Nyström', 'C', 'ledamot', 'present'],
      ['Anna-Karin Berg', 'KD', 'ersättare', 'absent'],
      ['Carl-Johan Östergren-Hammarskjöld', 'L', 'ledamot', 'present'],
    ]);
  });
});
