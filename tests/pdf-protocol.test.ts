/**
 * A municipal protocol as a PDF, printed by Chromium: every item on its own page under the same
 * letterhead, and every information item with the same boilerplate ("Beslut" / "Nämnden … noterar
 * informationen till protokollet." / "Sammanfattning av ärendet" / "Beslutsgång" …). The letterhead
 * is a running header; the boilerplate is the items' text, and every item keeps its decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { LIMITS, tempDir } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const tmp = tempDir('pdfprotocol');
const file = path.join(tmp.dir, 'protokoll.pdf');

const ITEMS = [
  ['Information till nämnd: Lokala BRÅ:s aktiviteter 2023', 'Simon Wallengren, utvecklare, informerar nämnden om det lokala brottsförebyggande rådets aktiviteter under 2023.'],
  ['Information till nämnd: Kulturens värde och sociala effekter', 'Förvaltningen redovisar en studie om hur kulturen påverkar hälsa och gemenskap i kommunen.'],
  ['Information till nämnd: konstfestivalen WallStreet', 'Projektledaren berättar om festivalens konstnärer, väggar och besökare under sommaren.'],
  ['Information till nämnd: Arenan', 'Verksamhetschefen informerar om arenans bokningar och om underhållet av isytan.'],
  ['Förvaltningschefen informerar', 'Förvaltningschefen informerar om rekryteringar, sjukfrånvaro och lokalfrågor.'],
];

function html(): string {
  const letterhead = '<p class="head"><b>KUNGSBACKA KOMMUN</b><span>SAMMANTRÄDESPROTOKOLL</span></p><p>Nämnden för Kultur &amp; Fritid<br>Datum<br>2024-01-24</p>';
  const front = `<section>${letterhead}<p>Plats och tid för sammanträde: Stadshuset, klockan 18.00–20.30</p><p>Beslutande: Annika Hedman (C), ordförande; Bo Ek (M); Eva Lund (S)</p><p>Sekreterare Erik Norinder, Paragrafer § 1–5</p></section>`;
  const items = ITEMS.map(([title, summary], i) => `<section>${letterhead}
    <p><b>§ ${i + 1}</b> Dnr KFT-2024-0001${i + 1}</p><h2>${title}</h2>
    <h3>Beslut</h3><p>Nämnden för Kultur &amp; Fritid noterar informationen till protokollet.</p>
    <h3>Sammanfattning av ärendet</h3><p>${summary}</p>
    <h3>Beslutsunderlag</h3><p>Förvaltningen för Kultur &amp; Fritids tjänsteskrivelse, 2024-01-16</p>
    <h3>Beslutsgång</h3><p>Ordförande Annika Hedman (C) finner att det finns ett förslag till beslut, det vill säga förvaltningens förslag, och att nämnden bifaller det.</p>
    <p class="foot">Justerandes signatur</p></section>`).join('');
  return `<html><head><meta charset="utf-8"><style>body{font:11pt sans-serif} section{page-break-after:always} .head{display:flex;justify-content:space-between} h2{font-size:13pt} h3{font-size:11pt}</style></head><body>${front}${items}</body></html>`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html());
    await page.pdf({ path: file, format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
  } finally {
    await browser.close();
  }
}, 60_000);
afterAll(() => tmp.cleanup());

describe.skipIf(!existsSync(CHROMIUM))('a protocol PDF whose items repeat the same boilerplate on every page', () => {
  it('keeps the boilerplate as text and every item its decision and case number, and drops the letterhead', async () => {
    const doc = cleanDocument(await readDocument(file, LIMITS));
    const { extraction: e } = extractDocument(doc, { chunkWords: 250 });
    expect(doc.pageCount).toBe(ITEMS.length + 1);
    const items = e.sections.filter((s) => s.number?.startsWith('§'));
    expect(items.map((s) => s.number)).toEqual(ITEMS.map((_, i) => `§ ${i + 1}`));
    // The item's title, set as its own line under "§ N  Dnr …", is its heading.
    expect(items.map((s) => s.heading)).toEqual(ITEMS.map(([title], i) => `§ ${i + 1} ${title}`));
    expect(e.decisions.map((d) => d.text)).toEqual(ITEMS.map(() => 'Nämnden för Kultur & Fritid noterar informationen till protokollet.'));
    expect(e.caseNumbers).toEqual(ITEMS.map((_, i) => `KFT-2024-0001${i + 1}`));
    // The letterhead is kept once, as the page header, not as text of every item.
    expect(doc.pageHeader.join(' ')).toContain('KUNGSBACKA KOMMUN');
    expect(doc.blocks.filter((b) => b.text.includes('SAMMANTRÄDESPROTOKOLL'))).toHaveLength(0);
  });
});
