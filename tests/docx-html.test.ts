import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../ingest/read-docx.ts';

describe('DOCX HTML (from mammoth) → blocks', () => {
  it('keeps headings, paragraphs with bold, list items and table rows with struck cells', () => {
    const html = [
      '<h1>Protokoll Kommunstyrelsen</h1>',
      '<p><strong>Tid:</strong> 14 maj 2024 &amp; kl 13</p>',
      '<ul><li>Punkt ett<ul><li>Underpunkt</li></ul></li></ul>',
      '<table><tr><td><p>Johanna Martin (M)</p></td><td><p>Askersund kommun</p></td></tr>',
      '<tr><td><p><del>Anna Nordqvist (M)</del></p></td><td><p><del>Degerfors kommun</del></p></td></tr></table>',
      '<p>Rad ett<br />rad två</p>',
    ].join('');
    expect(htmlToBlocks(html)).toEqual([
      { kind: 'heading', level: 1, text: 'Protokoll Kommunstyrelsen', inlines: [{ text: 'Protokoll Kommunstyrelsen' }], page: 1 },
      { kind: 'paragraph', text: 'Tid: 14 maj 2024 & kl 13', inlines: [{ text: 'Tid:', strong: true }, { text: ' 14 maj 2024 & kl 13' }], page: 1 },
      { kind: 'list-item', text: '- Punkt ett', inlines: [{ text: '- Punkt ett' }], page: 1 },
      { kind: 'list-item', text: '- Underpunkt', inlines: [{ text: '- Underpunkt' }], page: 1 },
      { kind: 'table-row', text: 'Johanna Martin (M)\tAskersund kommun', inlines: [{ text: 'Johanna Martin (M)', cell: 0 }, { text: 'Askersund kommun', cell: 1 }], page: 1 },
      { kind: 'table-row', text: 'Anna Nordqvist (M)\tDegerfors kommun', inlines: [{ text: 'Anna Nordqvist (M)', struck: true, cell: 0 }, { text: 'Degerfors kommun', struck: true, cell: 1 }], page: 1 },
      { kind: 'paragraph', text: 'Rad ett\nrad två', inlines: [{ text: 'Rad ett\nrad två' }], page: 1 },
    ]);
  });

  it('keeps a literal <script> typed in the document as text, not markup', () => {
    const blocks = htmlToBlocks('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(blocks[0]!.text).toBe('<script>alert(1)</script>');
  });
});
