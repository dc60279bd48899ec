import { describe, expect, it } from 'vitest';
import { readStyles, wordXmlToBlocks } from '../ingest/read-docx.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (inner: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const styles = (defs: string) => `<w:styles ${W}>${defs}</w:styles>`;
const style = (id: string, name: string, inner = '') => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;

describe('DOCX (WordprocessingML) → blocks', () => {
  it('keeps headings, paragraphs with bold, list items and table rows with struck cells', () => {
    const xml = doc([
      p(r('Protokoll Kommunstyrelsen'), '<w:pStyle w:val="Heading1"/>'),
      p(r('Tid:', '<w:b/>') + r(' 14 maj 2024 &amp; kl 13')),
      p(r('Punkt ett'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'),
      p(r('Underpunkt'), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>'),
      '<w:tbl><w:tr><w:tc>', p(r('Johanna Martin (M)')), '</w:tc><w:tc>', p(r('Askersund kommun')), '</w:tc></w:tr>',
      '<w:tr><w:tc>', p(r('Anna Nordqvist (M)', '<w:strike/>')), '</w:tc><w:tc>', p(r('Degerfors kommun', '<w:dstrike/>')), '</w:tc></w:tr></w:tbl>',
      p('<w:r><w:t>Rad ett</w:t><w:br/><w:t>rad två</w:t><w:br w:type="page"/></w:r>'),
    ].join(''));
    expect(wordXmlToBlocks(xml, styles(style('Heading1', 'heading 1')))).toEqual([
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
    const blocks = wordXmlToBlocks(doc(p(r('&lt;script&gt;alert(1)&lt;/script&gt;'))));
    expect(blocks[0]!.text).toBe('<script>alert(1)</script>');
  });

  it('takes heading levels from style names, Swedish style ids, outline levels and the style a style is based on', () => {
    const s = readStyles(styles([
      style('Normal', 'Normal'),
      style('Rubrik', 'Title'),
      style('Rubrik2', 'heading 2'),
      style('EgenRubrik', 'Rubrik 3'),
      style('Avsnitt', 'Avsnittsrubrik', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>'),
      style('Underavsnitt', 'Underavsnitt', '<w:basedOn w:val="Avsnitt"/>'),
      style('Brodtext', 'Brödtext', '<w:basedOn w:val="Avsnitt"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>'),
    ].join('')));
    expect(['Normal', 'Rubrik', 'Rubrik2', 'EgenRubrik', 'Avsnitt', 'Underavsnitt', 'Brodtext', 'Saknas'].map((id) => s.level(id))).toEqual([null, null, 2, 3, 1, 1, null, null]);
    // An outline level set on the paragraph itself also makes it a heading.
    expect(wordXmlToBlocks(doc(p(r('Bakgrund'), '<w:outlineLvl w:val="1"/>')))).toEqual([{ kind: 'heading', level: 2, text: 'Bakgrund', inlines: [{ text: 'Bakgrund' }], page: 1 }]);
  });

  it('reads bold from a character style, turns bold off with w:val="0", and reads a text box once', () => {
    const s = styles('<w:style w:type="character" w:styleId="Stark"><w:name w:val="Strong"/></w:style>');
    const textBox = '<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>' + p(r('I rutan')) + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + p(r('I rutan')) + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>';
    const blocks = wordXmlToBlocks(doc(p(r('Ordförande:', '<w:rStyle w:val="Stark"/>') + r(' Anna Berg', '<w:b w:val="0"/>') + textBox)), s);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'I rutan', inlines: [{ text: 'I rutan' }], page: 1 },
      { kind: 'paragraph', text: 'Ordförande: Anna Berg', inlines: [{ text: 'Ordförande:', strong: true }, { text: ' Anna Berg' }], page: 1 },
    ]);
  });
});
