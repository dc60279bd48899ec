import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../ingest/clean.ts';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { readDocument } from '../ingest/read-document.ts';
import type { Block, RawDocument } from '../lib/schema.ts';
import { textBlock } from '../lib/blocks.ts';
import { HAS_SEEDS, LIMITS, seed } from './helpers.ts';

function raw(blocks: Block[], pageCount = 1): RawDocument {
  return { source: 'x.txt', fileName: 'x.txt', format: 'txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount, metaTitle: null, blocks };
}
const fromText = (text: string) => cleanDocument(raw(textToBlocks(text)));
const lines = (page: number, ...texts: string[]): Block[] => texts.map((text) => textBlock('line', text, page));

describe('cleaning', () => {
  it('normalises to NFC and drops soft hyphens', () => {
    const decomposed = 'Ha\u0308lso- och sjukva\u030arden, kompetens\u00adförsörjning';
    expect(fromText(decomposed).blocks[0]!.text).toBe('Hälso- och sjukvården, kompetensförsörjning');
  });

  it('joins a sentence broken by a blank line', () => {
    const doc = fromText('En lagrådsremiss granskar så att det inte\n\nstrider mot någon lag.\n\nNästa stycke börjar här.');
    expect(doc.blocks.map((b) => b.text)).toEqual(['En lagrådsremiss granskar så att det inte strider mot någon lag.', 'Nästa stycke börjar här.']);
  });

  it('joins a paragraph ending in a preposition with the next one even when it starts with a capital', () => {
    const doc = fromText('Malin informerade om revidering samt översyn av\n\nVärmlandsstrategin. Presentationen följs av frågor.');
    expect(doc.blocks).toHaveLength(1);
  });

  it('keeps headings and list items apart from paragraphs', () => {
    const doc = fromText('### Situationen i Ukraina\n\nMassflyktsdirektivet är aktiverat vilket innebär\n\n- Fri rörlighet\n- Uppehållstillstånd');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item', 'list-item']);
  });

  it('removes a header block repeated at every page break of a text export and keeps it once', () => {
    const header = 'Samverkansråd för kultur\nRegion Exempel\n\nTjänsteställe\nRegional utveckling\n\nSekreterare\nKim Berg';
    const text = `${header}\n\n## Protokoll\n\nFörsta sidans text slutar mitt i en mening som\n\n${header}\n\nfortsätter på nästa sida.\n\n${header}\n\nTredje sidan.`;
    const doc = fromText(text);
    expect(doc.pageHeader).toEqual(['Samverkansråd för kultur', 'Region Exempel', 'Tjänsteställe', 'Regional utveckling', 'Sekreterare', 'Kim Berg']);
    const body = doc.blocks.map((b) => b.text).join('\n');
    expect(body).not.toContain('Tjänsteställe');
    expect(body).toContain('mitt i en mening som fortsätter på nästa sida.');
    expect(doc.blocks.at(-1)).toMatchObject({ text: 'Tredje sidan.', page: 3 });
  });

  it('removes running headers and page numbers of PDF pages and joins lines into paragraphs, keeping their line breaks as a text file does', () => {
    const doc = cleanDocument(raw([
      ...lines(1, 'Kristinehamns kommun', 'Sammanträdesprotokoll', 'Sida 1 (2)', '§ 1 Budget', 'Kommunstyrelsen beslutar att godkänna budgeten för', 'år 2024 med ändringarna.', 'Kort rad.'),
      ...lines(2, 'Kristinehamns kommun', 'Sammanträdesprotokoll', 'Sida 2 (2)', '§ 2 Organisa-', 'tionsfrågor behandlades utan beslut vid mötet i dag.'),
    ], 2));
    expect(doc.pageHeader).toEqual(['Kristinehamns kommun', 'Sammanträdesprotokoll']);
    expect(doc.blocks.map((b) => b.text)).toEqual([
      '§ 1 Budget',
      'Kommunstyrelsen beslutar att godkänna budgeten för\når 2024 med ändringarna.',
      'Kort rad.',
      '§ 2 Organisationsfrågor behandlades utan beslut vid mötet i dag.',
    ]);
  });

  it('does not take content that merely repeats (one line, "Bilaga: …") for a header', () => {
    const text = 'Punkt ett.\n\nBilaga: Presentationen som visades.\n\nPunkt två.\n\nBilaga: Presentationen som visades.\n\nPunkt tre.\n\nBilaga: Presentationen som visades.';
    expect(fromText(text).pageHeader).toEqual([]);
    expect(fromText(text).blocks).toHaveLength(6);
  });
});

describe.skipIf(!HAS_SEEDS)('cleaning the real seeds', () => {
  it('seed 003: the six-line page header appears once, as metadata, and sentences across pages are joined', async () => {
    const doc = cleanDocument(await readDocument(seed('003'), LIMITS));
    expect(doc.pageHeader).toEqual([
      'Specifikt samverkansråd för skola, utbildning och kompetensförsörjning', 'Region Örebro län och länets kommuner',
      'Tjänsteställe', 'Regional utveckling', 'Sekreterare', 'Anna Elverskog',
    ]);
    const body = doc.blocks.map((b) => b.text).join('\n');
    expect(body).not.toContain('Tjänsteställe');
    expect(body).toContain('Den frågan kommer att behandlas senare under mötet.');
    expect(body).toContain('men engagemanget i gruppen är stort.');
    expect(doc.pageCount).toBe(5);
  });

  it('seed 000: "granskar så att det inte / strider mot någon lag" is one sentence', async () => {
    const doc = cleanDocument(await readDocument(seed('000'), LIMITS));
    expect(doc.blocks.some((b) => b.text.includes('granskar så att det inte strider mot någon lag.'))).toBe(true);
  });
});

describe('masking personnummer in marked text', () => {
  it('masks a number inside a mark and keeps the mark', () => {
    const doc = fromText('**Anna Ek 19811218-9876** deltog.');
    expect(doc.blocks[0]!.text).toBe('Anna Ek [personnummer] deltog.');
    expect(doc.blocks[0]!.inlines[0]).toEqual({ text: 'Anna Ek [personnummer]', strong: true });
  });
  it('masks a number that a mark splits, giving up the marks of that block', () => {
    const doc = fromText('**19811218**-9876 deltog.');
    expect(doc.blocks[0]!.text).toBe('[personnummer] deltog.');
    expect(doc.personnummerMasked).toBe(1);
  });
});

describe('OCR misreadings', () => {
  it('reads an agenda item\'s "$" (escaped or not) as §, and leaves other dollars alone', () => {
    const doc = fromText('\\$ 48 Dnr KFT-2026-00116\nInformation till nämnd\n\n$49 Dnr KFT-2026-00100\n\nKostnaden är $ 48 Dnr per år.');
    expect(doc.blocks.map((b) => b.text.split('\n')[0])).toEqual(['§ 48 Dnr KFT-2026-00116', '§ 49 Dnr KFT-2026-00100', 'Kostnaden är $ 48 Dnr per år.']);
  });

  it("keeps an item's subheadings as blocks of their own in a PDF's lines, however long the line before, and its boilerplate repeated on every page", () => {
    const long = 'Nämnden för Kultur & Fritid noterar informationen om verksamhetens planering till protokollet.';
    const recipients = ['Kommunstyrelsen', 'Förvaltningen för Service', 'Kommunfullmäktige'];
    const pages = [1, 2, 3].flatMap((p) => lines(p, `KUNGSBACKA KOMMUN SAMMANTRÄDESPROTOKOLL ${p} (3)`, 'Nämnden för Kultur & Fritid', 'Datum', '2024-01-24',
      `§ ${p} Dnr KFT-2024-0001${p}`, 'Information om verksamheten', 'Beslut', long, 'Sammanfattning av ärendet',
      'Förvaltningen informerar nämnden om verksamhetens planering för det kommande året och om de', 'frågor som nämnden tidigare har ställt.', 'Beslutet skickas till', recipients[p - 1]!, 'Expedierat/bestyrkt', `Sida ${p}`));
    const doc = cleanDocument({ ...raw(pages, 3), format: 'pdf', fileName: 'x.pdf' });
    const texts = doc.blocks.map((b) => b.text);
    expect(texts.filter((t) => t === 'Sammanfattning av ärendet')).toHaveLength(3);
    expect(texts.filter((t) => t === long)).toHaveLength(3);
    // The lines of running text still join into one paragraph.
    expect(texts).toContain('Förvaltningen informerar nämnden om verksamhetens planering för det kommande året och om de\nfrågor som nämnden tidigare har ställt.');
  });

  it("keeps each page's item heading, its case number differing, and a subheading near the foot of every page; drops the page counter", () => {
    const pages = [1, 2, 3].flatMap((p) => lines(p, 'KUNGSBACKA KOMMUN', 'Nämnden för Kultur & Fritid', `§ ${46 + p} Dnr KFT-2026-0010${p}`, `Ärende nummer ${p}`,
      'Beslut', 'Nämnden noterar informationen till protokollet.', 'Sammanfattning av ärendet', `Sida ${p} (3)`));
    const doc = cleanDocument({ ...raw(pages, 3), format: 'pdf', fileName: 'x.pdf' });
    const texts = doc.blocks.map((b) => b.text);
    expect(doc.pageHeader).toEqual(['KUNGSBACKA KOMMUN', 'Nämnden för Kultur & Fritid']);
    expect(texts.filter((t) => /^§ \d+ Dnr KFT-2026-0010\d$/.test(t))).toHaveLength(3);
    expect(texts.filter((t) => t === 'Sammanfattning av ärendet')).toHaveLength(3);
    expect(texts.some((t) => /Sida/.test(t))).toBe(false);
  });

  it("keeps a Word document's repeated item lines: its page header is in a part of its own, never in the body", () => {
    const items = [1, 2, 3].flatMap((n) => [textBlock('heading', `§ ${n} Ärende ${n}`, 1), textBlock('paragraph', `Dnr IFN 2024/${n}`, 1), textBlock('heading', 'Ärendebeskrivning', 1), textBlock('paragraph', `Förvaltningen redogör för ärende ${n}.`, 1)]);
    const doc = cleanDocument({ ...raw(items, 1), format: 'docx', fileName: 'x.docx' });
    expect(doc.blocks.filter((b) => /^Dnr IFN/.test(b.text))).toHaveLength(3);
    expect(doc.pageHeader).toEqual([]);
  });

  it('starts a new block at an item number alone on its line after a sentence, not after a line that runs on', () => {
    const doc = cleanDocument({ ...raw(lines(1, 'Mikaela Gretzer och Johanna Rössberger (EY) föredrar ärendet för nämnden.', '6', 'Information om granskningen',
      'Budgeten för år 2026 uppgår till', '12', 'miljoner kronor enligt förslaget.'), 1), format: 'pdf', fileName: 'x.pdf' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Mikaela Gretzer och Johanna Rössberger (EY) föredrar ärendet för nämnden.', '6', 'Information om granskningen',
      'Budgeten för år 2026 uppgår till\n12\nmiljoner kronor enligt förslaget.']);
  });
});
