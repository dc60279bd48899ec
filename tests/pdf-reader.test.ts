/** Reading real PDFs made by LibreOffice: running headers, strike-through drawn as lines, encryption. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { PROJECT_ROOT } from '../lib/config.ts';
import { LIMITS, SAMPLE_DIR } from './helpers.ts';

const protocol = path.join(SAMPLE_DIR, '211_arvika-kommunstyrelsen-2021-11-23-protokoll.pdf');

describe('PDF reader', () => {
  it('reads text per page and keeps the running header once, as metadata', async () => {
    const doc = cleanDocument(await readDocument(protocol, LIMITS));
    expect(doc.pageCount).toBe(3);
    expect(new Set(doc.blocks.map((b) => b.page))).toEqual(new Set([1, 2, 3]));
    expect(doc.pageHeader).toContain('Arvika kommun — Kommunstyrelsen — Sammanträdesprotokoll');
    expect(doc.blocks.some((b) => b.text.includes('Sammanträdesprotokoll Arvika kommun') || b.text.includes('— Sida'))).toBe(false);
  });

  it('finds a strike-through drawn across a table row and marks those words struck', async () => {
    const doc = cleanDocument(await readDocument(protocol, LIMITS));
    const struck = doc.blocks.flatMap((b) => b.inlines.filter((r) => r.struck).map((r) => r.text));
    expect(struck).toContain('Emma Lund (V)');
    expect(struck.some((t) => t.includes('Mikael Björk'))).toBe(false);
    const { extraction } = extractDocument(doc, { chunkWords: 250 });
    expect(extraction.persons.find((p) => p.name === 'Emma Lund')?.attendance).toBe('absent');
    expect(extraction.persons.find((p) => p.name === 'Mikael Björk')?.attendance).toBe('present');
  });

  it('finds headings by their larger letters, joining a title that wraps onto two lines', async () => {
    const doc = cleanDocument(await readDocument(path.join(SAMPLE_DIR, '212_varmlandsradet-2023-01-20-minnesanteckningar.pdf'), LIMITS));
    const { extraction } = extractDocument(doc, { chunkWords: 250 });
    expect(extraction.title).toBe('Minnesanteckningar Värmlandsrådet 20 januari 2023');
    expect(extraction.sections.map((s) => s.heading)).toEqual([
      'Minnesanteckningar Värmlandsrådet 20 januari 2023', 'Samverkansavtalet och arbetsformerna', 'Norge och Oslo–Stockholm', 'Kompetensförsörjning och nära vård', 'Nästa möte',
    ]);
  });

  it('reports an encrypted PDF as such', async () => {
    await expect(readDocument(path.join(PROJECT_ROOT, 'tests', 'fixtures', 'krypterad.pdf'), LIMITS)).rejects.toThrow(/encrypted PDF \(password required\)/);
  });
});
