import { describe, expect, it } from 'vitest';
import { findCaseNumbers, isCaseNumber } from '../extract/case-numbers.ts';

describe('diarienummer forms', () => {
  const found: [string, string[]][] = [
    ['§ 1                        Dnr KFT-2024-00011', ['KFT-2024-00011']],
    ['Dnr KS 2023–00456', ['KS 2023–00456']],
    ['Diarienummer: ABC/220099', ['ABC/220099']],
    ['Dnr KS 2023/214. Dnr KS 2023/214 igen', ['KS 2023/214']],
    ['Diarienummer RS/240542', ['RS/240542']],
    ['Dnr 23RS1234', ['23RS1234']],
    ['Dnr 2024-00123', ['2024-00123']],
    // Several after one label, a serial before its year, a colon, a prefix of two parts, other labels.
    ['Dnr KS-2024-00011, KS-2024-00012 och KS-2024-00013', ['KS-2024-00011', 'KS-2024-00012', 'KS-2024-00013']],
    ['ärende med dnr 5919-2024, gällande sanktionsavgift', ['5919-2024']],
    ['Dnr: 123/2024', ['123/2024']],
    ['Dnr KS/2023:456', ['KS/2023:456']],
    ['Diarienummer SBF-BN 2024-0012', ['SBF-BN 2024-0012']],
    // The document's own reference, not the addressee's ("Er referens", "Ert dnr": another body's case).
    ['Vårt dnr: BUN 2024/77  Er referens: Fi2024/01234', ['BUN 2024/77']],
    ['Ert dnr KS 2024/12', []],
    ['Ärende nr 2025.123', ['2025.123']],
    ['§ 12 Dnr KS-2024-\n00826 och Dnr BN-\n2025-000147', ['KS-2024-00826', 'BN-2025-000147']],
    // Forms of Swedish municipal, regional and state registries.
    ['Dnr KS 2023/123', ['KS 2023/123']],
    ['Dnr: BN 2024-00012', ['BN 2024-00012']],
    ['Diarienummer 2023-000123', ['2023-000123']],
    ['Dnr RS 2022-0456', ['RS 2022-0456']],
    ['Ärendenummer: MBN-2023-1234', ['MBN-2023-1234']],
    ['Vår beteckning KS 2024/0123', ['KS 2024/0123']],
    ['Diarienr: SBN 2021-12345', ['SBN 2021-12345']],
    ['Dnr KSN-2023-01234', ['KSN-2023-01234']],
    ['Dnr RJL 2023/1234', ['RJL 2023/1234']],
    ['Dnr KS2024/0123', ['KS2024/0123']],
    ['Diarienummer: KS 2023.0456', ['KS 2023.0456']],
    ['dnr. KS.2024.123', ['KS.2024.123']],
    ['Ärendebeteckning KFN 2024/17', ['KFN 2024/17']],
    // An organ's letters with a lower-case "o": Barn- och utbildningsnämnden, Socialnämnden.
    ['Dnr BoU 2023/45', ['BoU 2023/45']],
    // A classification code of the archive plan before the year; a county board's code-serial-year.
    ['Dnr 1.2.3-2024-001', ['1.2.3-2024-001']],
    ['Dnr 3.1.1-2023-123', ['3.1.1-2023-123']],
    ['Dnr 526-12345-2023', ['526-12345-2023']],
    // A two-digit year: serial/year (older municipal registries), year/serial (Norwegian), an agency's prefix-serial-year.
    ['Dnr 0123/21', ['0123/21']],
    ['Dnr KS 0456/19', ['KS 0456/19']],
    ['Dnr NV-01234-23', ['NV-01234-23']],
    ['FI Dnr 23-12345', ['23-12345']],
    ['Saksnr 23/1234', ['23/1234']],
    ['Arkivsak 22/00456', ['22/00456']],
    // A document's number within the case after the case's.
    ['Dnr KS 2023/01234-1.1.2', ['KS 2023/01234-1.1.2']],
    ['Vår ref. 23/01234-5', ['23/01234-5']],
    // An en dash after the organ's letters as well as after the year; spaces around the dash.
    ['Dnr TN–2025–00170', ['TN–2025–00170']],
    ['Dnr KS 2024 - 00123', ['KS 2024 - 00123']],
    // "Ärende:" as a label (a kallelse's item line), a state agency's code-serial/year (IVO, Socialstyrelsen).
    ['Ärende: 2024/123', ['2024/123']],
    ['Diarienummer 3.5.1-12345/2024', ['3.5.1-12345/2024']],
    ['Dnr 8.5-4711/2023', ['8.5-4711/2023']],
    // The label on one line, its number on the next.
    ['Dnr:\nSBN 2024/17', ['SBN 2024/17']],
  ];
  it.each(found)('finds it in %s', (text, want) => expect(findCaseNumbers(text)).toEqual(want));

  // Not case numbers: dates, a span of years, a law's SFS number or a time without a label, a traffic regulation's county code.
  const none = ['Datum 2024-01-24', 'Dnr saknas', 'Dnr §12', 'Dnr 12 maj', 'Vår referens Anna Ek', 'Beteckning: Detaljplan för Kungsbacka 4:12', 'Dnr 2023', 'fastighetsbeteckning Kungsbacka 4:12', 'KF §137 Uppdrag', 'Klockan 17:00-20:00', 'Dnr 2024-01-24', 'Dnr 2024-2025', 'säkerhetsskyddslagen (2018:585)', 'med diarienummer 1384 2026-00048', 'Ärende 5 Budget 2025', 'Ärende: 2024-05-02', 'Ärende: Val av justerare 2024'];
  it.each(none)('finds none in %s', (text) => expect(findCaseNumbers(text)).toEqual([]));

  it('knows a bare case number from a date', () => {
    expect(isCaseNumber('2024-00001')).toBe(true);
    expect(isCaseNumber('KS 2023/214')).toBe(true);
    expect(isCaseNumber('2024-01-24')).toBe(false);
    expect(isCaseNumber('Ordförande')).toBe(false);
  });
});

describe('a label that ends its line', async () => {
  const { endsWithLabel } = await import('../extract/case-numbers.ts');
  it.each([['§ 12                     Dnr', true], ['§ 12 Diarienummer:', true], ['§ 12 Dnr KS 2024/12', false], ['Ert dnr', false], ['Kundnr', false], ['Val av justerare', false]] as const)('%s', (line, want) => expect(endsWithLabel(line)).toBe(want));
});

describe('case numbers without a label', async () => {
  const { findUnlabelledCaseNumbers, caseNumbersInTable } = await import('../extract/case-numbers.ts');
  const cases: [string, string[]][] = [
    ['Beredning av motion - Kulturell allemansrätt på skoltid (KS-2024-00583)', ['KS-2024-00583']],
    ['pyrotekniska varor - KS-2024-\n00826', ['KS-2024-00826']],
    ['tillståndsförfaranden för förnybar energi, KN2024/02249', ['KN2024/02249']],
    ['remiss av promemorian Biträde åt väljare (Ju2024/00970)', ['Ju2024/00970']],
    ['Investeringsplan 2025-2029', []],
    ['Motion om cykelvägar (TN–2025–00412)', ['TN–2025–00412']],
    ['Avgifter 2024–2025 och 2025-2026', []],
    ['Budget 2024/2025 och Rapport 2023/24, KS 2024/2025', []],
    ['Datum 2024-01-24, kl. 2024-00001', []],
    // The shapes of other municipalities and regions: prefix, space and dash; a dot; slash and colon; the region's "24RS6712"
    ['§ 4 Bygglov Tierp 3:45            MBN 2024-000412', ['MBN 2024-000412']],
    ['Taxa 2025 (SN 2024.112), Gång- och cykelväg TN/2024:112, Budget ON 2024:17', ['SN 2024.112', 'TN/2024:112', 'ON 2024:17']],
    ['Yttrande till IVO 24RS6712', ['24RS6712']],
    ['not ok: Lag (SFS 2018:218), föreskrifter MSBFS 2021:1, EU 2024-2027, betänkandet SOU 2024:23', []],
  ];
  it.each(cases)('%s', (text, want) => expect(findUnlabelledCaseNumbers(text)).toEqual(want));

  it('reads the "Beteckning" column of an agenda table, and no other', () => {
    expect(caseNumbersInTable([['', 'Ärende', 'Beteckning', 'Förslag'], ['1.', 'Förändring av ärendelista', '2024-00001', ''], ['', 'Val av justerare', '', 'Ordinarie: Reneé Sylvan (S)']])).toEqual(['2024-00001']);
    expect(caseNumbersInTable([['Namn', 'Parti'], ['Anna Ek', 'M']])).toEqual([]);
    // Another column label, a number wrapped in its cell; without such a header no cell (a list of delegation decisions, of letters received).
    expect(caseNumbersInTable([['Nr', 'Ärende', 'Ärendenr'], ['1', 'Budget', 'BN-2025-\n000147']])).toEqual(['BN-2025-000147']);
    expect(caseNumbersInTable([['1.', 'Budget 2025', 'KS-2024-00123'], ['2.', 'Taxor', '2024-00124']])).toEqual([]);
    // A narrow column's label wrapped at its hyphen.
    expect(caseNumbersInTable([['', 'Ärende', 'Ärende- nummer'], ['1.', 'Budget', 'KS 2024/17']])).toEqual(['KS 2024/17']);
    expect(caseNumbersInTable([['', 'Ärende', 'Beteck-\nning'], ['1.', 'Budget', 'KS-2024-00017']])).toEqual(['KS-2024-00017']);
  });

  it('reads an agenda whose columns a text export pushed together, on its header\'s page only', async () => {
    const { textToBlocks } = await import('../ingest/text-blocks.ts');
    const { cleanDocument } = await import('../ingest/clean.ts');
    const { extractDocument } = await import('../extract/index.ts');
    const text = 'Kallelse Miljö- och byggnadsnämnden 2024-12-05\n\nNr Ärende                              Dnr              Föredragande\n'
      + '3    Information från Länsstyrelsen om MBN 2024-000388 Karin Wiik,\n     strandskyddsdispenser                  Länsstyrelsen\n'
      + '4    Bygglov för flerbostadshus, Tierp MBN 2024-000412 Reza Tehrani\n\nÖvrigt: ärendet MBN 2023-000111 avgjordes i fjol.\n'
      + '\f5    Besvarade skrivelser MBN 2023-000222 redovisas.\n';
    const blocks = textToBlocks(text, { layoutTables: true });
    const doc = cleanDocument({ source: 'k.txt', fileName: 'k.txt', format: 'txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount: 2, metaTitle: null, blocks });
    const e = extractDocument(doc, { chunkWords: 250 }).extraction;
    const found = e.caseNumbers ?? [];
    expect(found).toEqual(expect.arrayContaining(['MBN 2024-000388', 'MBN 2024-000412']));
    // (a line of running text, and an item-led line on the next page, are no agenda rows)
    expect(found).not.toContain('MBN 2023-000111');
    expect(found).not.toContain('MBN 2023-000222');
  });
});
