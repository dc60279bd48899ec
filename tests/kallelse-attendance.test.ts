import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../ingest/clean.ts';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { extractDocument } from '../extract/index.ts';

const extract = (fileName: string, text: string) => extractDocument(cleanDocument({
  source: fileName, fileName, format: 'md', sha256: '0'.repeat(64), bytes: text.length, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks: textToBlocks(text),
}), { chunkWords: 250 }).extraction;

describe('attendance in a kallelse', () => {
  const table = '| | Ärende | Beteckning | Förslag |\n| --- | --- | --- | --- |\n| | Val av justerare | | Ordinarie: Reneé Sylvan (S)<br>Ersättare: Tobias Eriksson (SD) |\n| 1. | Informationsbeskrivning<br>Föredragande: Veronica Kinn, arkivarie | 2024-05595 | |';
  it('names persons who have not attended yet: unknown; the Beteckning column gives the case numbers', () => {
    const e = extract('010_miljo-2024-11-07-kallelse.md', `KALLELSE\n\nNämnden för Miljö & Hälsoskydd\n\n${table}`);
    expect(e.docType).toBe('kallelse');
    expect(Object.fromEntries(e.persons.map((p) => [p.name, p.attendance]))).toEqual({ 'Reneé Sylvan': 'unknown', 'Tobias Eriksson': 'unknown', 'Veronica Kinn': 'unknown' });
    expect(e.caseNumbers).toEqual(['2024-05595']);
  });
  it('the same table in a protocol keeps its attendance', () => {
    const e = extract('011_ks-2024-01-01-protokoll.md', `PROTOKOLL\n\nKommunstyrelsen\n\n| Namn | Parti |\n| --- | --- |\n| Reneé Sylvan | S |`);
    expect(e.persons.map((p) => [p.name, p.attendance])).toEqual([['Reneé Sylvan', 'present']]);
  });
});
