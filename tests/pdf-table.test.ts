/**
 * PDF tables read by the x-positions of their text items, in PDFs made here by two real producers
 * from one HTML protocol: LibreOffice (HTML → ODT → PDF, as scripts/build-sample.sh makes the
 * sample; its table cells are centred vertically) and Chromium's print to PDF (cells at the top).
 * A Swedish attendance table with a column per field, an empty Parti cell, a wrapped comment
 * ("Tjänstgör för" / "Anna Svensson"), hyphenated names, a name wrapped at its hyphen and a
 * struck-out row; around it a bulleted list and prose, which must stay what they are. And a table
 * as Word writes it (a DOCX made with Python's zipfile: no cell margins above and below, cells at
 * the top, <w:strike/>), printed by LibreOffice: rows as close as the lines of a cell, and the
 * comment wrapped onto three lines of a narrow last column.
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

/** The Word table: [text, struck] cells; widths in twentieths of a point. */
const WORD_ROWS = [
  ['Namn', 'Parti', 'Roll', 'Kommentar'],
  ['Birgitta Holmström', 'S', 'ordförande', ''],
  ['Lena Sjöberg', '', 'ledamot', ''],
  ['Per Gustafsson', 'S', 'ersättare', 'Tjänstgör för Anna Svensson'],
  ['~Maria Lindqvist', '~V', '~ledamot', ''],
  ['Johan Nyström', 'C', 'ledamot', ''],
];
const MAKE_DOCX = String.raw`
import json, sys, zipfile
rows, widths = json.loads(sys.argv[2]), [3000, 900, 2000, 1700]
def run(t):
    rpr = '<w:rPr><w:strike/></w:rPr>' if t.startswith('~') else ''
    t = t.lstrip('~')
    return f'<w:r>{rpr}<w:t xml:space="preserve">{t}</w:t></w:r>' if t else ''
cell = lambda t, w: f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{run(t)}</w:p></w:tc>'
borders = ''.join(f'<w:{b} w:val="single" w:sz="4"/>' for b in ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])
table = (f'<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
  + '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths) + '</w:tblGrid>'
  + ''.join('<w:tr>' + ''.join(cell(t, w) for t, w in zip(r, widths)) + '</w:tr>' for r in rows) + '</w:tbl>')
para = lambda t: f'<w:p><w:r><w:t>{t}</w:t></w:r></w:p>'
body = para('Protokoll Kultur- och fritidsnämnden') + para('Närvarande') + table + para('Nämnden beslutar att godkänna dagordningen.')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
`;

/** The protocol template's first-page block: columns of a layout, read by extract/attendance-block.ts, no table. */
const TEMPLATE = `<html><head><meta charset="utf-8"></head><body>
<h1>Protokoll Kommunstyrelsen</h1>
<p>Plats och tid: Stadshuset kl. 13.00–15.00</p>
<table>
<tr><td>Beslutande</td><td>Ledamöter</td><td>Tjänstgörande ersättare</td></tr>
<tr><td></td><td>Anna Ek (M), Ordförande</td><td>Bo Lund (S) ersätter</td></tr>
<tr><td></td><td>Per Holm (S)</td><td>Eva Berg (S)</td></tr>
<tr><td></td><td>Lisa Ström (C)</td><td>Jan Åberg (V) ersätter Jan-</td></tr>
<tr><td></td><td>Karl-Erik Dahl (L)</td><td>Christer Jansson (V)</td></tr>
<tr><td>Övriga närvarande</td><td>Ersättare</td><td>Tjänstepersoner</td></tr>
<tr><td></td><td>Gert Svensson (S)</td><td>Karl Persson, förvaltningschef</td></tr>
<tr><td>Sekreterare</td><td>Erik Norinder</td><td>Paragrafer § 1-14</td></tr>
<tr><td>Protokolljusterare</td><td>Charlotte Wallenberg (M)</td><td></td></tr>
</table>
<h2>§ 1 Val av justerare</h2><p>Kommunstyrelsen beslutar att utse Charlotte Wallenberg att justera protokollet.</p>
</body></html>`;

const files: Record<string, string> = {};

beforeAll(async () => {
  writeFileSync(html, PAGE);
  // A profile of its own, so that a LibreOffice running elsewhere on the machine does not hold the lock.
  const soffice = (args: string[]) => execFileSync('soffice', [`-env:UserInstallation=file://${tmp.dir}/lo-profile`, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
  soffice(['--convert-to', 'odt', '--outdir', tmp.dir, html]);
  soffice(['--convert-to', 'pdf:writer_pdf_Export', '--outdir', path.join(tmp.dir, 'libreoffice'), path.join(tmp.dir, 'protokoll.odt')]);
  files.libreoffice = path.join(tmp.dir, 'libreoffice', 'protokoll.pdf');
  writeFileSync(path.join(tmp.dir, 'mall.html'), TEMPLATE);
  soffice(['--convert-to', 'odt', '--outdir', tmp.dir, path.join(tmp.dir, 'mall.html')]);
  soffice(['--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp.dir, path.join(tmp.dir, 'mall.odt')]);
  files.template = path.join(tmp.dir, 'mall.pdf');
  const docx = path.join(tmp.dir, 'narvaro.docx');
  execFileSync('python3', ['-c', MAKE_DOCX, docx, JSON.stringify(WORD_ROWS)]);
  soffice(['--convert-to', 'pdf:writer_pdf_Export', '--outdir', tmp.dir, docx]);
  files.word = path.join(tmp.dir, 'narvaro.pdf');
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

describe('a Word table (DOCX) printed by LibreOffice', () => {
  it('joins the three lines of the wrapped comment and keeps the struck row struck', async () => {
    // The comment wraps in its narrow column: "Tjänstgör för" / "Anna" / "Svensson".
    expect(execFileSync('pdftotext', ['-layout', files.word!, '-'], { encoding: 'utf8' })).toMatch(/Tjänstgör för\n\s+Anna\n\s+Svensson/);
    const raw = await readDocument(files.word!, LIMITS);
    expect(tableRows(raw.blocks).map(cellTexts)).toEqual(WORD_ROWS.map((r) => r.map((c) => c.replace('~', ''))));
    expect(tableRows(raw.blocks)[4]!.inlines.filter((r) => r.struck).map((r) => r.text)).toEqual(['Maria Lindqvist', 'V', 'ledamot']);
  });

  it('gives the persons with party, role and attendance', async () => {
    const { extraction } = extractDocument(cleanDocument(await readDocument(files.word!, LIMITS)), { chunkWords: 250 });
    expect(extraction.persons.map((p) => [p.name, p.party, p.role, p.attendance])).toEqual([
      ['Birgitta Holmström', 'S', 'ordförande', 'present'],
      ['Lena Sjöberg', null, 'ledamot', 'present'],
      ['Per Gustafsson', 'S', 'ersättare', 'present'],
      ['Anna Svensson', null, 'ledamot', 'absent'],
      ['Maria Lindqvist', 'V', 'ledamot', 'absent'],
      ['Johan Nyström', 'C', 'ledamot', 'present'],
    ]);
  });
});

describe('the first-page block of a protocol template, printed by LibreOffice', () => {
  it('stays lines of text for the attendance-block reader, which finds present and replaced members', async () => {
    const doc = cleanDocument(await readDocument(files.template!, LIMITS));
    expect(tableRows(doc.blocks)).toEqual([]);
    const { extraction } = extractDocument(doc, { chunkWords: 250 });
    const persons = new Map(extraction.persons.map((p) => [p.name, p.attendance]));
    expect(persons.get('Bo Lund')).toBe('present');
    expect(persons.get('Eva Berg')).toBe('absent');
    expect(persons.get('Jan-Christer Jansson')).toBe('absent');
    expect(persons.get('Erik Norinder')).toBe('present');
    expect(persons.get('Charlotte Wallenberg')).toBe('present');
  });
});
