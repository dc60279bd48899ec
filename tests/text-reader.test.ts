import { describe, expect, it } from 'vitest';
import { decodeText } from '../ingest/read-text.ts';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { ReadError } from '../ingest/read-error.ts';

const win1252 = (s: string) => Uint8Array.from([...s].map((c) => { const code = c.charCodeAt(0); return code === 0x2013 ? 0x96 : code; }));

describe('text decoding', () => {
  it('keeps UTF-8 as it is', () => {
    const r = decodeText('a.txt', new TextEncoder().encode('Överenskommelse om kompetensförsörjning – Åmål'));
    expect(r).toEqual({ text: 'Överenskommelse om kompetensförsörjning – Åmål', encoding: 'utf-8' });
  });

  it('detects Windows-1252 (old Swedish archives) and converts it', () => {
    const r = decodeText('old.txt', win1252('Sammanträde i Västerås – närvarande ledamöter: Åsa Öberg'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('Sammanträde i Västerås – närvarande ledamöter: Åsa Öberg');
  });

  it('rejects binary junk named .txt', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(() => decodeText('junk.txt', junk)).toThrow(ReadError);
    expect(() => decodeText('junk.txt', junk)).toThrow(/binary content/);
  });
});

describe('text → blocks', () => {
  it('keeps headings, tab tables, list items and strike-through', () => {
    const blocks = textToBlocks('## Protokoll\n\nJohanna Martin (M)\tAskersund kommun\n~~Anna Nordqvist (M)~~\tDegerfors kommun\n\n- Specialkost\n- Integration\n\nEtt stycke\nsom fortsätter.');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'table-row', 'table-row', 'list-item', 'list-item', 'paragraph']);
    expect(blocks[2]!.text).toBe('Anna Nordqvist (M)\tDegerfors kommun');
    expect(blocks[2]!.inlines).toEqual([{ text: 'Anna Nordqvist (M)', struck: true, cell: 0 }, { text: 'Degerfors kommun', cell: 1 }]);
    expect(blocks[5]!.text).toBe('Ett stycke\nsom fortsätter.');
  });

  it('treats form feeds as page breaks', () => {
    expect(textToBlocks('Sida ett.\fSida två.').map((b) => b.page)).toEqual([1, 2]);
  });
});

describe('tables laid out by spaces (a PDF exported by pdftotext -layout)', async () => {
  const { cellTexts } = await import('../lib/blocks.ts');
  const { extractDocument } = await import('../extract/index.ts');
  const { cleanDocument } = await import('../ingest/clean.ts');
  const LAYOUT = [
    'Protokoll Socialnämnden 2024-10-16',
    '',
    'Beslutande',
    'Namn                          Parti  Uppdrag              Tjänstgörande          Ersätter',
    'Karin Lindqvist-Åberg         M      Ordförande            Tjänstgörande',
    'Per-Olof Hägg                 M      Ledamot               Tjänstgörande, ej § 88',
    'Tomas Wennerholm              S      Ersättare             Tjänstgörande          Margareta Johansson (S)',
    'Oskar Pettersson              C      Ersättare             Ej tjänstgörande',
    '',
    'Socialnämnden beslutar att godkänna uppföljningen. Nämnden noterar  informationen.',
  ].join('\n');

  it('reads the rows of a text file as table rows, one cell per column, an empty cell in its place', () => {
    const rows = textToBlocks(LAYOUT, { layoutTables: true }).filter((b) => b.kind === 'table-row').map(cellTexts);
    expect(rows[1]).toEqual(['Karin Lindqvist-Åberg', 'M', 'Ordförande', 'Tjänstgörande', '']);
    expect(rows[3]).toEqual(['Tomas Wennerholm', 'S', 'Ersättare', 'Tjänstgörande', 'Margareta Johansson (S)']);
    expect(rows).toHaveLength(5);
  });

  it('gives the persons with their attendance; a sentence with two spaces stays a paragraph; Markdown is left alone', () => {
    const blocks = textToBlocks(LAYOUT, { layoutTables: true });
    expect(blocks.at(-1)).toMatchObject({ kind: 'paragraph' });
    const doc = cleanDocument({ source: 'p.txt', fileName: 'p.txt', format: 'txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks });
    const persons = Object.fromEntries(extractDocument(doc, { chunkWords: 250 }).extraction.persons.map((p) => [p.name, p.attendance]));
    expect(persons).toMatchObject({ 'Karin Lindqvist-Åberg': 'present', 'Per-Olof Hägg': 'present', 'Tomas Wennerholm': 'present', 'Margareta Johansson': 'absent', 'Oskar Pettersson': 'present' });
    expect(textToBlocks(LAYOUT).some((b) => b.kind === 'table-row')).toBe(false);
  });
});

describe('a text export without blank lines between an item\'s parts', async () => {
  const { extractDocument } = await import('../extract/index.ts');
  const { cleanDocument } = await import('../ingest/clean.ts');
  const TEXT = 'Protokoll Direktionen 2024-06-13\n\n§ 31 Tertialrapport 1 2024\nDiarienummer: 2024-000098\nSammanfattning av ärendet\nEkonomichefen redovisar rapporten.\nDirektionens beslut\nDirektionen godkänner tertialrapport 1 2024.\n§ 32 Handlingsprogram\nBeslut\nDirektionen antar handlingsprogrammet.';
  it('starts a block at each item and subheading line, so each item has its decision and case number', () => {
    const blocks = textToBlocks(TEXT, { layoutTables: true });
    expect(blocks.map((b) => b.text)).toContain('Beslut');
    const doc = cleanDocument({ source: 'p.txt', fileName: 'p.txt', format: 'txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks });
    const e = extractDocument(doc, { chunkWords: 250 }).extraction;
    expect(e.decisions.map((d) => d.text)).toEqual(['Direktionen godkänner tertialrapport 1 2024.', 'Direktionen antar handlingsprogrammet.']);
    expect(e.sections.find((s) => s.number === '§ 31')?.caseNumber).toBe('2024-000098');
    // Markdown keeps its paragraphs as written.
    expect(textToBlocks(TEXT).some((b) => b.text === 'Beslut')).toBe(false);
  });

  // An item heading wraps over a line, or ends where a sentence starts; its "Dnr …" line is a block of its own.
  const parts: [string, string, string[]][] = [
    ['a wrapped title goes on, the Dnr line stands alone', '§ 86 Yttrande till Inspektionen för vård och omsorg efter tillsyn av\nbarnavårdsutredningar\nDnr IFN 2024/64\nÄrendebeskrivning',
      ['§ 86 Yttrande till Inspektionen för vård och omsorg efter tillsyn av\nbarnavårdsutredningar', 'Dnr IFN 2024/64', 'Ärendebeskrivning']],
    ['a title wrapped before a name, after a word no title ends on', '§ 87 Överenskommelse med\nVästra Götalandsregionen\nDnr IFN 2024/71', ['§ 87 Överenskommelse med\nVästra Götalandsregionen', 'Dnr IFN 2024/71']],
    ['the sentence under the heading is no part of it', '§ 88 Individärende – sekretess\nJonas Ek (SD) anmäler jäv och deltar inte.', ['§ 88 Individärende – sekretess', 'Jonas Ek (SD) anmäler jäv och deltar inte.']],
    ['a kallelse\'s "Ärende 4" line', 'Ärende 4 Bygglov för flerbostadshus\nDnr MBN 2024-000412\nTierpsbyggden AB ansöker om bygglov.', ['Ärende 4 Bygglov för flerbostadshus', 'Dnr MBN 2024-000412', 'Tierpsbyggden AB ansöker om bygglov.']],
    ['"Dnr" in running text without a number stays in its sentence', 'Nämnden noterar informationen.\nDnr saknas i ärendet.', ['Nämnden noterar informationen.\nDnr saknas i ärendet.']],
  ];
  it.each(parts)('%s', (_, input, want) => expect(textToBlocks(input, { layoutTables: true }).map((b) => b.text)).toEqual(want));
});

describe('Markdown comments and front matter', () => {
  const cases: [string, string, { kinds?: string[]; texts?: string[]; pages?: number[] }][] = [
    ['a page marker sets the page and is not text', '<!-- sida 1 -->\n\nProtokoll\n\n<!-- sida 2 -->\n\n§ 1 Dnr KS-2024-00001', { texts: ['Protokoll', '§ 1 Dnr KS-2024-00001'], pages: [1, 2] }],
    ['any other HTML comment is dropped, also across lines', 'Före <!-- dold --> efter\n<!-- rad ett\nrad två -->\nSist', { texts: ['Före  efter\nSist'] }],
    ['YAML front matter is metadata, not the title', '---\ntitle: Protokoll KS\ndate: 2024-01-01\n---\n# Kommunstyrelsen\n', { texts: ['Kommunstyrelsen'], kinds: ['heading'] }],
    ['a thematic break later on is not front matter', 'Text\n---\nmer', { texts: ['Text\n---\nmer'] }],
  ];
  it.each(cases)('%s', (_, input, want) => {
    const blocks = textToBlocks(input);
    if (want.texts) expect(blocks.map((b) => b.text)).toEqual(want.texts);
    if (want.kinds) expect(blocks.map((b) => b.kind)).toEqual(want.kinds);
    if (want.pages) expect(blocks.map((b) => b.page)).toEqual(want.pages);
  });
});

describe('Markdown tables', () => {
  it('become table rows of cells; the separator row is dropped, <br> is a space', () => {
    const blocks = textToBlocks('|  | Ärende | Beteckning |\n| --- | --- | --- |\n| 1. | Informations-<br>beskrivning | 2024-00001 |');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([['table-row', '\tÄrende\tBeteckning'], ['table-row', '1.\tInformations- beskrivning\t2024-00001']]);
  });
});

describe('inline Markdown → marked runs', async () => {
  const { markdownRuns } = await import('../ingest/text-blocks.ts');
  const cases: [string, string, ReturnType<typeof markdownRuns>][] = [
    ['bold', '**Beslut:** godkänns', [{ text: 'Beslut:', strong: true }, { text: ' godkänns' }]],
    ['strike-through in three spellings', '~~A~~ <s>B</s> <del>C</del>', [{ text: 'A', struck: true }, { text: ' ' }, { text: 'B', struck: true }, { text: ' ' }, { text: 'C', struck: true }]],
    ['emphasis and links keep only their words', 'se *bilaga* och [protokollet](https://x.se/p.pdf)', [{ text: 'se bilaga och protokollet' }]],
    ['a lone ** is dropped, not a mark', 'a ** b', [{ text: 'a ' }, { text: ' b' }]],
    ['struck inside bold', '**Anna <del>Ek</del>**', [{ text: 'Anna ', strong: true }, { text: 'Ek', strong: true, struck: true }]],
  ];
  it.each(cases)('%s', (_, input, want) => expect(markdownRuns(input)).toEqual(want));
});
