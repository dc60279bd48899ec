import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract/index.ts';
import { cleanDocument } from '../ingest/clean.ts';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { labelledParts, labelledText, personLabel } from '../extract/person-labels.ts';

/** The persons of a document, as "name attendance" (rule) lines; the title line gives the type. */
const persons = (text: string, fileName = 'protokoll.txt') => extractDocument(cleanDocument({
  source: fileName, fileName, format: 'txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks: textToBlocks(text),
}), { chunkWords: 250 }).extraction.persons;

const PROTOCOL = 'Protokoll Socialnämnden 2025-03-12\n\n';
const KALLELSE = 'Kallelse Socialnämnden 2025-03-12\n\n';
const seen = (text: string, fileName?: string) => Object.fromEntries(persons(text, fileName).map((p) => [p.name, p.attendance]));

// First names chosen outside data/first-names.json where the position alone must make them names.
describe('persons after a label (rule person-label)', () => {
  const ok: [string, Record<string, string>][] = [
    ['Inbjudna: Jovana Petrović, kulturchef, och Siamak Rahimi, controller', { 'Jovana Petrović': 'present', 'Siamak Rahimi': 'present' }],
    ['Gäster:\nIoana Popescu, Region Halland\nChatarina Wiberg', { 'Ioana Popescu': 'present', 'Chatarina Wiberg': 'present' }],
    ['Föredragande: Nermin Begic', { 'Nermin Begic': 'present' }],
    ['Föredragande tjänsteperson: Nils-Erik Öhman, planarkitekt', { 'Nils-Erik Öhman': 'present' }],
    ['Protokollförare: Aino Lehtonen', { 'Aino Lehtonen': 'present' }],
    ['**Vid protokollet:** Pirjo Niemi', { 'Pirjo Niemi': 'present' }],
    ['Mötesordförande: Behrouz Karimi (M)', { 'Behrouz Karimi': 'present' }],
    ['Justerare: Roine Ekwall', { 'Roine Ekwall': 'present' }],
    ['Sekreterare: Evy Tord-Lund, nämndsekreterare', { 'Evy Tord-Lund': 'present' }],
    ['Protokollet justeras av Dzenana Hodzic (V) och Krzysztof Nowak (SD). Justeringen sker digitalt.', { 'Dzenana Hodzic': 'present', 'Krzysztof Nowak': 'present' }],
    ['Utses att justera: Milica Jovanović', { 'Milica Jovanović': 'present' }],
    ['Till justerare utses Maj-Britt Öst (C) med Siamak Rahimi (S) som ersättare.', { 'Maj-Britt Öst': 'present', 'Siamak Rahimi': 'present' }],
    ['Frånvarande: Bo Ekwall', { 'Bo Ekwall': 'absent' }],
    ['Adjungerade: Märta Ekdahl, PRO', { 'Märta Ekdahl': 'present' }],
    ['Övriga deltagare:\nAino Lehtonen, nämndsekreterare\nPirjo Niemi, enhetschef', { 'Aino Lehtonen': 'present', 'Pirjo Niemi': 'present' }],
    ['Kontaktperson: Chatarina Wiberg, telefon 0300-83 40 00', { 'Chatarina Wiberg': 'unknown' }],
    ['Handläggare: Tobias Wennerberg', { 'Tobias Wennerberg': 'unknown' }],
    ['Ansvarig: Jan-Olof Kvist', { 'Jan-Olof Kvist': 'unknown' }],
    // A label after a sentence, and labels on the lines of an item's paragraph.
    ['Information om hemtjänsten. Föredragande: Pirjo Niemi, verksamhetschef', { 'Pirjo Niemi': 'present' }],
    ['1. Budget 2026\nFöredragande: ekonomichef Ioana Popescu\nHandläggare: Nermin Begic', { 'Ioana Popescu': 'present', 'Nermin Begic': 'unknown' }],
    // A list of absentees ends at the next label: the invited are there.
    ['Frånvarande: Krzysztof Nowak (SD)\n\nInbjudna: Jovana Petrović, kulturchef', { 'Krzysztof Nowak': 'absent', 'Jovana Petrović': 'present' }],
    // Double and hyphenated surnames, particles.
    ['Närvarande: Lars-Åke Nilsson Berg (M), Ann-Sofie af Klercker (L)', { 'Lars-Åke Nilsson Berg': 'present', 'Ann-Sofie af Klercker': 'present' }],
    // In a table: a label cell, and a label inside an agenda item's cell.
    ['| Gäster: | Ioana Popescu, Region Halland |', { 'Ioana Popescu': 'present' }],
    ['| 3. | Informationsbeskrivning för nämnden<br>Föredragande: Pirjo<br>Niemi, arkivarie | 2024-05595 |', { 'Pirjo Niemi': 'present' }],
    // A label narrowed to an item, after a list of absentees; a longer absence label; a place after "i" is no person.
    ['Förhinder: Krzysztof Nowak, Töreboda kommun\n\nGäst under punkten om ANDTS: Jovana Petrović, Länsstyrelsen i Västra Götalands län', { 'Krzysztof Nowak': 'absent', 'Jovana Petrović': 'present' }],
    ['Frånvarande ledamot utan ersättare: Dzenana Hodzic (MP), anmält förhinder.', { 'Dzenana Hodzic': 'absent' }],
    // A bullet is one person and what describes them.
    ['Närvarande\n\n- Aino Lehtonen, Skaraborgs Sjukhus, Västra Götalandsregionen\n- Pirjo Niemi, Närhälsan Skaraborg\n- Roine Ekwall, Borås Stad, processledare', { 'Aino Lehtonen': 'present', 'Pirjo Niemi': 'present', 'Roine Ekwall': 'present' }],
  ];
  it.each(ok)('%s', (text, want) => {
    const got = seen(PROTOCOL + text);
    for (const [name, attendance] of Object.entries(want)) expect([name, got[name]]).toEqual([name, attendance]);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  });

  it('names nobody present in a kallelse (a meeting not yet held)', () => {
    expect(seen(`${KALLELSE}Föredragande: Nermin Begic\n\nJusterare: Roine Ekwall`, 'kallelse.txt')).toEqual({ 'Nermin Begic': 'unknown', 'Roine Ekwall': 'unknown' });
  });

  const notOk = [
    'Handläggare: Service Fastighet',
    'Ansvarig: Kungsbacka Kommun',
    'Ansvarig: Kommunledningskontoret, Styrning & Ekonomi',
    'Föredragande: Förvaltningen för Kultur & Fritid',
    'Föredragande: Samhällsbyggnadskontoret',
    'Föredragande: Enhetschef',
    'Deltagare: Samtliga ledamöter',
    'Deltagare: Se närvarolista',
    'Justerare: Ordföranden och vice ordföranden',
    'Ordförande: Ordföranden',
    'Kontaktperson: Kundcenter',
    'Inbjudna: Representanter för Region Halland',
    'Gäster: Hallands Konstmuseum',
    'Dnr: BN 2025-000123',
    '§ 12 Information om Kungsbacka Torg',
    'Information om Hede Station. Föredragande: Samhällsbyggnadskontoret',
    'Ärendet gäller Tölö Ängar 3:12, Gamla Kungsbackavägen 14.',
    'Plats: Stadshuset, Kungsbacka\n\nTid: 18.00–20.15',
    'Beslutet skickas till\nSökanden\nTjolöholms Slott\nFastighetsägaren',
  ];
  it.each(notOk)('no person in %s', (text) => {
    expect(persons(PROTOCOL + text)).toEqual([]);
  });
});

describe('reading labels', () => {
  it('says how the persons after a label took part', () => {
    const table: [string, string | null][] = [
      ['Inbjudna', 'present'], ['Gäster', 'present'], ['Föredragande', 'present'], ['Protokollförare', 'present'], ['Vid protokollet', 'present'],
      ['Justeras av', 'present'], ['Frånvarande', 'absent'], ['Anmält förhinder', 'absent'], ['Handläggare', 'unknown'], ['Kontaktperson', 'unknown'],
      ['Plats', null], ['Dnr', null], ['Information om', null], ['Förslag till beslut', null],
      ['Gäst under punkten om ANDTS', 'present'], ['Föredragande för punkt 3', 'present'], ['Frånvarande ledamot utan ersättare', 'absent'], ['Förslag till beslut för punkt 3', null],
    ];
    for (const [label, attendance] of table) expect([label, personLabel(label)?.attendance ?? null]).toEqual([label, attendance]);
  });

  it('splits a paragraph at its labels and a cell at labels anywhere', () => {
    expect(labelledText('Föredragande: Anna Ek; Bo Lund\nHandläggare: Eva Berg').found.map((f) => [f.label.attendance, f.lines]))
      .toEqual([['present', ['Anna Ek', 'Bo Lund']], ['unknown', ['Eva Berg']]]);
    expect(labelledText('Plats: Stadshuset')).toMatchObject({ opens: false, other: true, found: [] });
    const cell = labelledParts('Revidering av tillsynsplan Föredragande: Tina Carlson, verksamhetschef Dnr: 2024-06058');
    expect([cell.before, cell.parts.map((p) => p.text)]).toEqual(['Revidering av tillsynsplan ', ['Tina Carlson, verksamhetschef']]);
  });
});

describe('officials named with a title in running text (rule name-in-text)', () => {
  const ok: [string, Record<string, string>][] = [
    ['Controller Siamak Rahimi redovisar utfallet.', { 'Siamak Rahimi': 'present' }],
    ['Förvaltningschef Milica Jovanović informerar om läget.', { 'Milica Jovanović': 'present' }],
    ['Enhetschef Pirjo Niemi och socialsekreterare Behrouz Karimi föredrar ärendet.', { 'Pirjo Niemi': 'present', 'Behrouz Karimi': 'present' }],
    ['Ordföranden Dzenana Hodzic (S) hälsar välkommen.', { 'Dzenana Hodzic': 'present' }],
    ['Ärendet har beretts av bygglovshandläggare Nermin Begic.', { 'Nermin Begic': 'unknown' }],
  ];
  it.each(ok)('%s', (text, want) => expect(seen(PROTOCOL + text)).toEqual(want));

  const notOk = [
    'Verksamhetschef Po Centrum ansvarar för genomförandet.',
    'Förvaltningschef Service Fastighet informerar.',
    'Information om Tjolöholms Slott.',
  ];
  it.each(notOk)('no person in %s', (text) => expect(persons(PROTOCOL + text)).toEqual([]));
});

describe('persons a decision is sent to (rule recipient-person)', () => {
  it('takes the persons of the list as only named and leaves the bodies', () => {
    expect(seen(`${PROTOCOL}Beslutet skickas till\nNermin Begic, HR\nService Inköp, Service Fastighet\nVerksamhetschef Po Centrum\nTord Kvist, ekonom`))
      .toEqual({ 'Nermin Begic': 'unknown', 'Tord Kvist': 'unknown' });
    expect(seen(`${PROTOCOL}Expedieras till: Anna Ek, HR, och Kommunstyrelsen`)).toEqual({ 'Anna Ek': 'unknown' });
  });
});

describe('authors cited by initials (rule cited-author)', () => {
  it('adds a cited author once, as the person of the same name when there is one', () => {
    const got = persons(`${PROTOCOL}Närvarande: Anna Breman, vice riksbankschef\n\nSe A. Breman och B. Lagerwall (2024), ”Penningpolitik”, och S. Stancheva (2024), ”Why do we dislike inflation?”.`);
    expect(got.map((p) => [p.name, p.attendance])).toEqual([['Anna Breman', 'present'], ['B. Lagerwall', 'unknown'], ['S. Stancheva', 'unknown']]);
  });
  it('takes no initials without a year, and no abbreviation', () => {
    expect(persons(`${PROTOCOL}Enligt S. Stancheva är det så. Se bilaga 2 (2024). Beslut enl. K. 3 (2024).`)).toEqual([]);
  });
});
