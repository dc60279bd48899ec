import { describe, expect, it } from 'vitest';
import { readLetterhead } from '../extract/letterhead.ts';

describe('letterhead', () => {
  const cases: [string, string, { organisation: string | null; body: string | null; typeWord?: string | null }][] = [
    ['organisation in capitals, organ under it', 'KUNGSBACKA KOMMUN                  SAMMANTRÄDESPROTOKOLL\nNämnden för Kultur & Fritid\nDatum\n2024-01-24', { organisation: 'Kungsbacka kommun', body: 'Nämnden för Kultur & Fritid' }],
    ['an organ the lexicon does not know stays as written', 'KUNGSBACKA KOMMUN   SAMMANTRÄDESPROTOKOLL\nValnämnd\nDatum', { organisation: 'Kungsbacka kommun', body: 'Valnämnd' }],
    ['a working committee is not its parent', 'ARVIKA KOMMUN   PROTOKOLL\nKommunstyrelsens arbetsutskott', { organisation: 'Arvika kommun', body: 'Kommunstyrelsens arbetsutskott' }],
    ['an organ line without letterhead', 'KALLELSE/UNDERRÄTTELSE\nUpprättad\n2024-10-25\nNämnden  för Miljö & Hälsoskydd', { organisation: null, body: 'Nämnden för Miljö & Hälsoskydd' }],
    ['a field under the letterhead is no body', 'KUNGSBACKA KOMMUN\nDatum\n2024-01-01', { organisation: 'Kungsbacka kommun', body: null }],
    ['no letterhead', 'Minnesanteckningar\nOrdföranderådet 18 mars 2022', { organisation: null, body: null }],
    ['the type in the organ line\'s second column', 'KUNGSBACKA KOMMUN\nKommunrevisionen                   SAMMANTRÄDESANTECKNINGAR        2 (7)', { organisation: 'Kungsbacka kommun', body: 'Kommunrevisionen', typeWord: 'SAMMANTRÄDESANTECKNINGAR' }],
    ['OCR: one space before the type, the next column\'s label run onto the organ', 'KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL\nNämnden för Kultur & Fritid Datum\n2026-04-22', { organisation: 'Kungsbacka kommun', body: 'Nämnden för Kultur & Fritid', typeWord: 'SAMMANTRÄDESPROTOKOLL' }],
    ['a PDF gives the organ beside the type after the date fields', 'KUNGSBACKA KOMMUN\nDatum\n2025-06-16\nKommunrevisionen\tSAMMANTRÄDESANTECKNINGAR', { organisation: 'Kungsbacka kommun', body: 'Kommunrevisionen', typeWord: 'SAMMANTRÄDESANTECKNINGAR' }],
    ['an agenda\'s column labels under the letterhead are no body', 'KUNGSBACKA KOMMUN\nÄrende\tBeteckning\tFörslag\tTid', { organisation: 'Kungsbacka kommun', body: null }],
    ['a federation in capitals owns the organ under it', 'SÖDRA ÄLVSBORGS RÄDDNINGSTJÄNSTFÖRBUND        SAMMANTRÄDESPROTOKOLL        1 (5)\nDirektionen                  Sammanträdesdatum 2024-06-13', { organisation: 'Södra Älvsborgs Räddningstjänstförbund', body: 'Direktionen', typeWord: 'SAMMANTRÄDESPROTOKOLL' }],
    ['a company in capitals', 'NORRTÄLJE ENERGI AB   PROTOKOLL\nStyrelsen', { organisation: 'Norrtälje Energi AB', body: 'Styrelsen' }],
    ['an organ named "X- och Y-nämnden" under its owner in mixed case', 'Tierps kommun                 KALLELSE\nMiljö- och byggnadsnämnden    2024-11-28', { organisation: null, body: 'Miljö- och byggnadsnämnden', typeWord: 'KALLELSE' }],
    ['OCR: the organ with its field label run on, a committee of a board', 'Borlänge kommun PROTOKOLL\nSocialnämndens individutskott Sammanträdesdatum: 2024-12-10', { organisation: null, body: 'Socialnämndens individutskott' }],
    ['a Word letterhead table: each cell\'s lines joined', 'LIDKÖPINGS KOMMUN Individ- och familjeomsorgsnämnden\tSAMMANTRÄDESPROTOKOLL Sammanträdesdatum 2024-10-16\t1 (5)', { organisation: 'Lidköpings kommun', body: 'Individ- och familjeomsorgsnämnden', typeWord: 'SAMMANTRÄDESPROTOKOLL' }],
    ['a PDF letterhead row: the type is no body', 'KUNGSBACKA KOMMUN\tSAMMANTRÄDESPROTOKOLL\nNämnden för Teknik', { organisation: 'Kungsbacka kommun', body: 'Nämnden för Teknik', typeWord: 'SAMMANTRÄDESPROTOKOLL' }],
    ['owner, dash, organ on one line', 'Minnesanteckningar\nSkaraborgs Kommunalförbund – Beredningsgrupp social hållbarhet\nDatum: 2024-10-03', { organisation: 'Skaraborgs Kommunalförbund', body: 'Beredningsgrupp social hållbarhet' }],
    ['owner, dash, organ: a region', 'Region Värmland – Ledningsgrupp för hälso- och sjukvård', { organisation: 'Region Värmland', body: 'Ledningsgrupp för hälso- och sjukvård' }],
    ['not ok: a dash in a title is no owner and organ', 'Budget 2025 – Styrelsens förslag till beslut om ramar', { organisation: null, body: null }],
    ['not ok: a heading in capitals is no owner', 'BESLUTANDE   LEDAMÖTER', { organisation: null, body: null }],
    ['not ok: an organ beside running text is no letterhead line', 'Kommunstyrelsen   beslutade i mars om budgeten', { organisation: null, body: null }],
  ];
  it.each(cases)('%s', (_, text, want) => expect(readLetterhead(text.split('\n'))).toMatchObject(want));
});
