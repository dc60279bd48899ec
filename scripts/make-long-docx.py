#!/usr/bin/env python3
"""A long DOCX protocol (WordprocessingML written with zipfile), for the long-DOCX test and bench.

usage: make-long-docx.py OUT.docx [PARAGRAPHS] [UNIQUE_WORD]

Headings are marked only by paragraph styles, each the way real Word files mark them: the built-in
"heading 1" (style id Heading1), Swedish Word's "Rubrik2" (name "heading 2"), a custom style whose
name is "Rubrik 3", and a custom style with an outline level only ("Avsnittsrubrik", outline level 1,
and "Underavsnitt" based on it). Every other paragraph is body text: a short capitalised line
without punctuation ("Ärende 17 kollektivtrafik i länet") followed by a long sentence, which a
length rule would take for a heading. The unique word stands in a body paragraph near the end.
Prints one JSON line: the styled headings' texts and the paragraph count.
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""


def style(style_id, name, based_on=None, outline=None):
    parts = [f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    parts.append('<w:pPr>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    parts.append('</w:pPr></w:style>')
    return ''.join(parts)


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
          + style('Normal', 'Normal')
          + style('Rubrik', 'Title')
          + style('Heading1', 'heading 1', 'Normal', 0)
          + style('Rubrik2', 'heading 2', 'Normal')
          + style('Rubrik3Egen', 'Rubrik 3', 'Normal')
          + style('Avsnittsrubrik', 'Avsnittsrubrik', 'Normal', 1)
          + style('Underavsnitt', 'Underavsnitt', 'Avsnittsrubrik')
          + '</w:styles>')

SUBJECTS = ['kollektivtrafik i länet', 'skolskjutsar och busslinjer', 'budget för äldreomsorgen',
            'bredband på landsbygden', 'kompetensförsörjning i vården', 'mottagande av flyktingar från Ukraina']
HEADING_STYLES = [('Heading1', 'Kapitel'), ('Rubrik2', 'Avdelning'), ('Rubrik3Egen', 'Del'),
                  ('Avsnittsrubrik', 'Avsnitt'), ('Underavsnitt', 'Underavsnitt')]


def paragraph(text, style_id=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ''
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    unique = sys.argv[3] if len(sys.argv) > 3 else 'kvastfenomenet'
    headings = []
    # An even index that is not a multiple of 200: a body sentence, 998 paragraphs before the end.
    unique_at = (count - 998) // 2 * 2
    body = [paragraph('Protokoll Kommunstyrelsen 9 maj 2023', 'Rubrik')]
    for i in range(1, count):
        subject = SUBJECTS[i % len(SUBJECTS)]
        if i % 200 == 0:
            style_id, word = HEADING_STYLES[(i // 200) % len(HEADING_STYLES)]
            text = f'{word} {i // 200} om {subject}'
            headings.append(text)
            body.append(paragraph(text, style_id))
        elif i % 2:
            body.append(paragraph(f'Ärende {i} {subject}'))
        else:
            extra = f' samt {unique}' if i == unique_at else ''
            body.append(paragraph(f'Nämnden diskuterade frågan om {subject} och beslutade att återkomma i ärendet nummer {i}{extra}.'))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
                + ''.join(body) + '<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        z.writestr('word/_rels/document.xml.rels', DOC_RELS)
        z.writestr('word/styles.xml', STYLES)
        z.writestr('word/document.xml', document)
    print(json.dumps({'paragraphs': count, 'headings': headings}, ensure_ascii=False))


if __name__ == '__main__':
    main()
