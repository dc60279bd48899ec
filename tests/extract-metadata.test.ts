import { describe, expect, it } from 'vitest';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { HAS_SEEDS, LIMITS, seed, tempDir } from './helpers.ts';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';
import { metadataDate } from '../ingest/metadata-date.ts';
import type { CleanDocument } from '../lib/schema.ts';

async function extractFile(file: string) {
  return extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 });
}

function fromText(text: string, fileName = 'x.txt'): CleanDocument {
  return cleanDocument({ source: fileName, fileName, format: 'txt', sha256: '0'.repeat(64), bytes: text.length, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks: textToBlocks(text) });
}

describe('metadata from text', () => {
  it('reads a protocol header: title, type, body, date from "Tid:", location, diarienummer', () => {
    const { extraction: e } = extractDocument(fromText([
      '## Protokoll Kommunstyrelsen i Arvika', '', 'Tid: Tisdag 14 maj 2024 kl 13.00–16.30', '', 'Plats: Stadshuset, sal A', '', 'Dnr KS 2024/112', '',
      '§ 1 Val av justerare', '', 'Anna Berg (S) valdes till justerare tillsammans med ordföranden.',
    ].join('\n')), { chunkWords: 250 });
    expect(e).toMatchObject({
      title: 'Protokoll Kommunstyrelsen i Arvika', docType: 'protokoll', body: 'Kommunstyrelsen', date: '2024-05-14',
      mandatePeriod: '2023-2026', location: 'Stadshuset, sal A', diarienummer: 'KS 2024/112',
    });
    expect(e.sections.map((s) => [s.number, s.heading])).toContainEqual(['§ 1', '§ 1 Val av justerare']);
  });

  it("gives the items' case numbers where the item's heading has them on its next line or wraps them, or its text opens with them, not a number further down", () => {
    const { extraction: e } = extractDocument(fromText([
      'Protokoll Socialnämnden', '', 'Tid: 2024-05-14 kl 13.00', '',
      '§ 12', 'Dnr SN 2024/0456', 'Budgetuppföljning april', '', 'Beslut', '', 'Socialnämnden godkänner uppföljningen.', '',
      '§ 13 Information om hemtjänsten', '', 'Diarienummer: SN 2024/0460', '', 'Förvaltningen informerar om läget i hemtjänsten och om den nya organisationen.', '',
      '§ 14 Dnr SN-2024-', '00470', 'Avgifter', '', 'Beslut', '', 'Socialnämnden antar avgifterna.', '',
      '## § 15 Dnr 2024-00480 Rapport', '', 'Förvaltningen redovisar rapporten för nämnden i sin helhet.', '',
      '§ 16 Yttrande över detaljplan', '', 'Ärendet gäller en remiss i ärende med dnr 526-12345-2023 från länsstyrelsen.',
    ].join('\n')), { chunkWords: 250 });
    expect(e.caseNumbers).toEqual(expect.arrayContaining(['SN 2024/0456', 'SN 2024/0460', 'SN-2024-00470', '2024-00480']));
    expect(e.caseNumbers).not.toContain('526-12345-2023');
  });

  it("gives every number of an item's heading, keeps them out of its title, and reads an agenda line numbered 'Ärende 5' or carrying its number in brackets", () => {
    const { extraction: e } = extractDocument(fromText([
      'Protokoll Socialnämnden', '', 'Tid: 2024-05-14 kl 13.00', '',
      '§ 45                        Dnr IFO-2024-00123, IFO-2024-00130', 'Yttrande till IVO', '', 'Beslut', '', 'Nämnden antar yttrandet.', '',
      '§ 46                        Dnr IFO-2024-00140 och IFO-2024-00141', 'Anmälan av delegeringsbeslut', '', 'Beslut', '', 'Nämnden godkänner anmälan.',
    ].join('\n')), { chunkWords: 250 });
    expect(e.caseNumbers).toEqual(['IFO-2024-00123', 'IFO-2024-00130', 'IFO-2024-00140', 'IFO-2024-00141']);
    expect(e.sections.filter((s) => s.number).map((s) => s.heading)).toEqual(['§ 45 Yttrande till IVO', '§ 46 Anmälan av delegeringsbeslut']);
    const { extraction: k } = extractDocument(fromText([
      'Kallelse Socialnämnden', '', 'Tid: 2024-05-14 kl 13.00', '',
      'Ärende 5 Budget 2025, dnr SN 2024/12', '', 'Förvaltningen redovisar förslaget till budget för nästa år i sin helhet.', '',
      '6. Taxor (SN 2024/13)', '', 'Förvaltningen redovisar förslaget till nya taxor för nästa år i sin helhet.', '',
      '7. Budget 2025/26', '', 'Förvaltningen redovisar en prognos för två år framåt i sin helhet här.',
    ].join('\n')), { chunkWords: 250 });
    expect(k.caseNumbers).toEqual(['SN 2024/12', 'SN 2024/13']);
    expect(k.sections.map((s) => s.number)).toEqual(expect.arrayContaining(['5', '6']));
  });

  it("reads an agenda table's case column where the table goes on over a page without its header, not another table's cells", () => {
    const { extraction: e } = extractDocument(fromText([
      'Kallelse Socialnämnden', '', 'Tid: 2024-05-14 kl 13.00', '',
      '| | Ärende | Beteckning | Förslag |', '| --- | --- | --- | --- |', '| 1. | Budget | SN 2024/0456 | Nämnden godkänner. |', '',
      'Kungsbacka kommun, Sida 2 av 3', '',
      '| 2. | Taxor | SN 2024/0460 | Nämnden antar taxan. |', '| 3. | Information | SN 2024/0461 | |', '',
      'Kontaktpersoner', '',
      '| Anna Ek | 0300-12345 | SN 2024/0999 | |',
    ].join('\n')), { chunkWords: 250 });
    expect(e.caseNumbers).toEqual(expect.arrayContaining(['SN 2024/0456', 'SN 2024/0460', 'SN 2024/0461']));
    expect(e.caseNumbers).not.toContain('SN 2024/0999');
  });

  it("reads a tjänsteskrivelse's case number under another label, not the addressee's", () => {
    const { extraction: e } = extractDocument(fromText('Tjänsteskrivelse\n\nDatum: 2024-03-01\nErt dnr: Fi2024/00123\nVår beteckning: KS 2024/0077\n\nKommunstyrelsen föreslås lämna yttrande över remissen från Finansdepartementet.'), { chunkWords: 250 });
    expect(e.diarienummer).toBe('KS 2024/0077');
  });

  it('prefers the meeting date in the title over the document date, resolving its year from it', () => {
    const { extraction: e } = extractDocument(fromText('Datum\n2023-02-20\n\nAnteckningar från studieresan 9-10 februari med Regionala samverkansrådet.\n\nText om resan som var lång och givande för alla.'), { chunkWords: 250 });
    expect(e).toMatchObject({ docType: 'anteckningar', date: '2023-02-09', body: 'Regionala samverkansrådet', organisation: 'Region Örebro län' });
  });

  it('composes a title from type, body and date when the document has none', () => {
    const { extraction: e } = extractDocument(fromText('Datum\n2024-11-18\n\nNärvarande\n\n1. Ordförande öppnar mötet och hälsar välkommen till dagens möte.\n\nFöregående minnesanteckningar finns i Teams. Rådet för idéburna diskuterade.'), { chunkWords: 250 });
    expect(e.title).toBe('Minnesanteckningar Rådet för idéburna 2024-11-18');
  });

  it('falls back to a date in the file name, and to "other" with no type word anywhere', () => {
    const { extraction: e } = extractDocument(fromText('Referensgrupp strukturella metadata\n\nVi gick igenom förslaget och alla hade synpunkter på det.', 'notes-2024-11-18.txt'), { chunkWords: 250 });
    expect(e).toMatchObject({ date: '2024-11-18', docType: 'other' });
  });

  const groupNotes = (title: string, participants: string[], more = '') => extractDocument(fromText([
    `# ${title}`, '', 'Närvarande', '', ...participants.flatMap((p) => [p, '']),
    'Bakgrund', '', 'Syftet med gruppen är att arbeta fram en profil för datadelning mellan myndigheterna.', '', more,
  ].join('\n'), 'inspec.txt'), { chunkWords: 250 }).extraction;
  const staff = ['Benny Lund (Bolagsverket)', 'Matthias Palmér (Digg)', 'Mattias Ekhem (Digg)', 'Michalis Vassilas (Digg)', 'Olov Johansson (SGU)', 'Peter Israelsson (Digg)'];

  it('reads notes that never name their type: minnesanteckningar of the group in the title, owned by the host of its participants', () => {
    expect(groupNotes('Strukturella Metadata - Referensgrupp 6 den 24 februari 2025', staff)).toMatchObject({
      docType: 'minnesanteckningar', body: 'Strukturella Metadata - Referensgrupp', organisation: 'Myndigheten för digital förvaltning', date: '2025-02-24',
    });
    expect(groupNotes('Styrgrupp e-arkiv 3 mars 2025', staff).body).toBe('Styrgrupp e-arkiv');
    expect(groupNotes('Nätverket för arkivarier 4', staff).body).toBe('Nätverket för arkivarier 4');
    // "drivs av" names the owner even when no participant's organisation leads.
    expect(groupNotes('Arbetsgrupp 5 metadata', staff.slice(0, 2), 'Arbetet drivs av Lantmäteriet och pågår hela året.').organisation).toBe('Lantmäteriet');
  });

  it('names no owner when no participant organisation leads; a record with § items and justering is a protocol', () => {
    expect(groupNotes('Referensgrupp 5', ['Benny Lund (Bolagsverket)', 'Erik Mossing (Bolagsverket)', 'Olov Johansson (SGU)', 'Tomas Lindberg (SGU)']).organisation).toBeNull();
    // A record with § items and justering is a protocol.
    expect(groupNotes('Referensgrupp 5', staff, '§ 1 Val av justerare\n\nBenny Lund utses till justerare.\n\nJusteras: Benny Lund').docType).toBe('protokoll');
  });
});

describe.skipIf(!HAS_SEEDS)('metadata of the real seeds', () => {
  it.each([
    ['000', { title: 'Minnesanteckningar Ordföranderåd 18 mars 2022', docType: 'minnesanteckningar', body: 'Ordföranderådet', organisation: 'Region Värmland', date: '2022-03-18', location: 'Gustaf Fröding Hotell' }],
    ['001', { docType: 'anteckningar', body: 'Regionala samverkansrådet', organisation: 'Region Örebro län', date: '2023-02-09' }],
    ['002', { title: 'Samverkansavtal Värmland första mandatperioden 2019–2022', docType: 'pm', body: 'Värmlandsrådet', date: '2022-11-21', mandatePeriod: '2019-2022' }],
    ['003', { docType: 'protokoll', date: '2020-02-26', body: 'Specifikt samverkansråd för skola, utbildning och kompetensförsörjning', organisation: 'Region Örebro län', location: 'Konferenslokal Almen, Eklundavägen 2, Örebro' }],
    ['004', { docType: 'minnesanteckningar', date: '2024-11-18', diarienummer: 'RS/240542', body: 'Rådet för idéburna' }],
  ] as const)('seed %s', async (id, expected) => {
    const { extraction } = await extractFile(seed(id));
    expect(extraction).toMatchObject(expected);
  });

  it('seed 003: sections are the numbered agenda items and contain the page header at most once', async () => {
    const { extraction: e, chunks } = await extractFile(seed('003'));
    const numbers = e.sections.map((s) => s.number).filter(Boolean);
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    const all = e.sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
    expect(all.match(/Tjänsteställe/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(all.match(/Sekreterare\s+Anna Elverskog/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(chunks.length).toBeGreaterThanOrEqual(e.sections.length - 5);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it('seed 000: speaker lines stay inside their agenda item', async () => {
    const { extraction: e } = await extractFile(seed('000'));
    const ukraina = e.sections.find((s) => s.heading === 'Situationen i Ukraina');
    expect(ukraina?.text).toMatch(/^Jan-Olov Ragnarsson, Kils kommun och Lars Christensen, Region Värmland/);
    expect(e.sections.map((s) => s.heading)).not.toContain('Stina Höök och Malin Wikner, Region Värmland');
  });
});

describe('metadata that does not lean on the file name', () => {
  // Real documents under a name that says nothing ("dokument.pdf"), as an archive's export may name them.
  const real = (dir: string, file: string) => path.join(PROJECT_ROOT, 'data', 'real', dir, file);
  async function underNeutralName(source: string) {
    const t = tempDir('neutral');
    try {
      const to = path.join(t.dir, `dokument${path.extname(source)}`);
      copyFileSync(source, to);
      return await extractFile(to);
    } finally { t.cleanup(); }
  }

  it('reads a kallelse from its first line "KALLELSE/UNDERRÄTTELSE", though its proposals say "till protokollet" throughout', async () => {
    const { extraction: e } = await underNeutralName(real('kungsbacka', '019_service-2025-11-27-kallelse.md'));
    expect(e).toMatchObject({ docType: 'kallelse', date: '2025-11-27' });
  });

  it('gives a date written without its year ("Referensgrupp 18 nov") the year of the PDF\'s creation date', async () => {
    const { extraction: e } = await underNeutralName(real('authorities', '101_digg-inspec-referensgrupp-2024-11-18.pdf'));
    expect(e.date).toBe('2024-11-18');
  });

  it.each([
    ['D:20241121002956Z', '2024-11-21'], ["D:20250224140121+01'00'", '2025-02-24'], ['2024-11-21T00:29:56Z', '2024-11-21'], ['2026-03-10', '2026-03-10'],
    ['D:20241341', null], ['igår', null], ['', null], [undefined, null], [20241121, null],
  ] as const)('reads the metadata date %s as %s', (value, want) => expect(metadataDate(value)).toBe(want));
});
